package dev.pms.journeys.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.campaign.AssetNode;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.MediaProvider;
import dev.pms.core.json.Json;
import dev.pms.core.pricing.QualityTier;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.DevstackOptions;
import dev.pms.providers.offline.InjectedFaults;
import dev.pms.providers.offline.OfflineProviders;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.time.Instant;
import java.util.TreeMap;
import software.amazon.awssdk.regions.Region;

/**
 * Campaign generation of a 40-asset campaign (images and copy across six channels) on the devstack with the offline
 * providers at 1 s injected latency and a concurrency of 8 — or, with argument {@code 400}, ten such campaigns
 * generated at once at a concurrency of 32: wall time from the first start request to the last finalized run, against
 * baselines measured in the same process — the same provider calls made one after another, and made by as many
 * threads as the concurrency (the ideal the workflow can approach) — the status reads made during the run against the
 * gateway's own baseline read interleaved with them, and the AWS operations per asset, priced with list prices.
 */
public final class GenerationBenchmark {
    /** The 40-asset campaign (six channels) the generation benchmarks run. */
    static final String CAMPAIGN = """
            {"campaign_name": "Acme Notes forty", "goal": "product_launch",
             "channels": ["email", "linkedin", "facebook", "pinterest", "twitter", "meta_ads"],
             "product_context": {"product_name": "Acme Notes", "product_description": "Notes that write themselves"}}
            """;
    private static final int LATENCY_MS = 1000;
    private static final List<String> FINAL = List.of("succeeded", "completed_with_failures", "failed", "stopped");
    private static final double SFN_PER_TRANSITION = 0.025 / 1000;
    private static final double DYNAMO_PER_WRITE = 0.625 / 1_000_000;
    private static final double DYNAMO_PER_READ = 0.125 / 1_000_000;
    private static final double SQS_PER_REQUEST = 0.40 / 1_000_000;
    private static final double S3_PER_PUT = 0.005 / 1000;
    private static final double LAMBDA_PER_REQUEST = 0.20 / 1_000_000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("media")) {
            new GenerationBenchmark().media();
        } else {
            new GenerationBenchmark().run(Scale.of(args));
        }
    }

    /**
     * Issue 8's figure: two videos and two voice-overs (the YouTube voice-over and the presenter avatar that speaks
     * one) generated through the workflow with the offline engines, no injected latency: wall time and bytes stored.
     */
    private void media() throws Exception {
        Path keys = Files.createTempDirectory("pms-bench-keys");
        DevstackOptions options = DevstackOptions.defaults().withPort(0).withSigningKeyDirectory(keys)
                .withAutomaticSchedules(false);
        try (Devstack devstack = Devstack.start(options)) {
            String user = "bench-" + UUID.randomUUID();
            send("POST", devstack.baseUri().resolve("/_devstack/plans"), null,
                    "{\"user\": \"" + user + "\", \"tier\": \"enterprise\"}");
            String token = devstack.tokenFor(user);
            String api = devstack.apiBase().toString();
            JsonNode campaign = send("POST", URI.create(api + "/campaigns/create-blueprint"), token,
                    "{\"campaign_name\": \"Acme Notes video\", \"goal\": \"product_launch\", \"channels\": [\"youtube\"],"
                            + " \"product_context\": {\"product_name\": \"Acme Notes\","
                            + " \"product_description\": \"Notes that write themselves\"}}");
            String id = campaign.get("campaign_id").asText();
            JsonNode proposals = send("POST", URI.create(api + "/campaigns/" + id + "/generate-proposals"), token, "{}")
                    .get("proposals");
            int videos = 0;
            int voices = 0;
            for (JsonNode node : campaign.get("asset_nodes")) {
                String type = node.get("asset_type").asText();
                boolean take = type.equals("video") && videos < 2 || (type.equals("audio") || type.equals("avatar")) && voices < 2;
                if (take) {
                    send("PATCH", URI.create(api + "/campaigns/" + id + "/proposals/" + node.get("asset_id").asText()),
                            token, "{\"action\": \"approve\", \"version\": "
                                    + proposals.get(node.get("asset_id").asText()).get("version").asLong() + "}");
                    if (type.equals("video")) {
                        videos++;
                    } else {
                        voices++;
                    }
                }
            }
            long started = System.nanoTime();
            send("POST", URI.create(api + "/campaigns/" + id + "/generation"), token, null);
            JsonNode polled;
            do {
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
                polled = send("GET", URI.create(api + "/campaigns/" + id + "/generation"), token, null);
                JsonNode status = polled;
                if (status.get("status").asText().equals("awaiting_approval")) {
                    send("POST", URI.create(api + "/campaigns/" + id + "/generation/approve"), token,
                            "{\"approve_pending\": false}");
                }
            } while (!FINAL.contains(polled.get("status").asText()));
            JsonNode status = polled;
            double seconds = (System.nanoTime() - started) / 1e9;
            long total = 0;
            if (System.getenv("BENCH_DEBUG") != null) {
                URI endpoint = URI.create(devstack.endpoints().get("stepfunctions"));
                try (SfnClient sfn = SfnClient.builder().endpointOverride(endpoint)
                        .region(Region.of(devstack.localAws().region()))
                        .credentialsProvider(devstack.localAws().credentialsProvider()).build()) {
                    sfn.getExecutionHistoryPaginator(get -> get.executionArn(status.get("execution_id").asText()))
                            .events().forEach(event -> System.out.println(event.typeAsString() + " "
                                    + (event.stateExitedEventDetails() == null ? ""
                                    : event.stateExitedEventDetails().name() + " " + event.stateExitedEventDetails().output())));
                }
            }
            System.out.printf(Locale.ROOT, "run %s in %.2f s (start request -> finalized, approval included)%s%n",
                    status.get("status").asText(), seconds,
                    status.hasNonNull("error") ? ": " + status.get("error").asText() : "");
            for (JsonNode listed : send("GET", URI.create(api + "/assets?campaign_id=" + id), token, null).get("assets")) {
                total += listed.get("bytes").asLong();
                System.out.printf(Locale.ROOT, "  %-6s %-14s %s %dx%d %.2f s, %,d bytes, made in %.2f s (%s)%n",
                        listed.get("asset_type").asText(), listed.get("placement").asText(),
                        listed.get("mime_type").asText(), listed.path("width").asInt(), listed.path("height").asInt(),
                        listed.path("duration_seconds").asDouble(), listed.get("bytes").asLong(),
                        listed.get("generation_ms").asLong() / 1000.0, listed.path("details").path("engine").asText(
                                listed.path("details").path("audio_engine").asText("")));
            }
            System.out.printf(Locale.ROOT, "%d assets, %,d bytes stored%n", videos + voices, total);
        }
    }

    /** The run's size: how many 40-asset campaigns are generated at once, and the provider concurrency. */
    private record Scale(int campaigns, int concurrency) {
        static Scale of(String[] args) {
            return args.length > 0 && args[0].equals("400") ? new Scale(10, 32) : new Scale(1, 8);
        }
    }

    private void run(Scale scale) throws Exception {
        Path keys = Files.createTempDirectory("pms-bench-keys");
        DevstackOptions options = DevstackOptions.defaults().withPort(0).withSigningKeyDirectory(keys)
                .withAutomaticSchedules(false)
                .withParameterOverrides(Map.of("OfflineLatencyMs", String.valueOf(LATENCY_MS),
                        "ProviderConcurrency", String.valueOf(scale.concurrency())));
        try (Devstack devstack = Devstack.start(options)) {
            String user = "bench-" + UUID.randomUUID();
            send("POST", devstack.baseUri().resolve("/_devstack/plans"), null,
                    "{\"user\": \"" + user + "\", \"tier\": \"enterprise\"}");
            String token = devstack.tokenFor(user);
            String api = devstack.apiBase().toString();
            URI gatewayBaseline = devstack.baseUri().resolve("/_devstack/endpoints");
            List<JsonNode> campaigns = new ArrayList<>();
            for (int c = 0; c < scale.campaigns(); c++) {
                JsonNode campaign = send("POST", URI.create(api + "/campaigns/create-blueprint"), token, CAMPAIGN);
                String id = campaign.get("campaign_id").asText();
                send("POST", URI.create(api + "/campaigns/" + id + "/generate-proposals"), token, "{}");
                approveAll(URI.create(api + "/campaigns/" + id + "/proposals/approve-all"), token);
                campaigns.add(campaign);
            }
            int assets = campaigns.stream().mapToInt(campaign -> campaign.get("asset_nodes").size()).sum();
            warmUp(devstack, token, api);

            Map<String, Long> dynamoBefore = new HashMap<>(devstack.localAws().dynamoDbOperationCounts());
            long started = System.nanoTime();
            List<String> executions = new ArrayList<>();
            for (JsonNode campaign : campaigns) {
                executions.add(send("POST", URI.create(api + "/campaigns/" + campaign.get("campaign_id").asText()
                        + "/generation"), token, "{\"autopilot\": true}").get("execution_id").asText());
            }
            List<Double> statusMillis = new ArrayList<>();
            List<Double> baselineMillis = new ArrayList<>();
            Map<String, JsonNode> finished = new LinkedHashMap<>();
            int polls = 0;
            while (finished.size() < campaigns.size()) {
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
                for (JsonNode campaign : campaigns) {
                    String id = campaign.get("campaign_id").asText();
                    if (finished.containsKey(id)) {
                        continue;
                    }
                    long baselineStarted = System.nanoTime();
                    send("GET", gatewayBaseline, null, null);
                    baselineMillis.add(BenchmarkHttp.millisSince(baselineStarted));
                    long statusStarted = System.nanoTime();
                    JsonNode status = send("GET", URI.create(api + "/campaigns/" + id + "/generation"), token, null);
                    statusMillis.add(BenchmarkHttp.millisSince(statusStarted));
                    polls++;
                    if (FINAL.contains(status.get("status").asText())) {
                        finished.put(id, status);
                    }
                }
            }
            double workflowSeconds = (System.nanoTime() - started) / 1e9;
            Map<String, Long> dynamo = delta(devstack.localAws().dynamoDbOperationCounts(), dynamoBefore);
            Map<String, Long> beforePoll = new HashMap<>(devstack.localAws().dynamoDbOperationCounts());
            send("GET", URI.create(api + "/campaigns/" + campaigns.get(0).get("campaign_id").asText() + "/generation"),
                    token, null);
            Map<String, Long> onePoll = delta(devstack.localAws().dynamoDbOperationCounts(), beforePoll);
            int pollCount = polls;
            onePoll.forEach((operation, count) -> dynamo.computeIfPresent(operation,
                    (key, total) -> Math.max(0, total - count * pollCount)));
            int transitions = 0;
            long objects = 0;
            for (int c = 0; c < campaigns.size(); c++) {
                transitions += transitions(devstack, executions.get(c));
                objects += storedObjects(devstack, campaigns.get(c).get("campaign_id").asText());
            }

            List<Double> providerSeconds = new ArrayList<>();
            Instant first = null;
            Instant last = null;
            int ready = 0;
            for (JsonNode campaign : campaigns) {
                String id = campaign.get("campaign_id").asText();
                ready += finished.get(id).get("progress").get("ready").asInt();
                JsonNode listed = send("GET", URI.create(api + "/assets?campaign_id=" + id + "&limit=200"), token, null);
                for (JsonNode asset : listed.get("assets")) {
                    providerSeconds.add(asset.get("generation_ms").asLong() / 1000.0);
                    Instant created = Instant.parse(asset.get("created_at").asText());
                    Instant updated = Instant.parse(asset.get("updated_at").asText());
                    first = first == null || created.isBefore(first) ? created : first;
                    last = last == null || updated.isAfter(last) ? updated : last;
                }
            }
            providerSeconds.sort(Double::compare);
            double reservedToLastReady = Duration.between(first, last).toMillis() / 1000.0;

            List<JsonNode> nodes = new ArrayList<>();
            campaigns.forEach(campaign -> campaign.get("asset_nodes").forEach(nodes::add));
            double sequential = scale.campaigns() == 1 ? baseline(nodes, 1) : Double.NaN;
            double parallel = baseline(nodes, scale.concurrency());
            double ideal = Math.ceil(assets / (double) scale.concurrency()) * LATENCY_MS / 1000.0;

            long reads = dynamo.entrySet().stream().filter(e -> isRead(e.getKey())).mapToLong(Map.Entry::getValue).sum();
            long writes = dynamo.entrySet().stream().filter(e -> !isRead(e.getKey())).mapToLong(Map.Entry::getValue).sum();
            long sqsRequests = 3L * assets;
            long lambdaInvocations = assets + 3L * campaigns.size();
            double usd = transitions * SFN_PER_TRANSITION + writes * DYNAMO_PER_WRITE + reads * DYNAMO_PER_READ
                    + sqsRequests * SQS_PER_REQUEST + objects * S3_PER_PUT + lambdaInvocations * LAMBDA_PER_REQUEST;
            List<String> outcomes = finished.values().stream().map(status -> status.get("status").asText()).distinct().toList();

            System.out.printf(Locale.ROOT, "%d campaign(s), %d assets (images and copy), offline providers at %d ms, "
                            + "concurrency %d; runs %s, %d ready (%d cores, load average %.1f at the end)%n",
                    campaigns.size(), assets, LATENCY_MS, scale.concurrency(), outcomes, ready,
                    Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.printf(Locale.ROOT, "workflow start -> finalized: %.2f s%n", workflowSeconds);
            System.out.printf(Locale.ROOT, "  of which reservation -> last asset ready: %.2f s; per asset provider call to stored: "
                            + "median %.2f s, max %.2f s%n", reservedToLastReady,
                    providerSeconds.get(providerSeconds.size() / 2), providerSeconds.get(providerSeconds.size() - 1));
            System.out.printf(Locale.ROOT, "baseline, same %d provider calls on %d threads (measured): %.2f s -> workflow/that = %.2fx%n",
                    assets, scale.concurrency(), parallel, workflowSeconds / parallel);
            if (!Double.isNaN(sequential)) {
                System.out.printf(Locale.ROOT, "baseline, same %d provider calls one after another (measured): %.2f s -> that/workflow = %.2fx faster%n",
                        assets, sequential, sequential / workflowSeconds);
            }
            System.out.printf(Locale.ROOT, "ideal ceil(%d/%d) x %.1f s = %.1f s -> workflow/ideal = %.2fx%n",
                    assets, scale.concurrency(), LATENCY_MS / 1000.0, ideal, workflowSeconds / ideal);
            double statusP50 = BenchmarkHttp.median(statusMillis);
            double baselineP50 = BenchmarkHttp.median(baselineMillis);
            System.out.printf(Locale.ROOT, "status reads during the run: GET .../generation p50 %.1f ms (max %.1f ms) over %d reads; "
                            + "gateway baseline GET /_devstack/endpoints, interleaved, p50 %.1f ms -> status/baseline = %.2fx%n",
                    statusP50, statusMillis.stream().mapToDouble(Double::doubleValue).max().orElse(0), statusMillis.size(),
                    baselineP50, statusP50 / baselineP50);
            System.out.printf(Locale.ROOT, "(%d status polls during the run, %s each, are left out of the counts)%n",
                    polls, onePoll);
            System.out.printf(Locale.ROOT, "per asset: %.1f state transitions, %.1f DynamoDB reads, %.1f DynamoDB writes %s, "
                            + "%.1f S3 PUT, %.0f SQS requests (send, receive, delete), %.2f Lambda invocations%n",
                    transitions / (double) assets, reads / (double) assets, writes / (double) assets, dynamo,
                    objects / (double) assets, sqsRequests / (double) assets, lambdaInvocations / (double) assets);
            System.out.printf(Locale.ROOT, "AWS request cost per asset (list prices, 1 capacity unit per operation, "
                    + "Lambda duration not included): $%.7f; per 1,000 assets: $%.4f%n", usd / assets, usd / assets * 1000);
        }
    }

    /** Approves every proposal, once more when a 409 says a proposal changed meanwhile (as the answer asks). */
    private void approveAll(URI uri, String token) throws IOException, InterruptedException {
        try {
            send("POST", uri, token, null);
        } catch (IllegalStateException conflict) {
            if (!conflict.getMessage().contains(" answered 409")) {
                throw conflict;
            }
            send("POST", uri, token, null);
        }
    }

    private void warmUp(Devstack devstack, String token, String api) throws Exception {
        String warmUser = "warm-" + UUID.randomUUID();
        send("POST", devstack.baseUri().resolve("/_devstack/plans"), null,
                "{\"user\": \"" + warmUser + "\", \"tier\": \"enterprise\"}");
        String warmToken = devstack.tokenFor(warmUser);
        JsonNode small = send("POST", URI.create(api + "/campaigns/create-blueprint"), warmToken,
                "{\"campaign_name\": \"warm\", \"goal\": \"awareness\", \"channels\": [\"linkedin\"]}");
        String id = small.get("campaign_id").asText();
        send("POST", URI.create(api + "/campaigns/" + id + "/generation"), warmToken, "{\"autopilot\": true}");
        JsonNode status;
        do {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            status = send("GET", URI.create(api + "/campaigns/" + id + "/generation"), warmToken, null);
        } while (!List.of("succeeded", "completed_with_failures", "failed", "stopped")
                .contains(status.get("status").asText()));
    }

    private static double baseline(List<JsonNode> nodes, int threads) throws Exception {
        ChannelCatalog catalog = ChannelCatalog.load();
        MediaProvider provider = InjectedFaults.around(new OfflineProviders(), Duration.ofMillis(LATENCY_MS), 0, 1);
        List<GenerationRequest> requests = new ArrayList<>();
        for (JsonNode node : nodes) {
            AssetNode parsed = Json.mapper().treeToValue(node, AssetNode.class);
            requests.add(new GenerationRequest(UUID.randomUUID().toString(), parsed.assetId(), parsed.assetType(),
                    catalog.requirePlacement(parsed.placement()), "A launch visual for Acme Notes",
                    "Write less, remember more", "Acme Notes turns every meeting into next steps.",
                    Map.of("product_name", "Acme Notes"), List.of("#1F6FEB", "#0D1117"), List.of(), "offline", null,
                    QualityTier.STANDARD, null, null));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long started = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (GenerationRequest request : requests) {
                done.add(pool.submit(() -> provider.submit(request)));
            }
            for (Future<?> future : done) {
                future.get();
            }
            return (System.nanoTime() - started) / 1e9;
        } finally {
            pool.shutdownNow();
        }
    }

    private static int transitions(Devstack devstack, String executionArn) {
        URI endpoint = URI.create(devstack.endpoints().get("stepfunctions"));
        try (SfnClient sfn = SfnClient.builder().endpointOverride(endpoint)
                .region(Region.of(devstack.localAws().region()))
                .credentialsProvider(devstack.localAws().credentialsProvider()).build()) {
            int entered = 0;
            for (HistoryEvent event : sfn.getExecutionHistoryPaginator(get -> get.executionArn(executionArn)
                    .maxResults(1000)).events()) {
                if (event.typeAsString().endsWith("StateEntered")) {
                    entered++;
                }
            }
            return entered;
        }
    }

    private static long storedObjects(Devstack devstack, String campaignId) {
        String bucket = devstack.endpoints().get("bucket");
        try (var s3 = devstack.localAws().s3Client()) {
            return s3.listObjectsV2Paginator(list -> list.bucket(bucket).prefix("assets/")).contents().stream()
                    .filter(object -> object.key().contains("/" + campaignId + "/")).count();
        }
    }

    private static boolean isRead(String operation) {
        return operation.contains("Get") || operation.contains("Query") || operation.contains("Scan")
                || operation.contains("Describe");
    }

    private static Map<String, Long> delta(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((operation, count) -> {
            long change = count - before.getOrDefault(operation, 0L);
            if (change > 0) {
                delta.put(operation.replace("DynamoDB_20120810.", ""), change);
            }
        });
        return delta;
    }

    private JsonNode send(String method, URI uri, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("content-type", "application/json");
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return Json.mapper().readTree(response.body());
    }
}
