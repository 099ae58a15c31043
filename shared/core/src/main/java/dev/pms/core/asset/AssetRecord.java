package dev.pms.core.asset;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.usage.UsageAmounts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * One entry of the asset library, created {@code queued} when its generation job is reserved and completed in
 * place, so the job and its asset are one item: lineage (campaign, node, proposal version, prompt, provider,
 * model), what was reserved for it, and once {@code ready} what was made (storage key, size, hash, cost,
 * duration). {@code runId} is null for single-asset generation.
 */
public record AssetRecord(
        String assetLibraryId,
        String campaignId,
        String assetId,
        String runId,
        long proposalVersion,
        AssetType assetType,
        Channel channel,
        String placement,
        String prompt,
        String provider,
        String model,
        AssetStatus status,
        UsageAmounts reserved,
        String providerHandle,
        int attempts,
        BigDecimal costUsd,
        String costSource,
        Long generationMs,
        String storageKey,
        String mimeType,
        Long bytes,
        String sha256,
        Integer width,
        Integer height,
        Double durationSeconds,
        String textContent,
        String error,
        Map<String, Object> details,
        Instant createdAt,
        Instant updatedAt) {

    public AssetRecord {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** The billing month the reservation was taken from (the month the record was created, UTC). */
    @JsonIgnore
    public java.time.YearMonth billingMonth() {
        return java.time.YearMonth.from(createdAt.atZone(java.time.ZoneOffset.UTC));
    }

    @JsonIgnore
    public boolean isOpen() {
        return status.isOpen();
    }

    public AssetRecord generating(String handle, int attemptCount, Instant now) {
        return new AssetRecord(assetLibraryId, campaignId, assetId, runId, proposalVersion, assetType, channel,
                placement, prompt, provider, model, AssetStatus.GENERATING, reserved, handle, attemptCount, costUsd,
                costSource, generationMs, storageKey, mimeType, bytes, sha256, width, height, durationSeconds,
                textContent, error, details, createdAt, now);
    }

    /** This record made final as {@code failed} or {@code stopped} with the reason. */
    public AssetRecord closed(AssetStatus finalStatus, String reason, Instant now) {
        return new AssetRecord(assetLibraryId, campaignId, assetId, runId, proposalVersion, assetType, channel,
                placement, prompt, provider, model, finalStatus, reserved, providerHandle, attempts, BigDecimal.ZERO,
                costSource, generationMs, storageKey, mimeType, bytes, sha256, width, height, durationSeconds,
                textContent, reason, details, createdAt, now);
    }

    /** What a finished job made, to be stored over the open record in one conditional step. */
    public record Output(String provider, String model, BigDecimal costUsd, String costSource, long generationMs,
                         String storageKey, String mimeType, long bytes, String sha256, Integer width,
                         Integer height, Double durationSeconds, String textContent, Map<String, Object> details) {
    }

    public AssetRecord ready(Output output, Instant now) {
        return new AssetRecord(assetLibraryId, campaignId, assetId, runId, proposalVersion, assetType, channel,
                placement, prompt, output.provider(), output.model(), AssetStatus.READY, reserved, providerHandle,
                attempts, output.costUsd(), output.costSource(), output.generationMs(), output.storageKey(),
                output.mimeType(), output.bytes(), output.sha256(), output.width(), output.height(),
                output.durationSeconds(), output.textContent(), null, output.details(), createdAt, now);
    }
}
