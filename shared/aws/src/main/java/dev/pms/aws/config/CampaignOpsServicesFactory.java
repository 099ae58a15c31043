package dev.pms.aws.config;

import dev.pms.aws.secrets.MediaShareSecret;
import dev.pms.core.asset.AssetRepository;
import dev.pms.core.asset.LibraryAssetPreviews;
import dev.pms.core.asset.LibraryPublishableAssets;
import dev.pms.core.asset.PublishedAssets;
import dev.pms.core.board.AssetPreviews;
import dev.pms.core.board.BoardMoveRepository;
import dev.pms.core.board.BoardService;
import dev.pms.core.board.UploadAssetPreviews;
import dev.pms.core.campaign.CampaignRepository;
import dev.pms.core.distribution.DistributionService;
import dev.pms.core.distribution.PostingRules;
import dev.pms.core.distribution.ScheduleRepository;
import dev.pms.core.generation.GenerationRunRepository;
import dev.pms.core.media.MediaShareTokens;
import dev.pms.core.media.MediaShares;
import dev.pms.core.media.MediaStore;
import dev.pms.core.media.UploadRepository;
import dev.pms.core.optimization.ActiveCampaignIndex;
import dev.pms.core.optimization.OptimizationRunRepository;
import dev.pms.core.optimization.OptimizationService;
import dev.pms.core.performance.InsightEngine;
import dev.pms.core.performance.MetricsRepository;
import dev.pms.core.performance.PerformanceService;
import dev.pms.core.personalization.PreferenceSignals;
import dev.pms.core.pricing.CostEstimator;
import dev.pms.core.pricing.PreflightService;
import dev.pms.core.proposal.ProposalRepository;
import dev.pms.core.proposal.ProposalService;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.UUID;

/** Wires the approval board, distribution and performance loop to the AWS adapters. */
@Factory
public class CampaignOpsServicesFactory {

    @Singleton
    PostingRules postingRules() {
        return PostingRules.load();
    }

    /** Previews of the node's generated asset, else of its latest upload. */
    @Singleton
    AssetPreviews assetPreviews(UploadRepository uploads, MediaStore media,
                                GenerationRunRepository runs,
                                AssetRepository assets) {
        return new LibraryAssetPreviews(runs, assets, media, new UploadAssetPreviews(uploads, media));
    }

    @Singleton
    BoardService boardService(CampaignRepository campaigns, ProposalRepository proposals, ProposalService proposalService,
                              BoardMoveRepository moves, ScheduleRepository schedules, AssetPreviews previews,
                              CostEstimator costs, PostingRules rules, Clock clock) {
        return new BoardService(campaigns, proposals, proposalService, moves, schedules, previews, costs, rules, clock);
    }

    /** Lasting share links to stored files, signed with the secret {@link MediaShareSecret} reads on first use. */
    @Singleton
    MediaShares mediaShares(MediaShareSecret secret, MediaStore media) {
        return new MediaShares(new MediaShareTokens(secret), media);
    }

    @Singleton
    DistributionService distributionService(CampaignRepository campaigns, ScheduleRepository schedules,
                                            MediaStore media, UploadRepository uploads,
                                            GenerationRunRepository runs,
                                            AssetRepository assets, MediaShares shares,
                                            PostingRules rules, Clock clock,
                                            PublishedAssets published) {
        return new DistributionService(campaigns, schedules, media,
                new LibraryPublishableAssets(runs, assets, uploads, published), shares, rules, clock);
    }

    @Singleton
    PerformanceService performanceService(CampaignRepository campaigns, ProposalRepository proposals,
                                          MetricsRepository metrics, Clock clock, PreferenceSignals signals) {
        return new PerformanceService(campaigns, proposals, metrics, new InsightEngine(), clock, signals);
    }

    @Singleton
    OptimizationService optimizationService(ActiveCampaignIndex index, CampaignRepository campaigns,
                                            ProposalRepository proposals, MetricsRepository metrics,
                                            PerformanceService performance, ProposalService proposalService,
                                            PreflightService preflight, OptimizationRunRepository runs, Clock clock) {
        return new OptimizationService(index, campaigns, proposals, metrics, performance, proposalService, preflight,
                runs, clock, () -> UUID.randomUUID().toString());
    }
}
