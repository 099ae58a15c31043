package dev.pms.aws.http.requests;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.aws.http.ApiRequest;
import dev.pms.core.error.FieldError;
import dev.pms.core.error.ValidationException;
import dev.pms.core.generation.ApproveGeneration;
import dev.pms.core.generation.GenerateAsset;
import dev.pms.core.generation.StartGeneration;
import dev.pms.core.pricing.QualityTier;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Request bodies of the generation routes read into their commands; every problem is a 400 naming the field. */
public final class GenerationCommands {
    private static final Set<String> START_FIELDS = Set.of("autopilot", "tier");

    private GenerationCommands() {
    }

    /** {@code {"autopilot": bool, "tier": "draft|standard|premium"}}, both optional, as is the body. */
    public static StartGeneration start(ApiRequest request) {
        JsonNode body = request.optionalJsonObjectBody();
        InputChecker check = new InputChecker();
        boolean object = check.object(body, "body", false);
        if (object) {
            check.rejectUnknownKeys(body, "", START_FIELDS);
        }
        boolean autopilot = object && Boolean.TRUE.equals(check.bool(body.get("autopilot"), "autopilot"));
        QualityTier tier = object ? check.code(body.get("tier"), "tier", v -> QualityTier.parse(v).orElse(null),
                "one of draft, standard, premium", false) : null;
        check.throwIfProblems("generation request");
        return new StartGeneration(autopilot, tier);
    }

    /** {@code {"approve_pending": bool}}, true when left out, as is the body. */
    public static ApproveGeneration approve(ApiRequest request) {
        JsonNode body = request.optionalJsonObjectBody();
        InputChecker check = new InputChecker();
        boolean object = check.object(body, "body", false);
        if (object) {
            check.rejectUnknownKeys(body, "", Set.of("approve_pending"));
        }
        Boolean pending = object ? check.bool(body.get("approve_pending"), "approve_pending") : null;
        check.throwIfProblems("approval");
        return new ApproveGeneration(pending == null || pending);
    }

    /** {@code {"asset_proposal": {campaign_id, asset_id, proposed_prompt?, recommended_provider?, recommended_model?}}}. */
    public static GenerateAsset generateAsset(ApiRequest request) {
        JsonNode body = request.jsonObjectBody();
        List<FieldError> errors = new ArrayList<>();
        JsonNode proposal = body.get("asset_proposal");
        if (proposal == null || !proposal.isObject()) {
            throw ValidationException.of("asset_proposal", "is required: {asset_id, campaign_id}");
        }
        String campaignId = text(proposal, "campaign_id", errors);
        String assetId = text(proposal, "asset_id", errors);
        if (!errors.isEmpty()) {
            throw new ValidationException("asset_proposal must name the campaign and the asset it is for.", errors);
        }
        JsonNode prompt = proposal.get("proposed_prompt");
        if (prompt != null && !prompt.isNull() && !prompt.isTextual()) {
            throw ValidationException.of("asset_proposal.proposed_prompt", "must be text");
        }
        return new GenerateAsset(campaignId, assetId, prompt == null || prompt.isNull() ? null : prompt.asText(),
                requestedModel(proposal));
    }

    private static String requestedModel(JsonNode proposal) {
        JsonNode provider = proposal.get("recommended_provider");
        JsonNode model = proposal.get("recommended_model");
        if (provider == null || model == null || !provider.isTextual() || !model.isTextual()
                || provider.asText().isBlank() || model.asText().isBlank()) {
            return null;
        }
        return provider.asText().trim() + "/" + model.asText().trim();
    }

    private static String text(JsonNode object, String field, List<FieldError> errors) {
        JsonNode value = object.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            errors.add(new FieldError("asset_proposal." + field, "is required"));
            return null;
        }
        return value.asText();
    }
}
