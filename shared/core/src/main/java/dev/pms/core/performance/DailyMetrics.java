package dev.pms.core.performance;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A campaign's results of one day, keyed by {@link MetricRow#key()}: one stored document per campaign and date.
 * {@code version} is 0 for a day not stored yet.
 */
public record DailyMetrics(LocalDate date, Map<String, MetricRow> rows, long version) {
    public DailyMetrics {
        rows = Collections.unmodifiableMap(new TreeMap<>(rows));
    }
}
