package dev.pms.core.campaign;

import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.VersionConflictException;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;

/**
 * Moves asset nodes of a stored campaign through {@link NodeLifecycle}: reads the campaign, applies the moves, derives
 * the campaign status and writes with optimistic locking. This is the one retry policy of node moves: many workers
 * finish assets of one campaign at once and each rewrites the campaign item, so a lost race (a version conflict) is
 * re-read and retried after a short random pause, at most {@value #MAX_WRITE_ATTEMPTS} writes in all; any other
 * failure is passed on at once.
 */
public final class NodeStatusService {
    /** How often a write is tried before a version conflict is passed on. */
    public static final int MAX_WRITE_ATTEMPTS = 6;

    /** The pause after a lost race, before the next attempt. */
    @FunctionalInterface
    public interface Backoff {
        /** A random pause that grows with the attempts, so racing writers spread out. */
        Backoff JITTERED = failedAttempt -> LockSupport.parkNanos(
                Duration.ofMillis(ThreadLocalRandom.current().nextLong(5, 20L << failedAttempt)).toNanos());

        void pauseAfter(int failedAttempt);
    }

    /** What to do with a move the node's current status does not allow. */
    public enum Policy {
        /** Throw {@link dev.pms.core.error.IllegalTransitionException} and change nothing. */
        STRICT,
        /**
         * Leave that node as it is (a concurrent writer already moved it on, or re-planned it away) and move the
         * others.
         */
        SKIP_DISALLOWED
    }

    private final CampaignRepository campaigns;
    private final Clock clock;
    private final Backoff backoff;

    public NodeStatusService(CampaignRepository campaigns, Clock clock) {
        this(campaigns, clock, Backoff.JITTERED);
    }

    public NodeStatusService(CampaignRepository campaigns, Clock clock, Backoff backoff) {
        this.campaigns = Objects.requireNonNull(campaigns, "campaigns");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
    }

    /**
     * Moves each node to its target status (a node already there is left alone), strictly.
     *
     * @return the stored campaign after the change
     * @throws NotFoundException when the caller has no such campaign
     * @throws IllegalArgumentException when a target names no node of the campaign
     * @throws dev.pms.core.error.IllegalTransitionException when a move is not allowed
     * @throws VersionConflictException when {@value #MAX_WRITE_ATTEMPTS} writes in a row lost a race
     */
    public Campaign move(String userId, String campaignId, Map<String, NodeStatus> targets) {
        return move(userId, campaignId, targets, Policy.STRICT, UnaryOperator.identity());
    }

    /**
     * Like {@link #move(String, String, Map)}, with the given policy; {@code alsoChange} is applied to the freshly read
     * campaign in the same write (e.g. to store another field along with the moves) and must keep its id, owner and
     * version. Nothing is written when there is nothing to move and {@code alsoChange} changes nothing.
     */
    public Campaign move(String userId, String campaignId, Map<String, NodeStatus> targets, Policy policy,
                         UnaryOperator<Campaign> alsoChange) {
        for (int attempt = 1; ; attempt++) {
            try {
                return moveOnce(userId, campaignId, targets, policy, alsoChange);
            } catch (VersionConflictException e) {
                if (attempt == MAX_WRITE_ATTEMPTS) {
                    throw e;
                }
                backoff.pauseAfter(attempt);
            }
        }
    }

    /**
     * One attempt to move the nodes where their status allows it, for live progress: a lost race or a deleted campaign
     * is left to whoever settles the nodes later.
     *
     * @return whether the campaign was read and is now as asked
     */
    public boolean tryMove(String userId, String campaignId, Map<String, NodeStatus> targets) {
        try {
            moveNodesOnce(userId, campaignId, targets);
            return true;
        } catch (NotFoundException | VersionConflictException e) {
            return false;
        }
    }

    /**
     * Moves the nodes where their status allows it (others are left as they are), reading and writing only those nodes
     * and the campaign's own fields, with {@link #move}'s retry policy: what generation's many single-node moves need,
     * whatever the campaign's size.
     *
     * @throws NotFoundException when the caller has no such campaign
     * @throws VersionConflictException when {@value #MAX_WRITE_ATTEMPTS} writes in a row lost a race
     */
    public void moveNodes(String userId, String campaignId, Map<String, NodeStatus> targets) {
        for (int attempt = 1; ; attempt++) {
            try {
                moveNodesOnce(userId, campaignId, targets);
                return;
            } catch (VersionConflictException e) {
                if (attempt == MAX_WRITE_ATTEMPTS) {
                    throw e;
                }
                backoff.pauseAfter(attempt);
            }
        }
    }

    private void moveNodesOnce(String userId, String campaignId, Map<String, NodeStatus> targets) {
        CampaignNodes part = campaigns.findNodes(userId, campaignId, targets.keySet())
                .orElseThrow(() -> new NotFoundException("campaign " + campaignId + " not found"));
        List<AssetNode> moved = new ArrayList<>();
        for (AssetNode node : part.campaign().assetNodes()) {
            NodeStatus target = targets.get(node.assetId());
            if (target != null && node.status() != target && NodeLifecycle.allows(node.status(), target)) {
                moved.add(node.withStatus(target));
            }
        }
        if (moved.isEmpty()) {
            return;
        }
        CampaignStatus status = NodeLifecycle.campaignStatus(part.campaign().status(), part.countsAfter(moved));
        campaigns.updateNodes(part, moved, status, clock.instant());
    }

    private Campaign moveOnce(String userId, String campaignId, Map<String, NodeStatus> targets, Policy policy,
                              UnaryOperator<Campaign> alsoChange) {
        Campaign campaign = campaigns.find(userId, campaignId)
                .orElseThrow(() -> new NotFoundException("campaign " + campaignId + " not found"));
        Map<String, NodeStatus> moves = new LinkedHashMap<>();
        for (AssetNode node : campaign.assetNodes()) {
            NodeStatus target = targets.get(node.assetId());
            if (target == null || node.status() == target) {
                continue;
            }
            if (policy == Policy.STRICT) {
                NodeLifecycle.check(node.assetId(), node.status(), target);
            }
            if (NodeLifecycle.allows(node.status(), target)) {
                moves.put(node.assetId(), target);
            }
        }
        for (String assetId : targets.keySet()) {
            if (policy == Policy.STRICT && campaign.assetNodes().stream().noneMatch(n -> n.assetId().equals(assetId))) {
                throw new IllegalArgumentException("asset " + assetId + " is not a node of campaign " + campaignId);
            }
        }
        Campaign changed = alsoChange.apply(campaign);
        if (moves.isEmpty() && changed.equals(campaign)) {
            return campaign;
        }
        Campaign updated = NodeLifecycle.apply(changed, moves, clock.instant());
        campaigns.update(updated, campaign.version());
        return updated;
    }

    /**
     * Moves the nodes that can adopt an asset made outside generation to {@code approved_for_publish} (see
     * {@link NodeLifecycle#adopted}); the others are left as they are.
     *
     * @return the stored campaign after the change
     */
    public Campaign adopt(String userId, String campaignId, java.util.Set<String> nodeIds) {
        return move(userId, campaignId, Map.of(), Policy.SKIP_DISALLOWED, c -> NodeLifecycle.adopted(c, nodeIds));
    }
}
