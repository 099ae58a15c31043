package dev.pms.core.pricing;

import java.math.BigDecimal;
import java.util.List;

/** A whole-campaign quote: per-node costs, per-kind totals against the plan and every limit it breaks. */
public record Quote(
        PlanTier plan,
        QualityTier tier,
        String billingMonth,
        String priceTableVersion,
        List<CostLine> lines,
        List<KindLine> byKind,
        BigDecimal estimatedCostUsd,
        BigDecimal spentUsd,
        BigDecimal reservedUsd,
        BigDecimal capUsd,
        BigDecimal remainingUsdAfter,
        List<LimitBreach> breaches,
        boolean canProceed,
        String message) {

    public Quote {
        lines = List.copyOf(lines);
        byKind = List.copyOf(byKind);
        breaches = List.copyOf(breaches);
    }

    public int requested(UsageKind kind) {
        return byKind.stream().filter(k -> k.kind() == kind).mapToInt(KindLine::requested).sum();
    }
}
