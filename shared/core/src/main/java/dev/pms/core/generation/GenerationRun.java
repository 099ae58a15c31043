package dev.pms.core.generation;

import dev.pms.core.pricing.QualityTier;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A campaign's latest generation run: the Step Functions execution behind it, the approval token while it waits
 * for approval (kept out of every response), the asset library record made for each reserved node, and the roll-up
 * written when it finishes. {@code version} guards every change.
 */
public record GenerationRun(
        String runId,
        String campaignId,
        String executionArn,
        RunStatus status,
        boolean autopilot,
        QualityTier tier,
        String approvalToken,
        Map<String, String> assetLibraryIds,
        BigDecimal reservedUsd,
        BigDecimal costUsd,
        String error,
        Instant startedAt,
        Instant updatedAt,
        Instant finishedAt,
        long version) {

    public GenerationRun {
        assetLibraryIds = assetLibraryIds == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(assetLibraryIds));
    }

    public static GenerationRun starting(String runId, String campaignId, boolean autopilot, QualityTier tier, Instant now) {
        return new GenerationRun(runId, campaignId, null, RunStatus.STARTING, autopilot, tier, null, Map.of(),
                BigDecimal.ZERO, BigDecimal.ZERO, null, now, now, null, 1);
    }

    public GenerationRun withExecution(String arn, Instant now) {
        return new GenerationRun(runId, campaignId, arn, status, autopilot, tier, approvalToken, assetLibraryIds,
                reservedUsd, costUsd, error, startedAt, now, finishedAt, version + 1);
    }

    public GenerationRun awaitingApproval(String token, Instant now) {
        return new GenerationRun(runId, campaignId, executionArn, RunStatus.AWAITING_APPROVAL, autopilot, tier, token,
                assetLibraryIds, reservedUsd, costUsd, error, startedAt, now, finishedAt, version + 1);
    }

    public GenerationRun generating(Map<String, String> assets, BigDecimal reserved, Instant now) {
        return new GenerationRun(runId, campaignId, executionArn, RunStatus.GENERATING, autopilot, tier, null, assets,
                reserved, costUsd, error, startedAt, now, finishedAt, version + 1);
    }

    public GenerationRun finished(RunStatus finalStatus, BigDecimal cost, String reason, Instant now) {
        return new GenerationRun(runId, campaignId, executionArn, finalStatus, autopilot, tier, null, assetLibraryIds,
                reservedUsd, cost, reason, startedAt, now, now, version + 1);
    }
}
