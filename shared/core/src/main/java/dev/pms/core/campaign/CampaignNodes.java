package dev.pms.core.campaign;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Part of a stored campaign, enough to move some of its nodes: the campaign with only those nodes (every other field
 * as stored, the version included) and how many of all its nodes are in each status, from which the campaign status
 * is derived.
 */
public record CampaignNodes(Campaign campaign, Map<NodeStatus, Integer> statusCounts) {

    public CampaignNodes {
        statusCounts = Map.copyOf(statusCounts);
    }

    /** The part of {@code whole} holding the nodes {@code assetIds} names. */
    public static CampaignNodes of(Campaign whole, Collection<String> assetIds) {
        List<AssetNode> named = whole.assetNodes().stream().filter(node -> assetIds.contains(node.assetId())).toList();
        return new CampaignNodes(whole.withNodes(named), countByStatus(whole.assetNodes()));
    }

    public static Map<NodeStatus, Integer> countByStatus(List<AssetNode> nodes) {
        Map<NodeStatus, Integer> counts = new EnumMap<>(NodeStatus.class);
        nodes.forEach(node -> counts.merge(node.status(), 1, Integer::sum));
        return counts;
    }

    /** The counts after {@code moved} (nodes of this part, with their new statuses) replace their earlier selves. */
    public Map<NodeStatus, Integer> countsAfter(List<AssetNode> moved) {
        Map<NodeStatus, Integer> counts = new EnumMap<>(NodeStatus.class);
        counts.putAll(statusCounts);
        for (AssetNode node : moved) {
            campaign.assetNodes().stream().filter(before -> before.assetId().equals(node.assetId())).findFirst()
                    .ifPresent(before -> counts.merge(before.status(), -1, Integer::sum));
            counts.merge(node.status(), 1, Integer::sum);
        }
        counts.values().removeIf(count -> count <= 0);
        return counts;
    }
}
