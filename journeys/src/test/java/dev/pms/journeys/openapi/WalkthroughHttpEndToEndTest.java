package dev.pms.journeys.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.gateway.HttpApiRoute;
import dev.pms.devstack.testing.DevstackExtension;
import dev.pms.devstack.testing.Eventually;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs {@code examples/walkthrough.http} against a devstack, request by request, and holds every API response to the
 * OpenAPI document: the route is documented, the status is one it lists, and the body validates against the schema
 * it gives for that status and content type (JSON Schema 2020-12, networknt). Also checks the document is served on
 * both prefixes without a token, that its routes are the gateway's, and that {@code /_devstack/docs} shows it.
 */
@ExtendWith(DevstackExtension.class)
class WalkthroughHttpEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ApiDescription API = ApiDescription.load();
    private static final String DOCUMENT_IRI = "https://pms.invalid/openapi.json";
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemas(Map.of(DOCUMENT_IRI, API.document().toString())));
    private static final Duration POLL_DEADLINE = Duration.ofSeconds(300);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    /** Long enough for a function's first (cold) call on a loaded machine. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theWalkthroughCollectionRunsAndEveryResponseMatchesTheDocument(Devstack devstack) throws Exception {
        HttpCollection collection = HttpCollection.read(Walkthrough.file());
        String user = "http-walkthrough-" + UUID.randomUUID();
        Map<String, String> variables = new HashMap<>(collection.variables());
        variables.put("base", devstack.baseUri().toString().replaceAll("/$", ""));
        variables.put("user", user);
        Map<String, String> environment = Map.of("PMS_TOKEN", devstack.tokenFor(user));
        Map<String, String> responses = new HashMap<>();
        Set<String> validated = new TreeSet<>();
        for (HttpCollection.Request request : collection.requests()) {
            Resolver resolver = new Resolver(variables, environment, responses);
            String url = resolver.substitute(request.url());
            HttpResponse<String> response = sendUntil(request, url, resolver);
            String where = request.title() + " (" + request.method() + " " + url + ")";
            assertThat(response.statusCode()).as("%s answered %s", where, response.body()).isBetween(200, 299);
            if (request.name() != null) {
                responses.put(request.name(), response.body());
            }
            URI uri = URI.create(url);
            if (uri.getPort() == devstack.baseUri().getPort() && !uri.getPath().startsWith("/_devstack/")) {
                validated.add(checkAgainstDocument(request.method(), uri, response, where));
            }
        }
        assertThat(validated).as("documented operations the walkthrough exercised").hasSizeGreaterThan(30);
    }

    @Test
    void theDocumentIsServedUnderBothPrefixesWithoutAToken(Devstack devstack) throws Exception {
        for (String prefix : List.of("/api/product-marketing", "/api/campaign-creator")) {
            HttpResponse<String> response = get(devstack.baseUri().resolve(prefix + "/openapi.json"));
            assertThat(response.statusCode()).as(prefix).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/json"));
            assertThat(JSON.readTree(response.body())).isEqualTo(API.document());
        }
    }

    @Test
    void theDocumentsRoutesAreTheGatewaysRoutes(Devstack devstack) {
        Set<String> gateway = new TreeSet<>();
        devstack.routes().stream().filter(route -> !route.isDefaultRoute()).map(HttpApiRoute::routeKey).forEach(gateway::add);
        assertThat(API.routeKeys()).containsExactlyElementsOf(gateway);
        Set<String> openOnGateway = new TreeSet<>();
        devstack.routes().stream().filter(route -> !route.requiresAuthorization()).map(HttpApiRoute::routeKey)
                .forEach(openOnGateway::add);
        Set<String> openInDocument = new TreeSet<>();
        API.operations().stream().filter(ApiDescription.Operation::open).map(ApiDescription.Operation::routeKey)
                .forEach(openInDocument::add);
        assertThat(openInDocument).containsExactlyElementsOf(openOnGateway);
    }

    @Test
    void theDevstackShowsTheDocumentWithSwaggerUi(Devstack devstack) throws Exception {
        HttpResponse<String> page = get(devstack.baseUri().resolve("/_devstack/docs"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("SwaggerUIBundle").contains("url: \"/api/")
                .contains("/openapi.json\"").doesNotContain("https://");
        for (String asset : List.of("swagger-ui-bundle.js", "swagger-ui.css")) {
            assertThat(page.body()).contains("/_devstack/docs/" + asset);
            HttpResponse<String> file = get(devstack.baseUri().resolve("/_devstack/docs/" + asset));
            assertThat(file.statusCode()).as(asset).isEqualTo(200);
            assertThat(file.body().length()).as(asset).isGreaterThan(10_000);
        }
        assertThat(get(devstack.baseUri().resolve("/_devstack/docs/..%2Ftemplate.yaml")).statusCode()).isEqualTo(404);
        assertThat(get(devstack.baseUri().resolve("/_devstack/endpoints")).statusCode()).isEqualTo(200);
    }

    private String checkAgainstDocument(String method, URI uri, HttpResponse<String> response, String where)
            throws Exception {
        String path = URLDecoder.decode(uri.getRawPath(), StandardCharsets.UTF_8);
        ApiDescription.Operation operation = API.find(method, path)
                .orElseThrow(() -> new AssertionError(where + ": no operation of the OpenAPI document"));
        JsonNode documented = API.response(operation, response.statusCode())
                .orElseThrow(() -> new AssertionError(where + ": status " + response.statusCode()
                        + " is not documented for " + operation.routeKey()));
        String contentType = response.headers().firstValue("content-type").orElse("").split(";")[0].trim();
        if (response.body().isEmpty()) {
            assertThat(documented.has("content")).as("%s: documented with a body but answered none", where).isFalse();
            return operation.routeKey();
        }
        assertThat(documented.path("content").has(contentType))
                .as("%s: content type %s is documented for %s", where, contentType, response.statusCode()).isTrue();
        String schemaPointer = operation.pointer() + "/responses/" + responseKey(operation, response.statusCode())
                + "/content/" + contentType.replace("~", "~0").replace("/", "~1") + "/schema";
        if (contentType.endsWith("json")) {
            Schema schema = SCHEMAS.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + schemaPointer));
            List<Error> errors = schema.validate(JSON.readTree(response.body()));
            assertThat(errors).as("%s: the body against %s; body %s", where, schemaPointer, abbreviate(response.body()))
                    .isEmpty();
        }
        return operation.routeKey();
    }

    private static String responseKey(ApiDescription.Operation operation, int status) {
        return API.document().at(operation.pointer() + "/responses").has(String.valueOf(status))
                ? String.valueOf(status) : "default";
    }

    private HttpResponse<String> sendUntil(HttpCollection.Request request, String url, Resolver resolver) {
        HttpCollection.PollUntil poll = request.pollUntil();
        return Eventually.await(request.title() + " reaching " + (poll == null ? "an answer" : poll.values()),
                POLL_DEADLINE, POLL_INTERVAL, () -> {
                    HttpResponse<String> response = sendUnchecked(request, url, resolver);
                    boolean done = poll == null || response.statusCode() >= 300
                            || poll.values().contains(String.valueOf(Resolver.read(response.body(), poll.jsonPath())));
                    return done ? response : null;
                });
    }

    private HttpResponse<String> sendUnchecked(HttpCollection.Request request, String url, Resolver resolver) {
        try {
            return send(request, url, resolver);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + request.title(), e);
        } catch (Exception e) {
            throw new IllegalStateException(request.title() + " could not be sent", e);
        }
    }

    private HttpResponse<String> send(HttpCollection.Request request, String url, Resolver resolver) throws Exception {
        HttpRequest.BodyPublisher body;
        if (request.bodyFile() != null) {
            body = HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(
                    Walkthrough.file().resolveSibling(request.bodyFile()).normalize()));
        } else if (request.body() != null) {
            body = HttpRequest.BodyPublishers.ofString(resolver.substitute(request.body()));
        } else {
            body = HttpRequest.BodyPublishers.noBody();
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                .method(request.method(), body);
        request.headers().forEach((name, value) -> builder.header(name, resolver.substitute(value)));
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String abbreviate(String text) {
        return text.length() <= 1500 ? text : text.substring(0, 1500) + "…";
    }

    /** Resolves {@code {{...}}}: file variables, {@code $processEnv NAME}, and {@code name.response.body.$...}. */
    private record Resolver(Map<String, String> variables, Map<String, String> environment,
                            Map<String, String> responses) {

        String substitute(String text) {
            return HttpCollection.substitute(text, this::resolve);
        }

        String resolve(String reference) {
            if (reference.startsWith("$processEnv ")) {
                String name = reference.substring("$processEnv ".length()).trim();
                return required(environment.get(name), "environment variable " + name);
            }
            int body = reference.indexOf(".response.body.");
            if (body > 0) {
                String name = reference.substring(0, body);
                String responseBody = required(responses.get(name), "the response of request '" + name + "'");
                Object value = read(responseBody, reference.substring(body + ".response.body.".length()));
                return String.valueOf(required(value, reference + " in " + abbreviate(responseBody)));
            }
            return substitute(required(variables.get(reference), "variable " + reference));
        }

        /** A JSON path's value; the first one when the path selects several (as REST Client does). */
        static Object read(String json, String path) {
            Object value = JsonPath.read(json, path);
            if (value instanceof List<?> list) {
                return list.isEmpty() ? null : list.get(0);
            }
            return value;
        }

        private static <T> T required(T value, String what) {
            if (value == null) {
                throw new AssertionError(what + " has no value");
            }
            return value;
        }
    }

    /** Where the collection lives: {@code examples/walkthrough.http} of the repository. */
    static final class Walkthrough {
        private Walkthrough() {
        }

        static Path file() {
            Path directory = Path.of("").toAbsolutePath();
            while (directory != null && !Files.isRegularFile(directory.resolve("template.yaml"))) {
                directory = directory.getParent();
            }
            if (directory == null) {
                throw new AssertionError("template.yaml not found above " + Path.of("").toAbsolutePath());
            }
            return directory.resolve("examples").resolve("walkthrough.http");
        }
    }
}
