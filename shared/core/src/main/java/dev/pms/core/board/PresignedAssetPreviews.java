package dev.pms.core.board;

import dev.pms.core.media.MediaStore;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Previews that find many nodes' media in one read and show each as a presigned GET valid for an hour; one node's
 * preview is the one-node case.
 */
public abstract class PresignedAssetPreviews implements AssetPreviews {
    static final Duration PREVIEW_TTL = Duration.ofHours(1);

    private final MediaStore media;

    protected PresignedAssetPreviews(MediaStore media) {
        this.media = media;
    }

    @Override
    public final Optional<String> previewUrl(String userId, String campaignId, String assetId) {
        return Optional.ofNullable(previewUrls(userId, campaignId, List.of(assetId)).get(assetId));
    }

    @Override
    public abstract Map<String, String> previewUrls(String userId, String campaignId, Collection<String> assetIds);

    /** A short-lived URL of the stored media. */
    protected final String presigned(String storageKey) {
        return media.presignDownload(storageKey, PREVIEW_TTL).url();
    }
}
