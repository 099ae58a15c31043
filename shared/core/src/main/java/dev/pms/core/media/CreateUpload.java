package dev.pms.core.media;

import java.util.Objects;

/**
 * An image to upload for audit: a presigned PUT for exactly these bytes of this type.
 *
 * @param campaignId with {@code nodeId}, the campaign image node the upload is for; both null for none
 */
public record CreateUpload(String filename, String mimeType, long bytes, String campaignId, String nodeId) {

    public CreateUpload {
        Objects.requireNonNull(filename, "filename");
        if (!UploadService.IMAGE_TYPES.contains(mimeType)) {
            throw new IllegalArgumentException("uploads are images of the types " + UploadService.IMAGE_TYPES);
        }
        if (bytes < 1 || bytes > UploadService.MAX_UPLOAD_BYTES) {
            throw new IllegalArgumentException("an upload has 1.." + UploadService.MAX_UPLOAD_BYTES + " bytes");
        }
        if ((campaignId == null) != (nodeId == null)) {
            throw new IllegalArgumentException("campaign_id and node_id go together");
        }
    }
}
