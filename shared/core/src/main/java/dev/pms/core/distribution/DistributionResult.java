package dev.pms.core.distribution;

import java.time.Instant;
import java.util.List;

/** The answer of a distribution build: the stored schedule version and presigned downloads of its exports. */
public record DistributionResult(String campaignId, long version, String timezone, List<ScheduledPost> schedule,
                                 List<ScheduleWarning> warnings, String icsUrl, String csvUrl, Instant urlsExpireAt) {
    public DistributionResult {
        schedule = List.copyOf(schedule);
        warnings = List.copyOf(warnings);
    }
}
