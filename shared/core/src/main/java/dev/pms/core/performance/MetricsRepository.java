package dev.pms.core.performance;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Storage port for a campaign's daily metrics, scoped to one tenant. */
public interface MetricsRepository {

    /** The stored days among {@code dates} (days not stored are absent). */
    Map<LocalDate, DailyMetrics> find(String userId, String campaignId, Collection<LocalDate> dates);

    /**
     * Stores every given day in one atomic step, each at version + 1, on condition that each stored version is still
     * the given one (0: not stored yet).
     *
     * @throws dev.pms.core.error.VersionConflictException when any day changed meanwhile (nothing is stored then)
     */
    void saveAll(String userId, String campaignId, List<DailyMetrics> days);

    /** Every stored day of the campaign, oldest first. */
    List<DailyMetrics> all(String userId, String campaignId);
}
