package dev.pms.core.generation;

import dev.pms.core.asset.AssetRecord;
import dev.pms.core.pricing.Plan;
import dev.pms.core.usage.UsageAmounts;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** Storage port for each campaign's latest generation run (one item per campaign), scoped to one tenant. */
public interface GenerationRunRepository {

    Optional<GenerationRun> find(String userId, String campaignId);

    /** Stores a new run unless the campaign's latest run is still going; false (nothing written) if it is. */
    boolean start(String userId, GenerationRun run);

    /**
     * Replaces the run if the stored one has {@code run.version() - 1}.
     *
     * @throws dev.pms.core.error.VersionConflictException when it does not
     */
    void update(String userId, GenerationRun run);

    /** What {@link #reserve} did. */
    enum Reservation { RESERVED, ALREADY_RESERVED, PLAN_EXCEEDED }

    /**
     * One atomic step: the month's reservation of {@code total} (within the plan's limits and cap), the run moved
     * to {@code generating} with its asset records, and the queued asset records themselves. Run twice for the same
     * run (a retried task) it answers {@link Reservation#ALREADY_RESERVED} and changes nothing.
     */
    Reservation reserve(String userId, GenerationRun generating, List<AssetRecord> queued, YearMonth month,
                        UsageAmounts total, Plan plan);
}
