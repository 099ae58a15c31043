package dev.pms.aws.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** For tests that compare whole bodies: with {@code test.clock.instant} set, every service reads that instant. */
@Factory
@Requires(property = FixedClockFactory.INSTANT)
public class FixedClockFactory {
    public static final String INSTANT = "test.clock.instant";

    @Singleton
    @Replaces(bean = Clock.class, factory = ClockFactory.class)
    Clock fixedClock(@Value("${" + INSTANT + "}") String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }
}
