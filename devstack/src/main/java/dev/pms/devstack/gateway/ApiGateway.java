package dev.pms.devstack.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.pms.devstack.auth.JwtAuthorizer;
import dev.pms.devstack.functions.FunctionRegistry;
import dev.pms.devstack.functions.InProcessFunction;
import dev.pms.devstack.functions.LocalLambdaContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local API Gateway (HTTP API): routes from the template, the JWT authorizer, payload 2.0 events into
 * the in-process functions, API Gateway's own error answers ({@code {"message": ...}} for 401, 403, 404, 413,
 * 500), CORS preflight when the API declares CORS, and the devstack's own {@code /_devstack/...} routes.
 */
public final class ApiGateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiGateway.class);
    private static final Logger REQUESTS = LoggerFactory.getLogger("dev.pms.devstack.requests");
    public static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    public static final String DEVSTACK_PREFIX = "/_devstack/";
    /** API Gateway HTTP API quota: total combined size of request line and header values. */
    public static final int MAX_REQUEST_LINE_AND_HEADER_BYTES = 10_240;
    private static final SecureRandom REQUEST_IDS = new SecureRandom();

    private final RouteTable routes;
    private final HttpApiModel model;
    private final FunctionRegistry functions;
    private final JwtAuthorizer authorizer;
    private final Function<GatewayRequest, GatewayResponse> devstackRoutes;
    private final HttpFront server;

    public ApiGateway(int port, HttpApiModel model, FunctionRegistry functions, JwtAuthorizer authorizer,
                      Function<GatewayRequest, GatewayResponse> devstackRoutes) throws IOException {
        this.routes = new RouteTable(model.routes());
        this.model = model;
        this.functions = functions;
        this.authorizer = authorizer;
        this.devstackRoutes = devstackRoutes;
        this.server = new HttpFront(new InetSocketAddress("127.0.0.1", port), 256, MAX_BODY_BYTES, new HttpFront.Handler() {
            @Override
            public GatewayResponse handle(HttpFront.Request request) {
                return exchange(request);
            }

            @Override
            public GatewayResponse refused(HttpFront.Refusal refusal) {
                return refusedByTheFront(refusal);
            }
        });
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public RouteTable routeTable() {
        return routes;
    }

    private GatewayResponse exchange(HttpFront.Request received) {
        long started = System.nanoTime();
        String method = received.method();
        String rawPath = received.rawPath();
        String function = "-";
        StringBuilder note = new StringBuilder();
        GatewayResponse response;
        String requestId = newRequestId();
        GatewayRequest request = new GatewayRequest(method, rawPath, received.rawQuery(), received.headers(),
                received.body(), received.remote().getHostAddress(), received.protocol());
        try {
            boolean devstackRoute = rawPath.startsWith(DEVSTACK_PREFIX);
            long requestLineBytes = received.requestLine().length();
            if (devstackRoute) {
                function = "devstack";
                response = devstackRoutes.apply(request);
            } else if (received.body() == null) {
                response = GatewayResponse.message(413, "Request Entity Too Large");
            } else if (requestLineBytes > MAX_REQUEST_LINE_AND_HEADER_BYTES) {
                response = GatewayResponse.problem(414, "URI Too Long", "The request line is " + requestLineBytes
                        + " bytes; API Gateway allows " + MAX_REQUEST_LINE_AND_HEADER_BYTES
                        + " bytes for the request line and header values together.", requestId);
            } else if (received.lineAndHeaderValueBytes() > MAX_REQUEST_LINE_AND_HEADER_BYTES) {
                response = GatewayResponse.problem(431, "Request Header Fields Too Large",
                        "The request line and header values together exceed " + MAX_REQUEST_LINE_AND_HEADER_BYTES
                                + " bytes.", requestId);
            } else if (!PayloadV2Events.isWellFormedQuery(request.rawQueryString())) {
                response = GatewayResponse.problem(400, "Bad Request",
                        "The query string has a malformed percent-encoding: its escapes do not decode as UTF-8.", requestId);
            } else {
                Optional<GatewayResponse> preflight = corsPreflight(request);
                if (preflight.isPresent()) {
                    response = preflight.get();
                    function = "cors";
                } else {
                    Optional<RouteTable.Match> match = routes.match(request.method(), rawPath);
                    if (match.isEmpty()) {
                        response = GatewayResponse.message(404, "Not Found");
                    } else {
                        function = match.get().route().functionLogicalId();
                        InProcessFunction target = functions.get(function);
                        if (!target.isWarm()) {
                            function += " (cold)";
                        }
                        response = route(request, match.get(), target, requestId, note);
                    }
                }
            }
            if (!devstackRoute) {
                response = withCors(request, response);
            }
        } catch (RuntimeException e) {
            LOG.error("{} {} failed in the gateway", method, rawPath, e);
            response = withCors(request, GatewayResponse.message(500, "Internal Server Error"));
        }
        response = withRequestId(response, requestId);
        REQUESTS.info("{} {} {} {} ms {}{}", method, rawPath, response.status(),
                (System.nanoTime() - started) / 1_000_000, function, note);
        return response;
    }

    /** A request the front refused before it could be routed: problem+json, with CORS headers when the origin is allowed. */
    private GatewayResponse refusedByTheFront(HttpFront.Refusal refusal) {
        String requestId = newRequestId();
        GatewayRequest request = new GatewayRequest(refusal.method(), refusal.rawPath(), null, refusal.headers(),
                null, "-", "HTTP/1.1");
        GatewayResponse response = GatewayResponse.problem(refusal.status(), refusal.title(), refusal.detail(),
                requestId);
        if (!refusal.rawPath().startsWith(DEVSTACK_PREFIX)) {
            response = withCors(request, response);
        }
        response = withRequestId(response, requestId);
        REQUESTS.info("{} {} {} 0 ms refused [{}]", refusal.method(), refusal.rawPath(), refusal.status(),
                refusal.detail());
        return response;
    }

    private static GatewayResponse withRequestId(GatewayResponse response, String requestId) {
        Map<String, List<String>> headers = new LinkedHashMap<>(response.headers());
        headers.put("Apigw-Requestid", List.of(requestId));
        return new GatewayResponse(response.status(), headers, response.body());
    }

    /** {@code note} collects why a request was refused, for the one log line per request. */
    private GatewayResponse route(GatewayRequest request, RouteTable.Match match, InProcessFunction target,
                                  String requestId, StringBuilder note) {
        HttpApiRoute route = match.route();
        JwtAuthorizer.Decision decision = null;
        if (route.requiresAuthorization()) {
            decision = authorizer.authorize(request.header("authorization"));
            if (!decision.authorized()) {
                note.append(" [").append(decision.reason()).append(']');
                return GatewayResponse.message(401, "Unauthorized");
            }
            if (!route.authorizationScopes().isEmpty() && (decision.scopes() == null
                    || decision.scopes().stream().noneMatch(route.authorizationScopes()::contains))) {
                note.append(" [token scopes ").append(decision.scopes()).append(" lack one of ")
                        .append(route.authorizationScopes()).append(']');
                return GatewayResponse.message(403, "Forbidden");
            }
        }
        APIGatewayV2HTTPEvent event = PayloadV2Events.create(request, match, decision, requestId, Instant.now());
        Object result;
        try {
            result = target.invoke(event, new LocalLambdaContext(target.definition(), requestId));
        } catch (RuntimeException | Error e) {
            LOG.error("{} ({}) threw while handling {} {}", target.logicalId(), target.definition().handlerClass(),
                    request.method(), request.rawPath(), e);
            return GatewayResponse.message(500, "Internal Server Error");
        }
        if (result instanceof APIGatewayV2HTTPResponse lambdaResponse) {
            return GatewayResponse.fromLambda(lambdaResponse);
        }
        if (result == null) {
            return new GatewayResponse(200, new LinkedHashMap<>(), new byte[0]);
        }
        // a handler returning something else: API Gateway serialises it as the JSON body
        LOG.error("{} returned {}, not an APIGatewayV2HTTPResponse", target.logicalId(), result.getClass().getName());
        return GatewayResponse.message(500, "Internal Server Error");
    }

    private Optional<GatewayResponse> corsPreflight(GatewayRequest request) {
        HttpApiModel.Cors cors = model.cors();
        if (cors == null || !request.method().equals("OPTIONS") || request.header("origin") == null
                || request.header("access-control-request-method") == null) {
            return Optional.empty();
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String origin = request.header("origin");
        if (cors.allowsOrigin(origin)) {
            headers.put("Access-Control-Allow-Origin", List.of(cors.allowOrigins().contains("*")
                    && !cors.allowCredentials() ? "*" : origin));
            if (!cors.allowMethods().isEmpty()) {
                headers.put("Access-Control-Allow-Methods", List.of(String.join(",", cors.allowMethods())));
            }
            if (!cors.allowHeaders().isEmpty()) {
                String requested = request.header("access-control-request-headers");
                headers.put("Access-Control-Allow-Headers", List.of(cors.allowHeaders().contains("*") && requested != null
                        ? requested : String.join(",", cors.allowHeaders())));
            }
            if (cors.maxAge() != null) {
                headers.put("Access-Control-Max-Age", List.of(cors.maxAge().toString()));
            }
            if (cors.allowCredentials()) {
                headers.put("Access-Control-Allow-Credentials", List.of("true"));
            }
        }
        return Optional.of(new GatewayResponse(204, headers, new byte[0]));
    }

    private GatewayResponse withCors(GatewayRequest request, GatewayResponse response) {
        HttpApiModel.Cors cors = model.cors();
        String origin = request.header("origin");
        if (cors == null || !cors.allowsOrigin(origin) || response.header("Access-Control-Allow-Origin") != null) {
            return response;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>(response.headers());
        headers.put("Access-Control-Allow-Origin", List.of(cors.allowOrigins().contains("*")
                && !cors.allowCredentials() ? "*" : origin));
        if (!cors.exposeHeaders().isEmpty()) {
            headers.put("Access-Control-Expose-Headers", List.of(String.join(",", cors.exposeHeaders())));
        }
        if (cors.allowCredentials()) {
            headers.put("Access-Control-Allow-Credentials", List.of("true"));
        }
        return new GatewayResponse(response.status(), headers, response.body());
    }

    /** AWS-like request ids: 12 random bytes, base64url. */
    static String newRequestId() {
        byte[] bytes = new byte[12];
        REQUEST_IDS.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void close() {
        server.close();
    }
}
