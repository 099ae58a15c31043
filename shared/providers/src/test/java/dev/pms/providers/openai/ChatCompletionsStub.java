package dev.pms.providers.openai;

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

/**
 * A local server speaking the chat-completions protocol from a script: each call to
 * {@code POST /v1/chat/completions} takes the next scripted reply and is recorded.
 */
public final class ChatCompletionsStub implements AutoCloseable {

    public record Reply(int status, Map<String, String> headers, String body, boolean neverAnswers) {

        public static Reply json(int status, String body) {
            return new Reply(status, Map.of(), body, false);
        }

        public static Reply withHeader(int status, String header, String value, String body) {
            return new Reply(status, Map.of(header, value), body, false);
        }

        /** Holds the call open until the stub closes, so the client's timeout ends it. */
        static Reply silence() {
            return new Reply(0, Map.of(), "", true);
        }
    }

    public record RecordedCall(String method, String path, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return LoopbackServer.header(headers, name);
        }
    }

    private final LoopbackServer server;
    private final Deque<Reply> script = new ArrayDeque<>();
    private final List<RecordedCall> calls = new ArrayList<>();

    public ChatCompletionsStub() throws IOException {
        server = new LoopbackServer("/v1/chat/completions", this::handle);
    }

    public URI baseUrl() {
        return URI.create(server.root() + "/v1");
    }

    public ChatCompletionsStub then(Reply reply) {
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

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        synchronized (calls) {
            calls.add(new RecordedCall(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), body));
        }
        Reply reply;
        synchronized (script) {
            reply = script.poll();
        }
        if (reply == null) {
            reply = Reply.json(500, "{\"error\":{\"message\":\"the stub has no scripted reply left\"}}");
        }
        if (reply.neverAnswers()) {
            server.holdOpen(exchange);
            return;
        }
        LoopbackServer.respond(exchange, reply.status(), "application/json", reply.headers(),
                reply.body().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.close();
    }
}
