package dev.pms.journeys.openapi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request collection in the VS Code REST Client format ({@code .http}), as far as the walkthrough uses it: requests
 * separated by {@code ###}, {@code @name = value} file variables, {@code # @name} request names, {@code {{variable}}}
 * references (file variables, {@code $processEnv NAME}, and {@code name.response.body.$.jsonpath}), bodies inline or
 * from a file ({@code < ./file}), and the collection's own comment {@code # poll until $.path is value...}.
 */
public record HttpCollection(Path file, Map<String, String> variables, List<Request> requests) {

    /** One request as written: every part may still hold {@code {{...}}} references. */
    public record Request(String title, String name, String method, String url, Map<String, String> headers,
                          String body, String bodyFile, PollUntil pollUntil) {
    }

    /** Send the request again until the JSON path's value is one of {@code values}. */
    public record PollUntil(String jsonPath, List<String> values) {
    }

    private static final Pattern FILE_VARIABLE = Pattern.compile("^@([A-Za-z0-9_]+)\\s*=\\s*(.*)$");
    private static final Pattern REQUEST_LINE = Pattern.compile(
            "^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\\s+(\\S+)(\\s+HTTP/\\S+)?$");
    private static final Pattern POLL = Pattern.compile("^#\\s*poll until\\s+(\\$\\S+)\\s+is\\s+(.+)$");
    private static final Pattern REFERENCE = Pattern.compile("\\{\\{\\s*([^}]+?)\\s*}}");

    public static HttpCollection read(Path file) throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        List<Request> requests = new ArrayList<>();
        List<String> block = new ArrayList<>();
        String title = "";
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("###")) {
                parseBlock(title, block, variables).ifPresent(requests::add);
                block.clear();
                title = line.substring(3).trim();
            } else {
                block.add(line);
            }
        }
        parseBlock(title, block, variables).ifPresent(requests::add);
        return new HttpCollection(file, Map.copyOf(variables), List.copyOf(requests));
    }

    private static Optional<Request> parseBlock(String title, List<String> lines, Map<String, String> variables) {
        String name = null;
        PollUntil poll = null;
        String method = null;
        String url = null;
        Map<String, String> headers = new LinkedHashMap<>();
        StringBuilder body = new StringBuilder();
        boolean inBody = false;
        for (String line : lines) {
            if (inBody) {
                body.append(line).append('\n');
                continue;
            }
            String trimmed = line.trim();
            Matcher variable = FILE_VARIABLE.matcher(trimmed);
            Matcher pollUntil = POLL.matcher(trimmed);
            Matcher request = REQUEST_LINE.matcher(trimmed);
            if (trimmed.startsWith("# @name ")) {
                name = trimmed.substring("# @name ".length()).trim();
            } else if (pollUntil.matches()) {
                poll = new PollUntil(pollUntil.group(1), List.of(pollUntil.group(2).trim().split("\\s+")));
            } else if (trimmed.startsWith("#") || trimmed.startsWith("//")) {
                continue;
            } else if (variable.matches() && method == null) {
                variables.put(variable.group(1), variable.group(2).trim());
            } else if (method == null && request.matches()) {
                method = request.group(1);
                url = request.group(2);
            } else if (method != null && trimmed.isEmpty()) {
                inBody = true;
            } else if (method != null) {
                int colon = trimmed.indexOf(':');
                headers.put(trimmed.substring(0, colon).trim().toLowerCase(Locale.ROOT), trimmed.substring(colon + 1).trim());
            }
        }
        if (method == null) {
            return Optional.empty();
        }
        String text = body.toString().strip();
        String bodyFile = text.startsWith("< ") ? text.substring(2).trim() : null;
        return Optional.of(new Request(title, name, method, url, Map.copyOf(headers),
                bodyFile != null || text.isEmpty() ? null : text, bodyFile, poll));
    }

    /** The names a text refers to with {@code {{...}}}, in order. */
    public static List<String> references(String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = REFERENCE.matcher(text == null ? "" : text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    /** Replaces every {@code {{reference}}} with what {@code resolver} gives for it. */
    public static String substitute(String text, Function<String, String> resolver) {
        if (text == null) {
            return null;
        }
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(resolver.apply(matcher.group(1))));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
