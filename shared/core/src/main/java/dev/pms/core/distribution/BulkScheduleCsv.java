package dev.pms.core.distribution;

import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A schedule as a bulk-upload CSV (RFC 4180 quoting, CRLF rows). The first three columns are Hootsuite Bulk
 * Composer's layout — date and time as {@code dd/MM/yyyy HH:mm} (24 h, the schedule's time zone; Hootsuite asks for
 * this format to be chosen on upload and for minutes in steps of 5), message, link — followed by the media URL
 * (Buffer's and SocialBee's bulk imports take an image URL column) and the channel, so one file can be split per
 * social profile, as Hootsuite takes one profile per upload. One row per post: its copy as the message, its main
 * media in {@code media_url}, any further media (a video's cover, a second format) space-separated at the end.
 */
public final class BulkScheduleCsv {
    public static final List<String> HEADER = List.of("date_time", "message", "link", "media_url", "channel", "asset_id",
            "more_media_urls");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private BulkScheduleCsv() {
    }

    public static String write(List<ExportedPost> posts, String link) {
        StringBuilder out = new StringBuilder();
        row(out, HEADER);
        for (ExportedPost post : posts) {
            List<String> media = post.mediaUrls();
            row(out, List.of(DATE_TIME.format(post.publishAt()), post.message(), link == null ? "" : link,
                    media.isEmpty() ? "" : media.get(0), post.channel().code(), post.postId(),
                    String.join(" ", media.subList(Math.min(1, media.size()), media.size()))));
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
