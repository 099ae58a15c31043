package dev.pms.journeys.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.charset.StandardCharsets;

/** The demo's HTTP calls: JSON to and from the suite's API as one user, and downloads of presigned URLs. */
final class DemoApi {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http;
    private final URI gateway;
    private final String apiPrefix;
    private final String token;

    DemoApi(HttpClient http, URI gateway, String apiPrefix, String token) {
        this.http = http;
        this.gateway = gateway;
        this.apiPrefix = apiPrefix;
        this.token = token;
    }

    static HttpClient newHttpClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    JsonNode get(String path) {
        return call("GET", apiPrefix + path, null, true);
    }

    JsonNode post(String path, Object body) {
        return call("POST", apiPrefix + path, body, true);
    }

    JsonNode put(String path, Object body) {
        return call("PUT", apiPrefix + path, body, true);
    }

    /** A devstack-only route ({@code /_devstack/...}), without the bearer token. */
    JsonNode devstack(String method, String path, Object body) {
        return call(method, path, body, false);
    }

    byte[] download(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT).GET().build();
        HttpResponse<byte[]> response = send(request, HttpResponse.BodyHandlers.ofByteArray(), "GET " + shorten(url));
        if (response.statusCode() != 200) {
            throw new DemoFailure("GET " + shorten(url) + " → " + response.statusCode() + "\n"
                    + indent(new String(response.body(), StandardCharsets.UTF_8)));
        }
        return response.body();
    }

    private JsonNode call(String method, String path, Object body, boolean authorized) {
        String json = body == null ? null : body instanceof String text ? text : Json.write(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path))
                .timeout(REQUEST_TIMEOUT)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("content-type", "application/json");
        }
        if (authorized) {
            request.header("authorization", "Bearer " + token);
        }
        String call = method + " " + path;
        HttpResponse<String> response = send(request.build(), HttpResponse.BodyHandlers.ofString(), call);
        String contentType = response.headers().firstValue("content-type").orElse("");
        if (response.statusCode() / 100 != 2) {
            throw new DemoFailure(call + " → " + response.statusCode()
                    + (contentType.isEmpty() ? "" : " (" + contentType + ")") + "\n" + describeError(response.body()));
        }
        if (response.body().isBlank()) {
            return Json.mapper().createObjectNode();
        }
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new DemoFailure(call + " → " + response.statusCode() + " but the body is not JSON:\n"
                    + indent(response.body()));
        }
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, String call) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new DemoFailure(call + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure(call + " was interrupted");
        }
    }

    /** A problem+json body as readable lines (title, detail, each field error, request id); anything else as it is. */
    static String describeError(String body) {
        JsonNode problem;
        try {
            problem = Json.mapper().readTree(body);
        } catch (IOException e) {
            return indent(body);
        }
        if (problem == null || !problem.isObject()) {
            return indent(body);
        }
        StringBuilder text = new StringBuilder();
        for (String field : new String[]{"title", "detail", "message", "type"}) {
            if (problem.hasNonNull(field)) {
                text.append(String.format("  %-8s %s%n", field + ":", problem.get(field).asText()));
            }
        }
        if (problem.has("errors") && problem.get("errors").isArray()) {
            for (JsonNode error : problem.get("errors")) {
                text.append("  error:   ").append(error.hasNonNull("field") ? error.get("field").asText() + ": " : "")
                        .append(error.hasNonNull("message") ? error.get("message").asText() : error.toString())
                        .append(System.lineSeparator());
            }
        }
        if (problem.hasNonNull("request_id")) {
            text.append("  request: ").append(problem.get("request_id").asText()).append(System.lineSeparator());
        }
        return text.length() == 0 ? indent(body) : text.toString().stripTrailing();
    }

    private static String indent(String text) {
        return text.isBlank() ? "  (empty body)" : "  " + text.strip().replace("\n", "\n  ");
    }

    private static String shorten(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?…";
    }
}
