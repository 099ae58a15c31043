package dev.pms.devstack.schedules;

import java.time.Duration;
import java.time.Instant;

/**
 * The time the devstack's schedules run on: what time it is, and how long the scheduler really waits for a
 * stretch of that time to pass. {@link #system()} is the wall clock; {@link #accelerated} lets a test watch a
 * {@code rate(1 minute)} schedule fire without waiting a minute.
 */
public interface ScheduleClock {

    Instant now();

    /** How long, in real time, {@code onThisClock} takes to pass on this clock. */
    Duration realTime(Duration onThisClock);

    static ScheduleClock system() {
        return new ScheduleClock() {
            @Override
            public Instant now() {
                return Instant.now();
            }

            @Override
            public Duration realTime(Duration onThisClock) {
                return onThisClock;
            }

            @Override
            public String toString() {
                return "system clock";
            }
        };
    }

    /** Starts at {@code start} and runs {@code speed} times faster than real time. */
    static ScheduleClock accelerated(Instant start, long speed) {
        if (speed < 1) {
            throw new IllegalArgumentException("speed must be at least 1 but is " + speed);
        }
        long startNanos = System.nanoTime();
        return new ScheduleClock() {
            @Override
            public Instant now() {
                return start.plusNanos((System.nanoTime() - startNanos) * speed);
            }

            @Override
            public Duration realTime(Duration onThisClock) {
                return onThisClock.dividedBy(speed);
            }

            @Override
            public String toString() {
                return speed + "× clock from " + start;
            }
        };
    }
}
