package dev.pms.core.distribution;

import java.time.Instant;
import java.util.List;

/**
 * One version of a campaign's distribution schedule. Re-running distribution stores version n+1 beside the earlier
 * ones; nothing is replaced in place. {@code icsKey} and {@code csvKey} name the exported files in the media store.
 */
public record Schedule(String campaignId, String campaignName, long version, String timezone,
                       List<ScheduledPost> schedule, List<ScheduleWarning> warnings, String icsKey, String csvKey,
                       Instant createdAt) {
    public Schedule {
        schedule = List.copyOf(schedule);
        warnings = List.copyOf(warnings);
    }
}
