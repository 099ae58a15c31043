package dev.pms.core.usage;

import dev.pms.core.pricing.UsageKind;

import java.math.BigDecimal;
import java.time.YearMonth;

/** One billing month of a user: what was generated (used/spent) and what running work holds (reserved). */
public record MonthlyUsage(YearMonth month, UsageAmounts used, UsageAmounts reserved) {

    public static MonthlyUsage empty(YearMonth month) {
        return new MonthlyUsage(month, UsageAmounts.none(), UsageAmounts.none());
    }

    /** Used plus reserved: what the plan can no longer give away this month. */
    public int claimed(UsageKind kind) {
        return used.count(kind) + reserved.count(kind);
    }

    public BigDecimal claimedUsd() {
        return used.usd().add(reserved.usd());
    }
}
