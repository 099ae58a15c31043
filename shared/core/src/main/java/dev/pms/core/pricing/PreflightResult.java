package dev.pms.core.pricing;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.pms.core.channel.AssetType;

import java.math.BigDecimal;
import java.util.List;

/** The body of a pre-flight answer: the SPA's contract fields plus the full quote beside them. */
public record PreflightResult(
        boolean canProceed,
        String message,
        @JsonInclude(JsonInclude.Include.ALWAYS) List<String> errorDetails,
        Summary summary,
        Quote quote) {

    public record Summary(int totalAssets, int imageCount, int textCount, int videoCount, int audioCount,
                          int avatarCount, BigDecimal estimatedCost) {
    }

    public static PreflightResult of(Quote quote) {
        List<CostLine> lines = quote.lines();
        Summary summary = new Summary(lines.size(),
                count(lines, AssetType.IMAGE), count(lines, AssetType.TEXT),
                count(lines, AssetType.VIDEO) + count(lines, AssetType.AVATAR), count(lines, AssetType.AUDIO),
                count(lines, AssetType.AVATAR), quote.estimatedCostUsd());
        List<String> errors = quote.canProceed() ? null : quote.breaches().stream().map(LimitBreach::message).toList();
        return new PreflightResult(quote.canProceed(), quote.message(), errors, summary, quote);
    }

    private static int count(List<CostLine> lines, AssetType type) {
        return (int) lines.stream().filter(l -> l.assetType() == type).count();
    }
}
