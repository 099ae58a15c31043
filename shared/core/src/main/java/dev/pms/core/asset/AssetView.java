package dev.pms.core.asset;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** An asset library entry as the API shows it: what it is, where it came from, and a download URL once ready. */
public record AssetView(
        String assetLibraryId,
        String campaignId,
        String assetId,
        String runId,
        AssetStatus status,
        AssetType assetType,
        Channel channel,
        String placement,
        Lineage lineage,
        BigDecimal costUsd,
        String costSource,
        Long generationMs,
        String mimeType,
        Long bytes,
        String sha256,
        Integer width,
        Integer height,
        Double durationSeconds,
        String content,
        String url,
        Instant urlExpiresAt,
        String error,
        Map<String, Object> details,
        Instant createdAt,
        Instant updatedAt) {

    /** How the asset was made. */
    public record Lineage(String campaignId, String assetId, long proposalVersion, String prompt, String provider,
                          String model, int attempts) {
    }

    public static AssetView of(AssetRecord asset, String url, Instant urlExpiresAt) {
        return new AssetView(asset.assetLibraryId(), asset.campaignId(), asset.assetId(), asset.runId(), asset.status(),
                asset.assetType(), asset.channel(), asset.placement(),
                new Lineage(asset.campaignId(), asset.assetId(), asset.proposalVersion(), asset.prompt(),
                        asset.provider(), asset.model(), asset.attempts()),
                asset.costUsd(), asset.costSource(), asset.generationMs(), asset.mimeType(), asset.bytes(),
                asset.sha256(), asset.width(), asset.height(), asset.durationSeconds(), asset.textContent(), url,
                urlExpiresAt, asset.error(), asset.details(), asset.createdAt(), asset.updatedAt());
    }
}
