package dev.pms.devstack.schedules;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code cron(minutes hours day-of-month month day-of-week year)} as EventBridge reads it: minutes 0–59,
 * hours 0–23, day-of-month 1–31, month 1–12 or JAN–DEC, day-of-week 1–7 or SUN–SAT (1 is Sunday), year
 * 1970–2199. Every field takes {@code *}, lists ({@code ,}) and ranges ({@code -}); all but day-of-week take
 * increments ({@code /}). Exactly one of day-of-month and day-of-week is {@code ?}. Day-of-month also takes
 * {@code L} (last day), {@code LW} (last weekday) and {@code nW} (weekday nearest to day n, within the month);
 * day-of-week takes {@code L} (Saturday), {@code nL} (last day n of the month) and {@code n#k} (k-th day n).
 * Fire times are wall-clock times of the schedule's zone: a time that a daylight-saving jump skips fires after
 * the jump, a time that happens twice fires once.
 */
public final class CronExpression implements ScheduleExpression {

    static final int FIRST_YEAR = 1970;
    static final int LAST_YEAR = 2199;
    private static final List<String> MONTH_NAMES = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG",
            "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAY_NAMES = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final DayOfMonth dayOfMonth;
    private final BitSet months;
    private final DayOfWeekRule dayOfWeek;
    private final BitSet years;

    private CronExpression(String text, BitSet minutes, BitSet hours, DayOfMonth dayOfMonth, BitSet months,
                           DayOfWeekRule dayOfWeek, BitSet years) {
        this.text = text;
        this.minutes = minutes;
        this.hours = hours;
        this.dayOfMonth = dayOfMonth;
        this.months = months;
        this.dayOfWeek = dayOfWeek;
        this.years = years;
    }

    /** The day-of-month field: days, or one of {@code L}, {@code LW}, {@code nW}; {@code any} for {@code ?}. */
    private record DayOfMonth(boolean any, BitSet days, boolean last, boolean lastWeekday, int nearestWeekdayTo) {

        boolean matches(LocalDate date) {
            int length = date.lengthOfMonth();
            if (last) {
                return date.getDayOfMonth() == length;
            }
            if (lastWeekday) {
                return date.equals(weekdayOnOrBefore(date.withDayOfMonth(length)));
            }
            if (nearestWeekdayTo > 0) {
                return nearestWeekdayTo <= length && date.equals(nearestWeekday(date.withDayOfMonth(nearestWeekdayTo)));
            }
            return days.get(date.getDayOfMonth());
        }

        private static LocalDate weekdayOnOrBefore(LocalDate date) {
            return switch (date.getDayOfWeek()) {
                case SATURDAY -> date.minusDays(1);
                case SUNDAY -> date.minusDays(2);
                default -> date;
            };
        }

        private static LocalDate nearestWeekday(LocalDate target) {
            int length = target.lengthOfMonth();
            return switch (target.getDayOfWeek()) {
                case SATURDAY -> target.getDayOfMonth() == 1 ? target.plusDays(2) : target.minusDays(1);
                case SUNDAY -> target.getDayOfMonth() == length ? target.minusDays(2) : target.plusDays(1);
                default -> target;
            };
        }
    }

    /**
     * The day-of-week field (cron numbering, 1 = Sunday): days, or {@code nL} ({@code lastOfMonth} = n), or
     * {@code n#k} ({@code nth} = n, {@code occurrence} = k); {@code any} for {@code ?}.
     */
    private record DayOfWeekRule(boolean any, BitSet days, int lastOfMonth, int nth, int occurrence) {

        boolean matches(LocalDate date) {
            int day = cronDay(date.getDayOfWeek());
            if (lastOfMonth > 0) {
                return day == lastOfMonth && date.plusWeeks(1).getMonth() != date.getMonth();
            }
            if (nth > 0) {
                return day == nth && (date.getDayOfMonth() - 1) / 7 + 1 == occurrence;
            }
            return days.get(day);
        }
    }

    static CronExpression parse(String text) {
        String inner = text.substring("cron(".length(), text.length() - 1).trim();
        String[] fields = inner.split("\\s+");
        if (fields.length != 6) {
            throw new IllegalArgumentException("'" + text + "' has " + (inner.isEmpty() ? 0 : fields.length)
                    + " fields; EventBridge cron takes 6: minutes hours day-of-month month day-of-week year");
        }
        String where = "'" + text + "'";
        BitSet minutes = numbers(fields[0], "minutes", 0, 59, List.of(), true, where);
        BitSet hours = numbers(fields[1], "hours", 0, 23, List.of(), true, where);
        BitSet months = numbers(fields[3], "month", 1, 12, MONTH_NAMES, true, where);
        BitSet years = numbers(fields[5], "year", FIRST_YEAR, LAST_YEAR, List.of(), true, where);
        boolean domAny = fields[2].equals("?");
        boolean dowAny = fields[4].equals("?");
        if (domAny == dowAny) {
            throw new IllegalArgumentException(where + ": exactly one of day-of-month and day-of-week must be '?' "
                    + "(e.g. cron(0 8 * * ? *) or cron(0 8 ? * MON-FRI *))");
        }
        DayOfMonth dayOfMonth = domAny ? new DayOfMonth(true, null, false, false, 0) : dayOfMonth(fields[2], where);
        DayOfWeekRule dayOfWeek = dowAny ? new DayOfWeekRule(true, null, 0, 0, 0) : dayOfWeek(fields[4], where);
        return new CronExpression(text, minutes, hours, dayOfMonth, months, dayOfWeek, years);
    }

    private static DayOfMonth dayOfMonth(String field, String where) {
        String upper = field.toUpperCase(Locale.ROOT);
        if (upper.equals("L")) {
            return new DayOfMonth(false, null, true, false, 0);
        }
        if (upper.equals("LW")) {
            return new DayOfMonth(false, null, false, true, 0);
        }
        if (upper.endsWith("W")) {
            String day = upper.substring(0, upper.length() - 1);
            if (!day.matches("\\d{1,2}")) {
                throw new IllegalArgumentException(where + ": day-of-month '" + field + "' is not nW (e.g. 15W), LW or L;"
                        + " W and L cannot be combined with lists, ranges or increments");
            }
            int value = Integer.parseInt(day);
            requireRange(value, 1, 31, "day-of-month", field, where);
            return new DayOfMonth(false, null, false, false, value);
        }
        if (upper.contains("L")) {
            throw new IllegalArgumentException(where + ": day-of-month '" + field + "' is not supported (L stands alone;"
                    + " offsets like L-3 are not evaluated by the devstack)");
        }
        return new DayOfMonth(false, numbers(field, "day-of-month", 1, 31, List.of(), true, where), false, false, 0);
    }

    private static DayOfWeekRule dayOfWeek(String field, String where) {
        String upper = field.toUpperCase(Locale.ROOT);
        if (upper.equals("L")) {
            BitSet saturday = new BitSet();
            saturday.set(7);
            return new DayOfWeekRule(false, saturday, 0, 0, 0);
        }
        if (upper.endsWith("L")) {
            int day = singleDay(upper.substring(0, upper.length() - 1), field, where);
            return new DayOfWeekRule(false, null, day, 0, 0);
        }
        int hash = upper.indexOf('#');
        if (hash >= 0) {
            int day = singleDay(upper.substring(0, hash), field, where);
            String occurrence = upper.substring(hash + 1);
            if (!occurrence.matches("[1-5]")) {
                throw new IllegalArgumentException(where + ": day-of-week '" + field + "': the occurrence after # must "
                        + "be 1..5");
            }
            return new DayOfWeekRule(false, null, 0, day, Integer.parseInt(occurrence));
        }
        if (upper.contains("/")) {
            throw new IllegalArgumentException(where + ": day-of-week '" + field + "': increments (/) are not allowed "
                    + "in day-of-week");
        }
        return new DayOfWeekRule(false, numbers(field, "day-of-week", 1, 7, DAY_NAMES, false, where), 0, 0, 0);
    }

    private static int singleDay(String text, String field, String where) {
        if (text.contains(",") || text.contains("-") || text.contains("*") || text.isEmpty()) {
            throw new IllegalArgumentException(where + ": day-of-week '" + field + "': L and # take a single day "
                    + "(e.g. 6L, MON#1)");
        }
        return value(text, "day-of-week", 1, 7, DAY_NAMES, where);
    }

    /** {@code *}, {@code a}, {@code a-b}, each optionally {@code /step}, separated by commas. */
    private static BitSet numbers(String field, String name, int min, int max, List<String> names, boolean stepsAllowed,
                                  String where) {
        BitSet values = new BitSet();
        for (String item : field.split(",", -1)) {
            if (item.isEmpty()) {
                throw new IllegalArgumentException(where + ": " + name + " '" + field + "' has an empty list item");
            }
            String range = item;
            int step = 1;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                if (!stepsAllowed) {
                    throw new IllegalArgumentException(where + ": " + name + " '" + field + "': increments (/) are not "
                            + "allowed here");
                }
                range = item.substring(0, slash);
                String stepText = item.substring(slash + 1);
                if (!stepText.matches("\\d{1,4}") || Integer.parseInt(stepText) == 0) {
                    throw new IllegalArgumentException(where + ": " + name + " '" + field + "': the increment after / "
                            + "must be a positive number");
                }
                step = Integer.parseInt(stepText);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.indexOf('-') > 0) {
                int dash = range.indexOf('-');
                from = value(range.substring(0, dash), name, min, max, names, where);
                to = value(range.substring(dash + 1), name, min, max, names, where);
                if (from > to) {
                    throw new IllegalArgumentException(where + ": " + name + " range '" + range + "' runs backwards "
                            + "(wrap-around ranges are not supported; write two ranges)");
                }
            } else {
                from = value(range, name, min, max, names, where);
                to = slash >= 0 ? max : from;
            }
            for (int value = from; value <= to; value += step) {
                values.set(value);
            }
        }
        return values;
    }

    private static int value(String text, String name, int min, int max, List<String> names, String where) {
        int named = names.indexOf(text.toUpperCase(Locale.ROOT));
        if (named >= 0) {
            return min + named;
        }
        if (!text.matches("\\d{1,4}")) {
            throw new IllegalArgumentException(where + ": " + name + " value '" + text + "' is not "
                    + (names.isEmpty() ? "a number" : "a number or one of " + String.join(", ", names))
                    + (text.matches(".*[LW#?].*") ? " (L, W, # and ? are not allowed in " + name + ")" : ""));
        }
        int value = Integer.parseInt(text);
        requireRange(value, min, max, name, text, where);
        return value;
    }

    private static void requireRange(int value, int min, int max, String name, String text, String where) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(where + ": " + name + " '" + text + "' is outside " + min + ".." + max);
        }
    }

    /** Cron numbering: 1 = Sunday … 7 = Saturday. */
    static int cronDay(DayOfWeek day) {
        return day.getValue() % 7 + 1;
    }

    @Override
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public Optional<Instant> nextFireAfter(Instant after, Instant anchor, ZoneId zone) {
        LocalDateTime from = LocalDateTime.ofInstant(after, zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        while (true) {
            Optional<LocalDateTime> local = nextLocal(from);
            if (local.isEmpty()) {
                return Optional.empty();
            }
            Instant fire = ZonedDateTime.ofLocal(local.get(), zone, null).toInstant();
            if (fire.isAfter(after)) {
                return Optional.of(fire);
            }
            from = local.get().plusMinutes(1);
        }
    }

    /** The first matching wall-clock minute at or after {@code from}. */
    private Optional<LocalDateTime> nextLocal(LocalDateTime from) {
        LocalDate date = from.toLocalDate();
        LocalTime earliest = from.toLocalTime();
        while (date.getYear() <= LAST_YEAR) {
            if (!years.get(date.getYear())) {
                int nextYear = years.nextSetBit(date.getYear() + 1);
                if (nextYear < 0 || nextYear > LAST_YEAR) {
                    return Optional.empty();
                }
                date = LocalDate.of(nextYear, 1, 1);
                earliest = LocalTime.MIDNIGHT;
                continue;
            }
            if (!months.get(date.getMonthValue())) {
                date = date.with(TemporalAdjusters.firstDayOfNextMonth());
                earliest = LocalTime.MIDNIGHT;
                continue;
            }
            if (dayMatches(date)) {
                Optional<LocalTime> time = firstTimeAtOrAfter(earliest);
                if (time.isPresent()) {
                    return Optional.of(LocalDateTime.of(date, time.get()));
                }
            }
            date = date.plusDays(1);
            earliest = LocalTime.MIDNIGHT;
        }
        return Optional.empty();
    }

    private boolean dayMatches(LocalDate date) {
        return dayOfMonth.any() ? dayOfWeek.matches(date) : dayOfMonth.matches(date);
    }

    private Optional<LocalTime> firstTimeAtOrAfter(LocalTime earliest) {
        for (int hour = hours.nextSetBit(earliest.getHour()); hour >= 0; hour = hours.nextSetBit(hour + 1)) {
            int fromMinute = hour == earliest.getHour() ? earliest.getMinute() : 0;
            int minute = minutes.nextSetBit(fromMinute);
            if (minute >= 0) {
                return Optional.of(LocalTime.of(hour, minute));
            }
        }
        return Optional.empty();
    }
}
