package dev.pms.devstack.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's HTTP/1.1 server. It replaces the JDK's {@code com.sun.net.httpserver}, whose parser answered
 * malformed requests itself (an HTML page naming a Java exception, before any handler ran) and decoded URIs
 * lazily. Here every request head is read with a size cap and checked — request line, method token, target
 * characters and percent-escapes, HTTP version, header syntax, body framing — and what fails is handed to
 * {@link Handler#refused} so the gateway answers it like API Gateway, as problem+json. Bodies are read whole
 * ({@code Content-Length} or chunked, with {@code Expect: 100-continue}); connections are kept alive
 * (HTTP/1.1 unless {@code Connection: close}, HTTP/1.0 only on {@code Connection: keep-alive}), one thread
 * each. A refused request closes its connection after the answer, as its framing can no longer be trusted.
 */
final class HttpFront implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpFront.class);
    /** Cap on a whole request head (request line and header lines); API Gateway's own quota is lower. */
    static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final int MAX_CHUNK_LINE_BYTES = 4096;
    private static final int IDLE_TIMEOUT_MILLIS = 30_000;
    private static final int MAX_CONNECTIONS = 1024;
    /** After a refusal: how long and how much the client may still send before the socket is closed. */
    private static final long LINGER_MILLIS = 2_000;
    private static final long LINGER_BYTES = 16L * 1024 * 1024;
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;
    private static final Set<String> FRAMING_HEADERS = Set.of("content-length", "transfer-encoding", "connection",
            "keep-alive", "date");
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    /** A request that parsed. {@code body} is null when it was over the limit (then {@code bodyRead} tells whether it was drained). */
    record Request(String method, String requestLine, String rawPath, String rawQuery, String protocol,
                   Map<String, List<String>> headers, byte[] body, boolean bodyRead, InetAddress remote) {

        /** The request line's bytes plus every header value's bytes: what API Gateway's 10,240-byte quota counts. */
        long lineAndHeaderValueBytes() {
            long bytes = requestLine.length();
            for (List<String> values : headers.values()) {
                for (String value : values) {
                    bytes += value.length(); // ISO-8859-1: one char per byte
                }
            }
            return bytes;
        }
    }

    /**
     * A request refused before any handler ran: a status, its title and one sentence for people. {@code headers}
     * holds what header lines were well-formed (so the answer can carry CORS headers), {@code method} and
     * {@code rawPath} are "-" where they could not be read.
     */
    record Refusal(int status, String title, String detail, String method, String rawPath,
                   Map<String, List<String>> headers) {
    }

    interface Handler {
        GatewayResponse handle(Request request);

        GatewayResponse refused(Refusal refusal);
    }

    private final ServerSocket serverSocket;
    private final Handler handler;
    private final ExecutorService connections;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Semaphore connectionSlots = new Semaphore(MAX_CONNECTIONS);
    private final long maxBodyBytes;
    private volatile boolean closed;

    HttpFront(InetSocketAddress address, int backlog, long maxBodyBytes, Handler handler) throws IOException {
        this.handler = handler;
        this.maxBodyBytes = maxBodyBytes;
        this.serverSocket = new ServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(address, backlog);
        AtomicInteger threads = new AtomicInteger();
        this.connections = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "gateway-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        Thread acceptor = new Thread(this::accept, "gateway-accept-" + serverSocket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            Socket socket;
            try {
                connectionSlots.acquire();
            } catch (InterruptedException e) {
                return;
            }
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                connectionSlots.release();
                if (closed) {
                    return;
                }
                LOG.warn("gateway could not accept a connection: {}", e.toString());
                pause();
                continue;
            }
            open.add(socket);
            try {
                connections.execute(() -> serve(socket));
            } catch (RuntimeException rejected) { // shut down meanwhile
                forget(socket);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void forget(Socket socket) {
        if (open.remove(socket)) {
            connectionSlots.release();
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private void serve(Socket socket) {
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
            Input in = new Input(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            boolean keepAlive = true;
            while (keepAlive && !closed) {
                keepAlive = exchange(socket, in, out);
            }
        } catch (SocketTimeoutException | SocketException e) {
            LOG.trace("gateway connection ended: {}", e.toString());
        } catch (IOException e) {
            LOG.debug("gateway connection failed: {}", e.toString());
        } catch (RuntimeException e) {
            LOG.error("gateway connection failed", e);
        } finally {
            forget(socket);
        }
    }

    /** One request and its answer; whether the connection stays open for another. */
    private boolean exchange(Socket socket, Input in, OutputStream out) throws IOException {
        Head head;
        try {
            head = readHead(in);
        } catch (RefusedException refused) {
            refuse(socket, out, refused.refusal);
            return false;
        }
        if (head == null) {
            return false; // the client closed the connection between requests
        }
        Request request;
        try {
            request = readBody(head, socket, in, out);
        } catch (RefusedException refused) {
            refuse(socket, out, refused.refusal);
            return false;
        }
        if (request == null) {
            return false; // the client went away in the middle of the body
        }
        GatewayResponse response = handler.handle(request);
        boolean keepAlive = head.keepAlive && request.bodyRead();
        write(out, request.method(), response, keepAlive, head.protocol.equals("HTTP/1.0"));
        if (!request.bodyRead()) {
            lingerAndClose(socket);
        }
        return keepAlive;
    }

    private void refuse(Socket socket, OutputStream out, Refusal refusal) throws IOException {
        GatewayResponse response = handler.refused(refusal);
        write(out, refusal.method(), response, false, false);
        lingerAndClose(socket);
    }

    /**
     * Half-closes, then reads (and drops) what the client still sends for a little while: closing a socket with
     * unread bytes resets the connection, and the client might never see the answer.
     */
    private static void lingerAndClose(Socket socket) {
        try (socket) {
            socket.shutdownOutput();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS);
            socket.setSoTimeout((int) LINGER_MILLIS);
            InputStream raw = socket.getInputStream();
            byte[] sink = new byte[8192];
            long drained = 0;
            while (System.nanoTime() < deadline && drained < LINGER_BYTES) {
                int n = raw.read(sink);
                if (n < 0) {
                    break;
                }
                drained += n;
            }
        } catch (IOException ignored) {
            // the client went away: nothing left to protect
        }
    }

    // ----------------------------------------------------------------------------------------------------------
    // the request head

    private record Head(String method, String requestLine, String rawPath, String rawQuery, String protocol,
                        Map<String, List<String>> headers, boolean keepAlive) {
    }

    private static final class RefusedException extends Exception {
        final transient Refusal refusal;

        RefusedException(Refusal refusal) {
            super(refusal.detail(), null, false, false);
            this.refusal = refusal;
        }
    }

    /** The parsed head, or null when the connection ended before a request began. */
    private Head readHead(Input in) throws IOException, RefusedException {
        Line requestLine;
        int emptyLines = 0;
        do { // a client may send a CRLF or two after a body; RFC 9112 asks servers to ignore them
            int first = in.peek();
            if (first < 0) {
                return null;
            }
            if (first != '\r' && first != '\n' && !isTokenChar((char) first)) { // TLS, binary: not worth a line
                throw refused(400, "Bad Request", "The request does not start with an HTTP method (TLS sent to a plain"
                        + " HTTP port?).", "-", "-", Map.of());
            }
            requestLine = in.readLine(MAX_HEAD_BYTES, true);
            if (requestLine == null) {
                return null;
            }
        } while (requestLine.text.isEmpty() && !requestLine.tooLong && ++emptyLines <= 4);
        if (requestLine.tooLong) {
            throw refused(414, "URI Too Long", "The request line is longer than " + MAX_HEAD_BYTES
                    + " bytes; API Gateway allows " + ApiGateway.MAX_REQUEST_LINE_AND_HEADER_BYTES
                    + " bytes for the request line and header values together.", "-", "-", Map.of());
        }
        if (requestLine.text.indexOf(' ', requestLine.text.indexOf(' ') + 1) < 0) {
            // no HTTP version: an HTTP/0.9-style request has no header block to wait for
            throw refused(400, "Bad Request", requestLine.text.indexOf(' ') > 0
                    ? "The request line has no HTTP version; send 'METHOD /path HTTP/1.1'."
                    : "The request line is not 'METHOD /path HTTP/1.1'.", methodOf(requestLine.text), "-", Map.of());
        }
        int budget = MAX_HEAD_BYTES - requestLine.bytes;
        List<String> headerLines = new ArrayList<>();
        while (true) {
            Line line = in.readLine(budget, false);
            if (line == null) {
                throw new IOException("connection closed in the request head");
            }
            if (line.tooLong) {
                Map<String, List<String>> headers = new LinkedHashMap<>();
                parseHeaders(headerLines, headers);
                throw refused(431, "Request Header Fields Too Large", "The request head is longer than "
                        + MAX_HEAD_BYTES + " bytes; API Gateway allows " + ApiGateway.MAX_REQUEST_LINE_AND_HEADER_BYTES
                        + " bytes for the request line and header values together.", methodOf(requestLine.text),
                        "-", headers);
            }
            budget -= line.bytes;
            if (line.text.isEmpty()) {
                break;
            }
            headerLines.add(line.text); // a stray CR stays in the text, where it fails as a control character
        }

        Map<String, List<String>> headers = new LinkedHashMap<>();
        String headerProblem = parseHeaders(headerLines, headers);
        String text = requestLine.text;
        String problem = requestLine.bareCr ? "The request line contains a carriage return that does not end it." : null;
        int firstSpace = text.indexOf(' ');
        int secondSpace = firstSpace < 0 ? -1 : text.indexOf(' ', firstSpace + 1);
        String method = firstSpace > 0 ? text.substring(0, firstSpace) : text;
        String target = firstSpace < 0 ? "" : secondSpace < 0 ? text.substring(firstSpace + 1)
                : text.substring(firstSpace + 1, secondSpace);
        String protocol = secondSpace < 0 ? "" : text.substring(secondSpace + 1);
        String safeMethod = isToken(method) ? method : "-";
        if (problem == null && firstSpace <= 0) {
            problem = "The request line is not 'METHOD /path HTTP/1.1'.";
        }
        if (problem == null && !isToken(method)) {
            problem = "The request method is not a valid HTTP token.";
        }
        if (problem == null && secondSpace < 0) {
            problem = "The request line has no HTTP version; send 'METHOD /path HTTP/1.1'.";
        }
        if (problem == null && (target.isEmpty() || protocol.indexOf(' ') >= 0)) {
            problem = "The request line is not 'METHOD /path HTTP/1.1': it has extra spaces.";
        }
        if (problem == null && !isHttpVersion(protocol)) {
            problem = "The HTTP version of the request line is malformed.";
        }
        Target parsed = null;
        if (problem == null) {
            parsed = parseTarget(target);
            problem = parsed.problem;
        }
        if (problem != null) {
            throw refused(400, "Bad Request", problem, safeMethod,
                    parsed != null && parsed.problem == null ? parsed.rawPath : "-", headers);
        }
        String rawPath = parsed.rawPath;
        if (protocol.charAt(5) != '1') {
            throw refused(505, "HTTP Version Not Supported", "Only HTTP/1.0 and HTTP/1.1 are supported.",
                    method, rawPath, headers);
        }
        if (headerProblem != null) {
            throw refused(400, "Bad Request", headerProblem, method, rawPath, headers);
        }
        boolean http10 = protocol.equals("HTTP/1.0");
        String connection = joined(headers, "connection");
        boolean keepAlive = http10 ? hasToken(connection, "keep-alive") : !hasToken(connection, "close");
        return new Head(method, text, rawPath, parsed.rawQuery, http10 ? protocol : "HTTP/1.1", headers, keepAlive);
    }

    private static RefusedException refused(int status, String title, String detail, String method, String rawPath,
                                            Map<String, List<String>> headers) {
        return new RefusedException(new Refusal(status, title, detail, method, rawPath, headers));
    }

    private static String methodOf(String requestLine) {
        int space = requestLine.indexOf(' ');
        String method = space > 0 ? requestLine.substring(0, space) : "";
        return isToken(method) ? method : "-";
    }

    /** Adds the well-formed header lines to {@code headers}; returns why the first bad one is bad, or null. */
    private static String parseHeaders(List<String> lines, Map<String, List<String>> headers) {
        String problem = null;
        for (String line : lines) {
            String lineProblem = null;
            int colon = line.indexOf(':');
            if (line.startsWith(" ") || line.startsWith("\t")) {
                lineProblem = "A header line starts with whitespace; folded header values are not supported.";
            } else if (colon <= 0) {
                lineProblem = "A header line has no name or no colon.";
            } else if (!isToken(line.substring(0, colon))) {
                lineProblem = "A header name contains a character that is not allowed (whitespace before the colon,"
                        + " a control character or a separator).";
            } else {
                String value = trimWhitespace(line, colon + 1);
                for (int i = 0; i < value.length() && lineProblem == null; i++) {
                    char c = value.charAt(i);
                    if (c < 0x20 && c != '\t' || c == 0x7f) {
                        lineProblem = "A header value contains a control character.";
                    }
                }
                if (lineProblem == null) {
                    headers.computeIfAbsent(line.substring(0, colon), name -> new ArrayList<>(1)).add(value);
                }
            }
            if (problem == null) {
                problem = lineProblem;
            }
        }
        return problem;
    }

    private static String trimWhitespace(String line, int from) {
        int start = from;
        int end = line.length();
        while (start < end && (line.charAt(start) == ' ' || line.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
            end--;
        }
        return line.substring(start, end);
    }

    private record Target(String rawPath, String rawQuery, String problem) {
        static Target refused(String problem) {
            return new Target(null, null, problem);
        }
    }

    /**
     * Origin form ({@code /path?query}) or absolute form ({@code http://host/path?query}); a fragment is dropped.
     * Every character must be visible ASCII and every {@code %} must start two hexadecimal digits.
     */
    static Target parseTarget(String target) {
        String pathAndQuery = target;
        if (!target.startsWith("/")) {
            String lower = target.toLowerCase(Locale.ROOT);
            int authority = lower.startsWith("http://") ? 7 : lower.startsWith("https://") ? 8 : -1;
            if (authority < 0) {
                return Target.refused("The request target must be a path starting with '/'.");
            }
            int slash = target.indexOf('/', authority);
            int question = target.indexOf('?', authority);
            if (slash < 0 || question >= 0 && question < slash) {
                pathAndQuery = "/" + (question < 0 ? "" : target.substring(question));
            } else {
                pathAndQuery = target.substring(slash);
            }
        }
        int hash = pathAndQuery.indexOf('#');
        if (hash >= 0) {
            pathAndQuery = pathAndQuery.substring(0, hash);
        }
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        String query = question < 0 ? null : pathAndQuery.substring(question + 1);
        String problem = checkCharacters(path, "path");
        if (problem == null && query != null) {
            problem = checkCharacters(query, "query string");
        }
        if (problem != null) {
            return Target.refused(problem);
        }
        return new Target(path, query, null);
    }

    private static String checkCharacters(String part, String name) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '%') {
                if (i + 2 >= part.length() || Character.digit(part.charAt(i + 1), 16) < 0
                        || Character.digit(part.charAt(i + 2), 16) < 0) {
                    return "The " + name + " has a malformed percent-encoding: '%' must be followed by two"
                            + " hexadecimal digits.";
                }
            } else if (c <= 0x20 || c == 0x7f) {
                return "The " + name + " contains a control character; encode it as a percent-escape.";
            } else if (c > 0x7f) {
                return "The " + name + " contains bytes that are not ASCII; encode them as percent-escapes.";
            }
        }
        return null;
    }

    private static boolean isHttpVersion(String protocol) {
        return protocol.length() == 8 && protocol.startsWith("HTTP/") && isDigit(protocol.charAt(5))
                && protocol.charAt(6) == '.' && isDigit(protocol.charAt(7));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** RFC 9110 token: {@code 1*tchar}. */
    static boolean isToken(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isTokenChar(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTokenChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    private static String joined(Map<String, List<String>> headers, String name) {
        List<String> values = null;
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                if (values == null) {
                    values = new ArrayList<>(entry.getValue());
                } else {
                    values.addAll(entry.getValue());
                }
            }
        }
        return values == null ? null : String.join(",", values);
    }

    private static boolean hasToken(String list, String token) {
        if (list == null) {
            return false;
        }
        for (String part : list.split(",")) {
            if (part.trim().equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }

    // ----------------------------------------------------------------------------------------------------------
    // the body

    /** The whole request, or null when the client went away before its body ended. */
    private Request readBody(Head head, Socket socket, Input in, OutputStream out)
            throws IOException, RefusedException {
        String transferEncoding = joined(head.headers, "transfer-encoding");
        String contentLength = joined(head.headers, "content-length");
        boolean expectContinue = head.protocol.equals("HTTP/1.1")
                && "100-continue".equalsIgnoreCase(String.valueOf(joined(head.headers, "expect")).trim());
        InetAddress remote = socket.getInetAddress();
        if (transferEncoding != null) {
            if (contentLength != null) {
                throw refused(400, "Bad Request", "The request has both Content-Length and Transfer-Encoding.",
                        head.method, head.rawPath, head.headers);
            }
            if (!transferEncoding.trim().equalsIgnoreCase("chunked")) {
                throw refused(501, "Not Implemented", "Only the 'chunked' transfer coding is supported.",
                        head.method, head.rawPath, head.headers);
            }
            if (expectContinue) {
                out.write(CONTINUE);
                out.flush();
            }
            return readChunked(head, in, remote);
        }
        long length = 0;
        if (contentLength != null) {
            length = parseContentLength(contentLength);
            if (length < 0) {
                throw refused(400, "Bad Request", "The Content-Length header is not one non-negative whole number.",
                        head.method, head.rawPath, head.headers);
            }
        }
        if (length > maxBodyBytes) {
            if (expectContinue) { // the client waits: answer without reading the body, then close
                return request(head, null, false, remote);
            }
            if (!in.skip(length)) {
                return null;
            }
            return request(head, null, true, remote);
        }
        if (length > 0 && expectContinue) {
            out.write(CONTINUE);
            out.flush();
        }
        byte[] body = new byte[(int) length];
        if (!in.readFully(body)) {
            return null;
        }
        return request(head, body, true, remote);
    }

    private static Request request(Head head, byte[] body, boolean bodyRead, InetAddress remote) {
        return new Request(head.method, head.requestLine, head.rawPath, head.rawQuery, head.protocol, head.headers,
                body, bodyRead, remote);
    }

    /** 1*DIGIT (repeated identical values allowed, as RFC 9110 permits); -1 when anything else. */
    static long parseContentLength(String value) {
        long length = -1;
        for (String part : value.split(",", -1)) {
            String digits = part.trim();
            if (digits.isEmpty() || digits.length() > 18) {
                return -1;
            }
            for (int i = 0; i < digits.length(); i++) {
                if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                    return -1;
                }
            }
            long parsed = Long.parseLong(digits);
            if (length >= 0 && parsed != length) {
                return -1;
            }
            length = parsed;
        }
        return length;
    }

    private Request readChunked(Head head, Input in, InetAddress remote) throws IOException, RefusedException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean tooLarge = false;
        while (true) {
            Line sizeLine = in.readLine(MAX_CHUNK_LINE_BYTES, false);
            if (sizeLine == null) {
                return null;
            }
            long size = sizeLine.tooLong || sizeLine.bareCr ? -1 : chunkSize(sizeLine.text);
            if (size < 0) {
                throw malformedChunks(head);
            }
            if (size == 0) {
                break;
            }
            if (tooLarge || body.size() + size > maxBodyBytes) {
                tooLarge = true;
                if (!in.skip(size)) {
                    return null;
                }
            } else {
                byte[] chunk = new byte[(int) size];
                if (!in.readFully(chunk)) {
                    return null;
                }
                body.write(chunk);
            }
            Line end = in.readLine(2, false);
            if (end == null) {
                return null;
            }
            if (!end.text.isEmpty() || end.tooLong) {
                throw malformedChunks(head);
            }
        }
        int trailerBudget = MAX_HEAD_BYTES;
        while (true) { // trailer fields are read and dropped, as API Gateway does not pass them on
            Line trailer = in.readLine(trailerBudget, false);
            if (trailer == null) {
                return null;
            }
            if (trailer.tooLong) {
                throw malformedChunks(head);
            }
            trailerBudget -= trailer.bytes;
            if (trailer.text.isEmpty()) {
                break;
            }
        }
        return request(head, tooLarge ? null : body.toByteArray(), true, remote);
    }

    private static RefusedException malformedChunks(Head head) {
        return refused(400, "Bad Request", "The chunked request body is malformed.", head.method, head.rawPath,
                head.headers);
    }

    /** The hexadecimal size before any chunk extension; -1 when malformed. */
    private static long chunkSize(String line) {
        int semicolon = line.indexOf(';');
        String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).trim();
        if (hex.isEmpty() || hex.length() > 15) {
            return -1;
        }
        long size = 0;
        for (int i = 0; i < hex.length(); i++) {
            int digit = Character.digit(hex.charAt(i), 16);
            if (digit < 0 || hex.charAt(i) > 0x7f) {
                return -1;
            }
            size = size * 16 + digit;
        }
        return size;
    }

    // ----------------------------------------------------------------------------------------------------------
    // the answer

    private static void write(OutputStream out, String method, GatewayResponse response, boolean keepAlive,
                              boolean http10) throws IOException {
        int status = response.status();
        boolean bodiless = status == 204 || status == 304 || status < 200;
        boolean sendBody = !bodiless && !method.equals("HEAD") && response.body().length > 0;
        StringBuilder head = new StringBuilder(256);
        head.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        response.headers().forEach((name, values) -> {
            if (FRAMING_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                return; // the front frames the answer itself
            }
            if (!isToken(name)) {
                LOG.warn("dropped the response header {}: not a valid header name", name);
                return;
            }
            for (String value : values) {
                if (value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                    LOG.warn("dropped a value of the response header {}: it contains a line break", name);
                    continue;
                }
                head.append(name).append(": ").append(value).append("\r\n");
            }
        });
        head.append("Date: ").append(HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC))).append("\r\n");
        if (!bodiless) {
            head.append("Content-Length: ").append(response.body().length).append("\r\n");
        }
        if (!keepAlive) {
            head.append("Connection: close\r\n");
        } else if (http10) {
            head.append("Connection: keep-alive\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = response.body();
        if (sendBody && body.length <= 16 * 1024) {
            byte[] all = new byte[headBytes.length + body.length];
            System.arraycopy(headBytes, 0, all, 0, headBytes.length);
            System.arraycopy(body, 0, all, headBytes.length, body.length);
            out.write(all);
        } else {
            out.write(headBytes);
            if (sendBody) {
                out.write(body);
            }
        }
        out.flush();
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 206 -> "Partial Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 303 -> "See Other";
            case 304 -> "Not Modified";
            case 307 -> "Temporary Redirect";
            case 308 -> "Permanent Redirect";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 402 -> "Payment Required";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 412 -> "Precondition Failed";
            case 413 -> "Request Entity Too Large";
            case 414 -> "URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            case 505 -> "HTTP Version Not Supported";
            default -> "Status " + status;
        };
    }

    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException e) {
            LOG.debug("closing the gateway socket: {}", e.toString());
        }
        for (Socket socket : List.copyOf(open)) {
            forget(socket);
        }
        connections.shutdownNow();
        try {
            connections.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ----------------------------------------------------------------------------------------------------------
    // buffered input

    /** A line without its line ending (ISO-8859-1, one char per byte); {@code bytes} counts the ending too. */
    private record Line(String text, int bytes, boolean tooLong, boolean bareCr) {
    }

    /** A buffered reader of the socket with the line and byte operations the parser needs; not thread-safe. */
    private static final class Input {
        private final InputStream in;
        private final byte[] buffer = new byte[16 * 1024];
        private int position;
        private int limit;

        Input(InputStream in) {
            this.in = in;
        }

        /** The next byte without taking it; -1 at end of stream. */
        int peek() throws IOException {
            if (position == limit && !fill()) {
                return -1;
            }
            return buffer[position] & 0xff;
        }

        private boolean fill() throws IOException {
            int n = in.read(buffer, 0, buffer.length);
            if (n <= 0) {
                return false;
            }
            position = 0;
            limit = n;
            return true;
        }

        /**
         * Reads up to and including LF (a CR right before it is part of the ending). Null at end of stream before
         * the first byte; {@code tooLong} once {@code max} bytes went by without a line end (reading stops there).
         * {@code quietEof}: an end of stream before the first byte is normal (between requests); elsewhere too.
         */
        Line readLine(int max, boolean quietEof) throws IOException {
            StringBuilder text = null;
            int bytes = 0;
            boolean bareCr = false;
            while (true) {
                if (position == limit && !fill()) {
                    if (bytes == 0 || quietEof) {
                        return null;
                    }
                    throw new IOException("connection closed in the middle of a line");
                }
                int start = position;
                int end = start;
                while (end < limit && buffer[end] != '\n') {
                    end++;
                }
                int taken = end - start;
                if (bytes + taken + (end < limit ? 1 : 0) > max) {
                    position = start + Math.max(0, Math.min(taken, max - bytes));
                    return new Line("", max, true, false);
                }
                if (text == null && end < limit) { // the common case: the whole line is in the buffer
                    position = end + 1;
                    int length = taken > 0 && buffer[end - 1] == '\r' ? taken - 1 : taken;
                    String line = new String(buffer, start, length, StandardCharsets.ISO_8859_1);
                    return new Line(line, taken + 1, false, line.indexOf('\r') >= 0);
                }
                if (text == null) {
                    text = new StringBuilder(Math.max(64, taken * 2));
                }
                text.append(new String(buffer, start, taken, StandardCharsets.ISO_8859_1));
                bytes += taken;
                if (end < limit) {
                    position = end + 1;
                    bytes += 1;
                    if (text.length() > 0 && text.charAt(text.length() - 1) == '\r') {
                        text.setLength(text.length() - 1);
                    }
                    String line = text.toString();
                    bareCr = line.indexOf('\r') >= 0;
                    return new Line(line, bytes, false, bareCr);
                }
                position = limit;
            }
        }

        boolean readFully(byte[] target) throws IOException {
            int offset = 0;
            int buffered = Math.min(limit - position, target.length);
            System.arraycopy(buffer, position, target, 0, buffered);
            position += buffered;
            offset += buffered;
            while (offset < target.length) {
                int n = in.read(target, offset, target.length - offset);
                if (n < 0) {
                    return false;
                }
                offset += n;
            }
            return true;
        }

        boolean skip(long count) throws IOException {
            long left = count;
            while (left > 0) {
                if (position == limit && !fill()) {
                    return false;
                }
                int n = (int) Math.min(left, limit - position);
                position += n;
                left -= n;
            }
            return true;
        }
    }
}
