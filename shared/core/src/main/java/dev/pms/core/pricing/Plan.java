package dev.pms.core.pricing;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/** A subscription plan's monthly limits; a count limit of 0 means unlimited. */
public record Plan(PlanTier tier, BigDecimal priceUsd, BigDecimal monthlyCapUsd, Map<UsageKind, Integer> limits) {
    public Plan {
        EnumMap<UsageKind, Integer> complete = new EnumMap<>(UsageKind.class);
        for (UsageKind kind : UsageKind.values()) {
            complete.put(kind, limits.getOrDefault(kind, 0));
        }
        limits = Map.copyOf(complete);
    }

    public int limit(UsageKind kind) {
        return limits.get(kind);
    }

    public boolean isUnlimited(UsageKind kind) {
        return limits.get(kind) == 0;
    }
}
