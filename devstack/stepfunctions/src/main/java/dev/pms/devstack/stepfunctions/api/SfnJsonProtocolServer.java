package dev.pms.devstack.stepfunctions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.pms.devstack.stepfunctions.asl.ApiError;
import dev.pms.devstack.stepfunctions.asl.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.UUID;

/** Serves the Step Functions JSON 1.0 protocol: {@code POST /} with {@code X-Amz-Target: AWSStepFunctions.<Action>}. */
public final class SfnJsonProtocolServer implements AutoCloseable {

    private static final String TARGET_PREFIX = "AWSStepFunctions.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";

    static {
        // Without TCP_NODELAY, Nagle's algorithm and delayed ACKs add tens of milliseconds to small responses.
        // The JDK reads this once, when its first HttpServer in the JVM starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService handlers;
    private final StepFunctionsBackend backend;

    public SfnJsonProtocolServer(int port, StepFunctionsBackend backend) throws IOException {
        this.backend = backend;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        AtomicInteger counter = new AtomicInteger();
        this.handlers = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "sfn-http-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (!"POST".equals(exchange.getRequestMethod()) || target == null || !target.startsWith(TARGET_PREFIX)) {
                respond(exchange, 400, error("UnknownOperationException",
                        "Expected POST with X-Amz-Target: " + TARGET_PREFIX + "<Action>"));
                return;
            }
            JsonNode request;
            try {
                request = body.length == 0 ? Json.object() : Json.parse(new String(body, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                respond(exchange, 400, error("SerializationException", "Request body is not JSON"));
                return;
            }
            try {
                respond(exchange, 200, backend.handle(target.substring(TARGET_PREFIX.length()), request));
            } catch (ApiError e) {
                respond(exchange, 400, error(e.code(), e.getMessage()));
            } catch (RuntimeException e) {
                respond(exchange, 500, error("InternalFailure", String.valueOf(e)));
            }
        }
    }

    private static ObjectNode error(String code, String message) {
        ObjectNode error = Json.object();
        error.put("__type", code);
        error.put("message", message);
        return error;
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
