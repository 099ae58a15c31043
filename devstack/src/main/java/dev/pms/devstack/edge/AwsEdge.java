package dev.pms.devstack.edge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One endpoint for every local AWS service, as LocalStack's edge port is: a request goes to the emulator named by
 * the service in its SigV4 credential scope ({@code Authorization} header, or {@code X-Amz-Credential} of a
 * presigned URL), or by its {@code X-Amz-Target} when unsigned; anything else goes to S3. The bytes are relayed
 * untouched (so S3 still verifies the signature, which covers the {@code Host} header) except that each connection
 * carries one request ({@code Connection: close}), so a kept-alive connection never crosses services, and that the edge
 * answers {@code Expect: 100-continue} itself.
 */
public final class AwsEdge implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AwsEdge.class);
    private static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final List<String> HOP_BY_HOP =
            List.of("connection", "keep-alive", "proxy-connection", "upgrade", "http2-settings", "expect");
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket listener;
    private final Map<String, URI> endpointsBySigningName;
    private final ExecutorService connections;
    private final AtomicBoolean closed = new AtomicBoolean();

    private AwsEdge(ServerSocket listener, Map<String, URI> endpointsBySigningName) {
        this.listener = listener;
        this.endpointsBySigningName = Map.copyOf(endpointsBySigningName);
        this.connections = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "aws-edge");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Listens on loopback {@code port} (0 for any free one) and routes to {@code endpointsBySigningName}, keyed by
     * the SigV4 signing name ({@code dynamodb}, {@code s3}, {@code sqs}, {@code states}).
     */
    public static AwsEdge start(int port, Map<String, URI> endpointsBySigningName) {
        if (!endpointsBySigningName.containsKey("s3")) {
            throw new IllegalArgumentException("the edge needs an S3 endpoint: unsigned requests go there");
        }
        try {
            ServerSocket listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            AwsEdge edge = new AwsEdge(listener, endpointsBySigningName);
            Thread acceptor = new Thread(edge::acceptLoop, "aws-edge-accept");
            acceptor.setDaemon(true);
            acceptor.start();
            return edge;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the AWS edge port " + port + ": " + e.getMessage(), e);
        }
    }

    /** {@code http://127.0.0.1:PORT}: the value for {@code AWS_ENDPOINT_URL}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    private void acceptLoop() {
        while (!closed.get()) {
            try {
                Socket client = listener.accept();
                connections.execute(() -> relay(client));
            } catch (IOException e) {
                if (!closed.get()) {
                    LOG.warn("aws edge: accept failed: {}", e.toString());
                }
            }
        }
    }

    private void relay(Socket client) {
        try (client) {
            client.setTcpNoDelay(true);
            InputStream fromClient = client.getInputStream();
            Head head = Head.read(fromClient);
            if (head == null) {
                return;
            }
            URI target = endpointsBySigningName.get(head.signingName().orElse("s3"));
            if (target == null) {
                refuse(client.getOutputStream(), "No local emulator for the AWS service '"
                        + head.signingName().orElse("?") + "'; this devstack serves "
                        + String.join(", ", endpointsBySigningName.keySet().stream().sorted().toList()) + ".");
                return;
            }
            try (Socket upstream = new Socket(target.getHost(), target.getPort())) {
                upstream.setTcpNoDelay(true);
                OutputStream toUpstream = upstream.getOutputStream();
                toUpstream.write(head.withConnectionClose());
                if (head.expectsContinue()) {
                    client.getOutputStream().write(CONTINUE);
                    client.getOutputStream().flush();
                }
                toUpstream.write(head.bodyAlreadyRead());
                toUpstream.flush();
                Thread requestBody = new Thread(() -> copyThenShutdown(fromClient, toUpstream, upstream),
                        "aws-edge-request-body");
                requestBody.setDaemon(true);
                requestBody.start();
                fromUpstreamTo(upstream.getInputStream(), client.getOutputStream());
            }
        } catch (IOException e) {
            if (!closed.get()) {
                LOG.debug("aws edge: connection ended: {}", e.toString());
            }
        }
    }

    private static void copyThenShutdown(InputStream from, OutputStream to, Socket upstream) {
        try {
            from.transferTo(to);
            upstream.shutdownOutput();
        } catch (IOException ignoredBecauseTheResponseSideCloses) {
            // the response side ends the exchange; a request-side error here only means the client went away
        }
    }

    /**
     * The response with {@code Connection: close} in its head, so the client does not keep the connection for a
     * request to another service; the upstream closes after it (it was asked to), which ends the relay.
     */
    private static void fromUpstreamTo(InputStream upstream, OutputStream client) throws IOException {
        Head response = Head.read(upstream);
        if (response == null) {
            return;
        }
        client.write(response.withConnectionClose());
        client.write(response.bodyAlreadyRead());
        byte[] buffer = new byte[64 * 1024];
        int read;
        while ((read = upstream.read(buffer)) >= 0) {
            client.write(buffer, 0, read);
            client.flush();
        }
    }

    private static void refuse(OutputStream out, String detail) throws IOException {
        byte[] body = detail.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                listener.close();
            } catch (IOException e) {
                LOG.debug("aws edge: close: {}", e.toString());
            }
            connections.shutdownNow();
        }
    }

    /** The start line and headers of a request or response, and whatever of its body arrived in the same reads. */
    record Head(String startLine, List<String[]> headers, byte[] bodyAlreadyRead) {

        static Head read(InputStream in) throws IOException {
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int headEnd;
            while ((headEnd = indexOfBlankLine(received.toByteArray())) < 0) {
                int read = in.read(buffer);
                if (read < 0) {
                    return null;
                }
                received.write(buffer, 0, read);
                if (received.size() > MAX_HEAD_BYTES) {
                    throw new SocketException("message head over " + MAX_HEAD_BYTES + " bytes");
                }
            }
            byte[] all = received.toByteArray();
            String[] lines = new String(all, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
            List<String[]> headers = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.add(new String[] {lines[i].substring(0, colon), lines[i].substring(colon + 1).trim()});
                }
            }
            byte[] rest = Arrays.copyOfRange(all, headEnd + 4, all.length);
            return new Head(lines[0], headers, rest);
        }

        private static int indexOfBlankLine(byte[] bytes) {
            for (int i = 0; i + 3 < bytes.length; i++) {
                if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
                    return i;
                }
            }
            return -1;
        }

        Optional<String> header(String name) {
            return headers.stream().filter(header -> header[0].equalsIgnoreCase(name)).map(header -> header[1])
                    .findFirst();
        }

        /** The service of the SigV4 credential scope {@code KEY/DATE/REGION/SERVICE/aws4_request}, else by target. */
        Optional<String> signingName() {
            Optional<String> scope = header("Authorization").flatMap(Head::credentialFromAuthorization)
                    .or(this::credentialFromQuery);
            if (scope.isPresent()) {
                String[] parts = scope.get().split("/");
                if (parts.length >= 5) {
                    return Optional.of(parts[3].toLowerCase(Locale.ROOT));
                }
            }
            return header("X-Amz-Target").map(Head::signingNameOfTarget);
        }

        private static Optional<String> credentialFromAuthorization(String authorization) {
            int at = authorization.indexOf("Credential=");
            if (at < 0) {
                return Optional.empty();
            }
            int end = authorization.indexOf(',', at);
            return Optional.of(authorization.substring(at + "Credential=".length(), end < 0 ? authorization.length() : end)
                    .trim());
        }

        private Optional<String> credentialFromQuery() {
            String target = startLine.split(" ")[1];
            int query = target.indexOf('?');
            if (query < 0) {
                return Optional.empty();
            }
            for (String pair : target.substring(query + 1).split("&")) {
                if (pair.regionMatches(true, 0, "X-Amz-Credential=", 0, "X-Amz-Credential=".length())) {
                    return Optional.of(URLDecoder.decode(pair.substring("X-Amz-Credential=".length()),
                            StandardCharsets.UTF_8));
                }
            }
            return Optional.empty();
        }

        private static String signingNameOfTarget(String target) {
            if (target.startsWith("DynamoDB")) {
                return "dynamodb";
            }
            if (target.startsWith("AWSStepFunctions")) {
                return "states";
            }
            if (target.startsWith("AmazonSQS")) {
                return "sqs";
            }
            return "unknown target " + target;
        }

        /** The edge answers {@code Expect: 100-continue} itself and does not pass it on. */
        boolean expectsContinue() {
            return header("Expect").filter(value -> value.equalsIgnoreCase("100-continue")).isPresent();
        }

        byte[] withConnectionClose() {
            StringBuilder head = new StringBuilder(startLine).append("\r\n");
            for (String[] header : headers) {
                if (!HOP_BY_HOP.contains(header[0].toLowerCase(Locale.ROOT))) {
                    head.append(header[0]).append(": ").append(header[1]).append("\r\n");
                }
            }
            head.append("Connection: close\r\n\r\n");
            return head.toString().getBytes(StandardCharsets.ISO_8859_1);
        }
    }
}
