package dev.pms.emulators;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.StandardCopyOption;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.io.File;

/**
 * DynamoDB emulated by a {@code moto_server} child process (moto is Apache-2.0; DynamoDB Local is not
 * open source and must not be used). The process listens on a free loopback port, writes its output to a
 * log file, and is killed on {@link #close()}; the owner ({@link LocalAws}) registers the JVM shutdown hook,
 * so that a data snapshot can be taken before the process dies.
 */
final class MotoDynamoDbSidecar implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MotoDynamoDbSidecar.class);
    static final String EXECUTABLE_PROPERTY = "pms.devstack.moto-server";
    private static final Duration READY_DEADLINE = Duration.ofSeconds(30);
    private static final int START_ATTEMPTS = 3;
    private static final String SCALING_PATCH = "moto/sitecustomize.py";

    private final Process process;
    private final URI endpoint;
    private final Path logFile;

    private MotoDynamoDbSidecar(Process process, URI endpoint, Path logFile) {
        this.process = process;
        this.endpoint = endpoint;
        this.logFile = logFile;
    }

    static MotoDynamoDbSidecar start(Path logDirectory) {
        String executable = System.getProperty(EXECUTABLE_PROPERTY, defaultExecutable());
        List<String> failures = new ArrayList<>();
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = freeLoopbackPort();
            Path logFile = logDirectory.resolve("moto-server-" + port + ".log");
            Process process;
            try {
                Files.createDirectories(logDirectory);
                ProcessBuilder builder = new ProcessBuilder(command(executable, port))
                        .redirectErrorStream(true)
                        .redirectOutput(logFile.toFile());
                withScalingPatch(builder, logDirectory);
                process = builder.start();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start '" + executable + "' (moto 5.x must be on the PATH,"
                        + " or set -D" + EXECUTABLE_PROPERTY + "=/path/to/moto_server): " + e.getMessage(), e);
            }
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            if (awaitReady(process, endpoint)) {
                LOG.debug("moto_server ready on {} (log {})", endpoint, logFile);
                return new MotoDynamoDbSidecar(process, endpoint, logFile);
            }
            process.destroyForcibly();
            failures.add("port " + port + ": " + (process.isAlive() ? "not ready within " + READY_DEADLINE
                    : "exited with " + exitCode(process)) + " (see " + logFile + ")");
        }
        throw new IllegalStateException("moto_server did not start: " + String.join("; ", failures));
    }

    /**
     * Puts the devstack's {@code sitecustomize.py} first on moto's {@code PYTHONPATH}: it makes moto's transactions and
     * partition queries cost what they cost on DynamoDB, not time in proportion to the whole table (see the file).
     */
    private static void withScalingPatch(ProcessBuilder builder, Path logDirectory) throws IOException {
        Path directory = Files.createDirectories(logDirectory.resolve("moto-python"));
        try (InputStream patch = MotoDynamoDbSidecar.class.getResourceAsStream(SCALING_PATCH)) {
            if (patch == null) {
                throw new IllegalStateException("missing resource " + SCALING_PATCH);
            }
            Files.copy(patch, directory.resolve("sitecustomize.py"), StandardCopyOption.REPLACE_EXISTING);
        }
        String inherited = builder.environment().get("PYTHONPATH");
        builder.environment().put("PYTHONPATH", inherited == null || inherited.isEmpty() ? directory.toString()
                : directory + File.pathSeparator + inherited);
    }

    /** {@code moto_server} from the PATH, else from pyenv's shims (CI may run with a thinner PATH). */
    static String defaultExecutable() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String directory : path.split(File.pathSeparator)) {
                if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, "moto_server"))) {
                    return Path.of(directory, "moto_server").toString();
                }
            }
        }
        List<Path> fallbacks = new ArrayList<>();
        String pyenvRoot = System.getenv("PYENV_ROOT");
        if (pyenvRoot != null) {
            fallbacks.add(Path.of(pyenvRoot, "shims", "moto_server"));
        }
        fallbacks.add(Path.of(System.getProperty("user.home"), ".pyenv", "shims", "moto_server"));
        fallbacks.add(Path.of("/usr/local/bin/moto_server"));
        return fallbacks.stream().filter(Files::isExecutable).findFirst().map(Path::toString).orElse("moto_server");
    }

    /**
     * In its own session when {@code setsid} exists: a Ctrl-C in the terminal (or a signal to the whole process
     * group) then reaches only the JVM, which snapshots DynamoDB before it stops moto itself.
     */
    private static List<String> command(String executable, int port) {
        List<String> command = new ArrayList<>();
        for (String setsid : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(setsid))) {
                command.add(setsid);
                break;
            }
        }
        command.addAll(List.of(executable, "-H", "127.0.0.1", "-p", Integer.toString(port)));
        return command;
    }

    private static boolean awaitReady(Process process, URI endpoint) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        HttpRequest probe = HttpRequest.newBuilder(endpoint.resolve("/moto-api/data.json"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = System.nanoTime() + READY_DEADLINE.toNanos();
        long pauseMillis = 20;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            try {
                if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                // waitFor doubles as an interruptible pause that ends early if the process dies
                if (process.waitFor(pauseMillis, TimeUnit.MILLISECONDS)) {
                    return false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            pauseMillis = Math.min(200, pauseMillis * 2);
        }
        return false;
    }

    private static String exitCode(Process process) {
        try {
            return Integer.toString(process.exitValue());
        } catch (IllegalThreadStateException e) {
            return "?";
        }
    }

    static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free loopback port", e);
        }
    }

    URI endpoint() {
        return endpoint;
    }

    Path logFile() {
        return logFile;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    private void killProcessTree() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public void close() {
        killProcessTree();
    }
}
