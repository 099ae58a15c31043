package dev.pms.core.optimization;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** Storage port for the optimisation run's one record per campaign per day. */
public interface OptimizationRunRepository {

    /**
     * Claims the campaign's run of the day with a conditional write: true for the one caller that got it (also when an
     * earlier run of the day failed), false when the day's run is done or in progress.
     */
    boolean claim(String userId, String campaignId, LocalDate day, Instant now);

    /** Stores what the claimed run did (status {@code done} or {@code failed}). */
    void complete(String userId, OptimizationRecord record);

    Optional<OptimizationRecord> find(String userId, String campaignId, LocalDate day);
}
