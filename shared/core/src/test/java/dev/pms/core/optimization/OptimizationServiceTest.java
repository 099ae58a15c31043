package dev.pms.core.optimization;

import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignStatus;
import dev.pms.core.campaign.NodeStatus;
import dev.pms.core.channel.Channel;
import dev.pms.core.common.Page;
import dev.pms.core.pricing.Plan;
import dev.pms.core.pricing.PlanCatalog;
import dev.pms.core.pricing.PlanTier;
import dev.pms.core.pricing.PreflightService;
import dev.pms.core.proposal.Proposal;
import dev.pms.core.proposal.ProposalStatus;
import dev.pms.core.support.CampaignOpsFixture;
import dev.pms.core.usage.MonthlyUsage;
import dev.pms.core.usage.PlanRepository;
import dev.pms.core.usage.UsageAmounts;
import dev.pms.core.usage.UsageLedger;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.pms.core.support.Fixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

class OptimizationServiceTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);
    private final CampaignOpsFixture fixture = new CampaignOpsFixture(CLOCK);
    private final List<CampaignRef> active = new ArrayList<>();
    private final ActiveCampaignIndex index = (limit, token) -> {
        int from = token == null ? 0 : Integer.parseInt(token);
        int to = Math.min(active.size(), from + limit);
        return new Page<>(active.subList(from, to), to < active.size() ? Integer.toString(to) : null);
    };
    private final OptimizationService service = new OptimizationService(index, fixture.campaigns, fixture.proposals,
            fixture.ops, fixture.performance, fixture.proposalService, preflight(), fixture.ops, CLOCK, () -> "exp-" + fixture.ids.incrementAndGet());

    @Test
    void proposesTheExperimentOfEachCardOncePerCampaignPerDay() {
        String id = campaignWithAClearWinner("alice");
        String quiet = fixture.proposedCampaign("bob", "Quiet").campaignId();
        active.add(new CampaignRef("alice", id));
        active.add(new CampaignRef("bob", quiet));

        OptimizationSummary first = service.runAll(DAY);
        OptimizationSummary second = service.runAll(DAY);

        assertThat(first).extracting(OptimizationSummary::campaigns, OptimizationSummary::optimized,
                OptimizationSummary::proposals).containsExactly(2, 2, 1);
        assertThat(second).extracting(OptimizationSummary::optimized, OptimizationSummary::alreadyDone,
                OptimizationSummary::proposals).containsExactly(0, 2, 0);
        Campaign campaign = fixture.campaigns.find("alice", id).orElseThrow();
        AssetNode experiment = campaign.assetNodes().get(campaign.assetNodes().size() - 1);
        assertThat(experiment.title()).startsWith("Experiment: linkedin");
        assertThat(experiment.status()).isEqualTo(NodeStatus.PROPOSED);
        assertThat(campaign.status()).isEqualTo(CampaignStatus.ACTIVE);
        Proposal proposal = fixture.proposals.current("alice", id, experiment.assetId()).orElseThrow();
        assertThat(proposal.status()).isEqualTo(ProposalStatus.PROPOSED);
        assertThat(proposal.change()).isEqualTo("experiment");
        assertThat(proposal.costEstimate()).isPositive();
        assertThat(proposal.provenance().get("experiment")).contains("outperform");
        OptimizationRecord record = fixture.ops.find("alice", id, DAY).orElseThrow();
        assertThat(record.proposed()).singleElement().satisfies(p -> {
            assertThat(p.assetId()).isEqualTo(experiment.assetId());
            assertThat(p.quotedUsd()).isEqualByComparingTo(proposal.costEstimate());
        });
        assertThat(fixture.performance.report("alice", id).insights().get(0).proposalAssetId())
                .isEqualTo(experiment.assetId());

        OptimizationSummary nextDay = service.runAll(DAY.plusDays(1));
        assertThat(nextDay.proposals()).as("the same experiment is still waiting for approval").isZero();
    }

    private String campaignWithAClearWinner(String user) {
        Campaign campaign = fixture.proposedCampaign(user, "Aurora");
        AssetNode linkedin = campaign.assetNodes().stream().filter(n -> n.channel() == Channel.LINKEDIN).findFirst().orElseThrow();
        AssetNode instagram = campaign.assetNodes().stream().filter(n -> n.channel() == Channel.INSTAGRAM).findFirst().orElseThrow();
        fixture.performance.importRows(user, campaign.campaignId(), "asset_id,date,impressions,clicks,conversions,spend\n"
                + linkedin.assetId() + ",2026-11-20,12000,360,40,50\n"
                + instagram.assetId() + ",2026-11-20,9800,127,30,40\n", true);
        return campaign.campaignId();
    }

    private PreflightService preflight() {
        UsageLedger ledger = new UsageLedger() {
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
        };
        PlanRepository plans = new PlanRepository() {
            @Override
            public Optional<PlanTier> find(String userId) {
                return Optional.empty();
            }

            @Override
            public void save(String userId, PlanTier tier) {
            }
        };
        return new PreflightService(fixture.campaignService, CampaignOpsFixture.COSTS, PlanCatalog.load(),
                plans, ledger, CLOCK);
    }
}
