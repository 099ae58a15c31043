package dev.pms.core.media;

import java.util.Optional;

/** Where a creative finds the product photo the user uploaded for a campaign. */
public interface ProductPhotos {

    /** The photo for the campaign's node {@code nodeId}; empty when the user uploaded none. */
    Optional<ProductPhoto> find(String userId, String campaignId, String nodeId);

    static ProductPhotos none() {
        return (userId, campaignId, nodeId) -> Optional.empty();
    }
}
