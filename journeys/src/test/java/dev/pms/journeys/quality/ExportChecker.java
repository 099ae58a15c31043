package dev.pms.journeys.quality;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The distribution exports: every CSV row's message and every calendar event's description carries the generated
 * copy (for a post of media only, the words its media shows), not the proposal's hook (a story, whose words are on
 * the creative, may go without); an image goes out with the caption written for it in one slot; media links live as
 * long as the export that holds them.
 */
final class ExportChecker {
    private static final int MIN_MATCHING_WORDS = 4;
    private static final Pattern EXPIRES = Pattern.compile("[?&]X-Amz-Expires=(\\d+)");

    private record Row(String dateTime, String message, String mediaUrl, String channel, String assetId) {
    }

    List<Defect> check(DemoRun run) {
        List<Defect> defects = new ArrayList<>();
        DemoRun.Exports exports = run.exports;
        if (exports.failure() != null) {
            defects.add(new Defect(run.briefName, DefectKind.EXPORT_COPY, "distribution", null,
                    "the schedule could not be exported: " + exports.failure()));
            return defects;
        }
        Map<String, DemoRun.Asset> byNode = new HashMap<>();
        Map<String, Set<String>> copyOfNode = new HashMap<>();
        for (DemoRun.Asset asset : run.assets) {
            String node = asset.entry().path("asset_id").asText();
            byNode.put(node, asset);
            if (asset.type().equals("text") && asset.file() != null) {
                Set<String> sentences = new HashSet<>();
                CopyChecker.fields(DemoRun.readJson(asset.file())).values().forEach(values -> values.forEach(value ->
                        Sentences.of(value).stream().filter(s -> Sentences.words(s) >= MIN_MATCHING_WORDS)
                                .map(Sentences::normalise).forEach(sentences::add)));
                copyOfNode.put(node, sentences);
            } else {
                Set<String> shown = new HashSet<>();
                List<String> texts = new ArrayList<>();
                asset.details().path("slide_texts").forEach(slide -> texts.add(slide.asText()));
                for (String role : List.of("headline", "subline", "cta")) {
                    texts.add(asset.details().path(role).asText(""));
                }
                texts.forEach(text -> Sentences.of(text).stream().filter(sentence -> Sentences.words(sentence)
                        >= MIN_MATCHING_WORDS).map(Sentences::normalise).forEach(shown::add));
                if (!shown.isEmpty()) {
                    copyOfNode.put(node, shown);
                }
            }
        }
        List<Row> rows = csvRows(exports.csv());
        for (Row row : rows) {
            DemoRun.Asset asset = byNode.get(row.assetId());
            String label = asset == null ? "node " + row.assetId() : asset.label();
            String file = asset == null ? null : asset.relativePath();
            String problem = messageProblem(row.message(), asset, copyOfNode);
            if (problem != null) {
                defects.add(new Defect(run.briefName, DefectKind.EXPORT_COPY, label, file,
                        "schedule.csv row at " + row.dateTime() + ": " + problem));
            }
            if (asset != null && asset.type().equals("image")) {
                captionSlot(run, row, rows, asset, copyOfNode, defects);
            }
        }
        mediaLinkLifetime(run, rows, defects);
        for (Map.Entry<String, String> event : icsDescriptions(exports.ics()).entrySet()) {
            DemoRun.Asset asset = byNode.get(event.getKey());
            String problem = messageProblem(event.getValue(), asset, copyOfNode);
            if (problem != null) {
                defects.add(new Defect(run.briefName, DefectKind.EXPORT_COPY,
                        asset == null ? "node " + event.getKey() : asset.label(),
                        asset == null ? null : asset.relativePath(), "schedule.ics event: " + problem));
            }
        }
        return defects;
    }

    private static String messageProblem(String message, DemoRun.Asset asset, Map<String, Set<String>> copyOfNode) {
        if (message == null || message.isBlank()) {
            return asset != null && asset.entry().path("placement").asText().endsWith("/story") ? null
                    : "the message is empty (the post goes out without its copy)";
        }
        String normalised = Sentences.normalise(message);
        String hook = asset == null ? "" : Sentences.normalise(asset.details().path("hook").asText(""));
        if (Sentences.words(hook) >= MIN_MATCHING_WORDS && normalised.contains(hook)) {
            return "the message is the proposal's hook, not the generated copy: " + Sentences.quote(message);
        }
        if (copyNodes(message, copyOfNode).isEmpty() && !shownOn(asset, normalised)) {
            return "the message is not generated copy of the campaign: " + Sentences.quote(message);
        }
        return null;
    }

    /** The text nodes whose copy shares a sentence with {@code message}. */
    private static Set<String> copyNodes(String message, Map<String, Set<String>> copyOfNode) {
        Set<String> nodes = new HashSet<>();
        for (String sentence : Sentences.of(message)) {
            String normalised = Sentences.normalise(sentence);
            if (Sentences.words(sentence) < MIN_MATCHING_WORDS) {
                continue;
            }
            copyOfNode.forEach((node, sentences) -> {
                if (sentences.contains(normalised)) {
                    nodes.add(node);
                }
            });
        }
        return nodes;
    }

    private static void captionSlot(DemoRun run, Row imageRow, List<Row> rows, DemoRun.Asset image,
                                    Map<String, Set<String>> copyOfNode, List<Defect> defects) {
        for (String caption : copyNodes(imageRow.message(), copyOfNode)) {
            for (Row other : rows) {
                if (other.assetId().equals(caption) && !other.dateTime().equals(imageRow.dateTime())) {
                    defects.add(new Defect(run.briefName, DefectKind.EXPORT_COPY, image.label(), image.relativePath(),
                            "schedule.csv posts the image at " + imageRow.dateTime() + " and its caption (node "
                                    + caption + ") again at " + other.dateTime() + "; they are one post in one slot"));
                }
            }
        }
    }

    private static void mediaLinkLifetime(DemoRun run, List<Row> rows, List<Defect> defects) {
        Long exportLifetime = expiresSeconds(run.exports.csvUrl());
        if (exportLifetime == null) {
            return;
        }
        List<String> shortLived = new ArrayList<>();
        for (Row row : rows) {
            Long lifetime = row.mediaUrl().isBlank() ? null : expiresSeconds(row.mediaUrl());
            if (lifetime != null && lifetime < exportLifetime) {
                shortLived.add(row.assetId() + " (" + lifetime + " s)");
            }
        }
        if (!shortLived.isEmpty()) {
            defects.add(new Defect(run.briefName, DefectKind.EXPORT_COPY, "distribution", "schedule.csv",
                    shortLived.size() + " media links expire before the export that holds them (" + exportLifetime
                            + " s): " + String.join(", ", shortLived.subList(0, Math.min(3, shortLived.size())))
                            + (shortLived.size() > 3 ? ", ..." : "")));
        }
    }

    private static Long expiresSeconds(String url) {
        Matcher expires = EXPIRES.matcher(URI.create(url).getRawQuery() == null ? "" : "?" + URI.create(url).getRawQuery());
        return expires.find() ? Long.parseLong(expires.group(1)) : null;
    }

    private static List<Row> csvRows(String csv) {
        List<List<String>> records = parseCsv(csv);
        List<Row> rows = new ArrayList<>();
        if (records.isEmpty()) {
            return rows;
        }
        List<String> header = records.get(0);
        for (List<String> record : records.subList(1, records.size())) {
            rows.add(new Row(cell(header, record, "date_time"), cell(header, record, "message"),
                    cell(header, record, "media_url"), cell(header, record, "channel"), cell(header, record, "asset_id")));
        }
        return rows;
    }

    private static String cell(List<String> header, List<String> record, String column) {
        int index = header.indexOf(column);
        return index < 0 || index >= record.size() ? "" : record.get(index);
    }

    /** RFC 4180: quoted cells may hold commas, quotes ("") and line breaks. */
    static List<List<String>> parseCsv(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(cell.toString());
                cell.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !record.isEmpty()) {
            record.add(cell.toString());
            records.add(record);
        }
        return records;
    }

    /** Each VEVENT's DESCRIPTION (unfolded and unescaped), by the node id in its UID. */
    static Map<String, String> icsDescriptions(String ics) {
        Map<String, String> descriptions = new HashMap<>();
        String unfolded = ics.replace("\r\n ", "").replace("\n ", "");
        String node = null;
        for (String line : unfolded.split("\r?\n")) {
            if (line.startsWith("UID:")) {
                String uid = line.substring(4);
                int at = uid.indexOf('@');
                String withoutHost = at < 0 ? uid : uid.substring(0, at);
                node = withoutHost.length() > 36 ? withoutHost.substring(withoutHost.length() - 36) : withoutHost;
            } else if (line.startsWith("DESCRIPTION:") && node != null) {
                String description = line.substring("DESCRIPTION:".length()).replace("\\n", "\n").replace("\\N", "\n")
                        .replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\");
                descriptions.put(node, withoutHeaderAndMedia(description));
            }
        }
        return descriptions;
    }

    /** The description's message lines, without its "Asset …", "Phase …" and "Media: …" lines. */
    private static String withoutHeaderAndMedia(String description) {
        List<String> lines = new ArrayList<>();
        for (String line : description.split("\n")) {
            if (!line.startsWith("Asset ") && !line.startsWith("Phase ") && !line.startsWith("Media: ")) {
                lines.add(line);
            }
        }
        return String.join("\n", lines);
    }

    /** Whether {@code normalised} is made of the words the media asset itself shows (a post of media only). */
    private static boolean shownOn(DemoRun.Asset asset, String normalised) {
        if (asset == null || asset.type().equals("text")) {
            return false;
        }
        StringBuilder shown = new StringBuilder();
        asset.details().path("slide_texts").forEach(slide -> shown.append(' ').append(slide.asText()));
        for (String role : List.of("headline", "subline", "cta")) {
            shown.append(' ').append(asset.details().path(role).asText(""));
        }
        String words = " " + Sentences.normalise(shown.toString()) + " ";
        return !normalised.isBlank() && Sentences.of(normalised).stream()
                .allMatch(sentence -> words.contains(" " + Sentences.normalise(sentence) + " "));
    }
}
