package dev.pms.providers.openai;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** The waits between attempts: exponential with jitter, or what a {@code Retry-After} header asks for. */
public final class Backoff {
    private final Duration base;
    private final Duration cap;
    private final RandomGenerator random;
    private final Clock clock;

    public Backoff(Duration base, Duration cap, RandomGenerator random, Clock clock) {
        this.base = base;
        this.cap = cap;
        this.random = random;
        this.clock = clock;
    }

    /**
     * The wait after {@code failedAttempts} failures: base × 2^(failedAttempts − 1), capped, of which the first half is
     * fixed and the second half random, so that clients failing together do not retry together.
     */
    public Duration after(int failedAttempts) {
        long capMillis = cap.toMillis();
        int doublings = Math.min(failedAttempts - 1, 30);
        long exponential = Math.min(capMillis, base.toMillis() << doublings);
        long fixed = exponential / 2;
        return Duration.ofMillis(fixed + random.nextLong(exponential - fixed + 1));
    }

    public Duration cap() {
        return cap;
    }

    /** A {@code Retry-After} value in seconds or as an HTTP date, as a wait from now; empty when absent or unreadable. */
    public Optional<Duration> retryAfter(Optional<String> header) {
        if (header.isEmpty() || header.get().isBlank()) {
            return Optional.empty();
        }
        String value = header.get().strip();
        if (value.chars().allMatch(Character::isDigit)) {
            return value.length() > 9 ? Optional.of(Duration.ofSeconds(Integer.MAX_VALUE))
                    : Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(clock.instant(), at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
