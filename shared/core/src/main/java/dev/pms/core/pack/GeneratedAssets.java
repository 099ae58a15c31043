package dev.pms.core.pack;

import java.util.Map;

/** The assets a campaign's generation made, for packs to ship instead of rendering stand-ins. */
@FunctionalInterface
public interface GeneratedAssets {

    /** A ready generated asset: its image bytes (null for copy), its copy (null for images) and who made it. */
    record Ready(String assetLibraryId, byte[] bytes, String textContent, String provider, String model) {
    }

    /** Ready assets of the campaign's latest generation run, by asset node id. */
    Map<String, Ready> readyFor(String userId, String campaignId);

    static GeneratedAssets none() {
        return (userId, campaignId) -> Map.of();
    }
}
