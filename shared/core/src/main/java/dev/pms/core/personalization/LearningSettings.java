package dev.pms.core.personalization;

import java.time.Duration;

/**
 * How preferences are learned.
 *
 * @param halfLife  the age at which a signal counts half as much as one from today
 * @param minEvents the fewest events of a kind of preference before anything is learned from them; until then the
 *                  Brand DNA default holds
 * @param window    how many of the user's most recent signals are read
 * @param retention how long a signal is kept before its item expires
 */
public record LearningSettings(Duration halfLife, int minEvents, int window, Duration retention) {
    public static final LearningSettings DEFAULTS = new LearningSettings(Duration.ofDays(30), 3, 300,
            Duration.ofDays(365));

    public LearningSettings {
        if (halfLife == null || halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("the half-life must be a positive duration");
        }
        if (minEvents < 1) {
            throw new IllegalArgumentException("the minimum number of events must be at least 1, not " + minEvents);
        }
        if (window < minEvents) {
            throw new IllegalArgumentException("the window of " + window + " signals is below the minimum of events");
        }
        if (retention == null || retention.compareTo(halfLife) < 0) {
            throw new IllegalArgumentException("signals must be kept at least one half-life");
        }
    }

    public static LearningSettings of(long halfLifeDays, int minEvents, int window, long retentionDays) {
        return new LearningSettings(Duration.ofDays(halfLifeDays), minEvents, window, Duration.ofDays(retentionDays));
    }
}
