package dev.pms.core.usage;

import dev.pms.core.pricing.PlanTier;
import dev.pms.core.pricing.UsageKind;

import java.math.BigDecimal;
import java.util.Map;

/** The body of {@code GET /usage}: this billing month next to the plan's limits (0 = unlimited). */
public record UsageReport(PlanTier plan, String billingMonth, Map<UsageKind, Integer> limits,
                          Map<UsageKind, Integer> used, Map<UsageKind, Integer> reserved,
                          BigDecimal spentUsd, BigDecimal reservedUsd, BigDecimal capUsd) {
}
