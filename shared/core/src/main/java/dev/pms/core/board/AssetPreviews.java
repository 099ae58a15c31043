package dev.pms.core.board;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Port: a short-lived URL showing a campaign node's current asset, for the board's cards and the exports, and what a
 * card shows of that asset beside it.
 */
public interface AssetPreviews {

    Optional<String> previewUrl(String userId, String campaignId, String assetId);

    /** The preview URL of each of the nodes that has one; implementations may answer all in one read. */
    default Map<String, String> previewUrls(String userId, String campaignId, Collection<String> assetIds) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (String assetId : assetIds) {
            previewUrl(userId, campaignId, assetId).ifPresent(url -> urls.put(assetId, url));
        }
        return urls;
    }

    /** The brand-consistency score of each node's current text asset that has one. */
    default Map<String, Double> brandConsistency(String userId, String campaignId, Collection<String> assetIds) {
        return Map.of();
    }
}
