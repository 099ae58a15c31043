package dev.pms.journeys.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Lambda Runtime API (2018-06-01) for one function instance, as a runtime interface client meets it: {@code GET
 * /runtime/invocation/next} is held open until an event is given (never a non-200), {@code POST
 * .../{id}/response|error} complete the invocation, {@code /runtime/init/error} records an INIT failure and
 * {@code GET /runtime/restore/next} (SnapStart, after {@code beforeCheckpoint}) answers at once. A plain socket server
 * writes the {@code Lambda-Runtime-*} header names exactly as Lambda does: the client's native part crashes on a
 * server that changes their case, as the JDK's {@code HttpServer} does.
 */
public final class RuntimeApiServer implements AutoCloseable {
    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final String INVOCATION = PREFIX + "invocation/";
    private static final Duration DEADLINE = Duration.ofMinutes(5);

    /** Nanosecond timestamps ({@link System#nanoTime()}) of one invocation, with what the function answered. */
    public record Invocation(String requestId, long handedOutNanos, long answeredNanos, boolean failed, String body) {
        public double millis() {
            return (answeredNanos - handedOutNanos) / 1e6;
        }
    }

    private record Pending(String requestId, String event, CompletableFuture<Long> handedOut,
                           CompletableFuture<Invocation> answered) {
    }

    private final ServerSocket socket;
    private final String functionArn;
    private final BlockingQueue<Pending> events = new LinkedBlockingQueue<>();
    private final Map<String, Pending> inFlight = new ConcurrentHashMap<>();
    private final List<Long> nextRequests = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Long> firstNext = new CompletableFuture<>();
    private final CompletableFuture<Long> restoreNext = new CompletableFuture<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private final AtomicInteger requestIds = new AtomicInteger();
    private final Thread acceptor;
    private volatile boolean closed;

    private RuntimeApiServer(ServerSocket socket, String functionArn) {
        this.socket = socket;
        this.functionArn = functionArn;
        this.acceptor = daemon("runtime-api-accept", this::acceptLoop);
    }

    /** Listens on a free loopback port. */
    public static RuntimeApiServer start(String functionArn) throws IOException {
        RuntimeApiServer server = new RuntimeApiServer(new ServerSocket(0, 16, InetAddress.getLoopbackAddress()),
                functionArn);
        server.acceptor.start();
        return server;
    }

    /** What {@code AWS_LAMBDA_RUNTIME_API} holds: host and port. */
    public String address() {
        return socket.getInetAddress().getHostAddress() + ":" + socket.getLocalPort();
    }

    /** When the runtime first asked for an event, i.e. finished INIT; fails if it reported an INIT error. */
    public long awaitFirstNext(Duration timeout) throws TimeoutException, InterruptedException {
        CompletableFuture<Object> either = CompletableFuture.anyOf(firstNext, initError);
        Object value = get(either, timeout);
        if (value instanceof String error) {
            throw new IllegalStateException("INIT failed: " + error);
        }
        return (Long) value;
    }

    /** When the runtime asked for the SnapStart restore (after every {@code beforeCheckpoint} hook ran). */
    public long awaitRestoreNext(Duration timeout) throws TimeoutException, InterruptedException {
        return get(restoreNext, timeout);
    }

    /** True once the runtime has asked for the SnapStart restore. */
    public boolean restoreRequested() {
        return restoreNext.isDone();
    }

    /** How many times the runtime has asked for an event. */
    public int nextRequestCount() {
        return nextRequests.size();
    }

    /** Waits until the runtime has asked for an event {@code count} times (it is then idle, blocked in the call). */
    public void awaitNextRequests(int count, Duration timeout) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (nextRequests) {
            while (nextRequests.size() < count) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new TimeoutException("the runtime asked for " + nextRequests.size() + " events, not "
                            + count);
                }
                nextRequests.wait(left);
            }
        }
    }

    /** Hands {@code event} to the runtime's next {@code /next} and waits for its response or error. */
    public Invocation invoke(String event, Duration timeout) throws TimeoutException, InterruptedException {
        String requestId = "cold-start-" + requestIds.incrementAndGet();
        Pending pending = new Pending(requestId, event, new CompletableFuture<>(), new CompletableFuture<>());
        inFlight.put(requestId, pending);
        events.add(pending);
        return get(pending.answered(), timeout);
    }

    private static <T> T get(CompletableFuture<T> future, Duration timeout)
            throws TimeoutException, InterruptedException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket connection = socket.accept();
                connections.add(connection);
                daemon("runtime-api-connection", () -> serve(connection)).start();
            } catch (IOException e) {
                if (!closed) {
                    initError.complete("Runtime API server stopped accepting: " + e);
                }
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection; InputStream in = new BufferedInputStream(connection.getInputStream());
             OutputStream out = connection.getOutputStream()) {
            HttpRequest request;
            while ((request = HttpRequest.read(in, out)) != null) {
                respond(request, out);
            }
        } catch (SocketException | InterruptedException closedOrStopped) {
            // the runtime went away or the server closed
        } catch (IOException e) {
            if (!closed) {
                System.err.println("Runtime API connection failed: " + e);
            }
        } finally {
            connections.remove(connection);
        }
    }

    private void respond(HttpRequest request, OutputStream out) throws IOException, InterruptedException {
        String path = request.path();
        if (request.method().equals("GET") && path.equals(INVOCATION + "next")) {
            long asked = System.nanoTime();
            synchronized (nextRequests) {
                nextRequests.add(asked);
                nextRequests.notifyAll();
            }
            firstNext.complete(asked);
            Pending pending = events.poll(100, TimeUnit.MILLISECONDS);
            while (pending == null) {
                if (closed) {
                    throw new SocketException("Runtime API server closed");
                }
                pending = events.poll(100, TimeUnit.MILLISECONDS);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json");
            headers.put("Lambda-Runtime-Aws-Request-Id", pending.requestId());
            headers.put("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + DEADLINE.toMillis()));
            headers.put("Lambda-Runtime-Invoked-Function-Arn", functionArn);
            headers.put("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
            pending.handedOut().complete(System.nanoTime());
            write(out, 200, "OK", headers, pending.event());
        } else if (request.method().equals("POST") && path.startsWith(INVOCATION)
                && (path.endsWith("/response") || path.endsWith("/error"))) {
            long answered = System.nanoTime();
            String requestId = path.substring(INVOCATION.length(), path.lastIndexOf('/'));
            Pending pending = inFlight.remove(requestId);
            if (pending == null) {
                write(out, 400, "Bad Request", Map.of("Content-Type", "application/json"),
                        "{\"errorMessage\":\"unknown request id\",\"errorType\":\"InvalidRequestID\"}");
                return;
            }
            write(out, 202, "Accepted", Map.of("Content-Type", "application/json"), "{\"status\":\"OK\"}");
            pending.answered().complete(new Invocation(requestId, pending.handedOut().join(), answered,
                    path.endsWith("/error"), request.body()));
        } else if (request.method().equals("POST") && path.equals(PREFIX + "init/error")) {
            write(out, 202, "Accepted", Map.of("Content-Type", "application/json"), "{\"status\":\"OK\"}");
            initError.complete(request.body());
        } else if (request.method().equals("GET") && path.equals(PREFIX + "restore/next")) {
            restoreNext.complete(System.nanoTime());
            write(out, 200, "OK", Map.of("Content-Type", "application/json"), "");
        } else if (request.method().equals("POST") && path.equals(PREFIX + "restore/error")) {
            write(out, 202, "Accepted", Map.of("Content-Type", "application/json"), "{\"status\":\"OK\"}");
            restoreNext.completeExceptionally(new IllegalStateException("restore failed: " + request.body()));
        } else {
            write(out, 404, "Not Found", Map.of("Content-Type", "application/json"),
                    "{\"errorMessage\":\"no such route\",\"errorType\":\"NotFound\"}");
        }
    }

    private static void write(OutputStream out, int status, String reason, Map<String, String> headers, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        socket.close();
        for (Socket connection : connections) {
            connection.close();
        }
    }

    /** One HTTP/1.1 request as the runtime client sends it (Content-Length or chunked body, maybe 100-continue). */
    record HttpRequest(String method, String path, Map<String, String> headers, String body) {

        /** The next request on the connection, or null when the client closed it. */
        static HttpRequest read(InputStream in, OutputStream out) throws IOException {
            String requestLine = line(in);
            while (requestLine != null && requestLine.isEmpty()) {
                requestLine = line(in);
            }
            if (requestLine == null) {
                return null;
            }
            String[] parts = requestLine.split(" ");
            if (parts.length < 2) {
                throw new IOException("not an HTTP request line: " + requestLine);
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                if (colon > 0) {
                    headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            header.substring(colon + 1).trim());
                }
            }
            if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
                out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
            byte[] body;
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = chunked(in);
            } else {
                int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
                body = in.readNBytes(length);
                if (body.length < length) {
                    throw new IOException("body cut short");
                }
            }
            String path = parts[1];
            int query = path.indexOf('?');
            return new HttpRequest(parts[0], query < 0 ? path : path.substring(0, query), headers,
                    new String(body, StandardCharsets.UTF_8));
        }

        private static byte[] chunked(InputStream in) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = line(in);
                if (sizeLine == null) {
                    throw new IOException("chunked body cut short");
                }
                int semicolon = sizeLine.indexOf(';');
                int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
                if (size == 0) {
                    for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                        // trailers are not used by the runtime client
                    }
                    return body.toByteArray();
                }
                body.write(in.readNBytes(size));
                line(in);
            }
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int next;
            while ((next = in.read()) != -1) {
                if (next == '\n') {
                    byte[] raw = bytes.toByteArray();
                    int length = raw.length > 0 && raw[raw.length - 1] == '\r' ? raw.length - 1 : raw.length;
                    return new String(raw, 0, length, StandardCharsets.ISO_8859_1);
                }
                bytes.write(next);
            }
            return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
