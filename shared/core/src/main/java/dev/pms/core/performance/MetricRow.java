package dev.pms.core.performance;

import dev.pms.core.channel.Channel;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One day of results of one asset ({@code assetId} set, {@code channel} its node's) or of a whole channel
 * ({@code assetId} null). {@code views} is 0 when not reported.
 */
public record MetricRow(String assetId, Channel channel, LocalDate date, long impressions, long clicks,
                        long conversions, BigDecimal spend, long views) {

    /** Spend is kept in its shortest plain form (12.50 → 12.5, 50 → 50), so equal amounts are equal rows. */
    public MetricRow {
        BigDecimal stripped = spend.stripTrailingZeros();
        spend = stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** The import key: re-importing a row with the same key replaces it rather than adding to it. */
    public String key() {
        return assetId != null ? "A#" + assetId : "C#" + channel.code();
    }
}
