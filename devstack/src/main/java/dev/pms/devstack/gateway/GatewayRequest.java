package dev.pms.devstack.gateway;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.ArrayList;

/**
 * An HTTP request as the gateway received it. {@code headers} keep every value of repeated headers;
 * names are compared case-insensitively.
 */
public record GatewayRequest(String method, String rawPath, String rawQueryString, Map<String, List<String>> headers,
                             byte[] body, String sourceIp, String protocol) {

    public GatewayRequest {
        Map<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> caseInsensitive.merge(name, List.copyOf(values), (a, b) -> {
            List<String> merged = new ArrayList<>(a);
            merged.addAll(b);
            return List.copyOf(merged);
        }));
        headers = caseInsensitive;
        rawQueryString = rawQueryString == null ? "" : rawQueryString;
        body = body == null ? new byte[0] : body;
        method = method.toUpperCase(Locale.ROOT);
    }

    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
