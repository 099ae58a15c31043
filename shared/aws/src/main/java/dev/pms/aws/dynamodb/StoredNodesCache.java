package dev.pms.aws.dynamodb;

import dev.pms.aws.dynamodb.CampaignItems.StoredNode;
import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.Campaign;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The node items of the campaigns this process last read or wrote, each at the version it saw, so that a write can
 * send only the nodes that changed without reading them again. An entry is used only for the exact version it
 * holds: the version is the lock of the whole campaign, so a write at that version starts from exactly these items.
 */
final class StoredNodesCache {
    private record Entry(long version, Map<String, StoredNode> nodes) {
    }

    private final Map<String, Entry> entries;

    StoredNodesCache(int campaigns) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > campaigns;
            }
        };
    }

    synchronized void remember(Campaign campaign, Map<String, StoredNode> nodes) {
        entries.put(key(campaign.userId(), campaign.campaignId()), new Entry(campaign.version(), Map.copyOf(nodes)));
    }

    synchronized Optional<Map<String, StoredNode>> nodesAt(String userId, String campaignId, long version) {
        Entry entry = entries.get(key(userId, campaignId));
        return entry != null && entry.version() == version ? Optional.of(entry.nodes()) : Optional.empty();
    }

    /**
     * The entry at {@code from}, if there is one, moved to version {@code to} with {@code moved}'s documents in place of
     * theirs; any other entry of the campaign is dropped.
     */
    synchronized void advance(String userId, String campaignId, long from, long to, List<AssetNode> moved) {
        String key = key(userId, campaignId);
        Entry entry = entries.remove(key);
        if (entry == null || entry.version() != from) {
            return;
        }
        Map<String, StoredNode> nodes = new HashMap<>(entry.nodes());
        for (AssetNode node : moved) {
            StoredNode stored = nodes.get(node.assetId());
            if (stored == null) {
                return;
            }
            nodes.put(node.assetId(), new StoredNode(stored.position(), Documents.of(node).s()));
        }
        entries.put(key, new Entry(to, Map.copyOf(nodes)));
    }

    synchronized void forget(String userId, String campaignId) {
        entries.remove(key(userId, campaignId));
    }

    private static String key(String userId, String campaignId) {
        return userId + "\n" + campaignId;
    }
}
