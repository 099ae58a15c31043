package dev.pms.core.generation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The asset ids of each campaign's latest run as one instance last read them, so that a status poll can fetch the
 * assets' progress beside the run itself instead of after it. A guess is used only when the run just read lists the
 * same ids, so an outdated entry costs a second round trip, never a wrong answer.
 */
final class LastSeenRunAssets {
    static final int CAMPAIGNS_REMEMBERED = 512;

    private final Map<String, List<String>> byCampaign = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
            return size() > CAMPAIGNS_REMEMBERED;
        }
    };

    /** The ids last seen for the campaign's run, or an empty list when none were. */
    synchronized List<String> guess(String userId, String campaignId) {
        return byCampaign.getOrDefault(key(userId, campaignId), List.of());
    }

    synchronized void remember(String userId, String campaignId, List<String> assetLibraryIds) {
        byCampaign.put(key(userId, campaignId), List.copyOf(assetLibraryIds));
    }

    private static String key(String userId, String campaignId) {
        return userId + "\n" + campaignId;
    }
}
