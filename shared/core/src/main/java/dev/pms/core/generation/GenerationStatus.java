package dev.pms.core.generation;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.pricing.QualityTier;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The body of {@code GET /campaigns/{id}/generation}: the run, each node's progress, costs and errors. */
public record GenerationStatus(
        String campaignId,
        String runId,
        String executionId,
        RunStatus status,
        boolean autopilot,
        QualityTier tier,
        Progress progress,
        Costs cost,
        List<NodeProgressView> nodes,
        List<NodeError> errors,
        String error,
        Instant startedAt,
        Instant updatedAt,
        Instant finishedAt) {

    public record Progress(int total, int queued, int generating, int ready, int failed, int stopped, int percent) {
    }

    public record Costs(BigDecimal reservedUsd, BigDecimal spentUsd) {
    }

    public record NodeProgressView(String assetId, AssetType assetType, Channel channel, String placement,
                                   String nodeStatus, String assetStatus, String assetLibraryId, String provider,
                                   String model, BigDecimal costUsd, Long generationMs, String error) {
    }

    public record NodeError(String assetId, String reason) {
    }

    /** The body of the 202 answer to {@code POST /campaigns/{id}/generation}. */
    public record Started(String campaignId, String runId, String executionId, RunStatus status, boolean autopilot,
                          String statusUrl) {
    }
}
