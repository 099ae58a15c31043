package dev.pms.core.distribution;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IcsCalendarTest {
    private static final ScheduledPost POST = new ScheduledPost("a1", Channel.LINKEDIN, AssetType.IMAGE,
            "linkedin/post_landscape", "Launch; teaser, with commas", "launch",
            OffsetDateTime.parse("2026-12-08T09:00:00+01:00"));

    @Test
    void writesAnRfc5545CalendarWithCrlfLinesUidStampAndUtcTimes() {
        String ics = IcsCalendar.write("c1", "Aurora", 2, List.of(POST), Map.of("a1", "Meet Aurora\nthe lamp"),
                Map.of(), Instant.parse("2026-11-25T08:00:00Z"));

        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(ics).contains("\r\nUID:c1-a1@pms.dev\r\n", "\r\nDTSTAMP:20261125T080000Z\r\n",
                "\r\nDTSTART:20261208T080000Z\r\n", "\r\nDTEND:20261208T081500Z\r\n", "\r\nSEQUENCE:1\r\n",
                "SUMMARY:Publish on LinkedIn: Launch\\; teaser\\, with commas\r\n");
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).contains("\\nMeet Aurora\\nthe lamp");
    }

    @Test
    void longLinesAreFoldedAt75OctetsWithoutSplittingACharacter() {
        String media = "https://media.example/" + "ü".repeat(80);
        String ics = IcsCalendar.write("c1", "Aurora", 1, List.of(POST), Map.of(), Map.of("a1", media), Instant.EPOCH);

        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        assertThat(Arrays.stream(ics.split("\r\n")).filter(l -> l.startsWith(" ")).count()).isGreaterThan(1);
        assertThat(ics.replace("\r\n ", "")).contains(media);
    }

    @Test
    void theCsvHasTheBulkLayoutAndQuotesWhatNeedsIt() {
        String csv = BulkScheduleCsv.write(List.of(POST), Map.of("a1", "Hello, \"world\""), "https://acme.example",
                Map.of("a1", "https://media.example/a1.png"));

        assertThat(csv.split("\r\n")).containsExactly(
                "date_time,message,link,media_url,channel,asset_id",
                "08/12/2026 09:00,\"Hello, \"\"world\"\"\",https://acme.example,https://media.example/a1.png,linkedin,a1");
        assertThat(BulkScheduleCsv.quote("=SUM(A1)")).isEqualTo("\"'=SUM(A1)\"");
    }
}
