package dev.pms.core.generation;

import dev.pms.core.common.ConcurrentCalls;
import dev.pms.core.asset.AssetProgress;
import dev.pms.core.asset.AssetRepository;
import dev.pms.core.asset.AssetStatus;
import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignRepository;
import dev.pms.core.campaign.NodeStatus;
import dev.pms.core.campaign.NodeStatusService;
import dev.pms.core.error.ConflictException;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.json.Json;
import dev.pms.core.media.MediaStore;
import dev.pms.core.pricing.PlanLimitExceededException;
import dev.pms.core.pricing.PreflightService;
import dev.pms.core.pricing.QualityTier;
import dev.pms.core.pricing.Quote;
import dev.pms.core.proposal.ProposalService;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Campaign generation as the user drives it: start a run, watch it, approve what it proposed, stop it. The run
 * itself goes on in the generation workflow ({@link GenerationWorkflow}).
 */
public final class GenerationRuns {
    private final CampaignRepository campaigns;
    private final ProposalService proposalService;
    private final PreflightService preflight;
    private final GenerationRunRepository runs;
    private final AssetRepository assets;
    private final WorkflowEngine workflow;
    private final RunLedger ledger;
    private final StatusLinks links;
    private final Clock clock;
    private final Supplier<String> ids;
    private final LastSeenRunAssets lastSeen = new LastSeenRunAssets();

    public GenerationRuns(CampaignRepository campaigns, ProposalService proposalService, PreflightService preflight,
                          GenerationRunRepository runs, AssetRepository assets, NodeStatusService nodeStatuses,
                          WorkflowEngine workflow, MediaStore media, StatusLinks links, Clock clock,
                          Supplier<String> ids) {
        this.campaigns = campaigns;
        this.proposalService = proposalService;
        this.preflight = preflight;
        this.runs = runs;
        this.assets = assets;
        this.workflow = workflow;
        this.ledger = new RunLedger(runs, assets, new NodeProgress(nodeStatuses), media, clock);
        this.links = links;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * Starts a run of the workflow over every node that is not ready yet.
     *
     * @throws NotFoundException when the caller has no such campaign
     * @throws ConflictException while the campaign's previous run is still going
     * @throws PlanLimitExceededException (402, with the quote) when the plan cannot cover what is left to make
     */
    public GenerationStatus.Started start(String userId, String campaignId, StartGeneration command) {
        Campaign campaign = campaigns.require(userId, campaignId);
        boolean autopilot = command.autopilot();
        QualityTier tier = command.tier();
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
            ledger.updateRun(userId, campaignId, r -> r.finished(RunStatus.FAILED, BigDecimal.ZERO,
                    "the workflow could not be started", clock.instant()));
            throw e;
        }
        GenerationRun started = ledger.updateRun(userId, campaignId, r -> r.runId().equals(run.runId())
                ? r.withExecution(executionId, clock.instant()) : r);
        return new GenerationStatus.Started(campaignId, run.runId(), executionId, started.status(), autopilot,
                links.generationRun(campaignId));
    }

    /**
     * The latest run of the campaign with each node's progress: campaign, run and (with the ids this instance saw
     * last) the assets' progress are read together; the progress is read again only when the run's ids differ.
     */
    public GenerationStatus status(String userId, String campaignId) {
        CompletableFuture<Campaign> campaign = ConcurrentCalls.start(() -> campaigns.require(userId, campaignId));
        List<String> guessedIds = lastSeen.guess(userId, campaignId);
        CompletableFuture<List<AssetProgress>> guessed = guessedIds.isEmpty() ? null
                : ConcurrentCalls.start(() -> assets.progressOf(userId, guessedIds));
        GenerationRun run;
        try {
            run = latestRun(userId, campaignId);
        } catch (NotFoundException e) {
            ConcurrentCalls.await(campaign);
            throw e;
        }
        List<String> runIds = List.copyOf(run.assetLibraryIds().values());
        List<AssetProgress> records = guessed != null && runIds.equals(guessedIds) ? ConcurrentCalls.await(guessed)
                : assets.progressOf(userId, runIds);
        lastSeen.remember(userId, campaignId, runIds);
        return view(ConcurrentCalls.await(campaign), run, records);
    }

    /**
     * Lets the waiting run go on to reserve and generate what is approved, after approving every pending proposal
     * when the command asks for it.
     *
     * @throws ConflictException when the run is not waiting for approval
     * @throws PlanLimitExceededException when approving would go beyond the plan
     */
    public GenerationStatus approve(String userId, String campaignId, ApproveGeneration command) {
        campaigns.require(userId, campaignId);
        GenerationRun run = latestRun(userId, campaignId);
        if (run.status() != RunStatus.AWAITING_APPROVAL || run.approvalToken() == null) {
            throw new ConflictException("generation run " + run.runId() + " is " + run.status().code()
                    + ", not awaiting approval");
        }
        if (command.approvePending()) {
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
        campaigns.require(userId, campaignId);
        GenerationRun run = latestRun(userId, campaignId);
        if (run.status().isFinal()) {
            throw new ConflictException("generation run " + run.runId() + " has already " + run.status().code());
        }
        GenerationRun stopping = ledger.updateRun(userId, campaignId, r -> r.runId().equals(run.runId())
                && !r.status().isFinal() ? r.finished(RunStatus.STOPPED, r.costUsd(), "stopped by the user",
                clock.instant()) : r);
        if (stopping.executionArn() != null) {
            workflow.stop(stopping.executionArn(), "stopped by the user");
        }
        ledger.closeOpen(userId, stopping, AssetStatus.STOPPED, "generation was stopped by the user");
        ledger.rollUp(userId, campaignId, stopping.runId(), RunStatus.STOPPED, "stopped by the user");
        return status(userId, campaignId);
    }

    private GenerationRun latestRun(String userId, String campaignId) {
        return runs.find(userId, campaignId)
                .orElseThrow(() -> new NotFoundException("campaign " + campaignId + " has no generation run"));
    }

    private static GenerationStatus view(Campaign campaign, GenerationRun run, List<AssetProgress> records) {
        Map<String, AssetProgress> byNode = new LinkedHashMap<>();
        records.forEach(record -> byNode.put(record.assetId(), record));
        List<GenerationStatus.NodeProgressView> views = new ArrayList<>();
        List<GenerationStatus.NodeError> errors = new ArrayList<>();
        int[] counts = new int[AssetStatus.values().length];
        BigDecimal spent = BigDecimal.ZERO;
        for (AssetNode node : campaign.assetNodes()) {
            AssetProgress asset = byNode.get(node.assetId());
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
}
