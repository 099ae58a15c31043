package dev.pms.aws.dynamodb;

import dev.pms.core.asset.AssetRecord;
import dev.pms.core.asset.AssetStatus;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.usage.UsageAmounts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** The stored JSON document of an {@link AssetRecord}: every part's fields side by side, as items have always held. */
record AssetDocument(
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

    static AssetDocument of(AssetRecord asset) {
        AssetRecord.Lineage lineage = asset.lineage();
        AssetRecord.Reservation reservation = asset.reservation();
        AssetRecord.Output output = asset.output();
        return new AssetDocument(asset.assetLibraryId(), lineage.campaignId(), lineage.assetId(), lineage.runId(),
                lineage.proposalVersion(), lineage.assetType(), lineage.channel(), lineage.placement(),
                lineage.prompt(), lineage.provider(), lineage.model(), asset.status(), reservation.reserved(),
                reservation.providerHandle(), reservation.attempts(), output.costUsd(), output.costSource(),
                output.generationMs(), output.storageKey(), output.mimeType(), output.bytes(), output.sha256(),
                output.width(), output.height(), output.durationSeconds(), output.textContent(), asset.error(),
                asset.details(), asset.createdAt(), asset.updatedAt());
    }

    AssetRecord toRecord() {
        return new AssetRecord(assetLibraryId,
                new AssetRecord.Lineage(campaignId, assetId, runId, proposalVersion, assetType, channel, placement,
                        prompt, provider, model),
                status,
                new AssetRecord.Reservation(reserved, providerHandle, attempts),
                new AssetRecord.Output(costUsd, costSource, generationMs, storageKey, mimeType, bytes, sha256, width,
                        height, durationSeconds, textContent),
                error, details, createdAt, updatedAt);
    }
}
