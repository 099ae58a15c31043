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
            OffsetDateTime.parse("2026-12-08T09:00:00+01:00"), "a1");
    private static final ScheduledPost CAPTION = new ScheduledPost("a2", Channel.LINKEDIN, AssetType.TEXT,
            "linkedin/post_copy", "Post copy", "launch", POST.publishAt(), "a2");

    @Test
    void writesAnRfc5545CalendarWithCrlfLinesUidStampAndUtcTimes() {
        String ics = IcsCalendar.write("c1", "Aurora", 2, ExportedPost.of(List.of(POST), Map.of(), key -> key),
                Instant.parse("2026-11-25T08:00:00Z"));

        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(ics).contains("\r\nUID:c1-a1@pms.dev\r\n", "\r\nDTSTAMP:20261125T080000Z\r\n",
                "\r\nDTSTART:20261208T080000Z\r\n", "\r\nDTEND:20261208T081500Z\r\n", "\r\nSEQUENCE:1\r\n",
                "SUMMARY:Publish on LinkedIn: Launch\\; teaser\\, with commas\r\n");
        assertThat(ics.replace("\r\n ", "")).contains("Phase launch\\; assets a1 (image\\, linkedin/post_landscape)");
    }

    @Test
    void longLinesAreFoldedAt75OctetsWithoutSplittingACharacter() {
        String media = "https://media.example/" + "ü".repeat(80);
        String ics = IcsCalendar.write("c1", "Aurora", 1, ExportedPost.of(List.of(POST),
                Map.of("a1", new PublishableAsset("a1", null, "k1")), key -> media), Instant.EPOCH);

        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        assertThat(Arrays.stream(ics.split("\r\n")).filter(l -> l.startsWith(" ")).count()).isGreaterThan(1);
        assertThat(ics.replace("\r\n ", "")).contains(media);
    }

    @Test
    void theCsvHasTheBulkLayoutAndQuotesWhatNeedsIt() {
        String csv = BulkScheduleCsv.write(ExportedPost.of(List.of(POST), Map.of(), key -> key), "https://acme.example")
                + BulkScheduleCsv.write(List.of(new ExportedPost("a2", Channel.LINKEDIN, "launch", POST.publishAt(),
                "Post", "Hello, \"world\"", List.of("https://media.example/a1.png", "https://media.example/a3.png"),
                List.of(POST, CAPTION))), null);

        assertThat(csv.split("\r\n")).containsExactly(
                "date_time,message,link,media_url,channel,asset_id,more_media_urls",
                "08/12/2026 09:00,,https://acme.example,,linkedin,a1,",
                "date_time,message,link,media_url,channel,asset_id,more_media_urls",
                "08/12/2026 09:00,\"Hello, \"\"world\"\"\",,https://media.example/a1.png,linkedin,a2,"
                        + "https://media.example/a3.png");
        assertThat(BulkScheduleCsv.quote("=SUM(A1)")).isEqualTo("\"'=SUM(A1)\"");
    }
}
