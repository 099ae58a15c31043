package dev.pms.core.asset;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.usage.UsageAmounts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * One entry of the asset library, created {@code queued} when its generation job is reserved and completed in
 * place, so the job and its asset are one item: its {@link Lineage} (where it came from and how it is made), its
 * {@link Reservation} (what was reserved for it and how far the provider job got) and, once {@code ready}, its
 * {@link Output} (what was made and what it cost).
 */
public record AssetRecord(
        String assetLibraryId,
        Lineage lineage,
        AssetStatus status,
        Reservation reservation,
        Output output,
        String error,
        Map<String, Object> details,
        Instant createdAt,
        Instant updatedAt) {

    public AssetRecord {
        output = output == null ? Output.NONE : output;
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /**
     * Where the asset comes from: its campaign node, the proposal version and prompt it is made from, and the provider
     * and model that make it. {@code runId} is null for single-asset generation.
     */
    public record Lineage(String campaignId, String assetId, String runId, long proposalVersion, AssetType assetType,
                          Channel channel, String placement, String prompt, String provider, String model) {

        /** The same lineage with the provider and model that actually made the asset. */
        public Lineage madeBy(String madeByProvider, String madeByModel) {
            return new Lineage(campaignId, assetId, runId, proposalVersion, assetType, channel, placement, prompt,
                    madeByProvider, madeByModel);
        }
    }

    /** What was reserved for the job, the provider's handle of a job still running and the attempts made so far. */
    public record Reservation(UsageAmounts reserved, String providerHandle, int attempts) {

        public static Reservation of(UsageAmounts reserved) {
            return new Reservation(reserved, null, 0);
        }

        public Reservation attempted(String handle, int attemptCount) {
            return new Reservation(reserved, handle, attemptCount);
        }
    }

    /** What a finished job made: its cost and timing, where it is stored and what it is. */
    public record Output(BigDecimal costUsd, String costSource, Long generationMs, String storageKey, String mimeType,
                         Long bytes, String sha256, Integer width, Integer height, Double durationSeconds,
                         String textContent) {

        /** Nothing made yet. */
        public static final Output NONE = new Output(null, null, null, null, null, null, null, null, null, null, null);

        /** Only the size, known before anything is made (an edit keeps the size of its source). */
        public static Output sized(Integer width, Integer height) {
            return new Output(null, null, null, null, null, null, null, width, height, null, null);
        }

        public Output withCost(BigDecimal cost) {
            return new Output(cost, costSource, generationMs, storageKey, mimeType, bytes, sha256, width, height,
                    durationSeconds, textContent);
        }
    }

    /** A new {@code queued} record holding its reservation; nothing is made yet. */
    public static AssetRecord queued(String assetLibraryId, Lineage lineage, UsageAmounts reserved,
                                     Map<String, Object> details, Instant now) {
        return new AssetRecord(assetLibraryId, lineage, AssetStatus.QUEUED, Reservation.of(reserved), Output.NONE,
                null, details, now, now);
    }

    /** The billing month the reservation was taken from (the month the record was created, UTC). */
    public YearMonth billingMonth() {
        return YearMonth.from(createdAt.atZone(ZoneOffset.UTC));
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    public AssetRecord withOutput(Output newOutput) {
        return new AssetRecord(assetLibraryId, lineage, status, reservation, newOutput, error, details, createdAt,
                updatedAt);
    }

    public AssetRecord generating(String handle, int attemptCount, Instant now) {
        return new AssetRecord(assetLibraryId, lineage, AssetStatus.GENERATING,
                reservation.attempted(handle, attemptCount), output, error, details, createdAt, now);
    }

    /** This record made final as {@code failed} or {@code stopped} with the reason; nothing is charged. */
    public AssetRecord closed(AssetStatus finalStatus, String reason, Instant now) {
        return new AssetRecord(assetLibraryId, lineage, finalStatus, reservation, output.withCost(BigDecimal.ZERO),
                reason, details, createdAt, now);
    }

    /**
     * What a finished job made, by which provider and model, stored over the open record in one conditional step;
     * {@code madeDetails} replace the request's details.
     */
    public AssetRecord ready(String provider, String model, Output made, Map<String, Object> madeDetails, Instant now) {
        return new AssetRecord(assetLibraryId, lineage.madeBy(provider, model), AssetStatus.READY, reservation, made,
                null, madeDetails, createdAt, now);
    }

    public String campaignId() {
        return lineage.campaignId();
    }

    public String assetId() {
        return lineage.assetId();
    }

    public String runId() {
        return lineage.runId();
    }

    public long proposalVersion() {
        return lineage.proposalVersion();
    }

    public AssetType assetType() {
        return lineage.assetType();
    }

    public Channel channel() {
        return lineage.channel();
    }

    public String placement() {
        return lineage.placement();
    }

    public String prompt() {
        return lineage.prompt();
    }

    public String provider() {
        return lineage.provider();
    }

    public String model() {
        return lineage.model();
    }

    public UsageAmounts reserved() {
        return reservation.reserved();
    }

    public String providerHandle() {
        return reservation.providerHandle();
    }

    public int attempts() {
        return reservation.attempts();
    }

    public BigDecimal costUsd() {
        return output.costUsd();
    }

    public String costSource() {
        return output.costSource();
    }

    public Long generationMs() {
        return output.generationMs();
    }

    public String storageKey() {
        return output.storageKey();
    }

    public String mimeType() {
        return output.mimeType();
    }

    public Long bytes() {
        return output.bytes();
    }

    public String sha256() {
        return output.sha256();
    }

    public Integer width() {
        return output.width();
    }

    public Integer height() {
        return output.height();
    }

    public Double durationSeconds() {
        return output.durationSeconds();
    }

    public String textContent() {
        return output.textContent();
    }
}
