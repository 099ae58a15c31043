package dev.pms.providers.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * What every provider protocol stub stands on: an HTTP server on a free loopback port with its own threads, a way to
 * hold a call open until the stub closes (so a client's timeout ends it), and one way to answer.
 */
public final class LoopbackServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);

    public LoopbackServer(String contextPath, HttpHandler handler) {
        this(0, contextPath, handler);
    }

    /** On {@code port} (0: a free one). */
    public LoopbackServer(int port, String contextPath, HttpHandler handler) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a loopback port", e);
        }
        server.createContext(contextPath, handler);
        server.setExecutor(executor);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String root() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Keeps the exchange unanswered until the stub closes, then drops it. */
    public void holdOpen(HttpExchange exchange) {
        try {
            closing.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exchange.close();
    }

    public static void respond(HttpExchange exchange, int status, String contentType, Map<String, String> headers,
                               byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The first value of a header, whatever the case of its name; null when absent. */
    public static String header(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
