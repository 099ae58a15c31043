package dev.pms.journeys.bench;

import dev.pms.aws.observability.FunctionTelemetry;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.DevstackOptions;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cold start with and without Powertools in the same run: each round starts a fresh JVM with a devstack and makes
 * the first call into nine functions (the handler loaded, its application context started, the request answered),
 * alternately with the Powertools wrapper (structured logging context and EMF metrics) and without it
 * ({@value FunctionTelemetry#POWERTOOLS_PROPERTY}=false; the Log4j backend is there in both). Medians per function.
 */
public final class PowertoolsColdStartBenchmark {
    private static final String RESULT = "COLD-START ";
    /** One route per function: any answer (a 404 or 400 too) means the function was loaded and ran. */
    private static final Map<String, String> FIRST_CALLS = firstCalls();
    private static final int ROUNDS = 3;

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("probe")) {
            probe();
        } else {
            compare(args.length > 0 ? Integer.parseInt(args[0]) : ROUNDS);
        }
    }

    private static Map<String, String> firstCalls() {
        Map<String, String> calls = new LinkedHashMap<>();
        calls.put("CreateBlueprint", "GET /health");
        calls.put("GenerateProposals", "GET /usage");
        calls.put("ChannelPack", "GET /channels");
        calls.put("AuditAsset", "POST /assets/audit");
        calls.put("GenerateAsset", "GET /assets");
        calls.put("ProductStudio", "GET /templates");
        calls.put("CampaignOps", "GET /campaigns/none/board");
        calls.put("Personalization", "GET /personalization/preferences");
        calls.put("Inventory", "GET /campaigns/none/inventory");
        return calls;
    }

    private static void compare(int rounds) throws Exception {
        Map<Boolean, Map<String, List<Double>>> samples = Map.of(true, new LinkedHashMap<>(), false, new LinkedHashMap<>());
        for (int round = 0; round < rounds; round++) {
            for (boolean powertools : List.of(false, true)) {
                Map<String, Double> measured = child(powertools);
                measured.forEach((function, ms) -> samples.get(powertools)
                        .computeIfAbsent(function, name -> new ArrayList<>()).add(ms));
                System.out.printf(Locale.ROOT, "round %d, Powertools %s: %s%n", round + 1, powertools ? "on " : "off",
                        measured);
            }
        }
        System.out.printf(Locale.ROOT, "%nfirst call into each function, median of %d fresh JVMs (ms; busy machine):%n",
                rounds);
        System.out.printf(Locale.ROOT, "  %-18s %10s %10s %7s%n", "function", "without", "with", "ratio");
        double without = 0;
        double with = 0;
        for (String function : FIRST_CALLS.keySet()) {
            double off = BenchmarkHttp.median(samples.get(false).get(function));
            double on = BenchmarkHttp.median(samples.get(true).get(function));
            without += off;
            with += on;
            System.out.printf(Locale.ROOT, "  %-18s %10.0f %10.0f %7.2f%n", function, off, on, on / off);
        }
        System.out.printf(Locale.ROOT, "  %-18s %10.0f %10.0f %7.2f%n", "all nine", without, with, with / without);
    }

    private static Map<String, Double> child(boolean powertools) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-D" + FunctionTelemetry.POWERTOOLS_PROPERTY + "=" + powertools,
                "-cp", System.getProperty("java.class.path"), PowertoolsColdStartBenchmark.class.getName(), "probe")
                .redirectErrorStream(true).start();
        Map<String, Double> measured = new LinkedHashMap<>();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                if (line.startsWith(RESULT)) {
                    String[] parts = line.substring(RESULT.length()).split(" ");
                    measured.put(parts[0], Double.parseDouble(parts[1]));
                }
            }
        }
        if (process.waitFor() != 0 || measured.size() != FIRST_CALLS.size()) {
            throw new IllegalStateException("the probe JVM failed (exit " + process.exitValue() + ", " + measured + ")");
        }
        return measured;
    }

    private static void probe() throws Exception {
        Path keys = Files.createTempDirectory("pms-bench-keys");
        DevstackOptions options = DevstackOptions.defaults().withPort(0).withSigningKeyDirectory(keys)
                .withAutomaticSchedules(false);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (Devstack devstack = Devstack.start(options)) {
            String token = devstack.tokenFor("cold-start-probe");
            for (Map.Entry<String, String> call : FIRST_CALLS.entrySet()) {
                String[] route = call.getValue().split(" ");
                HttpRequest request = HttpRequest.newBuilder(URI.create(devstack.apiBase() + route[1]))
                        .timeout(Duration.ofSeconds(120)).header("authorization", "Bearer " + token)
                        .method(route[0], route[0].equals("POST") ? HttpRequest.BodyPublishers.ofString("{}")
                                : HttpRequest.BodyPublishers.noBody()).build();
                long started = System.nanoTime();
                http.send(request, HttpResponse.BodyHandlers.discarding());
                System.out.println(RESULT + call.getKey() + " " + BenchmarkHttp.millisSince(started));
            }
        }
    }
}
