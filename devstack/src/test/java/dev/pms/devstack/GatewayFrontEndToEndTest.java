package dev.pms.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pms.devstack.testfunctions.EchoHandler;
import dev.pms.devstack.testing.DevstackExtension;
import dev.pms.devstack.testing.DevstackTemplate;
import dev.pms.devstack.testing.RawHttp;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import java.util.LinkedHashMap;

/**
 * The gateway's HTTP front over raw sockets: malformed requests (which an HTTP client would refuse to send) are
 * answered like API Gateway — problem+json with a sentence for people, never the JDK's HTML page naming a Java
 * exception — and ordinary requests (queries, bodies, chunked bodies, 100-continue, keep-alive, pipelining,
 * a 10 MB upload) still work.
 */
@ExtendWith(DevstackExtension.class)
@DevstackTemplate("classpath:devstack-test-template.yaml")
class GatewayFrontEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "/api/product-marketing";
    private static final String ORIGIN = "http://localhost:5173";

    private static String head(Devstack devstack, String requestLine, String... headers) {
        StringBuilder request = new StringBuilder(requestLine).append("\r\n");
        request.append("Host: 127.0.0.1:").append(devstack.baseUri().getPort()).append("\r\n");
        request.append("Origin: ").append(ORIGIN).append("\r\n");
        request.append("Authorization: Bearer ").append(devstack.tokenFor("alice")).append("\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        return request.append("\r\n").toString();
    }

    /** A refusal as API Gateway gives it: the status, problem+json with a human detail, no HTML, no Java names. */
    private static JsonNode assertProblem(RawHttp.Reply reply, int status, String what) throws Exception {
        assertThat(reply.status()).as(what + ": " + reply).isEqualTo(status);
        assertThat(reply.header("content-type")).as(what).isEqualTo("application/problem+json");
        assertThat(reply.text()).as(what).doesNotContain("<", "java.", "Exception", "URISyntax");
        JsonNode problem = JSON.readTree(reply.body());
        assertThat(problem.path("status").asInt()).as(what).isEqualTo(status);
        assertThat(problem.path("title").asText()).as(what).isNotBlank();
        assertThat(problem.path("detail").asText()).as(what).hasSizeGreaterThan(20).endsWith(".");
        assertThat(problem.path("request_id").asText()).as(what).isEqualTo(reply.header("apigw-requestid"));
        return problem;
    }

    @Test
    void malformedRequestLinesAndTargetsAreProblemJson(Devstack devstack) throws Exception {
        Map<String, String> badRequests = new LinkedHashMap<>();
        badRequests.put("a bad escape in the query", "GET " + API + "/campaigns/c1?a=%zz HTTP/1.1");
        badRequests.put("a truncated escape in the query", "GET " + API + "/campaigns/c1?a=%4 HTTP/1.1");
        badRequests.put("a bad escape in a path segment", "GET " + API + "/campaigns/%zz HTTP/1.1");
        badRequests.put("a bad escape on an admin path", "GET /_devstack/%zz HTTP/1.1");
        badRequests.put("a NUL in the path", "GET " + API + "/health\0 HTTP/1.1");
        badRequests.put("a NUL in the version", "GET " + API + "/health HTTP/1.1\0");
        badRequests.put("a NUL in the method", "G\0T " + API + "/health HTTP/1.1");
        badRequests.put("a non-ASCII byte in the path", "GET " + API + "/campaigns/caf\u00e9 HTTP/1.1");
        badRequests.put("an invalid method token", "G@T " + API + "/health HTTP/1.1");
        badRequests.put("a method with a parenthesis", "GE(T) " + API + "/health HTTP/1.1");
        badRequests.put("a missing HTTP version", "GET " + API + "/health");
        badRequests.put("a malformed HTTP version", "GET " + API + "/health HTTP/one");
        badRequests.put("a lower-case HTTP version", "GET " + API + "/health http/1.1");
        badRequests.put("two spaces", "GET  " + API + "/health HTTP/1.1");
        badRequests.put("an extra word", "GET " + API + "/health HTTP/1.1 extra");
        badRequests.put("a target that is not a path", "GET health HTTP/1.1");
        badRequests.put("an asterisk target", "OPTIONS * HTTP/1.1");
        badRequests.put("a bare CR in the request line", "GET " + API + "/he\rlth HTTP/1.1");
        for (Map.Entry<String, String> bad : badRequests.entrySet()) {
            RawHttp.Reply reply = RawHttp.exchange(devstack.baseUri(), head(devstack, bad.getValue()));
            assertProblem(reply, 400, bad.getKey());
            assertThat(reply.header("connection")).as(bad.getKey()).isEqualTo("close");
            if (!bad.getKey().equals("a missing HTTP version")) { // answered at once: no head to wait for
                assertThat(reply.header("access-control-allow-origin")).as(bad.getKey()).isEqualTo(ORIGIN);
            }
        }

        JsonNode query = assertProblem(RawHttp.exchange(devstack.baseUri(),
                head(devstack, "GET " + API + "/campaigns/c1?a=%zz HTTP/1.1")), 400, "query");
        assertThat(query.get("detail").asText()).isEqualTo("The query string has a malformed percent-encoding: '%' must"
                + " be followed by two hexadecimal digits.");
        JsonNode path = assertProblem(RawHttp.exchange(devstack.baseUri(),
                head(devstack, "GET " + API + "/campaigns/%zz HTTP/1.1")), 400, "path");
        assertThat(path.get("detail").asText()).contains("path has a malformed percent-encoding");
        JsonNode version = assertProblem(RawHttp.exchange(devstack.baseUri(),
                head(devstack, "GET " + API + "/health")), 400, "no version");
        assertThat(version.get("detail").asText()).contains("no HTTP version");

        assertProblem(RawHttp.exchange(devstack.baseUri(), head(devstack, "GET " + API + "/health HTTP/2.0")),
                505, "HTTP/2.0 as text");
        assertProblem(RawHttp.exchange(devstack.baseUri(), "GET " + API + "/health\r\n"), 400,
                "an HTTP/0.9 request with no head after it");
        assertProblem(RawHttp.exchange(devstack.baseUri(), new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, 0x01}), 400,
                "a TLS client hello");
    }

    @Test
    void malformedHeadersAndFramingAreProblemJson(Devstack devstack) throws Exception {
        Map<String, String[]> badHeaders = new LinkedHashMap<>();
        badHeaders.put("a header line without a colon", new String[] {"bad header line"});
        badHeaders.put("whitespace before the colon", new String[] {"X-Thing : 1"});
        badHeaders.put("a NUL in a header name", new String[] {"X\0: y"});
        badHeaders.put("a NUL in a header value", new String[] {"X-Thing: a\0b"});
        badHeaders.put("a folded header value", new String[] {"X-Thing: a", " folded"});
        badHeaders.put("a Content-Length that is not a number", new String[] {"Content-Length: abc"});
        badHeaders.put("a negative Content-Length", new String[] {"Content-Length: -5"});
        badHeaders.put("two different Content-Lengths", new String[] {"Content-Length: 1", "Content-Length: 2"});
        badHeaders.put("Content-Length and chunked together",
                new String[] {"Content-Length: 2", "Transfer-Encoding: chunked"});
        for (Map.Entry<String, String[]> bad : badHeaders.entrySet()) {
            RawHttp.Reply reply = RawHttp.exchange(devstack.baseUri(),
                    head(devstack, "POST " + API + "/campaigns/c1 HTTP/1.1", bad.getValue()));
            assertProblem(reply, 400, bad.getKey());
            assertThat(reply.header("access-control-allow-origin")).as(bad.getKey()).isEqualTo(ORIGIN);
        }

        assertProblem(RawHttp.exchange(devstack.baseUri(), head(devstack, "POST " + API + "/campaigns/c1 HTTP/1.1",
                "Transfer-Encoding: gzip")), 501, "a transfer coding other than chunked");
        assertProblem(RawHttp.exchange(devstack.baseUri(), head(devstack, "POST " + API + "/campaigns/c1 HTTP/1.1",
                "Transfer-Encoding: chunked", "Content-Type: application/json") + "zz\r\n{}\r\n0\r\n\r\n"),
                400, "a malformed chunk size");
    }

    @Test
    void headsOverApiGatewaysQuotaAre414Or431(Devstack devstack) throws Exception {
        // API Gateway's HTTP API quota: 10,240 bytes for the request line and header values together
        JsonNode uri = assertProblem(RawHttp.exchange(devstack.baseUri(),
                head(devstack, "GET " + API + "/campaigns/" + "a".repeat(11_000) + " HTTP/1.1")), 414, "long URI");
        assertThat(uri.get("detail").asText()).contains("10240 bytes");
        RawHttp.Reply longQuery = RawHttp.exchange(devstack.baseUri(),
                head(devstack, "GET " + API + "/campaigns/c1?q=" + "b".repeat(11_000) + " HTTP/1.1"));
        assertProblem(longQuery, 414, "long query");
        assertThat(longQuery.header("access-control-allow-origin")).isEqualTo(ORIGIN);

        RawHttp.Reply longHeader = RawHttp.exchange(devstack.baseUri(),
                head(devstack, "GET " + API + "/campaigns/c1 HTTP/1.1", "X-Big: " + "c".repeat(11_000)));
        assertThat(assertProblem(longHeader, 431, "long header").get("detail").asText()).contains("10240 bytes");
        assertThat(longHeader.header("access-control-allow-origin")).isEqualTo(ORIGIN);
        String[] many = new String[400];
        Arrays.setAll(many, i -> "X-Many-" + i + ": " + "d".repeat(30));
        assertProblem(RawHttp.exchange(devstack.baseUri(), head(devstack, "GET " + API + "/health HTTP/1.1", many)),
                431, "many headers");

        // past the front's own 64 KiB cap the head is not read further, on any path
        assertProblem(RawHttp.exchange(devstack.baseUri(), head(devstack, "GET /_devstack/" + "e".repeat(70_000)
                + " HTTP/1.1")), 414, "an admin URI over 64 KiB");
        assertProblem(RawHttp.exchange(devstack.baseUri(), head(devstack, "GET " + API + "/health HTTP/1.1",
                "X-Huge: " + "f".repeat(70_000))), 431, "a head over 64 KiB");
        assertProblem(RawHttp.exchange(devstack.baseUri(), "GET " + API + "/" + "g".repeat(200_000)), 414,
                "an endless request line");
    }

    @Test
    void ordinaryRequestsStillWork(Devstack devstack) throws Exception {
        String token = devstack.tokenFor("alice");
        RawHttp.Reply get = RawHttp.exchange(devstack.baseUri(),
                head(devstack, "GET " + API + "/campaigns/c1?limit=20&name=x%20y&a=1&a=2 HTTP/1.1"));
        assertThat(get.status()).as(get.toString()).isEqualTo(200);
        assertThat(get.header("access-control-allow-origin")).isEqualTo(ORIGIN);
        APIGatewayV2HTTPEvent getEvent = EchoHandler.EVENTS_BY_REQUEST_ID.get(get.header("apigw-requestid"));
        assertThat(getEvent.getRawQueryString()).isEqualTo("limit=20&name=x%20y&a=1&a=2");
        assertThat(getEvent.getQueryStringParameters()).containsEntry("name", "x y").containsEntry("a", "1,2");
        assertThat(getEvent.getRequestContext().getHttp().getProtocol()).isEqualTo("HTTP/1.1");

        String json = "{\"campaign_name\":\"Launch\"}";
        RawHttp.Reply post = RawHttp.exchange(devstack.baseUri(), head(devstack, "POST " + API + "/campaigns/c2 HTTP/1.1",
                "Content-Type: application/json", "Content-Length: " + json.length()) + json);
        assertThat(post.status()).as(post.toString()).isEqualTo(201);
        assertThat(EchoHandler.EVENTS_BY_REQUEST_ID.get(post.header("apigw-requestid")).getBody()).isEqualTo(json);

        RawHttp.Reply chunked = RawHttp.exchange(devstack.baseUri(), head(devstack, "POST " + API + "/campaigns/c3 HTTP/1.1",
                "Content-Type: application/json", "Transfer-Encoding: chunked")
                + "5\r\n{\"a\":\r\n3;ext=1\r\n\"b\"\r\n1\r\n}\r\n0\r\nX-Trailer: t\r\n\r\n");
        assertThat(chunked.status()).as(chunked.toString()).isEqualTo(201);
        assertThat(EchoHandler.EVENTS_BY_REQUEST_ID.get(chunked.header("apigw-requestid")).getBody())
                .isEqualTo("{\"a\":\"b\"}");

        try (RawHttp connection = new RawHttp(devstack.baseUri())) {
            RawHttp.Reply interim = connection.write(head(devstack, "POST " + API + "/campaigns/c4 HTTP/1.1",
                    "Content-Type: application/json", "Expect: 100-continue", "Content-Length: 2")).read();
            assertThat(interim.status()).isEqualTo(100);
            assertThat(connection.write("{}").read().status()).isEqualTo(201);
        }

        String absolute = "GET http://127.0.0.1:" + devstack.baseUri().getPort() + API + "/campaigns/c5?x=1 HTTP/1.1";
        RawHttp.Reply absoluteForm = RawHttp.exchange(devstack.baseUri(), head(devstack, absolute));
        assertThat(absoluteForm.status()).isEqualTo(200);
        assertThat(EchoHandler.EVENTS_BY_REQUEST_ID.get(absoluteForm.header("apigw-requestid")).getRawPath())
                .isEqualTo(API + "/campaigns/c5");

        RawHttp.Reply bareLineFeeds = RawHttp.exchange(devstack.baseUri(), "GET " + API + "/health HTTP/1.1\nHost: x\n"
                + "Authorization: Bearer " + token + "\n\n");
        assertThat(bareLineFeeds.status()).isEqualTo(200);

        RawHttp.Reply head = RawHttp.exchange(devstack.baseUri(), head(devstack, "HEAD " + API + "/health HTTP/1.1",
                "Connection: close"));
        assertThat(head.status()).isEqualTo(404); // no HEAD route: API Gateway's own 404
        assertThat(head.body()).isEmpty();
    }

    @Test
    void keepAliveAndPipeliningServeSeveralRequestsOnOneConnection(Devstack devstack) {
        try (RawHttp connection = new RawHttp(devstack.baseUri())) {
            RawHttp.Reply first = connection.write(head(devstack, "GET " + API + "/campaigns/k1 HTTP/1.1")).read();
            RawHttp.Reply second = connection.write(head(devstack, "POST " + API + "/campaigns/k2 HTTP/1.1",
                    "Content-Length: 2", "Content-Type: application/json") + "{}").read();
            assertThat(first.status()).isEqualTo(200);
            assertThat(second.status()).isEqualTo(201);
            assertThat(first.header("connection")).isNull();
            assertThat(connection.closedByServer(200)).isFalse();

            // pipelined: both written at once, answered in order
            connection.write(head(devstack, "GET " + API + "/campaigns/p1 HTTP/1.1")
                    + head(devstack, "GET " + API + "/nothing HTTP/1.1"));
            assertThat(connection.read().status()).isEqualTo(200);
            assertThat(connection.read().status()).isEqualTo(404);

            // a malformed request after good ones: answered, then the connection closes
            RawHttp.Reply bad = connection.write(head(devstack, "GET " + API + "/campaigns/c1?a=%zz HTTP/1.1")).read();
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.header("connection")).isEqualTo("close");
            assertThat(connection.closedByServer(5_000)).isTrue();
        }
        try (RawHttp connection = new RawHttp(devstack.baseUri())) {
            RawHttp.Reply http10 = connection.write(head(devstack, "GET " + API + "/campaigns/h1 HTTP/1.0")).read();
            assertThat(http10.status()).isEqualTo(200);
            assertThat(http10.header("connection")).isEqualTo("close");
            assertThat(connection.closedByServer(5_000)).isTrue();
        }
        try (RawHttp connection = new RawHttp(devstack.baseUri())) {
            String keepAlive = head(devstack, "GET " + API + "/campaigns/h2 HTTP/1.0", "Connection: keep-alive");
            assertThat(connection.write(keepAlive).read().header("connection")).isEqualTo("keep-alive");
            assertThat(connection.write(keepAlive).read().status()).isEqualTo(200);
        }
    }

    @Test
    void tenMegabyteUploadsPassAndLargerOnesAre413(Devstack devstack) {
        byte[] upload = new byte[10 * 1024 * 1024];
        for (int i = 0; i < upload.length; i++) {
            upload[i] = (byte) (i * 31);
        }
        try (RawHttp connection = new RawHttp(devstack.baseUri())) {
            connection.write(head(devstack, "PUT " + API + "/echo/upload HTTP/1.1",
                    "Content-Type: application/octet-stream", "Content-Length: " + upload.length));
            RawHttp.Reply reply = connection.write(upload).read();
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            APIGatewayV2HTTPEvent event = EchoHandler.EVENTS_BY_REQUEST_ID.get(reply.header("apigw-requestid"));
            assertThat(event.getIsBase64Encoded()).isTrue();
            assertThat(Base64.getDecoder().decode(event.getBody())).isEqualTo(upload);

            // one byte more: API Gateway's own 413, and the connection stays usable
            byte[] tooLarge = Arrays.copyOf(upload, upload.length + 1);
            connection.write(head(devstack, "PUT " + API + "/echo/upload HTTP/1.1",
                    "Content-Type: application/octet-stream", "Content-Length: " + tooLarge.length));
            RawHttp.Reply refused = connection.write(tooLarge).read();
            assertThat(refused.status()).isEqualTo(413);
            assertThat(refused.text()).isEqualTo("{\"message\":\"Request Entity Too Large\"}");
            assertThat(connection.write(head(devstack, "GET " + API + "/campaigns/after HTTP/1.1")).read().status())
                    .isEqualTo(200);
        }
        try (RawHttp connection = new RawHttp(devstack.baseUri())) {
            // a client that waits for 100 Continue gets the 413 at once, without sending its body
            RawHttp.Reply refused = connection.write(head(devstack, "PUT " + API + "/echo/upload HTTP/1.1",
                    "Content-Type: application/octet-stream", "Expect: 100-continue",
                    "Content-Length: " + (upload.length + 1))).read();
            assertThat(refused.status()).isEqualTo(413);
            assertThat(refused.header("connection")).isEqualTo("close");
        }
        String chunk = Integer.toHexString(upload.length) + "\r\n";
        try (RawHttp connection = new RawHttp(devstack.baseUri())) {
            connection.write(head(devstack, "PUT " + API + "/echo/upload HTTP/1.1",
                    "Content-Type: application/octet-stream", "Transfer-Encoding: chunked") + chunk);
            connection.write(upload).write("\r\n1\r\nz\r\n0\r\n\r\n");
            assertThat(connection.read().status()).isEqualTo(413);
        }
    }

    @Test
    void refusalsCarryNoCorsHeadersForForeignOrigins(Devstack devstack) throws Exception {
        RawHttp.Reply reply = RawHttp.exchange(devstack.baseUri(), "GET " + API + "/campaigns/c1?a=%zz HTTP/1.1\r\n"
                + "Origin: http://evil.example\r\n\r\n");
        assertProblem(reply, 400, "foreign origin");
        assertThat(reply.header("access-control-allow-origin")).isNull();
    }
}
