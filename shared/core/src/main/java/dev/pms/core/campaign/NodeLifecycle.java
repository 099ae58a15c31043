package dev.pms.core.campaign;

import dev.pms.core.error.IllegalTransitionException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one state machine of asset nodes, and the campaign status derived from them.
 *
 * <pre>
 * planned  → proposed
 * proposed → proposed (a new proposal version) | approved | rejected
 * approved → generating | rejected | proposed (an edit after approval re-opens the proposal)
 * rejected → proposed (edit or alternate angle)
 * generating → ready | failed
 * failed   → generating (retry)
 * ready    → approved_for_publish | rejected | proposed (pushed back from review)
 * approved_for_publish → scheduled | rejected | proposed (pushed back)
 * scheduled → published | approved_for_publish (taken out of the schedule)
 * published → (final)
 * </pre>
 */
public final class NodeLifecycle {
    private static final Map<NodeStatus, Set<NodeStatus>> ALLOWED = new EnumMap<>(NodeStatus.class);
    /** Statuses set by later stages of a campaign's life; the node statuses never move a campaign out of them. */
    private static final Set<CampaignStatus> BEYOND_GENERATION = EnumSet.of(
            CampaignStatus.ACTIVE, CampaignStatus.COMPLETED, CampaignStatus.ARCHIVED);

    static {
        ALLOWED.put(NodeStatus.PLANNED, EnumSet.of(NodeStatus.PROPOSED));
        ALLOWED.put(NodeStatus.PROPOSED, EnumSet.of(NodeStatus.PROPOSED, NodeStatus.APPROVED, NodeStatus.REJECTED));
        ALLOWED.put(NodeStatus.APPROVED, EnumSet.of(NodeStatus.GENERATING, NodeStatus.REJECTED, NodeStatus.PROPOSED));
        ALLOWED.put(NodeStatus.REJECTED, EnumSet.of(NodeStatus.PROPOSED));
        ALLOWED.put(NodeStatus.GENERATING, EnumSet.of(NodeStatus.READY, NodeStatus.FAILED));
        ALLOWED.put(NodeStatus.FAILED, EnumSet.of(NodeStatus.GENERATING));
        ALLOWED.put(NodeStatus.READY, EnumSet.of(NodeStatus.APPROVED_FOR_PUBLISH, NodeStatus.REJECTED,
                NodeStatus.PROPOSED));
        ALLOWED.put(NodeStatus.APPROVED_FOR_PUBLISH, EnumSet.of(NodeStatus.SCHEDULED, NodeStatus.REJECTED,
                NodeStatus.PROPOSED));
        ALLOWED.put(NodeStatus.SCHEDULED, EnumSet.of(NodeStatus.PUBLISHED, NodeStatus.APPROVED_FOR_PUBLISH));
        ALLOWED.put(NodeStatus.PUBLISHED, EnumSet.noneOf(NodeStatus.class));
    }

    /** Statuses of a node whose asset exists: generated and in review or beyond. */
    private static final Set<NodeStatus> GENERATED = EnumSet.of(NodeStatus.READY, NodeStatus.APPROVED_FOR_PUBLISH,
            NodeStatus.SCHEDULED, NodeStatus.PUBLISHED);

    private NodeLifecycle() {
    }

    /** Statuses from which a node can adopt an asset made outside generation (an imported asset's variant). */
    private static final Set<NodeStatus> ADOPTABLE = EnumSet.of(NodeStatus.PLANNED, NodeStatus.PROPOSED,
            NodeStatus.APPROVED, NodeStatus.REJECTED, NodeStatus.FAILED, NodeStatus.READY);

    /**
     * The campaign with each of {@code nodeIds} that can adopt an asset made outside generation (Journey B's
     * published variants, approved by the caller) moved to {@code approved_for_publish}; nodes being generated,
     * already approved for publish, scheduled or published are left as they are. Same version: store the result through
     * {@link NodeStatusService}.
     */
    public static Campaign adopted(Campaign campaign, Set<String> nodeIds) {
        List<AssetNode> nodes = new ArrayList<>();
        for (AssetNode node : campaign.assetNodes()) {
            nodes.add(nodeIds.contains(node.assetId()) && ADOPTABLE.contains(node.status())
                    ? node.withStatus(NodeStatus.APPROVED_FOR_PUBLISH) : node);
        }
        return campaign.withNodes(nodes);
    }

    /** Whether the node could adopt an asset made outside generation. */
    public static boolean adoptable(NodeStatus status) {
        return ADOPTABLE.contains(status);
    }

    /** Whether the node's asset has been generated (in review, approved for publish, scheduled or published). */
    public static boolean generated(NodeStatus status) {
        return GENERATED.contains(status);
    }

    public static boolean allows(NodeStatus from, NodeStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    /** @throws IllegalTransitionException when the lifecycle does not allow {@code from → to} */
    public static void check(String assetId, NodeStatus from, NodeStatus to) {
        if (!allows(from, to)) {
            throw new IllegalTransitionException("asset " + assetId + " cannot go from " + from.code() + " to " + to.code()
                    + (ALLOWED.get(from).isEmpty() ? " (" + from.code() + " is final)"
                    : " (allowed: " + String.join(", ", ALLOWED.get(from).stream().map(NodeStatus::code).toList()) + ")"));
        }
    }

    /**
     * The campaign with the given nodes moved to their new statuses, its status derived again, {@code updatedAt}
     * set and the version incremented (store it with the campaign's previous version as the expected one).
     *
     * @param targets new status by asset id; every id must be a node of the campaign
     * @throws IllegalTransitionException when a move is not allowed (nothing is changed then)
     */
    public static Campaign apply(Campaign campaign, Map<String, NodeStatus> targets, Instant now) {
        List<AssetNode> nodes = new ArrayList<>();
        int moved = 0;
        for (AssetNode node : campaign.assetNodes()) {
            NodeStatus target = targets.get(node.assetId());
            if (target == null) {
                nodes.add(node);
                continue;
            }
            check(node.assetId(), node.status(), target);
            nodes.add(node.withStatus(target));
            moved++;
        }
        if (moved != targets.size()) {
            throw new IllegalArgumentException("campaign " + campaign.campaignId() + " lacks some of the nodes " + targets.keySet());
        }
        return campaign.withNodes(nodes).withStatus(campaignStatus(campaign.status(), nodes)).revised(now);
    }

    /**
     * The campaign status its nodes imply: {@code generating} while any node generates; else {@code draft} while any
     * node is still only planned (or there are none); else {@code ready} when every node is generated (ready or
     * beyond it: approved for publish, scheduled, published); else
     * {@code proposed} (every node has a proposal, whatever its review state). A campaign already {@code active},
     * {@code completed} or {@code archived} keeps that status.
     */
    public static CampaignStatus campaignStatus(CampaignStatus current, List<AssetNode> nodes) {
        return campaignStatus(current, CampaignNodes.countByStatus(nodes));
    }

    /** {@link #campaignStatus(CampaignStatus, List)} from the count of nodes in each status. */
    public static CampaignStatus campaignStatus(CampaignStatus current, Map<NodeStatus, Integer> counts) {
        if (current != null && BEYOND_GENERATION.contains(current)) {
            return current;
        }
        if (counts.getOrDefault(NodeStatus.GENERATING, 0) > 0) {
            return CampaignStatus.GENERATING;
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0 || counts.getOrDefault(NodeStatus.PLANNED, 0) > 0) {
            return CampaignStatus.DRAFT;
        }
        int generated = GENERATED.stream().mapToInt(status -> counts.getOrDefault(status, 0)).sum();
        return generated == total ? CampaignStatus.READY : CampaignStatus.PROPOSED;
    }
}
