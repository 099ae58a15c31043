package dev.pms.core.board;

import dev.pms.core.media.MediaStore;
import dev.pms.core.media.UploadRecord;
import dev.pms.core.media.UploadRepository;
import dev.pms.core.media.UploadService;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Previews of uploads: the latest upload made for the node (one query for the whole campaign), as a presigned GET;
 * what {@code LibraryAssetPreviews} falls back to for nodes with no generated asset.
 */
public final class UploadAssetPreviews extends PresignedAssetPreviews {
    private final UploadRepository uploads;

    public UploadAssetPreviews(UploadRepository uploads, MediaStore media) {
        super(media);
        this.uploads = uploads;
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
        latest.forEach((nodeId, upload) -> urls.put(nodeId, presigned(UploadService.keyOf(userId, upload.assetId()))));
        return urls;
    }
}
