package dev.pms.aws.http.requests;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.aws.http.ApiRequest;
import dev.pms.core.error.ValidationException;
import dev.pms.core.media.CreateUpload;
import dev.pms.core.media.UploadService;

/** The upload request body read into its command, every problem reported at once. */
public final class UploadCommands {

    private UploadCommands() {
    }

    /** {@code {filename, mime_type, bytes, campaign_id?, node_id?}}. */
    public static CreateUpload create(ApiRequest request) {
        return create(request.jsonObjectBody());
    }

    static CreateUpload create(JsonNode body) {
        if (InputChecker.isAbsent(body) || !body.isObject()) {
            throw ValidationException.of("body", "must be a JSON object");
        }
        InputChecker check = new InputChecker();
        String filename = check.displayName(body.get("filename"), "filename", 255, true);
        if (filename != null && (filename.contains("/") || filename.contains("\\") || filename.isBlank())) {
            check.add("filename", "must be a plain file name without folders");
        }
        String mimeType = check.string(body.get("mime_type"), "mime_type", 100, true);
        if (mimeType != null && !UploadService.IMAGE_TYPES.contains(mimeType)) {
            check.add("mime_type", "must be one of " + String.join(", ",
                    UploadService.IMAGE_TYPES.stream().sorted().toList()));
        }
        JsonNode bytesNode = body.get("bytes");
        long bytes = 0;
        if (InputChecker.isAbsent(bytesNode)) {
            check.add("bytes", "is required");
        } else if (!bytesNode.canConvertToLong() || !bytesNode.isIntegralNumber()) {
            check.add("bytes", "must be a whole number");
        } else {
            bytes = bytesNode.asLong();
            if (bytes < 1 || bytes > UploadService.MAX_UPLOAD_BYTES) {
                check.add("bytes", "must be between 1 and " + UploadService.MAX_UPLOAD_BYTES);
            }
        }
        String campaignId = check.string(body.get("campaign_id"), "campaign_id", 100, false);
        String nodeId = check.string(body.get("node_id"), "node_id", 100, false);
        if ((campaignId == null) != (nodeId == null)) {
            check.add(campaignId == null ? "campaign_id" : "node_id", "campaign_id and node_id go together");
        }
        check.throwIfProblems("upload request");
        return new CreateUpload(filename, mimeType, bytes, campaignId, nodeId);
    }
}
