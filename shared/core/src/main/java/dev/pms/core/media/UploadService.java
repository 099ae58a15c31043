package dev.pms.core.media;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.audit.AuditReport;
import dev.pms.core.audit.ImageAuditService;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.ValidationException;
import dev.pms.core.validation.InputChecker;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Uploads of existing assets for audit: the client gets a presigned PUT into the caller's own prefix,
 * sends the bytes straight to storage, then asks for the audit by asset id. The prefix is derived from
 * the caller, so another user's asset id simply does not exist for them.
 */
public final class UploadService {
    public static final long MAX_UPLOAD_BYTES = 10L * 1024 * 1024;
    static final Duration UPLOAD_URL_TTL = Duration.ofMinutes(15);
    private static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/gif");
    private static final Pattern ASSET_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final MediaStore media;
    private final ImageAuditService audits;
    private final Supplier<String> ids;

    public UploadService(MediaStore media, ImageAuditService audits, Supplier<String> ids) {
        this.media = media;
        this.audits = audits;
        this.ids = ids;
    }

    /** The body of {@code POST /assets/uploads}: the new asset id and where to PUT it. */
    public record Upload(String assetId, String uploadUrl, Instant expiresAt,
                         Map<String, String> requiredHeaders, long maxBytes) {
    }

    /** {@code {filename, mime_type, bytes}} → a presigned PUT for exactly those bytes of that type. */
    public Upload create(String userId, JsonNode body) {
        if (InputChecker.isAbsent(body) || !body.isObject()) {
            throw ValidationException.of("body", "must be a JSON object");
        }
        InputChecker check = new InputChecker();
        String filename = check.string(body.get("filename"), "filename", 255, true);
        if (filename != null && (filename.contains("/") || filename.contains("\\") || filename.isBlank())) {
            check.add("filename", "must be a plain file name without folders");
        }
        String mimeType = check.string(body.get("mime_type"), "mime_type", 100, true);
        if (mimeType != null && !IMAGE_TYPES.contains(mimeType)) {
            check.add("mime_type", "must be one of " + String.join(", ", IMAGE_TYPES.stream().sorted().toList()));
        }
        JsonNode bytesNode = body.get("bytes");
        long bytes = 0;
        if (InputChecker.isAbsent(bytesNode)) {
            check.add("bytes", "is required");
        } else if (!bytesNode.canConvertToLong() || !bytesNode.isIntegralNumber()) {
            check.add("bytes", "must be a whole number");
        } else {
            bytes = bytesNode.asLong();
            if (bytes < 1 || bytes > MAX_UPLOAD_BYTES) {
                check.add("bytes", "must be between 1 and " + MAX_UPLOAD_BYTES);
            }
        }
        check.throwIfProblems("upload request");
        String assetId = ids.get();
        PresignedUpload presigned = media.presignUpload(keyOf(userId, assetId), mimeType, bytes, UPLOAD_URL_TTL);
        return new Upload(assetId, presigned.url(), presigned.expiresAt(), presigned.requiredHeaders(), bytes);
    }

    /** Audits an uploaded asset; {@code target} is {@code {target_channel?, placement?, brand_palette?}}. */
    public AuditReport audit(String userId, String assetId, JsonNode target) {
        if (assetId == null || !ASSET_ID.matcher(assetId).matches()) {
            throw new NotFoundException("asset " + assetId + " not found");
        }
        byte[] image = media.read(keyOf(userId, assetId), MAX_UPLOAD_BYTES).orElseThrow(() -> new NotFoundException(
                "asset " + assetId + " not found (PUT the image to its upload_url first)"));
        return audits.auditStored(image, target);
    }

    /** {@code uploads/<hash of the user>/<asset id>}: per-user, and safe whatever characters the subject has. */
    static String keyOf(String userId, String assetId) {
        return "uploads/" + UserKeys.userHash(userId) + "/" + assetId;
    }
}
