package dev.pms.journeys.bench;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Runtime API as the runtime interface client's native part needs it, spoken over a raw socket. */
class RuntimeApiServerTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void holdsNextOpenUntilAnEventThenTakesTheResponseWithLambdasHeaderCase() throws Exception {
        try (RuntimeApiServer server = RuntimeApiServer.start("arn:aws:lambda:us-east-1:000000000000:function:f");
             Socket runtime = connect(server)) {
            send(runtime, "GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: x\r\n\r\n");
            server.awaitFirstNext(WAIT);
            runtime.setSoTimeout(300);
            BufferedReader in = reader(runtime);
            assertThatThrownBy(in::readLine).as("/next is long-polled, never answered without an event")
                    .isInstanceOf(SocketTimeoutException.class);
            runtime.setSoTimeout((int) WAIT.toMillis());

            CompletableFuture<RuntimeApiServer.Invocation> invocation = CompletableFuture.supplyAsync(() -> {
                try {
                    return server.invoke("{\"hello\":\"world\"}", WAIT);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            List<String> head = head(in);
            assertThat(head.get(0)).isEqualTo("HTTP/1.1 200 OK");
            String requestId = header(head, "Lambda-Runtime-Aws-Request-Id");
            assertThat(requestId).isNotBlank();
            assertThat(header(head, "Lambda-Runtime-Deadline-Ms")).matches("\\d+");
            assertThat(header(head, "Lambda-Runtime-Invoked-Function-Arn"))
                    .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:f");
            char[] body = new char[Integer.parseInt(header(head, "Content-Length"))];
            assertThat(in.read(body)).isEqualTo(body.length);
            assertThat(new String(body)).isEqualTo("{\"hello\":\"world\"}");

            send(runtime, "POST /2018-06-01/runtime/invocation/" + requestId + "/response HTTP/1.1\r\nHost: x\r\n"
                    + "Expect: 100-continue\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"ok\"\r\n6\r\n:true}\r\n0\r\n\r\n");
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 100 Continue");
            in.readLine();
            assertThat(head(in).get(0)).isEqualTo("HTTP/1.1 202 Accepted");
            RuntimeApiServer.Invocation answered = invocation.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(answered.failed()).isFalse();
            assertThat(answered.body()).isEqualTo("{\"ok\":true}");
            assertThat(answered.millis()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void reportsAnInitErrorAndAnswersTheSnapStartRestore() throws Exception {
        try (RuntimeApiServer server = RuntimeApiServer.start("arn:aws:lambda:us-east-1:000000000000:function:f");
             Socket runtime = connect(server)) {
            BufferedReader in = reader(runtime);
            send(runtime, "GET /2018-06-01/runtime/restore/next HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(head(in).get(0)).isEqualTo("HTTP/1.1 200 OK");
            assertThat(server.restoreRequested()).isTrue();

            send(runtime, "POST /2018-06-01/runtime/init/error HTTP/1.1\r\nHost: x\r\nContent-Length: 15\r\n\r\n"
                    + "{\"error\":\"bad\"}");
            assertThat(head(in).get(0)).isEqualTo("HTTP/1.1 202 Accepted");
            assertThatThrownBy(() -> server.awaitFirstNext(WAIT)).hasMessageContaining("bad");
        }
    }

    private static Socket connect(RuntimeApiServer server) throws IOException {
        String[] address = server.address().split(":");
        Socket socket = new Socket(address[0], Integer.parseInt(address[1]));
        socket.setSoTimeout((int) WAIT.toMillis());
        return socket;
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    private static void send(Socket socket, String request) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The status line and headers; the body, if any, is left in the reader. */
    private static List<String> head(BufferedReader in) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            lines.add(line);
        }
        return lines;
    }

    /** A header's value, matched with the exact case of its name. */
    private static String header(List<String> head, String name) {
        return head.stream().filter(line -> line.startsWith(name + ": ")).map(line -> line.substring(name.length() + 2))
                .findFirst().orElseThrow(() -> new AssertionError("no header spelt exactly " + name + " in " + head));
    }
}
