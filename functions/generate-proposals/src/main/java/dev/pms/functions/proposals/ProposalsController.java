package dev.pms.functions.proposals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.aws.http.ApiController;
import dev.pms.aws.http.ApiRequest;
import dev.pms.aws.http.ApiResponse;
import dev.pms.aws.http.ApiRoute;
import dev.pms.core.pricing.PreflightService;
import dev.pms.core.usage.UsageService;
import jakarta.inject.Singleton;

import java.util.List;

@Singleton
public class ProposalsController implements ApiController {
    static final String PREFIX = "/api/product-marketing";

    private final PreflightService preflight;
    private final UsageService usage;

    public ProposalsController(PreflightService preflight, UsageService usage) {
        this.preflight = preflight;
        this.usage = usage;
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.authenticated("POST " + PREFIX + "/campaigns/validate-preflight", this::validatePreflight),
                ApiRoute.authenticated("POST " + PREFIX + "/campaigns/{campaign_id}/preflight", this::preflightCampaign),
                ApiRoute.authenticated("GET " + PREFIX + "/usage", this::usage));
    }

    private ApiResponse validatePreflight(ApiRequest request) {
        return ApiResponse.ok(preflight.validateRequest(request.userId(), request.jsonObjectBody()));
    }

    private ApiResponse preflightCampaign(ApiRequest request) {
        JsonNode body = request.body() == null || request.body().isBlank() ? null : request.jsonObjectBody();
        return ApiResponse.ok(preflight.preflightCampaign(request.userId(), request.pathParameter("campaign_id"), body));
    }

    private ApiResponse usage(ApiRequest request) {
        return ApiResponse.ok(usage.usage(request.userId()));
    }
}
