package dev.pms.devstack.stepfunctions;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code moto_server}'s Step Functions (LocalStack's ASL engine), run in-process by a small Python launcher
 * (src/test/resources/moto_sfn_launcher.py) so that every StartExecution of one server works.
 */
public final class MotoServerProcess implements AutoCloseable {

    private final Process process;
    private final URI endpoint;
    private final Path log;

    private MotoServerProcess(Process process, URI endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    /** Why moto cannot run here, or empty when it can. */
    public static Optional<String> unavailableReason() {
        if (findOnPath("moto_server").isEmpty()) {
            return Optional.of("moto_server is not on the PATH");
        }
        if (findOnPath("python3").isEmpty()) {
            return Optional.of("python3 is not on the PATH");
        }
        try {
            Process check = new ProcessBuilder("python3", "-c", "import moto.server, moto.stepfunctions.parser")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!check.waitFor(30, TimeUnit.SECONDS) || check.exitValue() != 0) {
                return Optional.of("python3 cannot import moto's server and Step Functions parser");
            }
        } catch (IOException e) {
            return Optional.of("python3 cannot be started: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
        return Optional.empty();
    }

    private static Optional<Path> findOnPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            Path candidate = Path.of(directory, command);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public static MotoServerProcess start() throws IOException, InterruptedException {
        Path launcher = Files.createTempFile("moto_sfn_launcher", ".py");
        try (var in = MotoServerProcess.class.getResourceAsStream("/moto_sfn_launcher.py")) {
            Files.write(launcher, in.readAllBytes());
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("moto_server", ".log");
        ProcessBuilder builder = new ProcessBuilder("python3", launcher.toString(), Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("MOTO_JSONATA_BRIDGE", jsonataBridgeCommand());
        Process process = builder.start();
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        MotoServerProcess moto = new MotoServerProcess(process, endpoint, log);
        moto.awaitReadyAndEnableExecution();
        return moto;
    }

    /** The command (a JSON array) that runs {@link MotoJsonataBridge} on this JVM's class path. */
    private static String jsonataBridgeCommand() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"),
                MotoJsonataBridge.class.getName());
        StringBuilder json = new StringBuilder("[");
        for (String part : command) {
            json.append(json.length() > 1 ? "," : "").append('"')
                    .append(part.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return json.append(']').toString();
    }

    private void awaitReadyAndEnableExecution() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpRequest enable = HttpRequest.newBuilder(endpoint.resolve("/moto-api/config"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"stepfunctions\":{\"execute_state_machine\":true}}"))
                .header("Content-Type", "application/json").build();
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("moto_server exited: " + Files.readString(log));
            }
            try {
                HttpResponse<String> response = http.send(enable, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 == 2) {
                    return;
                }
            } catch (IOException notYetListening) {
                if (System.nanoTime() > deadline) {
                    close();
                    throw new IOException("moto_server did not answer within 60 s: " + Files.readString(log));
                }
                SfnTestSupport.pollPause();
            }
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
