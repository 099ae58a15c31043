package dev.pms.core.campaign;

import java.time.LocalDate;
import java.util.Optional;

/** The teaser of a product launch: from the start date to the launch, at least one day and at most {@value #MAX_DAYS}. */
public final class Teaser {
    public static final int MAX_DAYS = 90;

    private Teaser() {
    }

    /** What is wrong with {@code launch} as the launch after a teaser starting on {@code start}, if anything. */
    public static Optional<String> problem(LocalDate start, LocalDate launch) {
        if (!launch.isAfter(start)) {
            return Optional.of("must be after start_date (" + start + ") so the teaser has at least one day");
        }
        if (start.plusDays(MAX_DAYS).isBefore(launch)) {
            return Optional.of("must be at most " + MAX_DAYS + " days after start_date (" + start + ")");
        }
        return Optional.empty();
    }
}
