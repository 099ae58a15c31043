package dev.pms.core.optimization;

import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignRepository;
import dev.pms.core.campaign.NodeStatus;
import dev.pms.core.campaign.Phase;
import dev.pms.core.common.Page;
import dev.pms.core.performance.DailyMetrics;
import dev.pms.core.performance.Insight;
import dev.pms.core.performance.MetricsRepository;
import dev.pms.core.performance.PerformanceReport;
import dev.pms.core.performance.PerformanceService;
import dev.pms.core.pricing.PreflightService;
import dev.pms.core.pricing.QualityTier;
import dev.pms.core.pricing.Quote;
import dev.pms.core.proposal.Proposal;
import dev.pms.core.proposal.ProposalRepository;
import dev.pms.core.proposal.ProposalService;



import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The performance loop: for every active campaign (paged through {@link ActiveCampaignIndex}), once per campaign per
 * day (a conditional claim), reads its metrics, derives the insight cards and proposes the experiment of each card not
 * already waiting in the graph as a new node, priced by the pre-flight quote and waiting for approval. Records what it
 * proposed.
 */
public final class OptimizationService {
    public static final int PAGE_SIZE = 100;
    /** Experiments proposed per campaign per day at most, so a campaign is never flooded. */
    static final int MAX_EXPERIMENTS_PER_DAY = 2;
    static final int EXPERIMENT_LEAD_DAYS = 2;

    private static final System.Logger LOG = System.getLogger(OptimizationService.class.getName());

    private final ActiveCampaignIndex index;
    private final CampaignRepository campaigns;
    private final ProposalRepository proposals;
    private final MetricsRepository metrics;
    private final PerformanceService performance;
    private final ProposalService proposalService;
    private final PreflightService preflight;
    private final OptimizationRunRepository runs;
    private final Clock clock;
    private final Supplier<String> idGenerator;

    public OptimizationService(ActiveCampaignIndex index, CampaignRepository campaigns, ProposalRepository proposals,
                               MetricsRepository metrics, PerformanceService performance,
                               ProposalService proposalService, PreflightService preflight,
                               OptimizationRunRepository runs, Clock clock, Supplier<String> idGenerator) {
        this.index = Objects.requireNonNull(index, "index");
        this.campaigns = Objects.requireNonNull(campaigns, "campaigns");
        this.proposals = Objects.requireNonNull(proposals, "proposals");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.performance = Objects.requireNonNull(performance, "performance");
        this.proposalService = Objects.requireNonNull(proposalService, "proposalService");
        this.preflight = Objects.requireNonNull(preflight, "preflight");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.idGenerator = Objects.requireNonNull(idGenerator, "idGenerator");
    }

    public OptimizationSummary runAll(LocalDate day) {
        int seen = 0;
        int optimized = 0;
        int done = 0;
        int failed = 0;
        int proposed = 0;
        int pages = 0;
        String token = null;
        do {
            Page<CampaignRef> page = index.page(PAGE_SIZE, token);
            pages++;
            for (CampaignRef ref : page.items()) {
                seen++;
                if (!runs.claim(ref.userId(), ref.campaignId(), day, clock.instant())) {
                    done++;
                    continue;
                }
                try {
                    OptimizationRecord record = optimize(ref, day);
                    runs.complete(ref.userId(), record);
                    optimized++;
                    proposed += record.proposed().size();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "optimisation of campaign " + ref.campaignId() + " failed", e);
                    runs.complete(ref.userId(), new OptimizationRecord(ref.campaignId(), day, "failed", List.of(),
                            List.of(), clock.instant(), clock.instant(), e.getClass().getSimpleName()));
                    failed++;
                }
            }
            token = page.nextToken();
        } while (token != null);
        return new OptimizationSummary(day, seen, optimized, done, failed, proposed, pages);
    }

    /**
     * Insight cards come from the metrics alone; the campaign's proposals (the largest read: prompts) are read only
     * when there is a new experiment to propose, for its hook, tier and the generation cost per result.
     */
    OptimizationRecord optimize(CampaignRef ref, LocalDate day) {
        var started = clock.instant();
        Optional<Campaign> found = campaigns.find(ref.userId(), ref.campaignId());
        if (found.isEmpty()) {
            return new OptimizationRecord(ref.campaignId(), day, "done", List.of(), List.of(), started, clock.instant(),
                    "campaign no longer exists");
        }
        Campaign campaign = found.get();
        List<DailyMetrics> days = metrics.all(ref.userId(), ref.campaignId());
        PerformanceReport report = performance.report(campaign, days, List.of());
        if (fresh(campaign, report).isEmpty()) {
            return new OptimizationRecord(ref.campaignId(), day, "done", texts(report), List.of(), started,
                    clock.instant(), null);
        }
        report = performance.report(campaign, days, proposals.currentFor(ref.userId(), ref.campaignId()));
        List<Insight> fresh = fresh(campaign, report);
        List<ProposalService.Experiment> experiments = new ArrayList<>();
        Map<String, BigDecimal> quoted = new HashMap<>();
        boolean canProceed = true;
        Map<QualityTier, List<AssetNode>> byTier = new EnumMap<>(QualityTier.class);
        for (Insight insight : fresh) {
            Insight.Experiment experiment = insight.experiment();
            AssetNode node = node(campaign, experiment, day);
            experiments.add(new ProposalService.Experiment(node, experiment.tier(), experiment.hook(), insight.text()));
            byTier.computeIfAbsent(experiment.tier(), tier -> new ArrayList<>()).add(node);
        }
        for (Map.Entry<QualityTier, List<AssetNode>> tier : byTier.entrySet()) {
            Quote quote = preflight.quote(ref.userId(), tier.getValue(), tier.getKey());
            quote.lines().forEach(line -> quoted.put(line.assetId(), line.costUsd()));
            canProceed &= quote.canProceed();
        }
        List<Proposal> made = proposalService.proposeExperiments(ref.userId(), campaign, experiments);
        List<OptimizationRecord.ProposedExperiment> proposed = new ArrayList<>();
        for (int i = 0; i < made.size(); i++) {
            Insight insight = fresh.get(i);
            proposed.add(new OptimizationRecord.ProposedExperiment(made.get(i).assetId(), insight.text(),
                    insight.experiment().title(), quoted.get(made.get(i).assetId()), canProceed,
                    insight.experiment().providerSwitch()));
        }
        return new OptimizationRecord(ref.campaignId(), day, "done", texts(report), proposed, started, clock.instant(),
                null);
    }

    private static List<Insight> fresh(Campaign campaign, PerformanceReport report) {
        return report.insights().stream()
                .filter(insight -> insight.experiment() != null && !waiting(campaign, insight.experiment().title()))
                .limit(MAX_EXPERIMENTS_PER_DAY)
                .toList();
    }

    private static List<String> texts(PerformanceReport report) {
        return report.insights().stream().map(Insight::text).toList();
    }

    /** An experiment with the same title that is not rejected is still in the graph: it is not proposed again. */
    private static boolean waiting(Campaign campaign, String title) {
        return campaign.assetNodes().stream()
                .anyMatch(n -> title.equals(n.title()) && n.status() != NodeStatus.REJECTED);
    }

    private AssetNode node(Campaign campaign, Insight.Experiment experiment, LocalDate day) {
        Phase phase = campaign.phases().stream()
                .filter(p -> !day.isBefore(p.startDate()) && !day.isAfter(p.endDate()))
                .findFirst()
                .orElse(campaign.phases().get(campaign.phases().size() - 1));
        LocalDate due = day.plusDays(EXPERIMENT_LEAD_DAYS);
        if (due.isAfter(phase.endDate())) {
            due = phase.endDate().isBefore(day) ? due : phase.endDate();
        }
        return new AssetNode(idGenerator.get(), experiment.assetType(), experiment.channel(), phase.name(),
                experiment.placement(), experiment.title(), NodeStatus.PLANNED, due, List.of());
    }
}
