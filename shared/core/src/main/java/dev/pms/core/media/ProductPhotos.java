package dev.pms.core.media;

import java.util.Optional;

/** Where a creative finds the images the user uploaded: the campaign's product photo, a persona's picture. */
public interface ProductPhotos {

    /** The photo for the campaign's node {@code nodeId}; empty when the user uploaded none. */
    Optional<ProductPhoto> find(String userId, String campaignId, String nodeId);

    /** An image the user uploaded, by its upload id (a persona's picture); empty when there is no such image. */
    default Optional<ProductPhoto> uploaded(String userId, String uploadId) {
        return Optional.empty();
    }

    static ProductPhotos none() {
        return (userId, campaignId, nodeId) -> Optional.empty();
    }
}
