package dev.pms.devstack.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.pms.devstack.auth.JwtAuthorizer;
import dev.pms.emulators.LocalAws;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.util.concurrent.ThreadLocalRandom;

/** Builds API Gateway HTTP API payload format 2.0 events, field for field as AWS sends them. */
public final class PayloadV2Events {

    static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private PayloadV2Events() {
    }

    public static APIGatewayV2HTTPEvent create(GatewayRequest request, RouteTable.Match match,
                                               JwtAuthorizer.Decision authorization, String requestId, Instant time) {
        HttpApiRoute route = match.route();
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        request.headers().forEach((name, values) -> {
            String lowerName = name.toLowerCase(Locale.ROOT);
            if (lowerName.equals("cookie")) {
                values.forEach(value -> {
                    for (String cookie : value.split(";")) {
                        if (!cookie.isBlank()) {
                            cookies.add(cookie.trim());
                        }
                    }
                });
            } else {
                headers.put(lowerName, String.join(",", values));
            }
        });
        // API Gateway adds these on its way to the function
        String forwardedFor = headers.get("x-forwarded-for");
        headers.put("x-forwarded-for", forwardedFor == null ? request.sourceIp() : forwardedFor + ", " + request.sourceIp());
        headers.put("x-forwarded-port", portOf(request.header("host")));
        headers.put("x-forwarded-proto", "http");
        headers.putIfAbsent("x-amzn-trace-id", traceId(time));
        String host = request.header("host");
        String domainName = host == null ? "localhost" : stripPort(host);
        String domainPrefix = domainName.contains(".") && !Character.isDigit(domainName.charAt(0))
                ? domainName.substring(0, domainName.indexOf('.')) : domainName;

        APIGatewayV2HTTPEvent.RequestContext.RequestContextBuilder context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withAccountId(LocalAws.ACCOUNT_ID)
                .withApiId(route.apiId())
                .withDomainName(domainName)
                .withDomainPrefix(domainPrefix)
                .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                        .withMethod(request.method())
                        .withPath(request.rawPath())
                        .withProtocol(request.protocol())
                        .withSourceIp(request.sourceIp())
                        .withUserAgent(request.header("user-agent"))
                        .build())
                .withRequestId(requestId)
                .withRouteKey(route.routeKey())
                .withStage("$default")
                .withTime(REQUEST_TIME.format(time))
                .withTimeEpoch(time.toEpochMilli());
        if (authorization != null && authorization.authorized()) {
            context.withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                    .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                            .withClaims(authorization.claims())
                            .withScopes(authorization.scopes())
                            .build())
                    .build());
        }

        boolean hasBody = request.body().length > 0;
        boolean base64 = hasBody && !isText(request.header("content-type"));
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(route.routeKey())
                .withRawPath(request.rawPath())
                .withRawQueryString(request.rawQueryString())
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withHeaders(headers)
                .withQueryStringParameters(queryParameters(request.rawQueryString()))
                .withPathParameters(match.pathParameters().isEmpty() ? null : match.pathParameters())
                .withRequestContext(context.build())
                .withBody(!hasBody ? null : base64 ? Base64.getEncoder().encodeToString(request.body())
                        : new String(request.body(), StandardCharsets.UTF_8))
                .withIsBase64Encoded(base64)
                .build();
    }

    /** Repeated parameters are joined with commas, as in payload 2.0; null when there are none. */
    static Map<String, String> queryParameters(String rawQueryString) {
        if (rawQueryString == null || rawQueryString.isEmpty()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQueryString.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.merge(name, value, (first, second) -> first + "," + second);
        }
        return parameters.isEmpty() ? null : parameters;
    }

    /** Whether every percent-escape of the query is two hex digits and the escapes decode as UTF-8. */
    static boolean isWellFormedQuery(String rawQueryString) {
        if (rawQueryString == null) {
            return true;
        }
        for (int i = 0; i < rawQueryString.length(); i++) {
            if (rawQueryString.charAt(i) == '%' && (i + 2 >= rawQueryString.length()
                    || Character.digit(rawQueryString.charAt(i + 1), 16) < 0
                    || Character.digit(rawQueryString.charAt(i + 2), 16) < 0)) {
                return false;
            }
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
        try {
            utf8.decode(ByteBuffer.wrap(URLDecoder.decode(rawQueryString.replace("+", "%2B"),
                    StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1)));
            return true;
        } catch (CharacterCodingException | IllegalArgumentException malformed) {
            return false;
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    /** Text bodies are passed as they are; anything else is base64-encoded. */
    static boolean isText(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
        return type.startsWith("text/")
                || type.equals("application/json") || type.endsWith("+json")
                || type.equals("application/xml") || type.endsWith("+xml")
                || type.equals("application/javascript")
                || type.equals("application/x-www-form-urlencoded")
                || type.equals("application/problem+json")
                || type.equals("application/yaml") || type.equals("application/x-yaml")
                || type.equals("application/graphql");
    }

    private static String portOf(String host) {
        if (host == null) {
            return "80";
        }
        int bracket = host.lastIndexOf(']');
        int colon = host.lastIndexOf(':');
        return colon > bracket && colon < host.length() - 1 ? host.substring(colon + 1) : "80";
    }

    /** X-Ray's format: {@code Root=1-<epoch seconds, hex>-<96 random bits, hex>}. */
    static String traceId(Instant time) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("Root=1-%08x-%08x%016x", time.getEpochSecond(), random.nextInt(), random.nextLong());
    }

    private static String stripPort(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end > 0 ? host.substring(0, end + 1) : host;
        }
        int colon = host.lastIndexOf(':');
        return colon > 0 ? host.substring(0, colon) : host;
    }
}
