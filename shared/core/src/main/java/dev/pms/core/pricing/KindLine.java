package dev.pms.core.pricing;

import java.math.BigDecimal;

/** The quote for one usage kind against the plan; {@code limit} 0 means unlimited (then no remaining). */
public record KindLine(UsageKind kind, int requested, int used, int reserved, int limit, Integer remainingAfter,
                       BigDecimal costUsd) {
}
