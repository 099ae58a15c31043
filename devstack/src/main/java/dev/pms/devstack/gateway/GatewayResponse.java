package dev.pms.devstack.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What the gateway writes back: status, headers (names as given, possibly repeated) and body bytes. */
public record GatewayResponse(int status, Map<String, List<String>> headers, byte[] body) {

    private static final Set<String> TRANSPORT_HEADERS = Set.of("content-length", "transfer-encoding", "connection");

    public GatewayResponse {
        body = body == null ? new byte[0] : body;
    }

    /** API Gateway's own error shape: {@code {"message":"..."}}. */
    public static GatewayResponse message(int status, String message) {
        return json(status, "{\"message\":\"" + message + "\"}");
    }

    /** A refusal of the gateway itself as RFC 7807 problem+json; {@code detail} is one sentence for people. */
    public static GatewayResponse problem(int status, String title, String detail) {
        return problem(status, title, detail, null);
    }

    /** As {@link #problem(int, String, String)}, with the request id as {@code request_id} like the functions' problems. */
    public static GatewayResponse problem(int status, String title, String detail, String requestId) {
        StringBuilder json = new StringBuilder(160).append("{\"type\":\"urn:pms:problem:gateway-refused\",\"title\":");
        appendJsonString(json, title).append(",\"status\":").append(status).append(",\"detail\":");
        appendJsonString(json, detail);
        if (requestId != null) {
            appendJsonString(json.append(",\"request_id\":"), requestId);
        }
        json.append('}');
        return of(status, "application/problem+json", json.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static StringBuilder appendJsonString(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"');
    }

    public static GatewayResponse json(int status, String json) {
        return of(status, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    public static GatewayResponse of(int status, String contentType, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of(contentType));
        return new GatewayResponse(status, headers, body);
    }

    /** Maps a handler's payload-2.0 response: headers, multi-value headers, cookies, base64 bodies. */
    public static GatewayResponse fromLambda(APIGatewayV2HTTPResponse response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> {
                if (value != null && !TRANSPORT_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    headers.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
                }
            });
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> {
                if (values != null && !TRANSPORT_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    List<String> existing = headers.computeIfAbsent(name, key -> new ArrayList<>());
                    values.stream().filter(value -> !existing.contains(value)).forEach(existing::add);
                }
            });
        }
        if (response.getCookies() != null && !response.getCookies().isEmpty()) {
            headers.computeIfAbsent("Set-Cookie", key -> new ArrayList<>()).addAll(response.getCookies());
        }
        byte[] body;
        if (response.getBody() == null) {
            body = new byte[0];
        } else if (response.getIsBase64Encoded()) {
            body = Base64.getDecoder().decode(response.getBody());
        } else {
            body = response.getBody().getBytes(StandardCharsets.UTF_8);
        }
        int status = response.getStatusCode() == 0 ? 200 : response.getStatusCode();
        if (body.length > 0 && headers.keySet().stream().noneMatch(name -> name.equalsIgnoreCase("content-type"))) {
            headers.put("Content-Type", List.of("application/json"));
        }
        return new GatewayResponse(status, headers, body);
    }

    public String header(String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(entry -> entry.getValue().isEmpty() ? null : entry.getValue().get(0))
                .findFirst().orElse(null);
    }
}
