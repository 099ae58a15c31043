package dev.pms.functions.proposals;

import dev.pms.aws.http.ApiController;
import dev.pms.aws.http.ApiRequest;
import dev.pms.aws.http.ApiResponse;
import dev.pms.aws.http.ApiRoute;
import dev.pms.aws.http.requests.CampaignCommands;
import dev.pms.aws.http.requests.PageLimit;
import dev.pms.aws.http.requests.PreflightCommands;
import dev.pms.aws.http.requests.ProposalCommands;
import dev.pms.core.campaign.CampaignService;
import dev.pms.core.pricing.CostEstimator;
import dev.pms.core.pricing.PlanCatalog;
import dev.pms.core.pricing.PlanTier;
import dev.pms.core.pricing.PreflightResult;
import dev.pms.core.pricing.PreflightService;
import dev.pms.core.pricing.QualityTier;
import dev.pms.core.pricing.QuoteCalculator;
import dev.pms.core.proposal.ProposalService;
import dev.pms.core.usage.MonthlyUsage;
import dev.pms.core.usage.UsageService;
import jakarta.inject.Singleton;

import java.util.List;

@Singleton
public class ProposalsController implements ApiController {
    static final String PREFIX = "/api/product-marketing";
    private static final String CAMPAIGN = PREFIX + "/campaigns/{campaign_id}";

    private final PreflightService preflight;
    private final UsageService usage;
    private final ProposalService proposals;
    private final CampaignService campaigns;
    private final CampaignCommands campaignCommands;
    private final PreflightCommands preflightCommands;
    private final CostEstimator estimator;

    public ProposalsController(PreflightService preflight, UsageService usage, ProposalService proposals,
                               CampaignService campaigns, CampaignCommands campaignCommands,
                               PreflightCommands preflightCommands, CostEstimator estimator) {
        this.preflight = preflight;
        this.usage = usage;
        this.proposals = proposals;
        this.campaigns = campaigns;
        this.campaignCommands = campaignCommands;
        this.preflightCommands = preflightCommands;
        this.estimator = estimator;
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.authenticated("POST " + PREFIX + "/campaigns/validate-preflight", this::validatePreflight),
                ApiRoute.authenticated("POST " + CAMPAIGN + "/preflight", this::preflightCampaign),
                ApiRoute.authenticated("GET " + PREFIX + "/usage", this::usage),
                ApiRoute.authenticated("POST " + CAMPAIGN + "/generate-proposals", this::generateProposals),
                ApiRoute.authenticated("GET " + CAMPAIGN + "/proposals", this::listProposals),
                ApiRoute.authenticated("PATCH " + CAMPAIGN + "/proposals/{asset_id}", this::patchProposal),
                ApiRoute.authenticated("GET " + CAMPAIGN + "/proposals/{asset_id}/versions", this::proposalVersions),
                ApiRoute.authenticated("POST " + CAMPAIGN + "/proposals/approve-all", this::approveAll));
    }

    /** Plans and quotes a sample campaign in memory (no reads, no writes) before the SnapStart snapshot. */
    @Override
    public void prime() {
        var nodes = campaigns.preview("snapstart-priming",
                campaignCommands.primingSample("instagram", "youtube", "email")).assetNodes();
        var quote = new QuoteCalculator(estimator).quote(nodes, QualityTier.DEFAULT,
                PlanCatalog.load().plan(PlanTier.FREE), MonthlyUsage.empty(preflight.billingMonth()));
        ApiResponse.ok(PreflightResult.of(quote));
    }

    private ApiResponse validatePreflight(ApiRequest request) {
        return ApiResponse.ok(preflight.validateRequest(request.userId(), preflightCommands.quote(request)));
    }

    private ApiResponse preflightCampaign(ApiRequest request) {
        return ApiResponse.ok(preflight.preflightCampaign(request.userId(), request.pathParameter("campaign_id"),
                preflightCommands.tier(request)));
    }

    private ApiResponse usage(ApiRequest request) {
        return ApiResponse.ok(usage.usage(request.userId()));
    }

    private ApiResponse generateProposals(ApiRequest request) {
        return ApiResponse.ok(proposals.generate(request.userId(), request.pathParameter("campaign_id"),
                ProposalCommands.generate(request)));
    }

    private ApiResponse listProposals(ApiRequest request) {
        return ApiResponse.ok(proposals.list(request.userId(), request.pathParameter("campaign_id")));
    }

    private ApiResponse patchProposal(ApiRequest request) {
        return ApiResponse.ok(proposals.patch(request.userId(), request.pathParameter("campaign_id"),
                request.pathParameter("asset_id"), ProposalCommands.change(request)));
    }

    private ApiResponse proposalVersions(ApiRequest request) {
        return ApiResponse.ok(proposals.versions(request.userId(), request.pathParameter("campaign_id"),
                request.pathParameter("asset_id"), PageLimit.parse(request.queryParameter("limit"), "proposal versions"),
                request.queryParameter("next_token")));
    }

    private ApiResponse approveAll(ApiRequest request) {
        return ApiResponse.ok(proposals.approveAll(request.userId(), request.pathParameter("campaign_id")));
    }

}
