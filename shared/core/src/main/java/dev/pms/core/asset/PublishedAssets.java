package dev.pms.core.asset;

import java.util.Map;

/**
 * Port: assets a campaign's nodes took from outside its generation runs — Journey B's published variants of imported
 * assets — by node id, so that packs, the schedule exports and previews ship them like generated ones.
 */
@FunctionalInterface
public interface PublishedAssets {

    /** Asset library id by node id. */
    Map<String, String> published(String userId, String campaignId);

    static PublishedAssets none() {
        return (userId, campaignId) -> Map.of();
    }
}
