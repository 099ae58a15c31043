package dev.pms.aws.http.requests;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.text.TextProblems;
import dev.pms.core.validation.FieldProblems;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads values out of a request's JSON tree while collecting every problem, so that a request is checked
 * completely before its command is built. Absent and JSON-null values read as null.
 */
public final class InputChecker extends FieldProblems {
    public static final int MAX_URL_LENGTH = 2048;
    private static final Pattern HEX_COLOUR = Pattern.compile("#[0-9A-Fa-f]{6}");

    public static boolean isAbsent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    /** True when the node is an object; reports it otherwise. Absent nodes are reported only when required. */
    public boolean object(JsonNode node, String path, boolean required) {
        if (isAbsent(node)) {
            if (required) {
                add(path, "is required");
            }
            return false;
        }
        if (!node.isObject()) {
            add(path, "must be an object, not " + describe(node));
            return false;
        }
        return true;
    }

    public void rejectUnknownKeys(JsonNode object, String path, Set<String> allowed) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                add(path(path, name), "is not a known field (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    public String string(JsonNode node, String path, int maxChars, boolean required) {
        if (isAbsent(node)) {
            if (required) {
                add(path, "is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            add(path, "must be a string, not " + describe(node));
            return null;
        }
        String value = node.textValue();
        if (required && value.isBlank()) {
            add(path, "must not be blank");
            return null;
        }
        if (value.length() > maxChars) {
            add(path, "must be at most " + maxChars + " characters (got " + value.length() + ")");
            return null;
        }
        Optional<String> problem = TextProblems.of(value);
        if (problem.isPresent()) {
            add(path, problem.get());
            return null;
        }
        return value;
    }

    /** A name or title shown on one line: {@link #string} without line breaks, tabs or other control characters. */
    public String displayName(JsonNode node, String path, int maxChars, boolean required) {
        String value = string(node, path, maxChars, required);
        if (value == null) {
            return null;
        }
        Optional<String> problem = TextProblems.ofSingleLine(value);
        if (problem.isPresent()) {
            add(path, problem.get());
            return null;
        }
        return value;
    }

    /** A string that must be one of {@code allowed} (compared case-insensitively); returns it in lower case. */
    public String oneOf(JsonNode node, String path, List<String> allowed, boolean required) {
        String value = string(node, path, 100, required);
        if (value == null) {
            return null;
        }
        String normalized = value.trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(normalized)) {
            add(path, "must be one of " + String.join(", ", allowed) + " (got '" + abbreviate(value) + "')");
            return null;
        }
        return normalized;
    }

    public String httpUrl(JsonNode node, String path) {
        String value = string(node, path, MAX_URL_LENGTH, false);
        if (value == null || value.isEmpty()) {
            return value;
        }
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                add(path, "must be an http(s) URL with a host");
                return null;
            }
        } catch (URISyntaxException e) {
            add(path, "must be a valid http(s) URL");
            return null;
        }
        return value.trim();
    }

    public LocalDate date(JsonNode node, String path) {
        String value = string(node, path, 40, false);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            add(path, "must be an ISO date (YYYY-MM-DD), got '" + abbreviate(value) + "'");
            return null;
        }
    }

    public Boolean bool(JsonNode node, String path) {
        if (isAbsent(node)) {
            return null;
        }
        if (!node.isBoolean()) {
            add(path, "must be true or false, not " + describe(node));
            return null;
        }
        return node.booleanValue();
    }

    /** A whole number within [min, max]. */
    public Long integer(JsonNode node, String path, long min, long max, boolean required) {
        if (isAbsent(node)) {
            if (required) {
                add(path, "is required");
            }
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            add(path, "must be a whole number, not " + describe(node));
            return null;
        }
        long value = node.longValue();
        if (value < min || value > max) {
            add(path, "must be between " + min + " and " + max + " (got " + value + ")");
            return null;
        }
        return value;
    }

    /**
     * An array of at most {@code maxItems} items, each read by {@code item} (which reports its own problems and
     * returns null for a rejected item). Returns only the accepted items; null when absent or not an array.
     */
    public <T> List<T> list(JsonNode node, String path, int maxItems, ItemReader<T> item) {
        if (isAbsent(node)) {
            return null;
        }
        if (!node.isArray()) {
            add(path, "must be an array, not " + describe(node));
            return null;
        }
        if (node.size() > maxItems) {
            add(path, "must have at most " + maxItems + " items (got " + node.size() + ")");
            return null;
        }
        List<T> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            T value = item.read(node.get(i), path(path, i));
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    public List<String> stringList(JsonNode node, String path, int maxItems, int maxChars) {
        return list(node, path, maxItems, (item, itemPath) -> {
            if (isAbsent(item)) {
                add(itemPath, "must be a string, not null");
                return null;
            }
            return string(item, itemPath, maxChars, true);
        });
    }

    public String hexColour(JsonNode node, String path) {
        String value = string(node, path, 20, true);
        if (value != null && !HEX_COLOUR.matcher(value).matches()) {
            add(path, "must be a colour written #RRGGBB (got '" + abbreviate(value) + "')");
            return null;
        }
        return value;
    }

    /** A value parsed by {@code parser} (returning null for an unknown one), for enum-like codes. */
    public <T> T code(JsonNode node, String path, Function<String, T> parser, String expected, boolean required) {
        String value = string(node, path, 100, required);
        if (value == null) {
            return null;
        }
        T parsed = parser.apply(value);
        if (parsed == null) {
            add(path, "must be " + expected + " (got '" + abbreviate(value) + "')");
        }
        return parsed;
    }

    /**
     * Free-form JSON (kept as given) bounded in depth, size, key length and string length, so that stored
     * documents stay small and renderable.
     */
    public void freeForm(JsonNode node, String path, FreeFormLimits limits) {
        if (isAbsent(node)) {
            return;
        }
        int[] budget = {limits.maxNodes()};
        checkFreeForm(node, path, 0, limits, budget);
        if (budget[0] < 0) {
            add(path, "is too large (more than " + limits.maxNodes() + " values)");
        }
    }

    private void checkFreeForm(JsonNode node, String path, int depth, FreeFormLimits limits, int[] budget) {
        if (--budget[0] < 0) {
            return;
        }
        if (depth > limits.maxDepth()) {
            add(path, "is nested too deeply (at most " + limits.maxDepth() + " levels)");
            return;
        }
        if (node.isTextual() && node.textValue().length() > limits.maxStringChars()) {
            add(path, "must be at most " + limits.maxStringChars() + " characters (got " + node.textValue().length() + ")");
        } else if (node.isArray()) {
            if (node.size() > limits.maxItems()) {
                add(path, "must have at most " + limits.maxItems() + " items (got " + node.size() + ")");
                return;
            }
            for (int i = 0; i < node.size(); i++) {
                checkFreeForm(node.get(i), path(path, i), depth + 1, limits, budget);
            }
        } else if (node.isObject()) {
            if (node.size() > limits.maxItems()) {
                add(path, "must have at most " + limits.maxItems() + " fields (got " + node.size() + ")");
                return;
            }
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (name.isBlank() || name.length() > 100) {
                    add(path, "has a field name that is blank or longer than 100 characters");
                    continue;
                }
                checkFreeForm(node.get(name), path(path, name), depth + 1, limits, budget);
            }
        }
    }

    /** Reports a value whose JSON text is longer than {@code maxChars}, which keeps stored items bounded. */
    public void maxJsonLength(JsonNode node, String path, int maxChars) {
        if (!isAbsent(node) && node.toString().length() > maxChars) {
            add(path, "is too large: at most " + maxChars + " characters of JSON");
        }
    }

    public static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case NULL, MISSING -> "null";
            case BINARY -> "binary data";
        };
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }

    @FunctionalInterface
    public interface ItemReader<T> {
        T read(JsonNode item, String path);
    }

    /** Bounds of a free-form JSON value. */
    public record FreeFormLimits(int maxDepth, int maxItems, int maxStringChars, int maxNodes) {
        public static final FreeFormLimits DOCUMENT = new FreeFormLimits(6, 100, 2_000, 1_000);
    }
}
