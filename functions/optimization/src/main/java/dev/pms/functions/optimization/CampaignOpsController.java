package dev.pms.functions.optimization;

import dev.pms.aws.http.ApiController;
import dev.pms.aws.http.ApiRequest;
import dev.pms.aws.http.ApiResponse;
import dev.pms.aws.http.ApiRoute;
import dev.pms.aws.http.requests.BoardCommands;
import dev.pms.aws.http.requests.CampaignCommands;
import dev.pms.aws.http.requests.DistributionCommands;
import dev.pms.core.board.BoardService;
import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignService;
import dev.pms.core.campaign.NodeStatus;
import dev.pms.core.distribution.BulkScheduleCsv;
import dev.pms.core.distribution.DistributionPlanner;
import dev.pms.core.distribution.DistributionService;
import dev.pms.core.distribution.ExportedPost;
import dev.pms.core.distribution.IcsCalendar;
import dev.pms.core.distribution.PostingRules;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.media.MediaShares;
import dev.pms.core.media.PresignedDownload;
import dev.pms.core.performance.DailyMetrics;
import dev.pms.core.performance.InsightEngine;
import dev.pms.core.performance.MetricImportException;
import dev.pms.core.performance.MetricRowParser;
import dev.pms.core.performance.PerformanceReport;
import dev.pms.core.performance.PerformanceService;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

@Singleton
public class CampaignOpsController implements ApiController {
    static final String PREFIX = "/api/product-marketing";
    private static final String CAMPAIGN = PREFIX + "/campaigns/{campaign_id}";
    /** The share route of the links inside the schedule exports: no sign-in, the token is the permission. */
    private static final String MEDIA = PREFIX + "/media";

    private final BoardService board;
    private final DistributionService distribution;
    private final PerformanceService performance;
    private final CampaignService campaigns;
    private final CampaignCommands campaignCommands;
    private final PostingRules rules;
    private final MediaShares shares;

    public CampaignOpsController(BoardService board, DistributionService distribution, PerformanceService performance,
                                 CampaignService campaigns, CampaignCommands campaignCommands, PostingRules rules,
                                 MediaShares shares) {
        this.board = board;
        this.distribution = distribution;
        this.performance = performance;
        this.campaigns = campaigns;
        this.campaignCommands = campaignCommands;
        this.rules = rules;
        this.shares = shares;
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.authenticated("GET " + CAMPAIGN + "/board", this::board),
                ApiRoute.authenticated("POST " + CAMPAIGN + "/board/{asset_id}", this::move),
                ApiRoute.authenticated("POST " + CAMPAIGN + "/distribution", this::distribution),
                ApiRoute.authenticated("POST " + CAMPAIGN + "/metrics", this::importMetrics),
                ApiRoute.authenticated("GET " + CAMPAIGN + "/performance", this::performance),
                ApiRoute.open("GET " + MEDIA + "/{token}", this::sharedMedia));
    }

    /**
     * Plans a sample campaign, schedules it, writes both exports, parses sample metrics and reports on them, all in
     * memory (no reads, no writes) before the SnapStart snapshot.
     */
    @Override
    public void prime() {
        Campaign campaign = campaigns.preview("snapstart-priming", campaignCommands.primingSample("instagram", "linkedin"));
        List<AssetNode> nodes = campaign.assetNodes().stream().map(n -> n.withStatus(NodeStatus.APPROVED_FOR_PUBLISH)).toList();
        var plan = new DistributionPlanner(rules).plan(campaign, nodes, Map.of(), LocalDate.now(ZoneOffset.UTC), ZoneOffset.UTC);
        List<ExportedPost> exported = ExportedPost.of(plan.posts(), Map.of(), key -> key);
        IcsCalendar.write(campaign.campaignId(), campaign.campaignName(), 1, exported, Instant.now());
        BulkScheduleCsv.write(exported, null);
        StringBuilder csv = new StringBuilder("asset_id,date,impressions,clicks,conversions,spend\n");
        for (AssetNode node : nodes) {
            csv.append(node.assetId()).append(',').append(LocalDate.now(ZoneOffset.UTC)).append(",1000,40,4,1.5\n");
        }
        var rows = new MetricRowParser(nodes, LocalDate.now(ZoneOffset.UTC)).parse(csv.toString(), true);
        var day = new DailyMetrics(LocalDate.now(ZoneOffset.UTC),
                rows.stream().collect(Collectors.toMap(r -> r.key(), r -> r)), 0);
        PerformanceReport report = performance.report(campaign, List.of(day), List.of());
        ApiResponse.ok(report);
        ApiResponse.ok(new InsightEngine().insights(report.byChannel(), report.byAsset(), Map.of()));
        try {
            new MetricRowParser(nodes, LocalDate.now(ZoneOffset.UTC)).parse("date\nnot-a-date\n", true);
        } catch (MetricImportException expected) {
            ApiResponse.json(400, expected.errors());
        }
        ApiResponse.ok(plan.posts());
    }

    private ApiResponse board(ApiRequest request) {
        return ApiResponse.ok(board.board(request.userId(), request.pathParameter("campaign_id")));
    }

    private ApiResponse move(ApiRequest request) {
        return ApiResponse.ok(board.move(request.userId(), request.pathParameter("campaign_id"),
                request.pathParameter("asset_id"), BoardCommands.move(request)));
    }

    private ApiResponse distribution(ApiRequest request) {
        return ApiResponse.json(201, distribution.build(request.userId(), request.pathParameter("campaign_id"),
                DistributionCommands.schedule(request), request.publicOrigin() + MEDIA));
    }

    /** A fresh short-lived URL of the shared file; 404 for a token this suite did not sign or a file that is gone. */
    private ApiResponse sharedMedia(ApiRequest request) {
        PresignedDownload download = shares.open(request.pathParameter("token"))
                .orElseThrow(() -> new NotFoundException("no shared media for this link"));
        return new ApiResponse(302, Map.of("location", download.url(), "cache-control", "private, max-age=300"), null);
    }


    private ApiResponse importMetrics(ApiRequest request) {
        String contentType = request.headers().getOrDefault("content-type", "").toLowerCase(Locale.ROOT);
        boolean csv = contentType.startsWith("text/csv");
        return ApiResponse.ok(performance.importRows(request.userId(), request.pathParameter("campaign_id"),
                request.body(), csv));
    }

    private ApiResponse performance(ApiRequest request) {
        return ApiResponse.ok(performance.report(request.userId(), request.pathParameter("campaign_id")));
    }
}
