package dev.pms.devstack.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing EventBridge schedule expressions and computing their next fire times. */
class ScheduleExpressionTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant ANCHOR = Instant.parse("2026-11-25T10:00:30Z");

    private static Instant next(String expression, String after) {
        return next(expression, after, UTC);
    }

    private static Instant next(String expression, String after, ZoneId zone) {
        return ScheduleExpression.parse(expression).nextFireAfter(Instant.parse(after), ANCHOR, zone).orElseThrow();
    }

    private static List<Instant> fires(String expression, String after, int count) {
        ScheduleExpression parsed = ScheduleExpression.parse(expression);
        List<Instant> fires = new ArrayList<>();
        Instant from = Instant.parse(after);
        for (int i = 0; i < count; i++) {
            from = parsed.nextFireAfter(from, ANCHOR, UTC).orElseThrow();
            fires.add(from);
        }
        return fires;
    }

    @Test
    void ratesFireEveryPeriodCountedFromTheAnchor() {
        assertThat(next("rate(1 minute)", "2026-11-25T10:00:30Z")).isEqualTo("2026-11-25T10:01:30Z");
        assertThat(next("rate(1 minute)", "2026-11-25T10:05:00Z")).isEqualTo("2026-11-25T10:05:30Z");
        assertThat(next("rate(1 minute)", "2026-11-25T10:05:30Z")).isEqualTo("2026-11-25T10:06:30Z");
        assertThat(next("rate(5 minutes)", "2026-11-25T09:00:00Z")).isEqualTo("2026-11-25T10:05:30Z");
        assertThat(next("rate(2 hours)", "2026-11-25T11:00:00Z")).isEqualTo("2026-11-25T12:00:30Z");
        assertThat(next("rate(1 day)", "2026-11-25T10:00:30Z")).isEqualTo("2026-11-26T10:00:30Z");
        assertThat(next("rate(7 days)", "2026-12-01T00:00:00Z")).isEqualTo("2026-12-02T10:00:30Z");
        assertThat(ScheduleExpression.parse(" rate(10 minutes) ")).isEqualTo(
                new ScheduleExpression.Rate("rate(10 minutes)", Duration.ofMinutes(10)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "rate(1 minutes)      | singular for 1",
            "rate(5 minute)       | plural above 1",
            "rate(0 minutes)      | positive whole number",
            "rate(-1 minutes)     | positive whole number",
            "rate(1.5 hours)      | positive whole number",
            "rate(30 seconds)     | unit 'seconds' is not supported",
            "rate(1 week)         | unit 'week' is not supported",
            "rate(5)              | not rate(N unit)",
            "every 5 minutes      | is not a schedule expression",
            "''                   | empty",
            "at(2030-01-01)       | not at(yyyy-mm-ddThh:mm:ss)",
            "at(2030-02-30T00:00:00) | no valid date",
    })
    void refusesInvalidRatesAndUnknownForms(String expression, String reason) {
        assertThatThrownBy(() -> ScheduleExpression.parse(expression))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(reason);
    }

    @Test
    void cronFiresAtTheNextMatchingMinuteStrictlyAfter() {
        assertThat(next("cron(0 10 * * ? *)", "2026-11-25T09:59:59Z")).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(next("cron(0 10 * * ? *)", "2026-11-25T10:00:00Z")).isEqualTo("2026-11-26T10:00:00Z");
        assertThat(next("cron(0/15 * * * ? *)", "2026-11-25T10:07:12Z")).isEqualTo("2026-11-25T10:15:00Z");
        assertThat(next("cron(5-20/5 8,17 * * ? *)", "2026-11-25T08:20:00Z")).isEqualTo("2026-11-25T17:05:00Z");
        assertThat(next("cron(59 23 31 12 ? *)", "2026-12-31T23:59:00Z")).isEqualTo("2027-12-31T23:59:00Z");
        assertThat(next("cron(0 0 1 jan,Jul ? *)", "2026-02-01T00:00:00Z")).isEqualTo("2026-07-01T00:00:00Z");
        assertThat(fires("cron(0 */8 * * ? *)", "2026-11-25T10:00:00Z", 3))
                .containsExactly(Instant.parse("2026-11-25T16:00:00Z"), Instant.parse("2026-11-26T00:00:00Z"),
                        Instant.parse("2026-11-26T08:00:00Z"));
    }

    @Test
    void dayOfMonthHandlesMonthEndsLeapYearsAndLastDay() {
        assertThat(next("cron(30 2 31 * ? *)", "2026-04-01T00:00:00Z")).isEqualTo("2026-05-31T02:30:00Z");
        assertThat(next("cron(0 12 L * ? *)", "2026-02-10T00:00:00Z")).isEqualTo("2026-02-28T12:00:00Z");
        assertThat(next("cron(0 12 L * ? *)", "2028-02-10T00:00:00Z")).isEqualTo("2028-02-29T12:00:00Z");
        assertThat(next("cron(0 12 L * ? *)", "2026-04-30T12:00:00Z")).isEqualTo("2026-05-31T12:00:00Z");
        assertThat(next("cron(0 0 29 2 ? *)", "2026-01-01T00:00:00Z")).isEqualTo("2028-02-29T00:00:00Z");
        assertThat(ScheduleExpression.parse("cron(0 0 30 2 ? *)")
                .nextFireAfter(Instant.parse("2026-01-01T00:00:00Z"), ANCHOR, UTC)).isEmpty();
    }

    @Test
    void weekdayWildcardsStayInsideTheMonth() {
        // 2026-08-15 is a Saturday: the nearest weekday is Friday the 14th
        assertThat(next("cron(0 8 15W * ? *)", "2026-08-01T00:00:00Z")).isEqualTo("2026-08-14T08:00:00Z");
        // 2026-08-01 is a Saturday: not back into July, but Monday the 3rd
        assertThat(next("cron(0 8 1W * ? *)", "2026-07-31T00:00:00Z")).isEqualTo("2026-08-03T08:00:00Z");
        // 2026-05-31 is a Sunday: the last weekday is Friday the 29th
        assertThat(next("cron(0 8 LW * ? *)", "2026-05-01T00:00:00Z")).isEqualTo("2026-05-29T08:00:00Z");
        assertThat(next("cron(0 8 31W * ? *)", "2026-05-01T00:00:00Z")).isEqualTo("2026-05-29T08:00:00Z");
    }

    @Test
    void dayOfWeekCountsSundayAsOneAndTakesLastAndNth() {
        // Friday 2026-11-27 10:00 → Monday 2026-11-30
        assertThat(next("cron(0 9 ? * MON-FRI *)", "2026-11-27T10:00:00Z")).isEqualTo("2026-11-30T09:00:00Z");
        assertThat(next("cron(0 9 ? * 2-6 *)", "2026-11-27T10:00:00Z")).isEqualTo("2026-11-30T09:00:00Z");
        assertThat(next("cron(0 9 ? * 1 *)", "2026-11-25T00:00:00Z")).isEqualTo("2026-11-29T09:00:00Z");
        assertThat(next("cron(0 9 ? * sun,SAT *)", "2026-11-25T00:00:00Z")).isEqualTo("2026-11-28T09:00:00Z");
        assertThat(next("cron(0 9 ? * L *)", "2026-11-25T00:00:00Z")).isEqualTo("2026-11-28T09:00:00Z");
        assertThat(next("cron(0 9 ? * 6L *)", "2026-11-01T00:00:00Z")).isEqualTo("2026-11-27T09:00:00Z");
        assertThat(next("cron(0 9 ? * FRIL *)", "2026-11-28T00:00:00Z")).isEqualTo("2026-12-25T09:00:00Z");
        assertThat(next("cron(0 9 ? * MON#1 *)", "2026-11-25T00:00:00Z")).isEqualTo("2026-12-07T09:00:00Z");
        assertThat(next("cron(0 9 ? * 2#5 *)", "2026-11-01T00:00:00Z")).isEqualTo("2026-11-30T09:00:00Z");
    }

    @Test
    void yearsLimitTheSchedule() {
        assertThat(next("cron(0 0 1 1 ? 2027)", "2026-06-01T00:00:00Z")).isEqualTo("2027-01-01T00:00:00Z");
        assertThat(ScheduleExpression.parse("cron(0 0 1 1 ? 2027)")
                .nextFireAfter(Instant.parse("2027-01-01T00:00:00Z"), ANCHOR, UTC)).isEmpty();
        assertThat(next("cron(0 0 1 1 ? 2026,2030-2032)", "2026-06-01T00:00:00Z")).isEqualTo("2030-01-01T00:00:00Z");
        assertThat(next("cron(0 0 1 1 ? 2028/4)", "2029-06-01T00:00:00Z")).isEqualTo("2032-01-01T00:00:00Z");
    }

    @Test
    void cronAndAtReadWallClockTimeOfTheZone() {
        assertThat(next("cron(0 9 * * ? *)", "2026-11-25T00:00:00Z", BERLIN)).isEqualTo("2026-11-25T08:00:00Z");
        assertThat(next("cron(0 9 * * ? *)", "2026-07-01T00:00:00Z", BERLIN)).isEqualTo("2026-07-01T07:00:00Z");
        assertThat(next("at(2030-01-01T09:30:00)", "2026-11-25T00:00:00Z", BERLIN)).isEqualTo("2030-01-01T08:30:00Z");
        assertThat(ScheduleExpression.parse("at(2026-01-01T00:00:00)")
                .nextFireAfter(Instant.parse("2026-11-25T00:00:00Z"), ANCHOR, UTC)).isEmpty();
    }

    @Test
    void daylightSavingJumpsFireSkippedTimesLateAndRepeatedTimesOnce() {
        // 2026-03-29 02:00 → 03:00 in Berlin: 02:30 does not exist and fires at 03:30 CEST
        assertThat(next("cron(30 2 * * ? *)", "2026-03-29T00:00:00Z", BERLIN)).isEqualTo("2026-03-29T01:30:00Z");
        // 2026-10-25 03:00 → 02:00: 02:30 happens twice and fires once (the first time)
        Instant first = next("cron(30 2 * * ? *)", "2026-10-24T23:00:00Z", BERLIN);
        assertThat(first).isEqualTo("2026-10-25T00:30:00Z");
        assertThat(next("cron(30 2 * * ? *)", first.toString(), BERLIN)).isEqualTo("2026-10-26T01:30:00Z");
        assertThat(next("cron(30 2 * * ? *)", "2026-10-25T01:00:00Z", BERLIN)).isEqualTo("2026-10-26T01:30:00Z");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "cron(0 10 * * ?)             | has 5 fields",
            "cron(0 10 * * * *)           | exactly one of day-of-month and day-of-week must be '?'",
            "cron(0 10 ? * ? *)           | exactly one of day-of-month and day-of-week must be '?'",
            "cron(60 10 * * ? *)          | minutes '60' is outside 0..59",
            "cron(0 24 * * ? *)           | hours '24' is outside 0..23",
            "cron(0 0 32 * ? *)           | day-of-month '32' is outside 1..31",
            "cron(0 0 0 * ? *)            | day-of-month '0' is outside 1..31",
            "cron(0 0 1 13 ? *)           | month '13' is outside 1..12",
            "cron(0 0 1 FOO ? *)          | month value 'FOO' is not a number or one of JAN",
            "cron(0 0 ? * 8 *)            | day-of-week '8' is outside 1..7",
            "cron(0 0 ? * MON/2 *)        | increments (/) are not allowed in day-of-week",
            "cron(0 0 ? * FRI-MON *)      | wrap-around ranges are not supported",
            "cron(0 0 ? * 2#6 *)          | the occurrence after # must be 1..5",
            "cron(0 0 ? * MON-FRI#2 *)    | L and # take a single day",
            "cron(0 0 L-3 * ? *)          | offsets like L-3 are not evaluated",
            "cron(0 0 1W,15 * ? *)        | (L, W, # and ? are not allowed in day-of-month)",
            "cron(0 0 1 * ? 2200)         | year '2200' is outside 1970..2199",
            "cron(0/0 0 1 * ? *)          | the increment after / must be a positive number",
            "cron(0 0 L * ? *             | is not a schedule expression",
    })
    void refusesInvalidCronExpressionsNamingTheField(String expression, String reason) {
        assertThatThrownBy(() -> ScheduleExpression.parse(expression))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void theTextIsKept() {
        assertThat(ScheduleExpression.parse("cron(0 8 ? * MON-FRI *)").text()).isEqualTo("cron(0 8 ? * MON-FRI *)");
        assertThat(ScheduleExpression.parse("at(2030-01-01T00:00:00)").nextFireAfter(
                Instant.parse("2026-01-01T00:00:00Z"), ANCHOR, UTC)).isEqualTo(
                Optional.of(Instant.parse("2030-01-01T00:00:00Z")));
    }
}
