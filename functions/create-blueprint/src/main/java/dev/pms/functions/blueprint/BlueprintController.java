package dev.pms.functions.blueprint;

import dev.pms.aws.http.ApiController;
import dev.pms.aws.http.ApiRequest;
import dev.pms.aws.http.ApiResponse;
import dev.pms.aws.http.ApiRoute;
import dev.pms.aws.http.Problems;
import dev.pms.aws.http.requests.BrandProfileCommands;
import dev.pms.aws.http.requests.CampaignCommands;
import dev.pms.core.brand.BrandService;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignService;
import dev.pms.core.common.Page;
import dev.pms.core.error.DomainException;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Singleton
public class BlueprintController implements ApiController {
    static final String PREFIX = "/api/product-marketing";

    private final CampaignService campaigns;
    private final CampaignCommands campaignCommands;
    private final BrandService brand;
    private final String serviceVersion;
    private final OpenApiDocument openApi = new OpenApiDocument();

    public BlueprintController(CampaignService campaigns, CampaignCommands campaignCommands, BrandService brand,
                               @Value("${service.version:0.1.0}") String serviceVersion) {
        this.campaigns = campaigns;
        this.campaignCommands = campaignCommands;
        this.brand = brand;
        this.serviceVersion = serviceVersion;
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.open("GET " + PREFIX + "/health", this::health),
                ApiRoute.open("GET " + PREFIX + "/openapi.json", request -> openApi.response()),
                ApiRoute.authenticated("PUT " + PREFIX + "/brand-profile", this::putBrandProfile),
                ApiRoute.authenticated("GET " + PREFIX + "/brand-profile", this::getBrandProfile),
                ApiRoute.authenticated("GET " + PREFIX + "/brand-dna", this::getBrandDna),
                ApiRoute.authenticated("GET " + PREFIX + "/brand-dna/channel/{channel}", this::getChannelBrandDna),
                ApiRoute.authenticated("POST " + PREFIX + "/campaigns/create-blueprint", this::createBlueprint),
                ApiRoute.authenticated("GET " + PREFIX + "/campaigns", this::listCampaigns),
                ApiRoute.authenticated("GET " + PREFIX + "/campaigns/{campaign_id}", this::getCampaign),
                ApiRoute.authenticated("PATCH " + PREFIX + "/campaigns/{campaign_id}", this::updateCampaign),
                ApiRoute.authenticated("DELETE " + PREFIX + "/campaigns/{campaign_id}", this::deleteCampaign));
    }

    /** Plans and serialises a sample campaign (nothing is read or stored) and renders a problem response. */
    @Override
    public void prime() {
        ApiResponse.ok(campaigns.preview("snapstart-priming", campaignCommands.primingSample("instagram", "youtube",
                "email")));
        try {
            campaignCommands.primingRefusal();
        } catch (DomainException expected) {
            Problems.of(expected, "priming");
        }
    }

    private ApiResponse health(ApiRequest request) {
        return ApiResponse.ok(Map.of("status", "healthy", "service", "product-marketing-suite", "version", serviceVersion));
    }

    private ApiResponse putBrandProfile(ApiRequest request) {
        return ApiResponse.ok(brand.putProfile(request.userId(), BrandProfileCommands.put(request)));
    }

    private ApiResponse getBrandProfile(ApiRequest request) {
        return ApiResponse.ok(brand.getProfile(request.userId()));
    }

    private ApiResponse getBrandDna(ApiRequest request) {
        return ApiResponse.ok(brand.brandDna(request.userId()));
    }

    private ApiResponse getChannelBrandDna(ApiRequest request) {
        return ApiResponse.ok(brand.channelBrandDna(request.userId(), request.pathParameter("channel")));
    }

    private ApiResponse createBlueprint(ApiRequest request) {
        return ApiResponse.json(201, campaigns.createBlueprint(request.userId(), campaignCommands.create(request)));
    }

    private ApiResponse listCampaigns(ApiRequest request) {
        Page<Campaign> page = campaigns.list(request.userId(), campaignCommands.list(request));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("campaigns", page.items());
        body.put("total", page.items().size());
        body.put("next_token", page.nextToken());
        return ApiResponse.ok(body);
    }

    private ApiResponse getCampaign(ApiRequest request) {
        return ApiResponse.ok(campaigns.get(request.userId(), request.pathParameter("campaign_id")));
    }

    private ApiResponse updateCampaign(ApiRequest request) {
        return ApiResponse.ok(campaigns.update(request.userId(), request.pathParameter("campaign_id"),
                campaignCommands.patch(request)));
    }

    private ApiResponse deleteCampaign(ApiRequest request) {
        campaigns.delete(request.userId(), request.pathParameter("campaign_id"));
        return ApiResponse.noContent();
    }
}
