package dev.pms.emulators;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Loopback HTTP proxy in front of moto's DynamoDB. moto evaluates a condition and applies the update
 * without any lock, so two concurrent conditional writes can both pass their condition. This proxy runs
 * every mutating operation exclusively (a write lock) while read-only operations share a read lock, which
 * restores DynamoDB's per-item atomicity for conditional writes and transactions.
 */
final class SerializingDynamoDbProxy implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SerializingDynamoDbProxy.class);
    private static final String TARGET_PREFIX = "DynamoDB_20120810.";
    /** Operations that never change data; everything else (PutItem, UpdateItem, DeleteItem, TransactWriteItems,
     *  BatchWriteItem, PartiQL, table changes ...) runs exclusively. */
    static final Set<String> READ_ONLY_OPERATIONS = Set.of(
            "GetItem", "BatchGetItem", "Query", "Scan", "TransactGetItems",
            "DescribeTable", "ListTables", "DescribeTimeToLive", "DescribeContinuousBackups",
            "DescribeEndpoints", "DescribeLimits", "ListTagsOfResource");
    private static final Set<String> UNFORWARDED_REQUEST_HEADERS =
            Set.of("host", "content-length", "connection", "expect", "upgrade", "transfer-encoding", "keep-alive");
    private static final Set<String> UNFORWARDED_RESPONSE_HEADERS =
            Set.of("content-length", "connection", "transfer-encoding", "keep-alive", ":status");

    private final URI target;
    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient client;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);
    private final ConcurrentMap<String, LongAdder> operationCounts =
            new ConcurrentHashMap<>();

    private SerializingDynamoDbProxy(URI target) throws IOException {
        this.target = target;
        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(32, runnable -> {
            Thread thread = new Thread(runnable, "dynamodb-proxy-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", this::forward);
        server.setExecutor(executor);
        server.start();
    }

    static SerializingDynamoDbProxy start(URI target) {
        try {
            return new SerializingDynamoDbProxy(target);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open the DynamoDB proxy port", e);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** How many requests of each DynamoDB operation passed through since start (for cost measurements). */
    Map<String, Long> operationCounts() {
        Map<String, Long> counts = new TreeMap<>();
        operationCounts.forEach((operation, count) -> counts.put(operation, count.sum()));
        return counts;
    }

    static boolean isReadOnly(String amzTarget) {
        if (amzTarget == null || !amzTarget.startsWith(TARGET_PREFIX)) {
            return false;
        }
        return READ_ONLY_OPERATIONS.contains(amzTarget.substring(TARGET_PREFIX.length()));
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] requestBody;
            try (InputStream in = exchange.getRequestBody()) {
                requestBody = in.readAllBytes();
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                    .timeout(Duration.ofSeconds(60))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(requestBody));
            for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
                if (!UNFORWARDED_REQUEST_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                    header.getValue().forEach(value -> request.header(header.getKey(), value));
                }
            }
            String amzTarget = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (amzTarget != null && amzTarget.startsWith(TARGET_PREFIX)) {
                operationCounts.computeIfAbsent(amzTarget.substring(TARGET_PREFIX.length()),
                        operation -> new LongAdder()).increment();
            }
            Lock held = isReadOnly(amzTarget) ? lock.readLock() : lock.writeLock();
            int status;
            byte[] body;
            held.lock();
            try {
                HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                response.headers().map().forEach((name, values) -> {
                    if (!UNFORWARDED_RESPONSE_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                        exchange.getResponseHeaders().put(name, values);
                    }
                });
                status = response.statusCode();
                body = response.body();
            } catch (IOException | InterruptedException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                LOG.warn("DynamoDB proxy could not reach moto at {}: {}", target, e.toString());
                exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
                status = 500;
                body = ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\","
                        + "\"message\":\"DynamoDB emulator unreachable\"}").getBytes(StandardCharsets.UTF_8);
            } finally {
                held.unlock();
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
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
}
