package dev.pms.journeys.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One function instance in its own JVM, started as Lambda's Java runtime starts it: the AWS Lambda Runtime Interface
 * Client's {@code AWSLambda} main with the handler's name, the function's deployment jar on the class path, its
 * environment (template variables, Lambda's reserved variables, the endpoints it is pointed at) and Lambda's JVM
 * options, against a {@link RuntimeApiServer} of its own. With {@link Options#snapStart()} the runtime calls every
 * CRaC {@code beforeCheckpoint} hook after INIT, as SnapStart does before its snapshot; with
 * {@link Options#classLog()} the JVM logs every class it loads, so the classes a phase loaded can be counted while the
 * runtime is idle in {@code /next}.
 */
final class LambdaRuntimeProcess implements AutoCloseable {
    private static final Duration INIT_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration INVOKE_TIMEOUT = Duration.ofMinutes(2);
    private static final String RUNTIME_MAIN = AWSLambda.class.getName();
    private static final Pattern SDK_CLIENT = Pattern.compile(
            "\\] software\\.amazon\\.awssdk\\.services\\.(\\w+)\\.Default\\w+Client ");

    /** How to start it. */
    record Options(boolean snapStart, boolean classLog) {
        static final Options COLD = new Options(false, false);
    }

    /**
     * What one cold start cost: INIT (process start to the first {@code /next}) and the first invocation, and the CPU
     * time the JVM used for both (all its threads; what a loaded machine's waiting does not inflate).
     */
    record ColdStart(double initMillis, double firstInvokeMillis, Double restoreMillis, int classesDuringInit,
                     int classesDuringFirstInvoke, Set<String> sdkClients, boolean firstFailed, String firstResponse,
                     double cpuMillis) {
        double totalMillis() {
            return initMillis + firstInvokeMillis;
        }
    }

    private final Process process;
    private final RuntimeApiServer runtimeApi;
    private final long startedNanos;
    private final Path classLog;
    private final Path output;

    private LambdaRuntimeProcess(Process process, RuntimeApiServer runtimeApi, long startedNanos, Path classLog,
                                 Path output) {
        this.process = process;
        this.runtimeApi = runtimeApi;
        this.startedNanos = startedNanos;
        this.classLog = classLog;
        this.output = output;
    }

    /**
     * Starts {@code handler} with {@code classPath} after the runtime's own jars; {@code environment} is the
     * function's, to which Lambda's reserved variables are added.
     */
    static LambdaRuntimeProcess start(String functionName, String handler, List<Path> classPath, int memoryMb,
                                      Map<String, String> environment, Options options, Path workDir)
            throws IOException {
        RuntimeApiServer runtimeApi = RuntimeApiServer.start(
                "arn:aws:lambda:us-east-1:000000000000:function:" + functionName);
        Path classLog = options.classLog() ? Files.createTempFile(workDir, functionName, ".classes") : null;
        Path output = Files.createTempFile(workDir, functionName, ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(lambdaJvmOptions(memoryMb));
        if (options.snapStart()) {
            // how SnapStart's runtime hands org.crac resources to the runtime client's checkpoint context
            command.add("-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac");
        }
        if (classLog != null) {
            command.add("-Xlog:class+load=info:file=" + classLog + "::filecount=0");
        }
        command.add("-cp");
        command.add(String.join(File.pathSeparator, Stream.concat(runtimeClassPath().stream(), classPath.stream())
                .map(Path::toString).toList()));
        command.add(RUNTIME_MAIN);
        command.add(handler);

        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).directory(workDir.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("LAMBDA_TASK_ROOT", workDir.toString());
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
        env.put("AWS_LAMBDA_FUNCTION_NAME", functionName);
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "1");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memoryMb));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + functionName);
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "cold-start");
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi.address());
        env.put("_HANDLER", handler);
        env.putAll(environment);
        if (options.snapStart()) {
            env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
        }
        long started = System.nanoTime();
        Process process = builder.start();
        return new LambdaRuntimeProcess(process, runtimeApi, started, classLog, output);
    }

    /** Lambda's Java runtime's own options, scaled to the function's memory as it does. */
    private static List<String> lambdaJvmOptions(int memoryMb) {
        return List.of("-XX:MaxHeapSize=" + (memoryMb * 85 / 100) + "m", "-XX:+UseSerialGC", "-Xshare:auto",
                "-Djava.net.preferIPv4Stack=true");
    }

    /** The runtime interface client and what it needs, as the managed runtime puts them before the function's jar. */
    private static List<Path> runtimeClassPath() {
        return Stream.of(AWSLambda.class, PojoSerializer.class, Context.class, SdkInternalThreadLocal.class)
                .map(LambdaRuntimeProcess::jarOf).distinct().toList();
    }

    private static Path jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** INIT, then {@code event} as the first invocation; the classes each loaded when the class log is on. */
    ColdStart coldStart(String event) throws IOException, InterruptedException {
        try {
            Long restored = null;
            long firstNext = runtimeApi.awaitFirstNext(INIT_TIMEOUT);
            if (runtimeApi.restoreRequested()) {
                restored = runtimeApi.awaitRestoreNext(Duration.ZERO);
            }
            int loadedBeforeInvoke = loadedClasses();
            RuntimeApiServer.Invocation first = runtimeApi.invoke(event, INVOKE_TIMEOUT);
            runtimeApi.awaitNextRequests(2, INVOKE_TIMEOUT);
            double cpuMillis = process.info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
            int loadedAfterInvoke = loadedClasses();
            keepFirstInvokeClasses(loadedBeforeInvoke, loadedAfterInvoke);
            return new ColdStart((firstNext - startedNanos) / 1e6, first.millis(),
                    restored == null ? null : (restored - startedNanos) / 1e6, loadedBeforeInvoke,
                    loadedAfterInvoke - loadedBeforeInvoke, sdkClients(), first.failed(), first.body(), cpuMillis);
        } catch (TimeoutException | RuntimeException e) {
            throw new IllegalStateException(e.getMessage() + "\n--- function output (" + output + ") ---\n"
                    + tail(output), e);
        }
    }

    private int loadedClasses() throws IOException {
        if (classLog == null) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(classLog)) {
            return (int) lines.filter(line -> line.contains("[class,load]")).count();
        }
    }

    /**
     * Writes the classes first loaded during the first invocation beside the class log
     * ({@code <log>.first-invoke}), for finding what priming still misses.
     */
    private void keepFirstInvokeClasses(int before, int after) throws IOException {
        if (classLog == null) {
            return;
        }
        try (Stream<String> lines = Files.lines(classLog)) {
            Files.write(Path.of(classLog + ".first-invoke"), lines.filter(line -> line.contains("[class,load]"))
                    .skip(before).limit(after - before).toList());
        }
    }

    /**
     * The AWS SDK clients the function built (from the class log: each client's implementation class, e.g.
     * {@code DefaultSqsClient} is {@code sqs}, {@code DefaultS3Presigner} is {@code s3-presigner}); empty without it.
     */
    private Set<String> sdkClients() throws IOException {
        Set<String> clients = new TreeSet<>();
        if (classLog == null) {
            return clients;
        }
        try (Stream<String> lines = Files.lines(classLog)) {
            lines.forEach(line -> {
                Matcher client = SDK_CLIENT.matcher(line);
                if (client.find()) {
                    clients.add(client.group(1));
                } else if (line.contains(".DefaultS3Presigner ")) {
                    clients.add("s3-presigner");
                }
            });
        }
        return clients;
    }

    private static String tail(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        runtimeApi.close();
    }

    /** {@code TABLE_NAME} stays; a Micronaut property such as {@code aws.services.s3.endpoint-override} becomes
     * {@code AWS_SERVICES_S3_ENDPOINT_OVERRIDE}, which Micronaut reads back as that property. */
    static Map<String, String> environmentOf(Map<String, String> properties) {
        Map<String, String> environment = new LinkedHashMap<>();
        properties.forEach((name, value) -> environment.putIfAbsent(
                name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'), value));
        return environment;
    }
}
