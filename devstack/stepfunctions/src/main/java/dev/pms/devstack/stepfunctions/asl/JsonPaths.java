package dev.pms.devstack.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSONPath for the states language. Reference paths ({@code $.a.b[0]['c']}) are evaluated here;
 * paths with wildcards, filters, slices or deep scan go to Jayway JsonPath. A path that starts with
 * {@code $$} reads the context object and one that starts with {@code $name} reads a workflow variable
 * ({@link #resolve}).
 */
public final class JsonPaths {

    private static final Configuration JAYWAY = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(Json.MAPPER))
            .mappingProvider(new JacksonMappingProvider(Json.MAPPER))
            .options(EnumSet.noneOf(Option.class))
            .build();
    private static final Map<String, Object> COMPILED = new ConcurrentHashMap<>();

    private JsonPaths() {
    }

    /** A path segment: a field name or an array index. */
    private record Segment(String field, int index) {
        boolean isField() {
            return field != null;
        }
    }

    /** True for a path that names exactly one location (the ASL "Reference Path"). */
    public static boolean isReferencePath(String path) {
        return compile(path) instanceof List<?>;
    }

    /** Reads the value at {@code path}; empty when the path does not exist in {@code root}. */
    public static Optional<JsonNode> read(JsonNode root, String path) {
        Object compiled = compile(path);
        if (compiled instanceof List<?> segments) {
            JsonNode current = root;
            for (Object o : segments) {
                Segment segment = (Segment) o;
                if (segment.isField()) {
                    if (current == null || !current.isObject() || !current.has(segment.field())) {
                        return Optional.empty();
                    }
                    current = current.get(segment.field());
                } else {
                    if (current == null || !current.isArray()) {
                        return Optional.empty();
                    }
                    int index = segment.index() < 0 ? current.size() + segment.index() : segment.index();
                    if (index < 0 || index >= current.size()) {
                        return Optional.empty();
                    }
                    current = current.get(index);
                }
            }
            return Optional.ofNullable(current);
        }
        JsonPath jsonPath = (JsonPath) compiled;
        try {
            Object value = jsonPath.read(root, JAYWAY);
            JsonNode node = value instanceof JsonNode json ? json : Json.MAPPER.valueToTree(value);
            return Optional.of(node == null ? Json.NODES.nullNode() : node);
        } catch (RuntimeException e) {
            // A wildcard, slice, filter or deep scan that selects nothing is an empty array, as on AWS,
            // even where a field before it is missing ($.missing[*]).
            return jsonPath.isDefinite() ? Optional.empty() : Optional.of(Json.NODES.arrayNode());
        }
    }

    /**
     * Reads a path of a state's definition: {@code $$…} from the context object, {@code $name…} from the
     * workflow variable {@code name} and anything else from {@code input}. Empty when nothing is there.
     */
    public static Optional<JsonNode> resolve(String path, JsonNode input, ContextObject context) {
        if (path.startsWith("$$")) {
            return read(context.node(), path.substring(1));
        }
        int nameEnd = variableNameEnd(path);
        if (nameEnd < 0) {
            return read(input, path);
        }
        JsonNode value = context.variables().get(path.substring(1, nameEnd));
        if (value == null) {
            return Optional.empty();
        }
        return nameEnd == path.length() ? Optional.of(value) : read(value, "$" + path.substring(nameEnd));
    }

    /** {@link #resolve}, or States.Runtime naming the field whose path selected nothing. */
    public static JsonNode resolveRequired(String path, JsonNode input, ContextObject context, String fieldName) {
        Optional<JsonNode> value = resolve(path, input, context);
        if (value.isPresent()) {
            return value.get();
        }
        if (path.startsWith("$$")) {
            throw AslError.runtime("Invalid path '" + path + "' : No results for path: " + path
                    + " (field " + fieldName + ", in the context object)");
        }
        if (variableNameEnd(path) > 0) {
            throw AslError.runtime("Invalid path '" + path + "' : the variable '"
                    + path.substring(1, variableNameEnd(path)) + "' is not assigned or has no such field (field "
                    + fieldName + ")");
        }
        return require(input, path, fieldName);
    }

    /** End of the variable name of a {@code $name…} path; -1 for {@code $}, {@code $.…}, {@code $[…]}, {@code $$…}. */
    static int variableNameEnd(String path) {
        if (path.length() < 2 || path.charAt(0) != '$') {
            return -1;
        }
        char first = path.charAt(1);
        if (!(Character.isLetter(first) || first == '_')) {
            return -1;
        }
        int i = 2;
        while (i < path.length() && path.charAt(i) != '.' && path.charAt(i) != '[') {
            i++;
        }
        return i;
    }

    /** Reads the value at {@code path}, or raises States.Runtime naming the field whose path failed. */
    public static JsonNode require(JsonNode root, String path, String fieldName) {
        return read(root, path).orElseThrow(() -> AslError.runtime(
                "Invalid path '" + path + "' : No results for path: " + normalized(path)));
    }

    /** A reference path as AWS's messages spell it: {@code $['a']['b'][0]}. */
    static String normalized(String path) {
        Object compiled;
        try {
            compiled = compile(path);
        } catch (RuntimeException e) {
            return path;
        }
        if (!(compiled instanceof List<?> segments)) {
            return path;
        }
        StringBuilder normalized = new StringBuilder("$");
        for (Object o : segments) {
            Segment segment = (Segment) o;
            normalized.append('[').append(segment.isField() ? "'" + segment.field() + "'"
                    : Integer.toString(segment.index())).append(']');
        }
        return normalized.toString();
    }

    /**
     * Returns a copy of {@code input} with {@code result} placed at the reference path; "$" replaces
     * the whole input. Missing intermediate objects are created.
     */
    public static JsonNode place(JsonNode input, String path, JsonNode result) {
        Object compiled = compile(path);
        if (!(compiled instanceof List<?> segments)) {
            throw AslError.runtime("ResultPath '" + path + "' is not a reference path");
        }
        if (segments.isEmpty()) {
            return result;
        }
        if (!input.isObject()) {
            throw AslError.runtime("Unable to apply ResultPath '" + path + "' to input " + Json.write(input)
                    + ": the input is not an object");
        }
        JsonNode copy = input.deepCopy();
        JsonNode current = copy;
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = (Segment) segments.get(i);
            boolean last = i == segments.size() - 1;
            if (segment.isField()) {
                if (!current.isObject()) {
                    throw AslError.runtime("Unable to apply ResultPath '" + path + "': '" + segment.field()
                            + "' is not inside an object");
                }
                ObjectNode object = (ObjectNode) current;
                if (last) {
                    object.set(segment.field(), result);
                } else {
                    JsonNode next = object.get(segment.field());
                    if (next == null || next.isNull()) {
                        next = object.putObject(segment.field());
                    }
                    current = next;
                }
            } else {
                if (!current.isArray() || segment.index() < 0 || segment.index() >= current.size()) {
                    throw AslError.runtime("Unable to apply ResultPath '" + path + "': index " + segment.index()
                            + " is not inside an array");
                }
                ArrayNode array = (ArrayNode) current;
                if (last) {
                    array.set(segment.index(), result);
                } else {
                    current = array.get(segment.index());
                }
            }
        }
        return copy;
    }

    /**
     * Validates a path of a field that reads ({@link #resolve}): {@code $…}, {@code $$…} or {@code $name…}.
     */
    public static void checkReadPath(String path, String fieldName, boolean referenceOnly) {
        if (path != null && path.startsWith("$$")) {
            checkSyntax(path.substring(1), fieldName, referenceOnly);
            return;
        }
        int nameEnd = path == null ? -1 : variableNameEnd(path);
        if (nameEnd > 0) {
            if (!Variables.isValidName(path.substring(1, nameEnd))) {
                throw new InvalidDefinitionException("The value for the field '" + fieldName
                        + "' must be a valid JSONPath or variable reference: " + path);
            }
            checkSyntax("$" + path.substring(nameEnd), fieldName, referenceOnly);
            return;
        }
        checkSyntax(path, fieldName, referenceOnly);
    }

    /** Validates a path at definition time. */
    public static void checkSyntax(String path, String fieldName, boolean referenceOnly) {
        if (path == null || !path.startsWith("$")) {
            throw new InvalidDefinitionException("The value for the field '" + fieldName
                    + "' must be a valid JSONPath: " + path);
        }
        Object compiled;
        try {
            compiled = compile(path);
        } catch (RuntimeException e) {
            throw new InvalidDefinitionException("The value for the field '" + fieldName
                    + "' must be a valid JSONPath: " + path);
        }
        if (referenceOnly && !(compiled instanceof List<?>)) {
            throw new InvalidDefinitionException("The value for the field '" + fieldName
                    + "' must be a valid ReferencePath: " + path);
        }
    }

    private static Object compile(String path) {
        Object cached = COMPILED.get(path);
        if (cached != null) {
            return cached;
        }
        Object compiled = parseReferencePath(path);
        if (compiled == null) {
            compiled = JsonPath.compile(path);
        }
        COMPILED.put(path, compiled);
        return compiled;
    }

    private static List<Segment> parseReferencePath(String path) {
        if (!path.startsWith("$") || path.startsWith("$$")) {
            return null;
        }
        List<Segment> segments = new ArrayList<>();
        int i = 1;
        int n = path.length();
        while (i < n) {
            char c = path.charAt(i);
            if (c == '.') {
                int start = ++i;
                while (i < n && path.charAt(i) != '.' && path.charAt(i) != '[') {
                    i++;
                }
                String name = path.substring(start, i);
                if (name.isEmpty() || name.equals("*") || name.contains("*") || name.contains("(")) {
                    return null;
                }
                segments.add(new Segment(name, 0));
            } else if (c == '[') {
                int close;
                if (i + 1 < n && (path.charAt(i + 1) == '\'' || path.charAt(i + 1) == '"')) {
                    char quote = path.charAt(i + 1);
                    int endQuote = path.indexOf(quote, i + 2);
                    if (endQuote < 0 || endQuote + 1 >= n || path.charAt(endQuote + 1) != ']') {
                        return null;
                    }
                    segments.add(new Segment(path.substring(i + 2, endQuote), 0));
                    close = endQuote + 1;
                } else {
                    close = path.indexOf(']', i);
                    if (close < 0) {
                        return null;
                    }
                    String inside = path.substring(i + 1, close).trim();
                    if (!inside.matches("-?\\d+")) {
                        return null;
                    }
                    segments.add(new Segment(null, Integer.parseInt(inside)));
                }
                i = close + 1;
            } else {
                return null;
            }
        }
        return List.copyOf(segments);
    }
}
