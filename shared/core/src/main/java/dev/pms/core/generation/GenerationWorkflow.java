package dev.pms.core.generation;

import dev.pms.core.asset.AssetRecord;
import dev.pms.core.asset.AssetRepository;
import dev.pms.core.asset.AssetStatus;
import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignRepository;
import dev.pms.core.campaign.NodeStatus;
import dev.pms.core.campaign.NodeStatusService;
import dev.pms.core.media.MediaStore;
import dev.pms.core.pricing.CostEstimator;
import dev.pms.core.pricing.CostLine;
import dev.pms.core.pricing.PlanLimitExceededException;
import dev.pms.core.pricing.PreflightService;
import dev.pms.core.pricing.UsageKind;
import dev.pms.core.proposal.Proposal;
import dev.pms.core.proposal.ProposalRepository;
import dev.pms.core.proposal.ProposalService;
import dev.pms.core.proposal.ProposalStatus;
import dev.pms.core.usage.UsageAmounts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The tasks the generation workflow calls: prepare → approval → reserve → one provider job per approved node →
 * finalize. Money is only committed per asset by the provider worker; everything reserved and not made is given
 * back.
 */
public final class GenerationWorkflow {
    /**
     * A run reserves in one transaction, which holds at most 100 items: the usage item, the run and the asset records.
     * A campaign with more approved nodes is made in several runs (see {@link #firstBatch}).
     */
    public static final int MAX_ASSETS_PER_RUN = 98;

    private final CampaignRepository campaigns;
    private final ProposalService proposalService;
    private final ProposalRepository proposals;
    private final PreflightService preflight;
    private final CostEstimator costs;
    private final GenerationRunRepository runs;
    private final AssetRepository assets;
    private final NodeProgress nodes;
    private final GenerationRequests requests;
    private final MediaStore media;
    private final RunLedger ledger;
    private final Clock clock;
    private final Supplier<String> ids;

    public GenerationWorkflow(CampaignRepository campaigns, ProposalService proposalService,
                              ProposalRepository proposals, PreflightService preflight, CostEstimator costs,
                              GenerationRunRepository runs, AssetRepository assets, NodeStatusService nodeStatuses,
                              GenerationRequests requests, MediaStore media, Clock clock, Supplier<String> ids) {
        this.campaigns = campaigns;
        this.proposalService = proposalService;
        this.proposals = proposals;
        this.preflight = preflight;
        this.costs = costs;
        this.runs = runs;
        this.assets = assets;
        this.nodes = new NodeProgress(nodeStatuses);
        this.requests = requests;
        this.media = media;
        this.ledger = new RunLedger(runs, assets, nodes, media, clock);
        this.clock = clock;
        this.ids = ids;
    }

    /** Proposes nodes that have no proposal, approves everything on autopilot, and says where the run goes next. */
    public RunInput.StepResult prepare(RunInput input) {
        Optional<Campaign> campaign = campaigns.find(input.userId(), input.campaignId());
        if (campaign.isEmpty()) {
            return new RunInput.StepResult("finalize", "failed", "the campaign was deleted");
        }
        if (!isCurrent(input)) {
            return new RunInput.StepResult("finalize", "superseded", "the run was stopped or replaced");
        }
        boolean missing = campaign.get().assetNodes().stream().anyMatch(n -> n.status() == NodeStatus.PLANNED);
        if (missing) {
            proposalService.proposeMissing(input.userId(), input.campaignId(), input.tier());
        }
        if (!input.autopilot()) {
            return new RunInput.StepResult("await_approval", "proposed", null);
        }
        try {
            proposalService.approveAll(input.userId(), input.campaignId());
        } catch (PlanLimitExceededException e) {
            return new RunInput.StepResult("finalize", "plan_exceeded", e.getMessage());
        }
        return new RunInput.StepResult("reserve", "approved", null);
    }

    /** Keeps the approval task's token so that {@link GenerationRuns#approve} can answer it. */
    public void awaitApproval(RunInput input, String token) {
        ledger.updateRun(input.userId(), input.campaignId(), r -> r.runId().equals(input.runId()) && !r.status().isFinal()
                ? r.awaitingApproval(token, clock.instant()) : r);
    }

    /** What {@link #reserve} hands the workflow: where to go, and one Map item per asset to make. */
    public record Reserved(String next, String outcome, String reason, List<Map<String, String>> items) {
    }

    /**
     * Re-quotes the approved nodes and, in one atomic step, reserves them against the plan and creates their queued
     * asset records; the nodes move to {@code generating}. When the plan no longer covers them nothing is reserved.
     */
    public Reserved reserve(RunInput input) {
        String userId = input.userId();
        Optional<Campaign> found = campaigns.find(userId, input.campaignId());
        Optional<GenerationRun> run = runs.find(userId, input.campaignId());
        if (found.isEmpty() || run.isEmpty() || !run.get().runId().equals(input.runId()) || run.get().status().isFinal()) {
            return new Reserved("finalize", "superseded", "the campaign or its run is gone", List.of());
        }
        if (run.get().status() == RunStatus.GENERATING && !run.get().assetLibraryIds().isEmpty()) {
            return new Reserved("generate", "reserved", null, items(userId, run.get()));
        }
        Campaign campaign = found.get();
        Map<String, Proposal> current = new LinkedHashMap<>();
        proposals.currentFor(userId, campaign.campaignId()).forEach(p -> current.put(p.assetId(), p));
        Instant now = clock.instant();
        GenerationRequests.BrandInputs brand = requests.brandInputs(userId);
        List<AssetRecord> queued = new ArrayList<>();
        List<CostLine> lines = new ArrayList<>();
        for (AssetNode node : campaign.assetNodes()) {
            Proposal proposal = current.get(node.assetId());
            boolean approved = proposal != null && proposal.status() == ProposalStatus.APPROVED
                    && (node.status() == NodeStatus.APPROVED || node.status() == NodeStatus.FAILED);
            if (!approved) {
                continue;
            }
            CostLine line = costs.estimateOnModel(node, proposal.tier(), proposal.recommendedProvider(),
                    proposal.recommendedModel());
            lines.add(line);
            AssetRecord.Lineage lineage = GenerationRequests.lineageOf(campaign, node, input.runId(), proposal);
            queued.add(AssetRecord.queued(ids.get(), lineage, new UsageAmounts(Map.of(line.usageKind(), 1),
                    line.costUsd()), GenerationRequests.inputsOf(proposal, brand), now));
        }
        if (queued.isEmpty()) {
            return new Reserved("finalize", "nothing_to_generate", "no approved proposals are waiting", List.of());
        }
        if (queued.size() > MAX_ASSETS_PER_RUN) {
            queued = firstBatch(campaign, queued);
            Set<String> batch = new HashSet<>();
            queued.forEach(asset -> batch.add(asset.assetId()));
            lines.removeIf(line -> !batch.contains(line.assetId()));
        }
        try {
            preflight.check(userId, lines);
        } catch (PlanLimitExceededException e) {
            return new Reserved("finalize", "plan_exceeded", e.getMessage(), List.of());
        }
        EnumMap<UsageKind, Integer> byKind = new EnumMap<>(UsageKind.class);
        lines.forEach(line -> byKind.merge(line.usageKind(), 1, Integer::sum));
        BigDecimal totalUsd = lines.stream().map(CostLine::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
        UsageAmounts total = new UsageAmounts(byKind, totalUsd);
        Map<String, String> libraryIds = new LinkedHashMap<>();
        dependenciesFirst(campaign, queued).forEach(asset -> libraryIds.put(asset.assetId(), asset.assetLibraryId()));
        GenerationRun generating = run.get().generating(libraryIds, totalUsd, now);
        GenerationRunRepository.Reservation reservation = runs.reserve(userId, generating, queued,
                preflight.billingMonth(), total, preflight.planOf(userId));
        switch (reservation) {
            case PLAN_EXCEEDED -> {
                return new Reserved("finalize", "plan_exceeded", "the plan no longer covers the approved assets "
                        + "(another campaign used the budget since approval); nothing was reserved", List.of());
            }
            case ALREADY_RESERVED -> {
                GenerationRun stored = runs.find(userId, input.campaignId()).orElseThrow();
                if (stored.status() != RunStatus.GENERATING || !stored.runId().equals(input.runId())) {
                    return new Reserved("finalize", "superseded", "the run was stopped", List.of());
                }
                nodes.move(userId, input.campaignId(), generatingMoves(stored));
                return new Reserved("generate", "reserved", null, items(userId, stored));
            }
            default -> {
                nodes.move(userId, input.campaignId(), generatingMoves(generating));
                return new Reserved("generate", "reserved", null, items(userId, generating));
            }
        }
    }

    /** A Map item that failed for good (provider refusal, retries used up, timeout): closed, its money given back. */
    public void itemFailed(ItemFailure failure) {
        Optional<AssetRecord> asset = assets.find(failure.userId(), failure.assetLibraryId());
        if (asset.isEmpty() || !asset.get().isOpen()) {
            return;
        }
        String reason = failure.failure() == null ? "the provider job failed"
                : reasonOf(failure.failure().error(), failure.failure().cause());
        AssetRepository.Outcome outcome = assets.close(failure.userId(),
                asset.get().closed(AssetStatus.FAILED, reason, clock.instant()), asset.get().billingMonth());
        if (outcome == AssetRepository.Outcome.APPLIED) {
            media.delete(ProviderJobWorker.storageKey(failure.userId(), asset.get()));
            nodes.move(failure.userId(), asset.get().campaignId(), Map.of(asset.get().assetId(), NodeStatus.FAILED));
        }
    }

    /** What the run came to, for the workflow's last Choice. */
    public record Finalized(String outcome, int ready, int failed, BigDecimal costUsd) {
    }

    /** Closes anything still open, rolls the costs up and records how the run ended. */
    public Finalized finalizeRun(RunInput input) {
        Optional<GenerationRun> run = runs.find(input.userId(), input.campaignId());
        if (run.isEmpty() || !run.get().runId().equals(input.runId())) {
            return new Finalized("superseded", 0, 0, BigDecimal.ZERO);
        }
        RunInput.StepResult step = input.step();
        String stepOutcome = step == null ? null : step.outcome();
        if (!run.get().status().isFinal()) {
            ledger.closeOpen(input.userId(), run.get(), AssetStatus.FAILED, "the run ended before this job finished");
        }
        if (input.failure() != null) {
            return ledger.rollUp(input.userId(), input.campaignId(), input.runId(), RunStatus.FAILED,
                    "the workflow failed: " + reasonOf(input.failure().error(), input.failure().cause()));
        }
        RunStatus ending = "plan_exceeded".equals(stepOutcome) || "failed".equals(stepOutcome) ? RunStatus.FAILED : null;
        return ledger.rollUp(input.userId(), input.campaignId(), input.runId(), ending, step == null ? null : step.reason());
    }

    // ---- helpers ----

    /**
     * The first {@value #MAX_ASSETS_PER_RUN} approved assets in dependency order, so that each one's inputs are made in
     * the same run or an earlier one; the rest stay approved for the next run.
     */
    static List<AssetRecord> firstBatch(Campaign campaign, List<AssetRecord> approved) {
        return new ArrayList<>(dependenciesFirst(campaign, approved).subList(0, MAX_ASSETS_PER_RUN));
    }

    /**
     * The assets ordered so that every node comes after the nodes it depends on (a video after its cover image), so
     * the Map starts what others wait for first and a waiting item never holds a slot its input needs.
     */
    static List<AssetRecord> dependenciesFirst(Campaign campaign, List<AssetRecord> assets) {
        Map<String, AssetNode> nodes = new LinkedHashMap<>();
        campaign.assetNodes().forEach(node -> nodes.put(node.assetId(), node));
        Map<String, Integer> depth = new LinkedHashMap<>();
        for (AssetRecord asset : assets) {
            depthOf(asset.assetId(), nodes, depth, new HashSet<>());
        }
        List<AssetRecord> ordered = new ArrayList<>(assets);
        ordered.sort(Comparator.comparingInt(asset -> depth.getOrDefault(asset.assetId(), 0)));
        return ordered;
    }

    private static int depthOf(String assetId, Map<String, AssetNode> nodes, Map<String, Integer> depth,
                               Set<String> visiting) {
        Integer known = depth.get(assetId);
        if (known != null) {
            return known;
        }
        AssetNode node = nodes.get(assetId);
        int result = 0;
        if (node != null && visiting.add(assetId)) {
            for (String dependency : node.dependsOn()) {
                result = Math.max(result, depthOf(dependency, nodes, depth, visiting) + 1);
            }
        }
        depth.put(assetId, result);
        return result;
    }

    private static Map<String, NodeStatus> generatingMoves(GenerationRun run) {
        Map<String, NodeStatus> moves = new LinkedHashMap<>();
        run.assetLibraryIds().keySet().forEach(assetId -> moves.put(assetId, NodeStatus.GENERATING));
        return moves;
    }

    private static List<Map<String, String>> items(String userId, GenerationRun run) {
        List<Map<String, String>> items = new ArrayList<>();
        run.assetLibraryIds().forEach((assetId, libraryId) -> items.add(Map.of("user_id", userId,
                "campaign_id", run.campaignId(), "asset_id", assetId, "asset_library_id", libraryId)));
        return items;
    }

    private boolean isCurrent(RunInput input) {
        return runs.find(input.userId(), input.campaignId())
                .filter(run -> run.runId().equals(input.runId()) && !run.status().isFinal()).isPresent();
    }

    private static String reasonOf(String error, String cause) {
        if (cause == null || cause.isBlank()) {
            return error == null ? "the provider job failed" : error;
        }
        if ("States.Timeout".equals(error) || "States.HeartbeatTimeout".equals(error)) {
            return "the provider job timed out";
        }
        return cause.length() > 500 ? cause.substring(0, 500) : cause;
    }
}
