package dev.pms.functions.optimization;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptimizationHandlerTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T23:30:00Z"), ZoneOffset.UTC);

    @Test
    void theDayIsTheScheduledEventsTimeInUtcElseToday() {
        assertThat(OptimizationHandler.dayOf(Map.of("time", "2026-11-20T06:00:00Z"), CLOCK))
                .isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(OptimizationHandler.dayOf(Map.of("time", "2026-11-21T01:00:00+02:00"), CLOCK))
                .isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(OptimizationHandler.dayOf(Map.of(), CLOCK)).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(OptimizationHandler.dayOf(null, CLOCK)).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThatThrownBy(() -> OptimizationHandler.dayOf(Map.of("time", "yesterday"), CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
