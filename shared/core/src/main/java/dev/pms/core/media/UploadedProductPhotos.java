package dev.pms.core.media;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The product photo among a campaign's uploads: the latest image uploaded for the node itself, else the latest
 * image uploaded for any node of the campaign. Uploads announced but never PUT are skipped.
 */
public final class UploadedProductPhotos implements ProductPhotos {
    private final UploadRepository uploads;
    private final MediaStore media;

    public UploadedProductPhotos(UploadRepository uploads, MediaStore media) {
        this.uploads = uploads;
        this.media = media;
    }

    @Override
    public Optional<ProductPhoto> find(String userId, String campaignId, String nodeId) {
        if (userId == null || campaignId == null) {
            return Optional.empty();
        }
        List<UploadRecord> newestFirst = new ArrayList<>(uploads.forCampaign(userId, campaignId).stream()
                .filter(upload -> upload.mimeType() != null && upload.mimeType().startsWith("image/"))
                .sorted(Comparator.comparing(UploadRecord::createdAt).reversed())
                .toList());
        newestFirst.sort(Comparator.comparing(upload -> !Objects.equals(upload.nodeId(), nodeId)));
        for (UploadRecord upload : newestFirst) {
            Optional<byte[]> bytes = media.read(UploadService.keyOf(userId, upload.assetId()), UploadService.MAX_UPLOAD_BYTES);
            if (bytes.isPresent() && bytes.get().length > 0) {
                return Optional.of(new ProductPhoto(bytes.get(), upload.mimeType(), upload.assetId()));
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<ProductPhoto> uploaded(String userId, String uploadId) {
        if (userId == null || uploadId == null) {
            return Optional.empty();
        }
        return media.read(UploadService.keyOf(userId, uploadId), UploadService.MAX_UPLOAD_BYTES)
                .filter(bytes -> bytes.length > 0)
                .map(bytes -> new ProductPhoto(bytes, null, uploadId));
    }
}
