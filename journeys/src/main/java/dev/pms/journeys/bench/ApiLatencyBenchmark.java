package dev.pms.journeys.bench;

import dev.pms.devstack.Devstack;
import dev.pms.devstack.DevstackOptions;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Measures the devstack as a user meets it: start to ready, the first request into a function (cold)
 * against the median of the following ones (warm), and pre-flight for a 40-node campaign with the
 * DynamoDB requests it costs. Every latency is also given as a ratio to a baseline measured in the
 * same run — the gateway's own {@code /_devstack/endpoints}, which reaches no function — because
 * absolute figures on shared machines are noisy.
 */
public final class ApiLatencyBenchmark {
    private static final String FORTY_NODE_LAUNCH = """
            {"campaign_name": "Benchmark launch", "goal": "product_launch", "launch_date": "2027-01-15",
             "channels": ["instagram", "youtube", "email", "linkedin", "amazon"],
             "product_context": {"product_name": "Acme Notes", "product_description": "Notes that write themselves"}}
            """;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        int warmRequests = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int preflightRequests = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        new ApiLatencyBenchmark().run(warmRequests, preflightRequests);
    }

    private void run(int warmRequests, int preflightRequests) throws Exception {
        Path keys = Files.createTempDirectory("pms-bench-keys");
        long startNanos = System.nanoTime();
        try (Devstack devstack = Devstack.start(DevstackOptions.defaults().withPort(0).withSigningKeyDirectory(keys))) {
            URI endpoints = devstack.baseUri().resolve("/_devstack/endpoints");
            expect(200, send("GET", endpoints, null, null));
            double startToReadyMs = millisSince(startNanos);

            String token = devstack.tokenFor("bench-" + UUID.randomUUID());
            URI campaigns = URI.create(devstack.apiBase() + "/campaigns?limit=20");
            URI validate = URI.create(devstack.apiBase() + "/campaigns/validate-preflight");

            double coldListMs = timed(() -> expect(200, send("GET", campaigns, token, null)));
            double coldPreflightMs = timed(() -> expect(200, send("POST", validate, token, FORTY_NODE_LAUNCH)));

            for (int i = 0; i < 20; i++) {
                expect(200, send("GET", endpoints, null, null));
                expect(200, send("GET", campaigns, token, null));
            }
            URI unrouted = URI.create(devstack.apiBase() + "/_bench/unrouted");
            for (int i = 0; i < 20; i++) {
                expect(404, send("GET", unrouted, null, null));
            }
            double baselineMs = median(warmRequests, () -> expect(200, send("GET", endpoints, null, null)));
            double gatewayAloneMs = median(warmRequests, () -> expect(404, send("GET", unrouted, null, null)));
            double warmListMs = median(warmRequests, () -> expect(200, send("GET", campaigns, token, null)));

            String created = send("POST", URI.create(devstack.apiBase() + "/campaigns/create-blueprint"), token,
                    FORTY_NODE_LAUNCH).body();
            expect(201, new Reply(created.contains("campaign_id") ? 201 : 0, created));
            String campaignId = created.replaceAll("(?s).*\"campaign_id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            int nodes = created.split("\"asset_id\"", -1).length - 1;
            URI preflight = URI.create(devstack.apiBase() + "/campaigns/" + campaignId + "/preflight");
            for (int i = 0; i < 10; i++) {
                expect(200, send("POST", preflight, token, "{}"));
            }
            double warmPreflightMs = median(preflightRequests, () -> expect(200, send("POST", preflight, token, "{}")));
            Map<String, Long> before = devstack.localAws().dynamoDbOperationCounts();
            expect(200, send("POST", preflight, token, "{}"));
            Map<String, Long> perPreflight = difference(before, devstack.localAws().dynamoDbOperationCounts());
            before = devstack.localAws().dynamoDbOperationCounts();
            expect(200, send("POST", validate, token, FORTY_NODE_LAUNCH));
            Map<String, Long> perValidate = difference(before, devstack.localAws().dynamoDbOperationCounts());

            System.out.println("API latency through the devstack gateway (java " + System.getProperty("java.version") + ", "
                    + Runtime.getRuntime().availableProcessors() + " cores)");
            System.out.printf(Locale.ROOT, "start to ready (emulators, template, gateway): %8.1f ms%n", startToReadyMs);
            System.out.printf(Locale.ROOT, "baseline GET /_devstack/endpoints, median of %d: %8.2f ms%n", warmRequests, baselineMs);
            System.out.printf(Locale.ROOT, "gateway alone: GET of an unrouted API path (its own 404), median of %d: %8.3f ms%n",
                    warmRequests, gatewayAloneMs);
            System.out.printf(Locale.ROOT, "GET /campaigns cold (first call into the function): %8.1f ms  = %6.1f x baseline%n",
                    coldListMs, coldListMs / baselineMs);
            System.out.printf(Locale.ROOT, "GET /campaigns warm, median of %d: %8.2f ms  = %6.1f x baseline; cold/warm = %.1f%n",
                    warmRequests, warmListMs, warmListMs / baselineMs, coldListMs / warmListMs);
            System.out.printf(Locale.ROOT, "validate-preflight cold (first call into generate-proposals): %8.1f ms%n", coldPreflightMs);
            System.out.printf(Locale.ROOT, "preflight of a stored %d-node campaign warm, median of %d: %8.2f ms  = %6.1f x baseline%n",
                    nodes, preflightRequests, warmPreflightMs, warmPreflightMs / baselineMs);
            System.out.println("DynamoDB requests per stored-campaign preflight: " + perPreflight
                    + "; the campaign is " + campaignItems(devstack, campaignId) + " ("
                    + "strongly consistent reads cost 1 RCU per 4 KB: campaign items + plan + usage items)");
            System.out.println("DynamoDB requests per validate-preflight (nothing stored): " + perValidate);
        }
    }

    /** The campaign's header and node items: how many, and their sizes in bytes. */
    private static String campaignItems(Devstack devstack, String campaignId) {
        try (var dynamo = devstack.localAws().dynamoDbClient()) {
            String table = devstack.endpoints().get("table");
            String header = "CAMPAIGN#" + campaignId;
            List<Long> sizes = dynamo.scan(scan -> scan.tableName(table)).items().stream()
                    .filter(item -> item.get("sk") != null && item.get("sk").s().startsWith(header))
                    .map(DynamoDbCapacityMeter::itemSize).toList();
            return sizes.size() + " items, " + sizes.stream().mapToLong(Long::longValue).sum() + " bytes in all, the largest "
                    + sizes.stream().mapToLong(Long::longValue).max().orElse(0) + " bytes";
        }
    }

    private static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((operation, count) -> {
            long change = count - before.getOrDefault(operation, 0L);
            if (change != 0) {
                delta.put(operation, change);
            }
        });
        return delta;
    }

    private interface Call {
        void run() throws Exception;
    }

    private static double timed(Call call) throws Exception {
        long start = System.nanoTime();
        call.run();
        return millisSince(start);
    }

    private static double median(int count, Call call) throws Exception {
        List<Double> samples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            samples.add(timed(call));
        }
        Collections.sort(samples);
        return count % 2 == 1 ? samples.get(count / 2) : (samples.get(count / 2 - 1) + samples.get(count / 2)) / 2;
    }

    private static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000.0;
    }

    private record Reply(int status, String body) {
    }

    private Reply send(String method, URI uri, String token, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("content-type", "application/json");
        }
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    private static void expect(int status, Reply reply) {
        if (reply.status() != status) {
            throw new IllegalStateException("expected " + status + " but got " + reply.status() + ": " + reply.body());
        }
    }
}
