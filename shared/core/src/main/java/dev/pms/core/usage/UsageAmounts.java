package dev.pms.core.usage;

import dev.pms.core.pricing.UsageKind;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/** Counts per usage kind plus dollars: what a quote asks for, a reservation holds or a job spent. */
public record UsageAmounts(Map<UsageKind, Integer> counts, BigDecimal usd) {
    public UsageAmounts {
        EnumMap<UsageKind, Integer> complete = new EnumMap<>(UsageKind.class);
        for (UsageKind kind : UsageKind.values()) {
            complete.put(kind, counts.getOrDefault(kind, 0));
        }
        counts = Map.copyOf(complete);
    }

    public static UsageAmounts none() {
        return new UsageAmounts(Map.of(), BigDecimal.ZERO);
    }

    public int count(UsageKind kind) {
        return counts.get(kind);
    }
}
