package dev.pms.core.distribution;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A schedule as an RFC 5545 iCalendar file: one VEVENT per post with a stable UID, DTSTAMP, UTC start and end, text
 * escaped (backslash, semicolon, comma, newline) and content lines folded at 75 octets, every line ending in CRLF.
 */
public final class IcsCalendar {
    static final int POST_MINUTES = 15;
    private static final int MAX_LINE_OCTETS = 75;
    private static final DateTimeFormatter UTC_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private IcsCalendar() {
    }

    public static String write(String campaignId, String campaignName, long version, List<ExportedPost> posts,
                               Instant stamp) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Product Marketing Suite//Distribution schedule//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + escape(campaignName + " - publish schedule v" + version));
        for (ExportedPost post : posts) {
            Instant start = post.publishAt().toInstant();
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + campaignId + "-" + post.postId() + "@pms.dev");
            line(out, "DTSTAMP:" + UTC_STAMP.format(stamp));
            line(out, "DTSTART:" + UTC_STAMP.format(start));
            line(out, "DTEND:" + UTC_STAMP.format(start.plusSeconds(POST_MINUTES * 60L)));
            line(out, "SEQUENCE:" + (version - 1));
            line(out, "SUMMARY:" + escape("Publish on " + post.channel().platformName() + ": " + post.title()));
            line(out, "DESCRIPTION:" + escape(description(post)));
            line(out, "CATEGORIES:" + escape(post.channel().code()));
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** The copy to publish, the media to attach, then what the post is made of. */
    private static String description(ExportedPost post) {
        StringBuilder description = new StringBuilder();
        if (!post.message().isEmpty()) {
            description.append(post.message()).append("\n\n");
        }
        post.mediaUrls().forEach(url -> description.append("Media: ").append(url).append("\n"));
        description.append("Phase ").append(post.phase()).append("; assets ").append(post.assets().stream()
                .map(asset -> asset.assetId() + " (" + asset.assetType().code() + ", " + asset.placement() + ")")
                .collect(Collectors.joining(", ")));
        return description.toString();
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Appends one content line, folded so that no physical line exceeds 75 octets (never inside a UTF-8 sequence). */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = MAX_LINE_OCTETS;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 0;
                limit = MAX_LINE_OCTETS - 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
