package dev.pms.journeys.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The OpenAPI document the API serves ({@code /openapi.json} on the class path, from create-blueprint), read as a
 * tree: its operations under every server (the two prefixes), and which operation a concrete request is.
 */
public final class ApiDescription {

    public static final String RESOURCE = "/openapi.json";
    static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete", "head", "options");

    /** One documented route under one server: {@code GET /api/product-marketing/campaigns/{campaign_id}}. */
    public record Operation(String method, String path, String documentPath, boolean open) {

        public String routeKey() {
            return method + " " + path;
        }

        /** Whether a request path (percent-decoded, no query) is this route's path. */
        public boolean matches(String method, String requestPath) {
            return this.method.equals(method) && pathPattern(path).matcher(requestPath).matches();
        }

        /** JSON pointer of this operation in the document. */
        public String pointer() {
            return "/paths/" + documentPath.replace("~", "~0").replace("/", "~1") + "/" + method.toLowerCase(Locale.ROOT);
        }
    }

    private final JsonNode document;
    private final List<Operation> operations;

    private ApiDescription(JsonNode document) {
        this.document = document;
        this.operations = List.copyOf(operationsOf(document));
    }

    public static ApiDescription load() {
        try (InputStream in = ApiDescription.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test class path");
            }
            return new ApiDescription(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode document() {
        return document;
    }

    public List<Operation> operations() {
        return operations;
    }

    public Set<String> routeKeys() {
        Set<String> keys = new TreeSet<>();
        operations.forEach(operation -> keys.add(operation.routeKey()));
        return keys;
    }

    /** The operation of a request path; literal segments win over parameters, as API Gateway routes. */
    public Optional<Operation> find(String method, String requestPath) {
        return operations.stream().filter(operation -> operation.matches(method, requestPath))
                .min((left, right) -> Long.compare(parameterCount(left.path()), parameterCount(right.path())));
    }

    /** The response object for a status ({@code default} when the status is not listed), or empty. */
    public Optional<JsonNode> response(Operation operation, int status) {
        JsonNode responses = document.at(operation.pointer() + "/responses");
        JsonNode response = responses.path(String.valueOf(status));
        if (response.isMissingNode()) {
            response = responses.path("default");
        }
        return response.isMissingNode() ? Optional.empty() : Optional.of(resolve(response));
    }

    /** Follows a {@code #/...} reference. */
    public JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref") && current.get("$ref").asText().startsWith("#/")) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    private static long parameterCount(String path) {
        return path.chars().filter(c -> c == '{').count();
    }

    private static Pattern pathPattern(String template) {
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    private static List<Operation> operationsOf(JsonNode document) {
        List<String> rootServers = servers(document.path("servers"));
        boolean openByDefault = document.path("security").isEmpty();
        List<Operation> found = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            List<String> pathServers = path.getValue().has("servers") ? servers(path.getValue().get("servers")) : rootServers;
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!METHODS.contains(method.getKey())) {
                    continue;
                }
                JsonNode operation = method.getValue();
                List<String> operationServers = operation.has("servers") ? servers(operation.get("servers")) : pathServers;
                boolean open = operation.has("security") ? operation.get("security").isEmpty() : openByDefault;
                for (String server : operationServers) {
                    found.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), server + path.getKey(),
                            path.getKey(), open));
                }
            }
        }
        return found;
    }

    private static List<String> servers(JsonNode servers) {
        List<String> urls = new ArrayList<>();
        servers.forEach(server -> urls.add(server.path("url").asText()));
        return urls.isEmpty() ? List.of("") : urls;
    }
}
