package dev.pms.core.usage;

import dev.pms.core.pricing.Plan;

import java.time.YearMonth;

/**
 * Storage port for the per-month usage counters. {@link #reserve} is one atomic conditional step:
 * two concurrent reservations can never both pass on the same remaining budget.
 */
public interface UsageLedger {

    MonthlyUsage current(String userId, YearMonth month);

    /**
     * Adds {@code amounts} to the month's reservations if, for every kind the plan limits,
     * used + reserved + requested stays within the limit and the dollars within the cap.
     *
     * @return false (and nothing changed) when it would not fit
     */
    boolean reserve(String userId, YearMonth month, UsageAmounts amounts, Plan plan);

    /** Turns a reservation into usage: the reservation is removed and what was really spent is added. */
    void commit(String userId, YearMonth month, UsageAmounts reserved, UsageAmounts spent);

    /** Gives back a reservation that will not be spent. */
    void release(String userId, YearMonth month, UsageAmounts reserved);
}
