package dev.pms.core.performance;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.campaign.AssetNode;
import dev.pms.core.channel.Channel;
import dev.pms.core.json.Json;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads metric rows from a JSON body ({@code {rows: [...]}} or a bare array) or a CSV with a header row, checks every
 * row against the campaign and reports every bad row by line. Columns: asset_id or channel (or both, agreeing),
 * date (yyyy-MM-dd), impressions, clicks, conversions, spend, views (optional).
 */
public final class MetricRowParser {
    public static final int MAX_ROWS = 5_000;
    /** One import is stored in one transaction of at most 100 items: one per day. */
    public static final int MAX_DAYS = 100;
    static final long MAX_COUNT = 1_000_000_000_000L;
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final List<String> COLUMNS = List.of("asset_id", "channel", "date", "impressions", "clicks",
            "conversions", "spend", "views");
    private static final int MAX_ERRORS_REPORTED = 200;

    private final Map<String, AssetNode> nodes;
    private final LocalDate today;

    public MetricRowParser(List<AssetNode> campaignNodes, LocalDate today) {
        this.nodes = new HashMap<>();
        campaignNodes.forEach(node -> nodes.put(node.assetId(), node));
        this.today = today;
    }

    /** @throws MetricImportException listing every bad row (nothing is returned then) */
    public List<MetricRow> parse(String body, boolean csv) {
        if (body == null || body.isBlank()) {
            throw refused(List.of(new RowError(0, "body", csv ? "a CSV with a header row is required"
                    : "a JSON object with rows, or an array of rows, is required")));
        }
        return csv ? parseCsv(body) : parseJson(body);
    }

    private List<MetricRow> parseJson(String body) {
        JsonNode root;
        try {
            root = Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(body);
        } catch (Exception e) {
            throw refused(List.of(new RowError(0, "body", "is not valid JSON")));
        }
        JsonNode rows = root != null && root.isObject() ? root.get("rows") : root;
        if (rows == null || !rows.isArray()) {
            throw refused(List.of(new RowError(0, "rows", "must be an array of rows")));
        }
        List<Map<String, String>> records = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            Map<String, String> record = new LinkedHashMap<>();
            if (!row.isObject()) {
                errors.add(new RowError(i + 1, "row", "must be an object"));
            } else {
                row.fields().forEachRemaining(field -> {
                    if (!COLUMNS.contains(field.getKey())) {
                        errors.add(new RowError(records.size() + 1, field.getKey(), "is not a metric column (allowed: "
                                + String.join(", ", COLUMNS) + ")"));
                    } else if (!field.getValue().isNull()) {
                        if (field.getValue().isContainerNode()) {
                            errors.add(new RowError(records.size() + 1, field.getKey(), "must be a number or a string"));
                        } else {
                            record.put(field.getKey(), field.getValue().asText());
                        }
                    }
                });
            }
            records.add(record);
        }
        return check(records, 1, errors);
    }

    private List<MetricRow> parseCsv(String body) {
        List<List<String>> lines;
        try {
            lines = Csv.read(body);
        } catch (IllegalArgumentException e) {
            throw refused(List.of(new RowError(0, "body", e.getMessage())));
        }
        if (lines.isEmpty()) {
            throw refused(List.of(new RowError(1, "header", "a header row is required")));
        }
        List<String> header = lines.get(0).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        List<RowError> errors = new ArrayList<>();
        for (String column : header) {
            if (!COLUMNS.contains(column)) {
                errors.add(new RowError(1, column, "is not a metric column (allowed: " + String.join(", ", COLUMNS) + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw refused(errors);
        }
        List<Map<String, String>> records = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> cells = lines.get(i);
            Map<String, String> record = new LinkedHashMap<>();
            if (cells.size() != header.size()) {
                errors.add(new RowError(i + 1, "row", "has " + cells.size() + " cells; the header has " + header.size()));
            }
            for (int c = 0; c < Math.min(cells.size(), header.size()); c++) {
                if (!cells.get(c).isBlank()) {
                    record.put(header.get(c), cells.get(c).trim());
                }
            }
            records.add(record);
        }
        return check(records, 2, errors);
    }

    private List<MetricRow> check(List<Map<String, String>> records, int firstLine, List<RowError> errors) {
        if (records.size() > MAX_ROWS) {
            throw refused(List.of(new RowError(0, "rows", "at most " + MAX_ROWS + " rows per import (got "
                    + records.size() + ")")));
        }
        if (records.isEmpty() && errors.isEmpty()) {
            throw refused(List.of(new RowError(0, "rows", "there are no rows to import")));
        }
        List<MetricRow> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Set<LocalDate> days = new HashSet<>();
        for (int i = 0; i < records.size(); i++) {
            int line = firstLine + i;
            int before = errors.size();
            MetricRow row = row(records.get(i), line, errors);
            if (row == null || errors.size() > before) {
                continue;
            }
            String key = row.date() + "/" + row.key();
            Integer earlier = seen.putIfAbsent(key, line);
            if (earlier != null) {
                errors.add(new RowError(line, row.assetId() != null ? "asset_id" : "channel",
                        "repeats line " + earlier + " (same " + (row.assetId() != null ? "asset" : "channel") + " and date)"));
                continue;
            }
            days.add(row.date());
            rows.add(row);
        }
        if (days.size() > MAX_DAYS) {
            errors.add(new RowError(0, "date", "one import covers at most " + MAX_DAYS + " days (got " + days.size() + ")"));
        }
        if (!errors.isEmpty()) {
            throw refused(errors);
        }
        return rows;
    }

    private MetricRow row(Map<String, String> record, int line, List<RowError> errors) {
        String assetId = record.get("asset_id");
        Channel channel = null;
        String channelCode = record.get("channel");
        if (channelCode != null) {
            channel = Channel.parse(channelCode).orElse(null);
            if (channel == null) {
                errors.add(new RowError(line, "channel", "'" + channelCode + "' is not a channel"));
            }
        }
        if (assetId != null) {
            AssetNode node = nodes.get(assetId);
            if (node == null) {
                errors.add(new RowError(line, "asset_id", "'" + assetId + "' is not a node of this campaign"));
            } else if (channel != null && channel != node.channel()) {
                errors.add(new RowError(line, "channel", "asset " + assetId + " is on " + node.channel().code()
                        + ", not " + channel.code()));
            } else {
                channel = node.channel();
            }
        } else if (channelCode == null) {
            errors.add(new RowError(line, "asset_id", "asset_id or channel is required"));
        }
        LocalDate date = null;
        String rawDate = record.get("date");
        if (rawDate == null) {
            errors.add(new RowError(line, "date", "is required (yyyy-MM-dd)"));
        } else {
            try {
                date = LocalDate.parse(rawDate);
                if (date.isBefore(EARLIEST) || date.isAfter(today.plusDays(1))) {
                    errors.add(new RowError(line, "date", rawDate + " is not between " + EARLIEST + " and tomorrow"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new RowError(line, "date", "'" + rawDate + "' is not a date (yyyy-MM-dd)"));
            }
        }
        Long impressions = count(record, "impressions", true, line, errors);
        Long clicks = count(record, "clicks", true, line, errors);
        Long conversions = count(record, "conversions", true, line, errors);
        Long views = count(record, "views", false, line, errors);
        BigDecimal spend = number(record, "spend", line, errors, BigDecimal::new);
        if (impressions != null && clicks != null && clicks > impressions) {
            errors.add(new RowError(line, "clicks", clicks + " clicks exceed " + impressions + " impressions"));
        }
        if (channel == null || date == null || impressions == null || clicks == null || conversions == null
                || spend == null) {
            return null;
        }
        return new MetricRow(assetId, channel, date, impressions, clicks, conversions, spend,
                views == null ? 0 : views);
    }

    private static Long count(Map<String, String> record, String field, boolean required, int line, List<RowError> errors) {
        String raw = record.get(field);
        if (raw == null) {
            if (required) {
                errors.add(new RowError(line, field, "is required"));
            }
            return null;
        }
        try {
            long value = new BigDecimal(raw).longValueExact();
            if (value < 0 || value > MAX_COUNT) {
                errors.add(new RowError(line, field, "must be a whole number between 0 and " + MAX_COUNT));
                return null;
            }
            return value;
        } catch (NumberFormatException | ArithmeticException e) {
            errors.add(new RowError(line, field, "'" + raw + "' is not a whole number"));
            return null;
        }
    }

    private static BigDecimal number(Map<String, String> record, String field, int line, List<RowError> errors,
                                     Function<String, BigDecimal> parser) {
        String raw = record.get(field);
        if (raw == null) {
            errors.add(new RowError(line, field, "is required"));
            return null;
        }
        try {
            BigDecimal value = parser.apply(raw);
            if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(MAX_COUNT)) > 0 || value.scale() > 6) {
                errors.add(new RowError(line, field, "must be an amount between 0 and " + MAX_COUNT
                        + " with at most 6 decimals"));
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            errors.add(new RowError(line, field, "'" + raw + "' is not a number"));
            return null;
        }
    }

    private static MetricImportException refused(List<RowError> errors) {
        List<RowError> reported = errors.size() > MAX_ERRORS_REPORTED ? errors.subList(0, MAX_ERRORS_REPORTED) : errors;
        return new MetricImportException(errors.size() + " problem(s) in the metric rows; nothing was stored"
                + (reported.size() < errors.size() ? " (the first " + reported.size() + " are listed)" : ""), reported);
    }

    /** RFC 4180 CSV: quoted cells may hold commas, quotes ("") and line breaks; CRLF or LF rows. */
    static final class Csv {
        private Csv() {
        }

        static List<List<String>> read(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
            for (int i = 0; i < body.length(); i++) {
                char c = body.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < body.length() && body.charAt(i + 1) == '"') {
                            cell.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        cell.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                    any = true;
                } else if (c == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                    any = true;
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                        i++;
                    }
                    if (any || cell.length() > 0) {
                        row.add(cell.toString());
                        rows.add(row);
                    }
                    row = new ArrayList<>();
                    cell.setLength(0);
                    any = false;
                } else {
                    cell.append(c);
                    any = true;
                }
            }
            if (quoted) {
                throw new IllegalArgumentException("a quoted cell is not closed");
            }
            if (any || cell.length() > 0) {
                row.add(cell.toString());
                rows.add(row);
            }
            return rows;
        }
    }
}
