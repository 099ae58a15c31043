package dev.pms.core.board;

import dev.pms.core.media.MediaStore;
import dev.pms.core.media.UploadRecord;
import dev.pms.core.media.UploadRepository;
import dev.pms.core.media.UploadService;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Previews of uploads: the latest upload made for the node (one query for the whole campaign), as a presigned GET;
 * what {@code LibraryAssetPreviews} falls back to for nodes with no generated asset.
 */
public final class UploadAssetPreviews implements AssetPreviews {
    static final Duration PREVIEW_TTL = Duration.ofHours(1);

    private final UploadRepository uploads;
    private final MediaStore media;

    public UploadAssetPreviews(UploadRepository uploads, MediaStore media) {
        this.uploads = uploads;
        this.media = media;
    }

    @Override
    public Optional<String> previewUrl(String userId, String campaignId, String assetId) {
        return Optional.ofNullable(previewUrls(userId, campaignId, List.of(assetId)).get(assetId));
    }

    @Override
    public Map<String, String> previewUrls(String userId, String campaignId, Collection<String> assetIds) {
        Set<String> wanted = new HashSet<>(assetIds);
        Map<String, UploadRecord> latest = new LinkedHashMap<>();
        for (UploadRecord upload : uploads.forCampaign(userId, campaignId)) {
            if (upload.nodeId() != null && wanted.contains(upload.nodeId())) {
                latest.put(upload.nodeId(), upload);
            }
        }
        Map<String, String> urls = new LinkedHashMap<>();
        latest.forEach((nodeId, upload) -> urls.put(nodeId,
                media.presignDownload(UploadService.keyOf(userId, upload.assetId()), PREVIEW_TTL).url()));
        return urls;
    }
}
