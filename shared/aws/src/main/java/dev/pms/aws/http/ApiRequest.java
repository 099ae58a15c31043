package dev.pms.aws.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * One API call as a function sees it, taken from an HTTP API payload-2.0 event. {@code userId} is the
 * authorizer's {@code sub} claim and nothing else: ids in paths or bodies never name the caller.
 */
public record ApiRequest(
        String routeKey,
        String rawPath,
        Map<String, String> pathParameters,
        Map<String, String> queryParameters,
        Map<String, String> headers,
        String body,
        String userId,
        String requestId) {

    public String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalStateException("route " + routeKey + " has no path parameter " + name);
        }
        return value;
    }

    /** The API's own origin as the caller reached it (API Gateway sets host and x-forwarded-proto). */
    public String publicOrigin() {
        String host = headers.get("host");
        if (host == null || host.isBlank()) {
            throw new IllegalStateException("the request has no host header to build links from");
        }
        return headers.getOrDefault("x-forwarded-proto", "https") + "://" + host;
    }

    public String queryParameter(String name) {
        return queryParameters.get(name);
    }

    /**
     * The body as a JSON object; anything else (empty, malformed, an array, a string, content after the object,
     * ill-formed Unicode or control characters in a string) is a 400 naming the field.
     */
    public JsonNode jsonObjectBody() {
        return JsonBodies.object(body);
    }

    /** {@link #jsonObjectBody()} for routes whose body may be left out: null when there is none. */
    public JsonNode optionalJsonObjectBody() {
        return body == null || body.isBlank() ? null : jsonObjectBody();
    }
}
