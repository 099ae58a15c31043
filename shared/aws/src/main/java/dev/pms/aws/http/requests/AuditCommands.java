package dev.pms.aws.http.requests;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.aws.http.ApiRequest;
import dev.pms.core.audit.AuditImage;
import dev.pms.core.audit.AuditTarget;
import dev.pms.core.audit.ImageAuditService;
import dev.pms.core.error.ValidationException;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Audit request bodies read into their commands; channel and placement names are resolved against the channel
 * catalogue by the audit service, so that their problems are reported beside the body's others.
 */
@Singleton
public final class AuditCommands {
    static final String IMAGE_FIELD = "image_base64";
    static final String METADATA_FIELD = "asset_metadata";

    private final ImageAuditService audits;

    public AuditCommands(ImageAuditService audits) {
        this.audits = audits;
    }

    /** Contract #7: {@code {image_base64, asset_metadata?: {target_channel?, placement?, brand_palette?}}}. */
    public AuditImage image(ApiRequest request) {
        return image(request.jsonObjectBody());
    }

    public AuditImage image(JsonNode body) {
        InputChecker checker = new InputChecker();
        if (InputChecker.isAbsent(body) || !body.isObject()) {
            throw ValidationException.of("body", "must be a JSON object");
        }
        JsonNode imageNode = body.get(IMAGE_FIELD);
        String imageBase64 = null;
        if (InputChecker.isAbsent(imageNode)) {
            checker.add(IMAGE_FIELD, "is required");
        } else if (!imageNode.isTextual()) {
            checker.add(IMAGE_FIELD, "must be a string, not " + InputChecker.describe(imageNode));
        } else if (imageNode.textValue().isBlank()) {
            checker.add(IMAGE_FIELD, "must not be blank");
        } else {
            imageBase64 = imageNode.textValue();
        }
        JsonNode metadata = body.get(METADATA_FIELD);
        AuditTarget target = AuditTarget.NONE;
        if (checker.object(metadata, METADATA_FIELD, false)) {
            target = target(metadata, METADATA_FIELD + ".", checker);
        }
        checker.throwIfProblems("audit request");
        return new AuditImage(imageBase64, target);
    }

    /** The optional body of an upload's audit: {@code {target_channel?, placement?, brand_palette?}}. */
    public AuditTarget storedTarget(ApiRequest request) {
        JsonNode body = request.optionalJsonObjectBody();
        InputChecker checker = new InputChecker();
        AuditTarget target = InputChecker.isAbsent(body) ? AuditTarget.NONE : target(body, "", checker);
        checker.throwIfProblems("audit request");
        return target;
    }

    private AuditTarget target(JsonNode target, String prefix, InputChecker checker) {
        if (!target.isObject()) {
            checker.add(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1), "must be a JSON object");
            return AuditTarget.NONE;
        }
        String channelCode = checker.string(target.get("target_channel"), prefix + "target_channel", 40, false);
        String placementName = checker.string(target.get("placement"), prefix + "placement", 100, false);
        List<String> colours = checker.list(target.get("brand_palette"), prefix + "brand_palette",
                ImageAuditService.MAX_PALETTE_COLOURS, checker::hexColour);
        return audits.target(channelCode, placementName, colours == null ? List.of() : colours, prefix, checker);
    }
}
