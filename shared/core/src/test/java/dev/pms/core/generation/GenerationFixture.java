package dev.pms.core.generation;

import dev.pms.core.asset.AssetRecord;
import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignService;
import dev.pms.core.campaign.CreateCampaign;
import dev.pms.core.campaign.Goal;
import dev.pms.core.campaign.NodeStatusService;
import dev.pms.core.channel.Channel;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.pricing.CostEstimator;
import dev.pms.core.pricing.Plan;
import dev.pms.core.pricing.PlanCatalog;
import dev.pms.core.pricing.PlanTier;
import dev.pms.core.pricing.PreflightService;
import dev.pms.core.pricing.PriceTable;
import dev.pms.core.proposal.ProposalService;
import dev.pms.core.support.Fixtures;
import dev.pms.core.support.InMemoryAssetRepository;
import dev.pms.core.support.InMemoryBrandProfileRepository;
import dev.pms.core.support.InMemoryCampaignRepository;
import dev.pms.core.support.InMemoryGenerationRunRepository;
import dev.pms.core.support.InMemoryMediaStore;
import dev.pms.core.support.InMemoryProposalRepository;
import dev.pms.core.support.RecordingWorkflowEngine;
import dev.pms.core.usage.MonthlyUsage;
import dev.pms.core.usage.PlanRepository;
import dev.pms.core.usage.UsageAmounts;
import dev.pms.core.usage.UsageLedger;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Both halves of campaign generation over the same in-memory stores, a recording workflow engine and a pro plan
 * with nothing used yet; {@link #launchCampaign} plans a three-channel campaign for {@link #USER}.
 */
final class GenerationFixture {
    static final String USER = "alice";

    final InMemoryCampaignRepository campaigns = new InMemoryCampaignRepository();
    final InMemoryBrandProfileRepository profiles = new InMemoryBrandProfileRepository(Fixtures.CLOCK);
    final InMemoryProposalRepository proposals = new InMemoryProposalRepository();
    final InMemoryAssetRepository assets = new InMemoryAssetRepository();
    final InMemoryGenerationRunRepository runs = new InMemoryGenerationRunRepository(assets);
    final InMemoryMediaStore media = new InMemoryMediaStore(Fixtures.CLOCK);
    final RecordingWorkflowEngine workflow = new RecordingWorkflowEngine();
    private final AtomicInteger ids = new AtomicInteger();
    private final ChannelCatalog catalog = ChannelCatalog.load();
    private final CostEstimator costs = new CostEstimator(PriceTable.load(), catalog);
    final CampaignService campaignService = new CampaignService(campaigns, profiles, catalog, Fixtures.CLOCK,
            this::nextId);
    final PreflightService preflight = new PreflightService(campaignService, costs, PlanCatalog.load(),
            new ProPlan(), new NothingUsed(), Fixtures.CLOCK);
    final ProposalService proposalService = new ProposalService(proposals, campaigns, profiles, catalog, costs,
            preflight, Fixtures.CLOCK);
    final NodeStatusService nodeStatuses = new NodeStatusService(campaigns, Fixtures.CLOCK);
    final GenerationRuns generationRuns = new GenerationRuns(campaigns, proposalService, preflight, runs, assets,
            nodeStatuses, workflow, media, new TestLinks(), Fixtures.CLOCK, this::nextId);
    final GenerationWorkflow generationWorkflow = new GenerationWorkflow(campaigns, proposalService, proposals,
            preflight, costs, runs, assets, nodeStatuses, new GenerationRequests(profiles, catalog), media,
            Fixtures.CLOCK, this::nextId);

    Campaign launchCampaign() {
        return campaignService.createBlueprint(USER, new CreateCampaign("Aurora launch", Goal.PRODUCT_LAUNCH, null,
                List.of(Channel.INSTAGRAM, Channel.EMAIL), Map.of("product_name", "Aurora", "product_description",
                "A desk lamp", "marketing_goal", "sales"), null, null));
    }

    Campaign campaign(String campaignId) {
        return campaigns.find(USER, campaignId).orElseThrow();
    }

    AssetNode node(String campaignId, String assetId) {
        return campaign(campaignId).assetNodes().stream().filter(n -> n.assetId().equals(assetId)).findFirst()
                .orElseThrow();
    }

    GenerationRun run(String campaignId) {
        return runs.find(USER, campaignId).orElseThrow();
    }

    List<AssetRecord> assetsOf(String campaignId) {
        return assets.findAll(USER, run(campaignId).assetLibraryIds().values());
    }

    RunInput input(String campaignId, boolean autopilot) {
        return new RunInput(USER, campaignId, run(campaignId).runId(), autopilot, null, null, null);
    }

    private String nextId() {
        return "id-" + ids.incrementAndGet();
    }

    static final class TestLinks implements StatusLinks {
        @Override
        public String generationRun(String campaignId) {
            return "/runs/" + campaignId;
        }

        @Override
        public String asset(String assetLibraryId) {
            return "/assets/" + assetLibraryId;
        }
    }

    private static final class ProPlan implements PlanRepository {
        @Override
        public Optional<PlanTier> find(String userId) {
            return Optional.of(PlanTier.PRO);
        }

        @Override
        public void save(String userId, PlanTier tier) {
        }
    }

    private static final class NothingUsed implements UsageLedger {
        @Override
        public MonthlyUsage current(String userId, YearMonth month) {
            return MonthlyUsage.empty(month);
        }

        @Override
        public boolean reserve(String userId, YearMonth month, UsageAmounts amounts, Plan plan) {
            return true;
        }

        @Override
        public void commit(String userId, YearMonth month, UsageAmounts reserved, UsageAmounts spent) {
        }

        @Override
        public void release(String userId, YearMonth month, UsageAmounts reserved) {
        }
    }
}
