package dev.pms.providers.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Plays an MP4 in Debian's headless Chromium and reports what the browser decoded, read through the DevTools protocol
 * (a WebSocket from {@code java.net.http}): the page's {@code <video>} is played to about its middle, then its
 * duration, position, decoded video frames and decoded audio bytes are returned.
 */
final class HeadlessChromiumPlayer implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final int NAVIGATION_RETRIES = 5;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAGE = """
            <!doctype html><html><body><video id="clip" src="clip.mp4" preload="auto" playsinline></video></body></html>
            """;
    /** Runs in the page; resolves to the measurements as a JSON string. */
    private static final String PLAY_SCRIPT = """
            (async () => {
              while (!document.getElementById('clip')) {
                await new Promise(resolve => setTimeout(resolve, 50));
              }
              const video = document.getElementById('clip');
              const outcome = {};
              try {
                if (video.readyState < 1) {
                  await new Promise((resolve, reject) => {
                    video.addEventListener('loadedmetadata', resolve, {once: true});
                    video.addEventListener('error', () => reject(new Error('media error ' + video.error.code + ' ' + video.error.message)), {once: true});
                  });
                }
                outcome.duration = video.duration;
                await video.play();
                outcome.played = true;
                const target = Math.min(video.duration * 0.6, 2.5);
                const deadline = Date.now() + 15000;
                while (video.currentTime < target && !video.ended && Date.now() < deadline) {
                  await new Promise(resolve => setTimeout(resolve, 100));
                }
                video.pause();
              } catch (e) {
                outcome.failure = String(e && e.message || e);
              }
              outcome.currentTime = video.currentTime;
              outcome.videoWidth = video.videoWidth;
              outcome.videoHeight = video.videoHeight;
              outcome.audioBytes = video.webkitAudioDecodedByteCount;
              outcome.videoBytes = video.webkitVideoDecodedByteCount;
              outcome.decodedFrames = video.getVideoPlaybackQuality().totalVideoFrames;
              outcome.mediaError = video.error ? video.error.code + ' ' + video.error.message : null;
              outcome.canPlayAvcOpus = video.canPlayType('video/mp4; codecs="avc1.42E01E, opus"');
              return JSON.stringify(outcome);
            })()
            """;

    /** What the browser reported; {@code failure} and {@code mediaError} are null when playback worked. */
    record Playback(double duration, boolean played, double currentTime, int videoWidth, int videoHeight, long audioBytes,
                    long videoBytes, long decodedFrames, String failure, String mediaError, String canPlayAvcOpus) {
    }

    private final Path directory;
    private final Process browser;
    private final HttpClient http = HttpClient.newHttpClient();

    private HeadlessChromiumPlayer(Path directory, Process browser) {
        this.directory = directory;
        this.browser = browser;
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM);
    }

    /** Starts Chromium on a page that holds {@code mp4} as its only video. */
    static HeadlessChromiumPlayer open(byte[] mp4) throws IOException {
        Path directory = Files.createTempDirectory("chromium-playback");
        Files.write(directory.resolve("clip.mp4"), mp4);
        Files.writeString(directory.resolve("page.html"), PAGE);
        Path profile = Files.createDirectories(directory.resolve("profile"));
        Process browser = new ProcessBuilder(CHROMIUM.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--mute-audio", "--autoplay-policy=no-user-gesture-required",
                "--remote-debugging-port=0", "--user-data-dir=" + profile,
                directory.resolve("page.html").toUri().toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("chromium.log").toFile()).start();
        return new HeadlessChromiumPlayer(directory, browser);
    }

    Playback play() throws Exception {
        URI pageSocket = pageSocket(debuggingPort());
        JsonNode answer = null;
        for (int attempt = 0; attempt < NAVIGATION_RETRIES; attempt++) {
            answer = evaluate(pageSocket, PLAY_SCRIPT);
            JsonNode value = answer.path("result").path("result").path("value");
            if (value.isTextual()) {
                return JSON.readValue(value.asText(), Playback.class);
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the page did not answer with measurements: " + answer);
    }

    /** Runs {@code script} in the page and waits for its promise; the reply is an error while the page still loads. */
    private JsonNode evaluate(URI pageSocket, String script) throws Exception {
        ObjectNode command = JSON.createObjectNode().put("id", 1).put("method", "Runtime.evaluate");
        command.putObject("params").put("expression", script).put("awaitPromise", true).put("returnByValue", true);
        CompletableFuture<String> reply = new CompletableFuture<>();
        WebSocket socket = http.newWebSocketBuilder().buildAsync(pageSocket, new ReplyCollector(reply)).get(10, TimeUnit.SECONDS);
        try {
            socket.sendText(JSON.writeValueAsString(command), true).get(10, TimeUnit.SECONDS);
            return JSON.readTree(reply.get(60, TimeUnit.SECONDS));
        } finally {
            socket.abort();
        }
    }

    String log() throws IOException {
        Path log = directory.resolve("chromium.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private int debuggingPort() throws Exception {
        Path portFile = directory.resolve("profile").resolve("DevToolsActivePort");
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(portFile)) {
                List<String> lines = Files.readAllLines(portFile);
                if (!lines.isEmpty() && !lines.get(0).isBlank()) {
                    return Integer.parseInt(lines.get(0).strip());
                }
            }
            if (!browser.isAlive()) {
                throw new IllegalStateException("Chromium exited with " + browser.exitValue() + ":\n" + log());
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Chromium did not open its debugging port within " + STARTUP + ":\n" + log());
    }

    private URI pageSocket(int port) throws Exception {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            String targets = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (JsonNode target : JSON.readTree(targets)) {
                if ("page".equals(target.path("type").asText()) && target.path("url").asText().endsWith("page.html")) {
                    return URI.create(target.path("webSocketDebuggerUrl").asText());
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Chromium opened no page for the clip");
    }

    @Override
    public void close() throws IOException {
        browser.destroy();
        try {
            if (!browser.waitFor(10, TimeUnit.SECONDS)) {
                browser.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** Completes with the first whole text message that answers command 1. */
    private static final class ReplyCollector implements WebSocket.Listener {
        private final CompletableFuture<String> reply;
        private final StringBuilder message = new StringBuilder();

        ReplyCollector(CompletableFuture<String> reply) {
            this.reply = reply;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                String text = message.toString();
                message.setLength(0);
                if (text.startsWith("{\"id\":1,")) {
                    reply.complete(text);
                }
            }
            socket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            reply.completeExceptionally(error);
        }
    }
}
