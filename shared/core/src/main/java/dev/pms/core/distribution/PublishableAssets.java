package dev.pms.core.distribution;

import java.util.Collection;
import java.util.Map;

/** Port: the current asset of each of a campaign's nodes, for the schedule exports. */
@FunctionalInterface
public interface PublishableAssets {

    /** By node asset id, for those of {@code assetIds} that have a current asset. */
    Map<String, PublishableAsset> current(String userId, String campaignId, Collection<String> assetIds);
}
