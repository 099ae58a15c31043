package dev.pms.providers.stability;

import com.sun.net.httpserver.HttpExchange;
import dev.pms.providers.http.LoopbackServer;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local server speaking Stability AI's v2beta protocol from a script: every call under {@code /v2beta/} takes the
 * next scripted reply and is recorded with its multipart fields.
 */
public final class StabilityStub implements AutoCloseable {

    public record Reply(int status, String contentType, Map<String, String> headers, byte[] body, boolean neverAnswers) {

        public static Reply image(byte[] png, String finishReason) {
            return new Reply(200, "image/png", Map.of("finish-reason", finishReason, "seed", "343940597"), png, false);
        }

        public static Reply json(int status, String body) {
            return new Reply(status, "application/json", Map.of(), body.getBytes(StandardCharsets.UTF_8), false);
        }

        public static Reply jsonWithHeader(int status, String header, String value, String body) {
            return new Reply(status, "application/json", Map.of(header, value), body.getBytes(StandardCharsets.UTF_8), false);
        }

        public static Reply error(int status, String name, String message) {
            return json(status, "{\"id\":\"a1b2c3\",\"name\":\"" + name + "\",\"errors\":[\"" + message + "\"]}");
        }

        /** Holds the call open until the stub closes, so the client's timeout ends it. */
        static Reply silence() {
            return new Reply(0, "", Map.of(), new byte[0], true);
        }
    }

    public record RecordedCall(String method, String path, Map<String, List<String>> headers, Map<String, String> fields,
                        Map<String, byte[]> files) {

        String header(String name) {
            return LoopbackServer.header(headers, name);
        }
    }

    private final LoopbackServer server;
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<RecordedCall> calls = new ArrayList<>();

    public StabilityStub() throws IOException {
        server = new LoopbackServer("/v2beta/", this::handle);
    }

    public URI baseUrl() {
        return URI.create(server.root());
    }

    public StabilityStub then(Reply reply) {
        synchronized (script) {
            script.add(reply);
        }
        return this;
    }

    public List<RecordedCall> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /**
     * Scripts one asynchronous generation from its start: the generation id, then 202 {@code in-progress} for
     * {@code pendingPolls} polls, then the finished image.
     */
    public StabilityStub asyncGeneration(String id, int pendingPolls, byte[] png) {
        then(Reply.json(200, "{\"id\":\"" + id + "\"}"));
        for (int i = 0; i < pendingPolls; i++) {
            then(Reply.json(202, "{\"id\":\"" + id + "\",\"status\":\"in-progress\"}"));
        }
        return then(Reply.image(png, "SUCCESS"));
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (contentType != null && contentType.startsWith("multipart/form-data; boundary=")) {
            readParts(body, contentType.substring(contentType.indexOf('=') + 1), fields, files);
        }
        synchronized (calls) {
            calls.add(new RecordedCall(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), fields, files));
        }
        Reply reply;
        synchronized (script) {
            reply = script.poll();
        }
        if (reply == null) {
            reply = Reply.error(500, "internal_error", "the stub has no scripted reply left");
        }
        if (reply.neverAnswers()) {
            server.holdOpen(exchange);
            return;
        }
        LoopbackServer.respond(exchange, reply.status(), reply.contentType(), reply.headers(), reply.body());
    }

    /** Splits a multipart body on its boundary; ISO-8859-1 keeps every byte of file parts intact. */
    private static void readParts(byte[] body, String boundary, Map<String, String> fields, Map<String, byte[]> files) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        for (String part : text.split("--" + Pattern.quote(boundary))) {
            int headerEnd = part.indexOf("\r\n\r\n");
            if (headerEnd < 0) {
                continue;
            }
            String headers = part.substring(0, headerEnd);
            String content = part.substring(headerEnd + 4, part.length() - 2);
            Matcher name = Pattern.compile("name=\"([^\"]+)\"").matcher(headers);
            if (!name.find()) {
                continue;
            }
            if (headers.contains("filename=")) {
                files.put(name.group(1), content.getBytes(StandardCharsets.ISO_8859_1));
            } else {
                fields.put(name.group(1), new String(content.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
            }
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
