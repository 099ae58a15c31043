package dev.pms.devstack.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.pms.devstack.auth.JwtAuthorizer;
import dev.pms.devstack.functions.FunctionRegistry;
import dev.pms.devstack.functions.InProcessFunction;
import dev.pms.devstack.functions.LocalLambdaContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
    private final HttpServer server;
    private final ExecutorService executor;

    public ApiGateway(int port, HttpApiModel model, FunctionRegistry functions, JwtAuthorizer authorizer,
                      Function<GatewayRequest, GatewayResponse> devstackRoutes) throws IOException {
        this.routes = new RouteTable(model.routes());
        this.model = model;
        this.functions = functions;
        this.authorizer = authorizer;
        this.devstackRoutes = devstackRoutes;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(32, runnable -> {
            Thread thread = new Thread(runnable, "gateway-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        server.createContext("/", this::exchange);
        server.setExecutor(executor);
        server.start();
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public RouteTable routeTable() {
        return routes;
    }

    private void exchange(HttpExchange exchange) {
        long started = System.nanoTime();
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        String function = "-";
        StringBuilder note = new StringBuilder();
        GatewayResponse response;
        String requestId = newRequestId();
        try {
            long declaredLength = contentLength(exchange);
            byte[] body = declaredLength > MAX_BODY_BYTES ? drain(exchange.getRequestBody()) : readBody(exchange.getRequestBody());
            GatewayRequest request = new GatewayRequest(method, rawPath, exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(), body, exchange.getRemoteAddress().getAddress().getHostAddress(),
                    exchange.getProtocol());
            if (rawPath.startsWith(DEVSTACK_PREFIX)) {
                function = "devstack";
                response = devstackRoutes.apply(request);
            } else if (body == null) {
                response = GatewayResponse.message(413, "Request Entity Too Large");
            } else if (requestLineAndHeaderBytes(exchange) > MAX_REQUEST_LINE_AND_HEADER_BYTES) {
                response = GatewayResponse.problem(431, "Request Header Fields Too Large",
                        "The request line and header values together exceed " + MAX_REQUEST_LINE_AND_HEADER_BYTES
                                + " bytes.");
            } else if (!PayloadV2Events.isWellFormedQuery(request.rawQueryString())) {
                response = GatewayResponse.problem(400, "Bad Request",
                        "The query string has a malformed percent-encoding.");
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
                response = withCors(request, response);
            }
        } catch (BodyTooLargeException e) {
            response = GatewayResponse.message(413, "Request Entity Too Large");
        } catch (IOException e) {
            LOG.debug("{} {}: client went away: {}", method, rawPath, e.toString());
            exchange.close();
            return;
        } catch (RuntimeException e) {
            LOG.error("{} {} failed in the gateway", method, rawPath, e);
            response = GatewayResponse.message(500, "Internal Server Error");
        }
        write(exchange, method, response, requestId);
        REQUESTS.info("{} {} {} {} ms {}{}", method, rawPath, response.status(),
                (System.nanoTime() - started) / 1_000_000, function, note);
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

    private static long requestLineAndHeaderBytes(HttpExchange exchange) {
        long bytes = exchange.getRequestMethod().length() + 1L + exchange.getRequestURI().toString().length() + 1L
                + exchange.getProtocol().length();
        for (List<String> values : exchange.getRequestHeaders().values()) {
            for (String value : values) {
                bytes += value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            }
        }
        return bytes;
    }

    private static long contentLength(HttpExchange exchange) {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared == null) {
            return -1;
        }
        try {
            return Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        try (in) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                drain(in);
                throw new BodyTooLargeException();
            }
            return body;
        }
    }

    /** Reads what the client still sends (an unread body resets the connection before it sees the 413). */
    private static byte[] drain(InputStream in) throws IOException {
        try (in) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return null;
    }

    private static void write(HttpExchange exchange, String method, GatewayResponse response, String requestId) {
        try (exchange) {
            response.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, new ArrayList<>(values)));
            exchange.getResponseHeaders().set("Apigw-Requestid", requestId);
            boolean noBody = response.body().length == 0 || method.equals("HEAD")
                    || response.status() == 204 || response.status() == 304;
            exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        } catch (IOException e) {
            LOG.debug("could not write the response: {}", e.toString());
        }
    }

    /** AWS-like request ids: 12 random bytes, base64url. */
    static String newRequestId() {
        byte[] bytes = new byte[12];
        REQUEST_IDS.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class BodyTooLargeException extends IOException {
        BodyTooLargeException() {
            super("body over " + MAX_BODY_BYTES + " bytes");
        }
    }
}
