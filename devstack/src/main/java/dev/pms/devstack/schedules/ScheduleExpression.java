package dev.pms.devstack.schedules;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge schedule expression: {@code rate(N minute|minutes|hour|hours|day|days)},
 * {@code cron(minutes hours day-of-month month day-of-week year)} or (EventBridge Scheduler only)
 * {@code at(yyyy-mm-ddThh:mm:ss)}. {@link #parse} refuses, with the reason, what EventBridge refuses and what the
 * devstack does not evaluate.
 */
public sealed interface ScheduleExpression permits ScheduleExpression.Rate, CronExpression, ScheduleExpression.At {

    /**
     * The first fire time strictly after {@code after}, or empty when there is none. Cron and at expressions are
     * read in {@code zone}; a rate fires at {@code anchor} + k × period, k ≥ 1.
     */
    Optional<Instant> nextFireAfter(Instant after, Instant anchor, ZoneId zone);

    /** The expression as written. */
    String text();

    static ScheduleExpression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the schedule expression is empty");
        }
        String trimmed = text.trim();
        if (trimmed.startsWith("rate(") && trimmed.endsWith(")")) {
            return Rate.parse(trimmed);
        }
        if (trimmed.startsWith("cron(") && trimmed.endsWith(")")) {
            return CronExpression.parse(trimmed);
        }
        if (trimmed.startsWith("at(") && trimmed.endsWith(")")) {
            return At.parse(trimmed);
        }
        throw new IllegalArgumentException("'" + trimmed + "' is not a schedule expression: use rate(N unit), "
                + "cron(minutes hours day-of-month month day-of-week year) or at(yyyy-mm-ddThh:mm:ss)");
    }

    /** {@code rate(N unit)}: every {@code period}, counted from the schedule's start. */
    record Rate(String text, Duration period) implements ScheduleExpression {

        private static final Pattern RATE = Pattern.compile("rate\\(\\s*(\\S+)\\s+(\\S+)\\s*\\)");

        static Rate parse(String text) {
            Matcher matcher = RATE.matcher(text);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("'" + text + "' is not rate(N unit)");
            }
            long value;
            try {
                value = Long.parseLong(matcher.group(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "': the rate must be a positive whole number but is '"
                        + matcher.group(1) + "'");
            }
            if (value < 1) {
                throw new IllegalArgumentException("'" + text + "': the rate must be a positive whole number");
            }
            String unit = matcher.group(2).toLowerCase(Locale.ROOT);
            Duration one = switch (unit) {
                case "minute", "minutes" -> Duration.ofMinutes(1);
                case "hour", "hours" -> Duration.ofHours(1);
                case "day", "days" -> Duration.ofDays(1);
                default -> throw new IllegalArgumentException("'" + text + "': unit '" + matcher.group(2)
                        + "' is not supported (minute, minutes, hour, hours, day, days)");
            };
            boolean plural = unit.endsWith("s");
            if (plural != (value > 1)) {
                throw new IllegalArgumentException("'" + text + "': EventBridge wants the unit " + (value == 1
                        ? "singular for 1 (e.g. rate(1 " + unit.substring(0, unit.length() - 1) + "))"
                        : "plural above 1 (e.g. rate(" + value + " " + unit + "s))"));
            }
            return new Rate(text, one.multipliedBy(value));
        }

        @Override
        public Optional<Instant> nextFireAfter(Instant after, Instant anchor, ZoneId zone) {
            long periodNanos = period.toNanos();
            long elapsed = Duration.between(anchor, after).toNanos();
            long periods = elapsed < 0 ? 1 : elapsed / periodNanos + 1;
            return Optional.of(anchor.plus(period.multipliedBy(periods)));
        }
    }

    /** {@code at(yyyy-mm-ddThh:mm:ss)}: once, at that wall-clock time of the schedule's time zone. */
    record At(String text, LocalDateTime at) implements ScheduleExpression {

        static At parse(String text) {
            String inner = text.substring("at(".length(), text.length() - 1).trim();
            if (!inner.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}")) {
                throw new IllegalArgumentException("'" + text + "' is not at(yyyy-mm-ddThh:mm:ss)");
            }
            try {
                return new At(text, LocalDateTime.parse(inner));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "': " + inner + " is no valid date and time");
            }
        }

        @Override
        public Optional<Instant> nextFireAfter(Instant after, Instant anchor, ZoneId zone) {
            Instant fire = ZonedDateTime.of(at, zone).toInstant();
            return fire.isAfter(after) ? Optional.of(fire) : Optional.empty();
        }
    }
}
