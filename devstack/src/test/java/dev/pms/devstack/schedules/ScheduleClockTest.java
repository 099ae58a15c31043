package dev.pms.devstack.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** The schedule clocks and the retry backoff measured on them. */
class ScheduleClockTest {

    @Test
    void anAcceleratedClockStartsWhereToldAndShortensRealWaits() {
        Instant start = Instant.parse("2026-11-25T23:59:00Z");
        ScheduleClock clock = ScheduleClock.accelerated(start, 120);

        assertThat(clock.realTime(Duration.ofMinutes(1))).isEqualTo(Duration.ofMillis(500));
        Instant first = clock.now();
        assertThat(first).isBetween(start, start.plusSeconds(60));
        LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        assertThat(Duration.between(first, clock.now())).isGreaterThanOrEqualTo(Duration.ofMillis(20 * 120));
        assertThatThrownBy(() -> ScheduleClock.accelerated(start, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSystemClockWaitsInRealTime() {
        ScheduleClock clock = ScheduleClock.system();

        assertThat(clock.realTime(Duration.ofMinutes(1))).isEqualTo(Duration.ofMinutes(1));
        assertThat(clock.now()).isBetween(Instant.now().minusSeconds(1), Instant.now().plusSeconds(1));
    }

    @Test
    void retriesBackOffDoublingUpToAMinute() {
        assertThat(ScheduleRunner.retryDelay(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(ScheduleRunner.retryDelay(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(ScheduleRunner.retryDelay(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(ScheduleRunner.retryDelay(6)).isEqualTo(Duration.ofSeconds(32));
        assertThat(ScheduleRunner.retryDelay(7)).isEqualTo(Duration.ofMinutes(1));
        assertThat(ScheduleRunner.retryDelay(185)).isEqualTo(Duration.ofMinutes(1));
    }
}
