package dev.pms.functions.personalization;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.aws.http.ApiController;
import dev.pms.aws.http.ApiPrefixes;
import dev.pms.aws.http.ApiRequest;
import dev.pms.aws.http.ApiResponse;
import dev.pms.aws.http.ApiRoute;
import dev.pms.core.error.ValidationException;
import dev.pms.core.personalization.IntelligentPromptRequest;
import dev.pms.core.personalization.IntelligentPromptService;
import dev.pms.core.personalization.PersonalizationPriming;
import dev.pms.core.personalization.PersonalizationService;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Set;

/** The personalization routes: what was learned, forgetting it, form defaults, recommendations, intelligent prompt. */
@Singleton
public class PersonalizationController implements ApiController {
    private static final String PREFIX = ApiPrefixes.PRODUCT_MARKETING;
    private static final String PREFERENCES = PREFIX + "/personalization/preferences";
    private static final Set<String> PROMPT_FIELDS = Set.of("user_input", "asset_type");

    private final PersonalizationService personalization;
    private final IntelligentPromptService prompts;

    public PersonalizationController(PersonalizationService personalization, IntelligentPromptService prompts) {
        this.personalization = personalization;
        this.prompts = prompts;
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.authenticated("GET " + PREFERENCES, this::preferences),
                ApiRoute.authenticated("DELETE " + PREFERENCES, this::forget),
                ApiRoute.authenticated("GET " + PREFIX + "/personalization/defaults/{form_type}", this::defaults),
                ApiRoute.authenticated("GET " + PREFIX + "/personalization/recommendations", this::recommendations),
                ApiRoute.authenticated("POST " + PREFIX + "/intelligent-prompt", this::intelligentPrompt));
    }

    /** Derives preferences from sample signals, every form's defaults and an intelligent prompt, all in memory. */
    @Override
    public void prime() {
        PersonalizationPriming.run().forEach(ApiResponse::ok);
    }

    private ApiResponse preferences(ApiRequest request) {
        return ApiResponse.ok(personalization.preferences(request.userId()));
    }

    private ApiResponse forget(ApiRequest request) {
        return ApiResponse.ok(personalization.forget(request.userId()));
    }

    private ApiResponse defaults(ApiRequest request) {
        return ApiResponse.ok(personalization.defaults(request.userId(), request.pathParameter("form_type")));
    }

    private ApiResponse recommendations(ApiRequest request) {
        return ApiResponse.ok(personalization.recommendations(request.userId()));
    }

    private ApiResponse intelligentPrompt(ApiRequest request) {
        JsonNode body = request.jsonObjectBody();
        body.fieldNames().forEachRemaining(field -> refuseUnknown(field));
        return ApiResponse.ok(prompts.infer(request.userId(),
                new IntelligentPromptRequest(text(body, "user_input"), text(body, "asset_type"))));
    }

    private static void refuseUnknown(String field) {
        if (!PROMPT_FIELDS.contains(field)) {
            throw ValidationException.of(field, "is not a field of the intelligent prompt (send user_input and, "
                    + "optionally, asset_type)");
        }
    }

    /** A string field's text, null when absent or null; any other JSON type is a 400 naming the field. */
    private static String text(JsonNode body, String field) {
        JsonNode value = body.path(field);
        if (value.isMissingNode() || value.isNull() || value.isTextual()) {
            return value.isTextual() ? value.textValue() : null;
        }
        throw ValidationException.of(field, "must be a string");
    }
}
