package dev.pms.devstack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Debian's {@code chromium} in headless mode, driven over the DevTools protocol on a java.net.http WebSocket: one
 * page, navigation, script evaluation (promises awaited) and screenshots. Every wait has a deadline. The browser
 * runs with its own throw-away profile and is killed on {@link #close()}.
 */
public final class HeadlessChromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable");
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path profile;
    private final StringBuffer browserLog;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    private HeadlessChromium(Process process, Path profile, StringBuffer browserLog, URI pageSocket) {
        this.process = process;
        this.profile = profile;
        this.browserLog = browserLog;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(COMMAND_TIMEOUT)
                .buildAsync(pageSocket, new Replies()).join();
    }

    /** {@code $CHROMIUM} when set, else the first Chromium or Chrome found at its usual Debian path. */
    public static Optional<Path> find() {
        String configured = System.getenv("CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        return CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /** Starts the browser and attaches to its first page; fails when it does not answer within {@code startup}. */
    public static HeadlessChromium start(Path binary, Duration startup) throws IOException {
        Path profile = Files.createTempDirectory("headless-chromium");
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless=new",
                "--remote-debugging-port=0", "--user-data-dir=" + profile, "--no-first-run",
                "--no-default-browser-check", "--disable-gpu", "--disable-dev-shm-usage", "--mute-audio",
                "--autoplay-policy=no-user-gesture-required", "--hide-scrollbars", "--window-size=1280,900"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("--no-sandbox");
        }
        command.add("about:blank");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuffer log = new StringBuffer();
        Thread drain = new Thread(() -> copy(process.getInputStream(), log), "chromium-output");
        drain.setDaemon(true);
        drain.start();
        try {
            int port = Eventually.await("Chromium writing its DevTools port (output so far: " + log + ")", startup,
                    () -> devToolsPort(profile, process, log));
            URI page = Eventually.await("Chromium listing its first page", startup, () -> firstPage(port));
            return new HeadlessChromium(process, profile, log, page);
        } catch (RuntimeException | AssertionError e) {
            process.destroyForcibly();
            deleteQuietly(profile);
            throw e;
        }
    }

    /** Opens {@code url} and waits until the document and everything it loads eagerly has loaded. */
    public void open(URI url, Duration timeout) {
        send("Page.enable", JSON.createObjectNode(), timeout);
        send("Page.navigate", JSON.createObjectNode().put("url", url.toString()), timeout);
        String loaded = "document.readyState === 'complete' && location.href === " + JSON.valueToTree(url.toString());
        Eventually.await("Chromium loading " + url, timeout, () -> {
            try {
                return evaluate(loaded, timeout).asBoolean() ? Boolean.TRUE : null;
            } catch (AssertionError navigating) {
                return null;
            }
        });
    }

    /** The value of a script expression; a promise is awaited. A script error fails with its message. */
    public JsonNode evaluate(String expression, Duration timeout) {
        JsonNode result = send("Runtime.evaluate", JSON.createObjectNode().put("expression", expression)
                .put("awaitPromise", true).put("returnByValue", true), timeout);
        if (result.has("exceptionDetails")) {
            JsonNode details = result.get("exceptionDetails");
            throw new AssertionError("script failed: " + details.path("exception").path("description")
                    .asText(details.path("text").asText()));
        }
        return result.path("result").path("value");
    }

    /** A PNG of the whole page at {@code width} CSS pixels. */
    public byte[] screenshot(int width, Duration timeout) {
        int height = evaluate("Math.ceil(document.documentElement.scrollHeight)", timeout).asInt(900);
        send("Emulation.setDeviceMetricsOverride", JSON.createObjectNode().put("width", width)
                .put("height", Math.min(height, 16_000)).put("deviceScaleFactor", 1).put("mobile", false), timeout);
        JsonNode shot = send("Page.captureScreenshot", JSON.createObjectNode().put("format", "png"), timeout);
        return Base64.getDecoder().decode(shot.get("data").asText());
    }

    /** What the browser printed (crash reasons, sandbox complaints). */
    public String browserLog() {
        return browserLog.toString();
    }

    public JsonNode send(String method, ObjectNode params, Duration timeout) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        socket.sendText(message.toString(), true).join();
        try {
            JsonNode answer = reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (answer.has("error")) {
                throw new AssertionError(method + " failed: " + answer.get("error"));
            }
            return answer.path("result");
        } catch (TimeoutException e) {
            throw new AssertionError(method + " got no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw new AssertionError(method + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + method);
        } finally {
            pending.remove(id);
        }
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(2, TimeUnit.SECONDS).exceptionally(e -> null)
                    .join();
        } finally {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            deleteQuietly(profile);
        }
    }

    /** Collects each text message (possibly in parts) and completes the command it answers. */
    private final class Replies implements WebSocket.Listener {
        private final StringBuilder message = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                String text = message.toString();
                message.setLength(0);
                try {
                    JsonNode json = JSON.readTree(text);
                    if (json.has("id")) {
                        CompletableFuture<JsonNode> reply = pending.get(json.get("id").asInt());
                        if (reply != null) {
                            reply.complete(json);
                        }
                    }
                } catch (IOException malformed) {
                    pending.values().forEach(reply -> reply.completeExceptionally(malformed));
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            pending.values().forEach(reply -> reply.completeExceptionally(error));
        }
    }

    /** Chromium writes the port it chose into {@code DevToolsActivePort} in its profile once it listens. */
    private static Integer devToolsPort(Path profile, Process process, StringBuffer log) {
        if (!process.isAlive()) {
            throw new AssertionError("Chromium exited with " + process.exitValue() + " before listening: " + log);
        }
        try {
            List<String> lines = Files.readAllLines(profile.resolve("DevToolsActivePort"), StandardCharsets.UTF_8);
            return lines.isEmpty() || lines.get(0).isBlank() ? null : Integer.valueOf(lines.get(0).trim());
        } catch (IOException notYet) {
            return null;
        }
    }

    private static URI firstPage(int port) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/json/list")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (JsonNode target : JSON.readTree(response.body())) {
                if ("page".equals(target.path("type").asText()) && target.hasNonNull("webSocketDebuggerUrl")) {
                    return URI.create(target.get("webSocketDebuggerUrl").asText());
                }
            }
            return null;
        } catch (IOException notYet) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for Chromium");
        }
    }

    private static void copy(InputStream from, StringBuffer to) {
        try (from) {
            byte[] buffer = new byte[4096];
            for (int read; (read = from.read(buffer)) >= 0; ) {
                if (to.length() < 64 * 1024) {
                    to.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException closed) {
            // the browser is gone; what it printed is kept
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a leftover temporary profile is harmless
        }
    }
}
