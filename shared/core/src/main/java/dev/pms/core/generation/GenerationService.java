package dev.pms.core.generation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.asset.AssetRecord;
import dev.pms.core.asset.AssetRepository;
import dev.pms.core.asset.AssetStatus;
import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignRepository;
import dev.pms.core.campaign.NodeStatus;
import dev.pms.core.campaign.NodeStatusService;
import dev.pms.core.error.ConflictException;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.VersionConflictException;
import dev.pms.core.json.Json;
import dev.pms.core.validation.InputChecker;
import dev.pms.core.pricing.CostEstimator;
import dev.pms.core.pricing.CostLine;
import dev.pms.core.pricing.PlanLimitExceededException;
import dev.pms.core.pricing.PreflightService;
import dev.pms.core.pricing.QualityTier;
import dev.pms.core.pricing.Quote;
import dev.pms.core.proposal.Proposal;
import dev.pms.core.proposal.ProposalRepository;
import dev.pms.core.proposal.ProposalService;
import dev.pms.core.proposal.ProposalStatus;
import dev.pms.core.usage.UsageAmounts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Campaign generation: the routes that start, watch, approve and stop a run, and the tasks the generation
 * workflow calls (prepare → approval → reserve → one provider job per approved node → finalize). Money is only
 * committed per asset by the provider worker; everything reserved and not made is given back.
 */
public final class GenerationService {
    /** Keys of a start request. */
    private static final Set<String> START_FIELDS = Set.of("autopilot", "tier");
    /** A transaction holds at most 100 items: the usage item, the run and the asset records. */
    public static final int MAX_ASSETS_PER_RUN = 98;
    private static final int RUN_WRITE_ATTEMPTS = 8;

    private final CampaignRepository campaigns;
    private final ProposalService proposalService;
    private final ProposalRepository proposals;
    private final PreflightService preflight;
    private final CostEstimator costs;
    private final GenerationRunRepository runs;
    private final AssetRepository assets;
    private final NodeProgress nodes;
    private final WorkflowEngine workflow;
    private final GenerationRequests requests;
    private final dev.pms.core.media.MediaStore media;
    private final Clock clock;
    private final Supplier<String> ids;

    public GenerationService(CampaignRepository campaigns, ProposalService proposalService, ProposalRepository proposals,
                             PreflightService preflight, CostEstimator costs, GenerationRunRepository runs,
                             AssetRepository assets, NodeStatusService nodeStatuses, WorkflowEngine workflow,
                             GenerationRequests requests, dev.pms.core.media.MediaStore media, Clock clock,
                             Supplier<String> ids) {
        this.campaigns = campaigns;
        this.proposalService = proposalService;
        this.proposals = proposals;
        this.preflight = preflight;
        this.costs = costs;
        this.runs = runs;
        this.assets = assets;
        this.nodes = new NodeProgress(nodeStatuses);
        this.workflow = workflow;
        this.requests = requests;
        this.media = media;
        this.clock = clock;
        this.ids = ids;
    }

    // ---- routes ----

    /**
     * Starts a run: {@code {"autopilot": bool, "tier": "draft|standard|premium"}}, both optional.
     *
     * @throws NotFoundException when the caller has no such campaign
     * @throws ConflictException while the campaign's previous run is still going
     * @throws PlanLimitExceededException (402, with the quote) when the plan cannot cover what is left to make
     */
    public GenerationStatus.Started start(String userId, String campaignId, JsonNode body) {
        Campaign campaign = campaign(userId, campaignId);
        InputChecker check = new InputChecker();
        boolean object = check.object(body, "body", false);
        if (object) {
            check.rejectUnknownKeys(body, "", START_FIELDS);
        }
        boolean autopilot = object && Boolean.TRUE.equals(check.bool(body.get("autopilot"), "autopilot"));
        QualityTier tier = object ? check.code(body.get("tier"), "tier", v -> QualityTier.parse(v).orElse(null),
                "one of draft, standard, premium", false) : null;
        check.throwIfProblems("generation request");
        List<AssetNode> toMake = campaign.assetNodes().stream().filter(n -> n.status() != NodeStatus.READY).toList();
        if (toMake.isEmpty()) {
            throw new ConflictException(campaign.assetNodes().isEmpty() ? "the campaign has no asset nodes"
                    : "every asset of the campaign is ready; there is nothing to generate");
        }
        Quote quote = preflight.quote(userId, toMake, tier == null ? QualityTier.DEFAULT : tier);
        if (!quote.canProceed()) {
            throw new PlanLimitExceededException(quote);
        }
        Instant now = clock.instant();
        GenerationRun run = GenerationRun.starting(ids.get(), campaignId, autopilot, tier, now);
        if (!runs.start(userId, run)) {
            GenerationRun going = runs.find(userId, campaignId).orElse(run);
            throw new ConflictException("generation run " + going.runId() + " of this campaign is still "
                    + going.status().code() + "; stop it or wait for it to finish");
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("user_id", userId);
        input.put("campaign_id", campaignId);
        input.put("run_id", run.runId());
        input.put("autopilot", autopilot);
        if (tier != null) {
            input.put("tier", tier.code());
        }
        String executionId;
        try {
            executionId = workflow.start("generation-" + run.runId(), Json.write(input));
        } catch (RuntimeException e) {
            updateRun(userId, campaignId, r -> r.finished(RunStatus.FAILED, BigDecimal.ZERO,
                    "the workflow could not be started", clock.instant()));
            throw e;
        }
        GenerationRun started = updateRun(userId, campaignId, r -> r.runId().equals(run.runId())
                ? r.withExecution(executionId, clock.instant()) : r);
        return new GenerationStatus.Started(campaignId, run.runId(), executionId, started.status(), autopilot,
                "/api/product-marketing/campaigns/" + campaignId + "/generation");
    }

    /** The latest run of the campaign with each node's progress. */
    public GenerationStatus status(String userId, String campaignId) {
        Campaign campaign = campaign(userId, campaignId);
        GenerationRun run = runs.find(userId, campaignId)
                .orElseThrow(() -> new NotFoundException("campaign " + campaignId + " has no generation run"));
        return view(campaign, run, assets.findAll(userId, run.assetLibraryIds().values()));
    }

    /**
     * Lets the waiting run go on to reserve and generate what is approved: {@code {"approve_pending": true}} (the
     * default) first approves every pending proposal; {@code false} generates only the proposals approved one by one.
     *
     * @throws ConflictException when the run is not waiting for approval
     * @throws PlanLimitExceededException when approving would go beyond the plan
     */
    public GenerationStatus approve(String userId, String campaignId, JsonNode body) {
        campaign(userId, campaignId);
        InputChecker check = new InputChecker();
        boolean object = check.object(body, "body", false);
        if (object) {
            check.rejectUnknownKeys(body, "", Set.of("approve_pending"));
        }
        Boolean pending = object ? check.bool(body.get("approve_pending"), "approve_pending") : null;
        check.throwIfProblems("approval");
        boolean approvePending = pending == null || pending;
        GenerationRun run = runs.find(userId, campaignId)
                .orElseThrow(() -> new NotFoundException("campaign " + campaignId + " has no generation run"));
        if (run.status() != RunStatus.AWAITING_APPROVAL || run.approvalToken() == null) {
            throw new ConflictException("generation run " + run.runId() + " is " + run.status().code()
                    + ", not awaiting approval");
        }
        if (approvePending) {
            proposalService.approveAll(userId, campaignId);
        }
        if (!workflow.succeed(run.approvalToken(), "{\"approved\":true}")) {
            throw new ConflictException("generation run " + run.runId() + " no longer waits for approval");
        }
        return status(userId, campaignId);
    }

    /**
     * Stops the running generation: the workflow is stopped, jobs not yet finished are closed as {@code stopped}
     * with their reservations given back, and their nodes end {@code failed}; assets already made stay.
     */
    public GenerationStatus stop(String userId, String campaignId) {
        campaign(userId, campaignId);
        GenerationRun run = runs.find(userId, campaignId)
                .orElseThrow(() -> new NotFoundException("campaign " + campaignId + " has no generation run"));
        if (run.status().isFinal()) {
            throw new ConflictException("generation run " + run.runId() + " has already " + run.status().code());
        }
        GenerationRun stopping = updateRun(userId, campaignId, r -> r.runId().equals(run.runId()) && !r.status().isFinal()
                ? r.finished(RunStatus.STOPPED, r.costUsd(), "stopped by the user", clock.instant()) : r);
        if (stopping.executionArn() != null) {
            workflow.stop(stopping.executionArn(), "stopped by the user");
        }
        closeOpen(userId, stopping, AssetStatus.STOPPED, "generation was stopped by the user");
        rollUp(userId, campaignId, stopping.runId(), RunStatus.STOPPED, "stopped by the user");
        return status(userId, campaignId);
    }

    // ---- workflow tasks ----

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

    /** Keeps the approval task's token so that {@link #approve} can answer it. */
    public void awaitApproval(RunInput input, String token) {
        updateRun(input.userId(), input.campaignId(), r -> r.runId().equals(input.runId()) && !r.status().isFinal()
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
            return new Reserved("finalize", "failed", "a run makes at most " + MAX_ASSETS_PER_RUN + " assets; "
                    + queued.size() + " are approved — approve fewer and run again", List.of());
        }
        try {
            preflight.check(userId, lines);
        } catch (PlanLimitExceededException e) {
            return new Reserved("finalize", "plan_exceeded", e.getMessage(), List.of());
        }
        EnumMap<dev.pms.core.pricing.UsageKind, Integer> byKind = new EnumMap<>(dev.pms.core.pricing.UsageKind.class);
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
            closeOpen(input.userId(), run.get(), AssetStatus.FAILED, "the run ended before this job finished");
        }
        if (input.failure() != null) {
            return rollUp(input.userId(), input.campaignId(), input.runId(), RunStatus.FAILED,
                    "the workflow failed: " + reasonOf(input.failure().error(), input.failure().cause()));
        }
        RunStatus ending = "plan_exceeded".equals(stepOutcome) || "failed".equals(stepOutcome) ? RunStatus.FAILED : null;
        return rollUp(input.userId(), input.campaignId(), input.runId(), ending, step == null ? null : step.reason());
    }

    // ---- helpers ----

    private Finalized rollUp(String userId, String campaignId, String runId, RunStatus forced, String reason) {
        GenerationRun run = runs.find(userId, campaignId).orElseThrow();
        List<AssetRecord> records = assets.findAll(userId, run.assetLibraryIds().values());
        Map<String, NodeStatus> settled = new LinkedHashMap<>();
        records.stream().filter(a -> !a.isOpen())
                .forEach(a -> settled.put(a.assetId(), a.status() == AssetStatus.READY ? NodeStatus.READY : NodeStatus.FAILED));
        nodes.move(userId, campaignId, settled);
        int ready = (int) records.stream().filter(a -> a.status() == AssetStatus.READY).count();
        int failed = records.size() - ready;
        BigDecimal cost = records.stream().filter(a -> a.status() == AssetStatus.READY)
                .map(AssetRecord::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
        RunStatus ending = forced != null ? forced
                : failed == 0 ? RunStatus.SUCCEEDED : ready == 0 ? RunStatus.FAILED : RunStatus.COMPLETED_WITH_FAILURES;
        String why = reason != null ? reason : failed == 0 ? null : failed + " of " + records.size() + " assets failed";
        GenerationRun done = updateRun(userId, campaignId, r -> !r.runId().equals(runId) ? r
                : r.status() == RunStatus.STOPPED ? r.finished(RunStatus.STOPPED, cost, r.error(), clock.instant())
                : r.finished(ending, cost, why, clock.instant()));
        return new Finalized(done.status().code(), ready, failed, cost);
    }

    private void closeOpen(String userId, GenerationRun run, AssetStatus finalStatus, String reason) {
        Map<String, NodeStatus> moves = new LinkedHashMap<>();
        for (AssetRecord asset : assets.findAll(userId, run.assetLibraryIds().values())) {
            if (asset.isOpen()) {
                AssetRepository.Outcome outcome = assets.close(userId, asset.closed(finalStatus, reason,
                        clock.instant()), asset.billingMonth());
                if (outcome == AssetRepository.Outcome.APPLIED) {
                    media.delete(ProviderJobWorker.storageKey(userId, asset));
                    moves.put(asset.assetId(), NodeStatus.FAILED);
                }
            }
        }
        nodes.move(userId, run.campaignId(), moves);
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
            depthOf(asset.assetId(), nodes, depth, new java.util.HashSet<>());
        }
        List<AssetRecord> ordered = new ArrayList<>(assets);
        ordered.sort(java.util.Comparator.comparingInt(asset -> depth.getOrDefault(asset.assetId(), 0)));
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
        run.assetLibraryIds().forEach((assetId, libraryId) ->
                items.add(Map.of("user_id", userId, "asset_id", assetId, "asset_library_id", libraryId)));
        return items;
    }

    private boolean isCurrent(RunInput input) {
        return runs.find(input.userId(), input.campaignId())
                .filter(run -> run.runId().equals(input.runId()) && !run.status().isFinal()).isPresent();
    }

    private GenerationRun updateRun(String userId, String campaignId, UnaryOperator<GenerationRun> change) {
        for (int attempt = 1; ; attempt++) {
            GenerationRun stored = runs.find(userId, campaignId)
                    .orElseThrow(() -> new NotFoundException("campaign " + campaignId + " has no generation run"));
            GenerationRun changed = change.apply(stored);
            if (changed == stored) {
                return stored;
            }
            try {
                runs.update(userId, changed);
                return changed;
            } catch (VersionConflictException e) {
                if (attempt == RUN_WRITE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Campaign campaign(String userId, String campaignId) {
        return campaigns.require(userId, campaignId);
    }

    private static GenerationStatus view(Campaign campaign, GenerationRun run, List<AssetRecord> records) {
        Map<String, AssetRecord> byNode = new LinkedHashMap<>();
        records.forEach(record -> byNode.put(record.assetId(), record));
        List<GenerationStatus.NodeProgressView> views = new ArrayList<>();
        List<GenerationStatus.NodeError> errors = new ArrayList<>();
        int[] counts = new int[AssetStatus.values().length];
        BigDecimal spent = BigDecimal.ZERO;
        for (AssetNode node : campaign.assetNodes()) {
            AssetRecord asset = byNode.get(node.assetId());
            if (asset != null) {
                counts[asset.status().ordinal()]++;
                if (asset.status() == AssetStatus.READY && asset.costUsd() != null) {
                    spent = spent.add(asset.costUsd());
                }
                if (asset.error() != null) {
                    errors.add(new GenerationStatus.NodeError(node.assetId(), asset.error()));
                }
            }
            views.add(new GenerationStatus.NodeProgressView(node.assetId(), node.assetType(), node.channel(),
                    node.placement(), node.status().code(), asset == null ? null : asset.status().code(),
                    asset == null ? null : asset.assetLibraryId(), asset == null ? null : asset.provider(),
                    asset == null ? null : asset.model(), asset == null ? null : asset.costUsd(),
                    asset == null ? null : asset.generationMs(), asset == null ? null : asset.error()));
        }
        int total = records.size();
        int finished = counts[AssetStatus.READY.ordinal()] + counts[AssetStatus.FAILED.ordinal()]
                + counts[AssetStatus.STOPPED.ordinal()];
        GenerationStatus.Progress progress = new GenerationStatus.Progress(total, counts[AssetStatus.QUEUED.ordinal()],
                counts[AssetStatus.GENERATING.ordinal()], counts[AssetStatus.READY.ordinal()],
                counts[AssetStatus.FAILED.ordinal()], counts[AssetStatus.STOPPED.ordinal()],
                total == 0 ? (run.status().isFinal() ? 100 : 0) : finished * 100 / total);
        return new GenerationStatus(campaign.campaignId(), run.runId(), run.executionArn(), run.status(),
                run.autopilot(), run.tier(), progress, new GenerationStatus.Costs(run.reservedUsd(), spent), views,
                errors, run.error(), run.startedAt(), run.updatedAt(), run.finishedAt());
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
