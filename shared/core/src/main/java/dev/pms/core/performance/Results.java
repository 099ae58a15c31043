package dev.pms.core.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Summed results and the rates derived from them: CTR = clicks / impressions, CVR = conversions / clicks, cost per
 * result = spend / conversions, generation cost per result = generation cost / conversions (null where undefined).
 */
public record Results(long impressions, long clicks, long conversions, long views, BigDecimal spend,
                      BigDecimal generationCost, Double ctr, Double cvr, BigDecimal costPerResult,
                      BigDecimal generationCostPerResult) {

    public static final Results NONE = of(0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO);

    public static Results of(long impressions, long clicks, long conversions, long views, BigDecimal spend,
                             BigDecimal generationCost) {
        return new Results(impressions, clicks, conversions, views, spend, generationCost,
                impressions == 0 ? null : round((double) clicks / impressions),
                clicks == 0 ? null : round((double) conversions / clicks),
                conversions == 0 ? null : spend.divide(BigDecimal.valueOf(conversions), 4, RoundingMode.HALF_UP),
                conversions == 0 ? null : generationCost.divide(BigDecimal.valueOf(conversions), 4, RoundingMode.HALF_UP));
    }

    public Results plus(MetricRow row) {
        return of(impressions + row.impressions(), clicks + row.clicks(), conversions + row.conversions(),
                views + row.views(), spend.add(row.spend()), generationCost);
    }

    public Results withGenerationCost(BigDecimal cost) {
        return of(impressions, clicks, conversions, views, spend, cost);
    }

    private static double round(double value) {
        return Math.round(value * 1_000_000d) / 1_000_000d;
    }
}
