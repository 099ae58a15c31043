package dev.pms.core.generation;

import dev.pms.core.asset.AssetRecord;
import dev.pms.core.asset.AssetRepository;
import dev.pms.core.asset.AssetStatus;
import dev.pms.core.campaign.NodeStatus;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.VersionConflictException;
import dev.pms.core.media.MediaStore;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The bookkeeping a run's use cases and workflow steps share: the run record changed under optimistic locking,
 * open asset records closed with their reservations given back, and the run's ending rolled up from its assets.
 */
final class RunLedger {
    private static final int RUN_WRITE_ATTEMPTS = 8;

    private final GenerationRunRepository runs;
    private final AssetRepository assets;
    private final NodeProgress nodes;
    private final MediaStore media;
    private final Clock clock;

    RunLedger(GenerationRunRepository runs, AssetRepository assets, NodeProgress nodes, MediaStore media, Clock clock) {
        this.runs = runs;
        this.assets = assets;
        this.nodes = nodes;
        this.media = media;
        this.clock = clock;
    }

    GenerationRun updateRun(String userId, String campaignId, UnaryOperator<GenerationRun> change) {
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

    void closeOpen(String userId, GenerationRun run, AssetStatus finalStatus, String reason) {
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

    GenerationWorkflow.Finalized rollUp(String userId, String campaignId, String runId, RunStatus forced,
                                        String reason) {
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
        return new GenerationWorkflow.Finalized(done.status().code(), ready, failed, cost);
    }
}
