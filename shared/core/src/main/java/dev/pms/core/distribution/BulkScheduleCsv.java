package dev.pms.core.distribution;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * A schedule as a bulk-upload CSV (RFC 4180 quoting, CRLF rows). The first three columns are Hootsuite Bulk
 * Composer's layout — date and time as {@code dd/MM/yyyy HH:mm} (24 h, the schedule's time zone; Hootsuite asks for
 * this format to be chosen on upload and for minutes in steps of 5), message, link — followed by the media URL
 * (Buffer's and SocialBee's bulk imports take an image URL column) and the channel, so one file can be split per
 * social profile, as Hootsuite takes one profile per upload.
 */
public final class BulkScheduleCsv {
    public static final List<String> HEADER = List.of("date_time", "message", "link", "media_url", "channel", "asset_id");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private BulkScheduleCsv() {
    }

    public static String write(List<ScheduledPost> posts, Map<String, String> messages, String link,
                               Map<String, String> mediaUrls) {
        StringBuilder out = new StringBuilder();
        row(out, HEADER);
        for (ScheduledPost post : posts) {
            row(out, List.of(DATE_TIME.format(post.publishAt()), messages.getOrDefault(post.assetId(), post.title()),
                    link == null ? "" : link, mediaUrls.getOrDefault(post.assetId(), ""), post.channel().code(),
                    post.assetId()));
        }
        return out.toString();
    }

    private static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quote(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String quote(String cell) {
        boolean needsQuotes = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0;
        String safe = !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
        return needsQuotes || !safe.equals(cell) ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
