package dev.pms.providers.wavespeed;

import com.sun.net.httpserver.HttpExchange;
import dev.pms.providers.http.LoopbackServer;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A local server speaking WaveSpeed's predictions protocol from a script: each call to {@code /api/v3/...} takes the
 * next scripted reply; {@code GET /files/{name}} serves the outputs registered with {@link #serve} (the CDN) and
 * {@code PUT /uploads/{name}} keeps what is sent (the signed storage URL). Every call is recorded.
 */
public final class WaveSpeedStub implements AutoCloseable {

    public record Reply(int status, Map<String, String> headers, String body, boolean neverAnswers) {

        public static Reply json(int status, String body) {
            return new Reply(status, Map.of(), body, false);
        }

        public static Reply ok(String body) {
            return json(200, body);
        }

        public static Reply withHeader(int status, String header, String value, String body) {
            return new Reply(status, Map.of(header, value), body, false);
        }

        /** Holds the call open until the stub closes, so the client's timeout ends it. */
        static Reply silence() {
            return new Reply(0, Map.of(), "", true);
        }
    }

    public record RecordedCall(String method, String path, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            return LoopbackServer.header(headers, name);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private record File(byte[] bytes, String contentType) {
    }

    private final LoopbackServer server;
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<RecordedCall> calls = new ArrayList<>();
    private final Map<String, File> files = new ConcurrentHashMap<>();
    private final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
    private final Map<String, Deque<Integer>> fileFailures = new ConcurrentHashMap<>();

    public WaveSpeedStub() throws IOException {
        server = new LoopbackServer("/", this::handle);
    }

    public URI baseUrl() {
        return URI.create(root());
    }

    public WaveSpeedStub then(Reply reply) {
        synchronized (script) {
            script.add(reply);
        }
        return this;
    }

    /** Serves the bytes at {@code /files/{name}} and answers their URL, as a completed prediction lists it. */
    public String serve(String name, byte[] bytes, String contentType) {
        files.put(name, new File(bytes, contentType));
        return root() + "/files/" + name;
    }

    /** The next download of the file answers this status (and an error) instead of the file. */
    WaveSpeedStub failDownloadOnce(String name, int status) {
        fileFailures.computeIfAbsent(name, key -> new ArrayDeque<>()).add(status);
        return this;
    }

    byte[] uploaded(String name) {
        return uploads.get(name);
    }

    public List<RecordedCall> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** Each call so far as {@code METHOD /path}, in the order they came. */
    public List<String> requestLines() {
        return calls().stream().map(call -> call.method() + " " + call.path()).toList();
    }

    /** Scripts the same reply {@code times} times (a status the client retries until its attempts are spent). */
    public WaveSpeedStub repeat(Reply reply, int times) {
        for (int i = 0; i < times; i++) {
            then(reply);
        }
        return this;
    }

    /**
     * Scripts one prediction from its submit: created, then {@code processing} for {@code processingPolls} polls,
     * then completed with the output.
     */
    public WaveSpeedStub prediction(String id, String model, int processingPolls, String outputUrl) {
        then(Reply.ok(created(id, model)));
        for (int i = 0; i < processingPolls; i++) {
            then(Reply.ok(processing(id, model)));
        }
        return then(Reply.ok(completed(id, model, outputUrl)));
    }

    // The protocol's answers, shaped as WaveSpeed documents them.

    public String created(String id, String model) {
        return envelope(id, model, "created", "[]", "false", "");
    }

    public String processing(String id, String model) {
        return envelope(id, model, "processing", "[]", "false", "");
    }

    public String completed(String id, String model, String outputUrl) {
        return envelope(id, model, "completed", "[\"" + outputUrl + "\"]", "false", "");
    }

    String envelopeWithoutOutputs(String id, String model) {
        return envelope(id, model, "completed", "[]", "false", "");
    }

    String completedFlagged(String id, String model, String outputUrl) {
        return envelope(id, model, "completed", "[\"" + outputUrl + "\"]", "true", "");
    }

    String failed(String id, String model, String error) {
        return envelope(id, model, "failed", "[]", "false", error);
    }

    public String uploadCreated(String name) {
        return """
                {"code": 200, "message": "success", "data": {"download_url": "%s/files/%s",
                 "upload": {"url": "%s/uploads/%s", "method": "PUT", "headers": {"x-upload-token": "t0k"}}}}
                """.formatted(root(), name, root(), name);
    }

    public static String refused(int code, String message) {
        return "{\"code\": " + code + ", \"message\": \"" + message + "\", \"data\": null}";
    }

    private String envelope(String id, String model, String status, String outputs, String nsfw, String error) {
        return """
                {"code": 200, "message": "success", "data": {"id": "%s", "model": "%s", "status": "%s",
                 "outputs": %s, "urls": {"get": "%s/api/v3/predictions/%s/result"}, "has_nsfw_contents": [%s],
                 "created_at": "2026-11-25T09:00:00.000Z", "error": "%s", "timings": {"inference": 2500}}}
                """.formatted(id, model, status, outputs, root(), id, nsfw, error);
    }

    private String root() {
        return server.root();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getPath();
        synchronized (calls) {
            calls.add(new RecordedCall(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()),
                    body));
        }
        if (path.startsWith("/files/")) {
            String name = path.substring("/files/".length());
            File file = files.get(name);
            Integer failure = fileFailures.getOrDefault(name, new ArrayDeque<>()).poll();
            if (failure != null) {
                respond(exchange, failure, "text/plain", "CDN trouble".getBytes(StandardCharsets.UTF_8), Map.of());
            } else if (file == null) {
                respond(exchange, 404, "text/plain", "no such file".getBytes(StandardCharsets.UTF_8), Map.of());
            } else {
                respond(exchange, 200, file.contentType(), file.bytes(), Map.of());
            }
            return;
        }
        if (path.startsWith("/uploads/")) {
            uploads.put(path.substring("/uploads/".length()), body);
            respond(exchange, 200, "text/plain", new byte[0], Map.of());
            return;
        }
        Reply reply;
        synchronized (script) {
            reply = script.poll();
        }
        if (reply == null) {
            reply = Reply.json(500, refused(500, "the stub has no scripted reply left"));
        }
        if (reply.neverAnswers()) {
            server.holdOpen(exchange);
            return;
        }
        respond(exchange, reply.status(), "application/json", reply.body().getBytes(StandardCharsets.UTF_8),
                reply.headers());
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] bytes,
                                Map<String, String> headers) throws IOException {
        LoopbackServer.respond(exchange, status, contentType, headers, bytes);
    }

    @Override
    public void close() {
        server.close();
    }
}
