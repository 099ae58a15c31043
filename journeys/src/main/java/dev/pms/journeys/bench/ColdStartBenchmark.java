package dev.pms.journeys.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.DevstackOptions;
import dev.pms.devstack.functions.FunctionDefinition;
import dev.pms.devstack.functions.InProcessFunction;
import dev.pms.emulators.LocalAws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Cold starts as Lambda makes them: every function of {@code template.yaml} in its own JVM through the AWS Lambda
 * Runtime Interface Client, from its deployment jar, against a local Runtime API and a running devstack's endpoints.
 * For each: INIT (process start to the first {@code /next}) and the first invocation (event handed out to response
 * posted), medians of {@code runs} starts, against a bare SDK handler (same clients, one DynamoDB query, no framework)
 * measured the same way in the same run. Then the classes the JVM first loads during the first invocation, without
 * and with SnapStart priming (the runtime calling every CRaC {@code beforeCheckpoint} hook after INIT, as SnapStart
 * does before its snapshot).
 * <p>
 * Usage: {@code ColdStartBenchmark [runs] [LogicalId ...]}; {@code bench/cold-start.sh} builds the deployment jars
 * first.
 */
public final class ColdStartBenchmark {
    private static final String BASELINE = "Baseline";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Figures(double initMillis, double firstInvokeMillis, double totalMillis, double cpuMillis,
                           String firstStatus) {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Set<String> only = Set.copyOf(Arrays.asList(args).subList(Math.min(1, args.length), args.length));
        // a stopped benchmark leaves no function JVM (or emulator) behind
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().descendants()
                .forEach(ProcessHandle::destroy)));
        new ColdStartBenchmark().run(runs, only);
    }

    private void run(int runs, Set<String> only) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Path work = Files.createTempDirectory("pms-cold-start");
        Path keys = Files.createTempDirectory("pms-cold-start-keys");
        try (Devstack devstack = Devstack.start(DevstackOptions.defaults().withPort(0).withSigningKeyDirectory(keys))) {
            String user = "cold-start-" + UUID.randomUUID().toString().substring(0, 8);
            BenchmarkHttp http = new BenchmarkHttp(Duration.ofSeconds(60));
            String campaignId = seedCampaign(http, devstack, user);
            ColdStartEvents events = new ColdStartEvents(user, campaignId, seedImport(http, devstack, user,
                    campaignId));
            System.out.printf(Locale.ROOT, "cold start: %d start(s) per function, median; devstack up; user %s, "
                    + "campaign %s; load average %.2f%n", runs, user, campaignId, loadAverage());

            System.out.printf(Locale.ROOT, "%-26s %7s %7s %7s %8s %6s %7s %6s | %7s %6s %6s %7s  %s%n", "function",
                    "INIT", "1st inv", "total", "baseline", "ratio", "cpu rat", "status", "cls/1st", "primed", "fewer",
                    "primed1", "SDK clients (baseline builds the same)");
            Path bareClasses = bareHandlerClasses(work);
            List<String> failures = new ArrayList<>();
            for (InProcessFunction function : devstack.functions().all().values()) {
                FunctionDefinition definition = function.definition();
                if (!only.isEmpty() && !only.contains(definition.logicalId())) {
                    continue;
                }
                String event = events.firstEventOf(definition.logicalId()).orElseThrow(() ->
                        new IllegalStateException("no first event for " + definition.logicalId()
                                + ": add one to ColdStartEvents"));
                Map<String, String> environment = environmentOf(function, devstack.localAws());
                Path jar = deploymentJar(root, devstack, definition.logicalId());
                try {
                    LambdaRuntimeProcess.ColdStart plain = once(definition, definition.handlerClass(), List.of(jar),
                            environment, event, new LambdaRuntimeProcess.Options(false, true), work);
                    String clients = String.join(",", plain.sdkClients());
                    Map<String, String> bareEnvironment = new LinkedHashMap<>(environment);
                    bareEnvironment.put("BARE_SDK_CLIENTS", clients);
                    // measured next to the function, not once per jar: the machine's load drifts
                    Figures baseline = measure(definition, BareSdkHandler.class.getName(), List.of(bareClasses, jar),
                            bareEnvironment, events.firstEventOf(BASELINE).orElseThrow(), runs, work);
                    Figures figures = measure(definition, definition.handlerClass(), List.of(jar), environment, event,
                            runs, work);
                    LambdaRuntimeProcess.ColdStart primed = once(definition, definition.handlerClass(), List.of(jar),
                            environment, event, new LambdaRuntimeProcess.Options(true, true), work);
                    int without = plain.classesDuringFirstInvoke();
                    int with = primed.classesDuringFirstInvoke();
                    System.out.printf(Locale.ROOT,
                            "%-26s %7.0f %7.0f %7.0f %8.0f %6.2f %7.2f %6s | %7d %6d %5.1f%% %7.0f  %s%n",
                            definition.logicalId(), figures.initMillis(), figures.firstInvokeMillis(),
                            figures.totalMillis(), baseline.totalMillis(), figures.totalMillis() / baseline.totalMillis(),
                            figures.cpuMillis() / baseline.cpuMillis(), figures.firstStatus(), without, with, without == 0 ? 0 : 100.0 * (without - with) / without,
                            primed.firstInvokeMillis(), clients);
                } catch (RuntimeException e) {
                    failures.add(definition.logicalId() + ": " + e.getMessage());
                    System.out.printf(Locale.ROOT, "%-26s FAILED (see below)%n", definition.logicalId());
                }
            }
            System.out.println();
            System.out.println("INIT: process start to the first /next; 1st inv: event handed out to response posted;"
                    + " total = INIT + 1st inv; baseline: the bare SDK handler's total on the same jar with the same"
                    + " SDK clients; ratio = total / baseline (goal <= 1.5); cpu rat: the same for the CPU time the JVM"
                    + " used until the first invocation was answered (medians), which a loaded machine inflates less.");
            System.out.println("cls/1st: classes first loaded during the first invocation without priming; primed: "
                    + "the same after the runtime ran the CRaC beforeCheckpoint hooks (SnapStart mode); fewer: "
                    + "the reduction (goal >= 90 %); primed1: that first invocation's ms.");
            System.out.println("Function output, class logs and the classes of each first invocation (*.first-invoke): "
                    + work);
            System.out.printf(Locale.ROOT, "load average at the end: %.2f (%d cores)%n", loadAverage(),
                    Runtime.getRuntime().availableProcessors());
            System.out.println("Figures are from a shared, noisy 2-core machine: compare the ratios, not the ms.");
            failures.forEach(failure -> System.out.println("FAILED " + failure));
            if (!failures.isEmpty()) {
                System.exit(1);
            }
        }
    }

    /** The 1-minute load average: the figures of a loaded machine are not comparable with a quiet one's. */
    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Medians of {@code runs} cold starts (no class log, no priming). */
    private static Figures measure(FunctionDefinition definition, String handler, List<Path> classPath,
                                   Map<String, String> environment, String event, int runs, Path work) {
        List<Double> inits = new ArrayList<>();
        List<Double> invokes = new ArrayList<>();
        List<Double> totals = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        String status = null;
        for (int i = 0; i < runs; i++) {
            LambdaRuntimeProcess.ColdStart start = once(definition, handler, classPath, environment, event,
                    LambdaRuntimeProcess.Options.COLD, work);
            inits.add(start.initMillis());
            invokes.add(start.firstInvokeMillis());
            totals.add(start.totalMillis());
            cpu.add(start.cpuMillis());
            status = start.firstFailed() ? "error" : statusOf(start.firstResponse());
        }
        return new Figures(BenchmarkHttp.median(inits), BenchmarkHttp.median(invokes), BenchmarkHttp.median(totals),
                BenchmarkHttp.median(cpu), status);
    }

    private static LambdaRuntimeProcess.ColdStart once(FunctionDefinition definition, String handler,
                                                       List<Path> classPath, Map<String, String> environment,
                                                       String event, LambdaRuntimeProcess.Options options, Path work) {
        try (LambdaRuntimeProcess process = LambdaRuntimeProcess.start(definition.logicalId(), handler, classPath,
                definition.memorySizeMb(), environment, options, work)) {
            return process.coldStart(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The function's status code when it answered an API Gateway event, else "ok". */
    private static String statusOf(String response) {
        try {
            JsonNode answer = JSON.readTree(response);
            JsonNode status = answer == null ? null : answer.get("statusCode");
            if (status != null) {
                if (status.asInt() >= 500) {
                    throw new IllegalStateException("the first invocation answered " + response);
                }
                return status.asText();
            }
            return "ok";
        } catch (IOException notJson) {
            return "ok";
        }
    }

    /**
     * The function's environment in Lambda, pointed at the devstack: its template variables, the endpoints and local
     * credentials the devstack gives its functions (as Micronaut reads them from the environment), the region and
     * credentials Lambda sets.
     */
    private static Map<String, String> environmentOf(InProcessFunction function, LocalAws aws) {
        Map<String, String> environment = new LinkedHashMap<>(function.definition().environment());
        environment.putAll(LambdaRuntimeProcess.environmentOf(function.properties()));
        environment.put("AWS_REGION", aws.region());
        environment.put("AWS_DEFAULT_REGION", aws.region());
        environment.put("AWS_ACCESS_KEY_ID", aws.accessKeyId());
        environment.put("AWS_SECRET_ACCESS_KEY", aws.secretAccessKey());
        return environment;
    }

    private static Path deploymentJar(Path root, Devstack devstack, String logicalId) {
        Object codeUri = devstack.template().resource(logicalId).properties().get("CodeUri");
        Path jar = root.resolve(String.valueOf(codeUri));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the deployment jars with "
                    + "mvn -Pdeploy package -DskipTests (bench/cold-start.sh does)");
        }
        return jar;
    }

    /** A directory holding only the bare handler's classes, so the baseline's class path is the runtime's + a jar. */
    private static Path bareHandlerClasses(Path work) throws IOException {
        Path classes = work.resolve("bare-handler");
        String resource = BareSdkHandler.class.getName().replace('.', '/') + ".class";
        Path target = classes.resolve(resource);
        Files.createDirectories(target.getParent());
        try (InputStream in = BareSdkHandler.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            Files.copy(in, target);
        }
        return classes;
    }

    private static String seedCampaign(BenchmarkHttp http, Devstack devstack, String user)
            throws IOException, InterruptedException {
        JsonNode created = http.send("POST", URI.create(devstack.apiBase() + "/campaigns/create-blueprint"),
                devstack.tokenFor(user), """
                        {"campaign_name": "Cold start", "goal": "product_launch", "launch_date": "2027-01-15",
                         "channels": ["instagram", "email"],
                         "product_context": {"product_name": "Acme Notes",
                                             "product_description": "Notes that write themselves"}}""", 201);
        return created.get("campaign_id").asText();
    }

    /** A ZIP import of the campaign whose upload never happens (the import workflow's tasks read it). */
    private static String seedImport(BenchmarkHttp http, Devstack devstack, String user, String campaignId)
            throws IOException, InterruptedException {
        URI imports = URI.create(devstack.apiBase() + "/campaigns/" + campaignId + "/inventory/imports");
        JsonNode created = http.send("POST", imports, devstack.tokenFor(user),
                "{\"filename\": \"cold-start.zip\", \"bytes\": 100}", 201);
        return created.get("import_id").asText();
    }
}
