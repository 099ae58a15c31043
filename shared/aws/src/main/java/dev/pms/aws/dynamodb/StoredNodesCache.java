package dev.pms.aws.dynamodb;

import dev.pms.aws.dynamodb.CampaignItems.StoredNode;
import dev.pms.core.campaign.Campaign;

import java.util.LinkedHashMap;
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

    synchronized void forget(String userId, String campaignId) {
        entries.remove(key(userId, campaignId));
    }

    private static String key(String userId, String campaignId) {
        return userId + "\n" + campaignId;
    }
}
