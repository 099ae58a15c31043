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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
 * providers at 1 s injected latency and a concurrency of 8: wall time from the start request to the finalized run,
 * against two baselines measured in the same process — the same 40 provider calls made one after another, and made
 * by 8 threads (the ideal the workflow can approach) — and the AWS operations per asset, priced with list prices.
 */
public final class GenerationBenchmark {
    /** The 40-asset campaign (six channels) the generation benchmarks run. */
    static final String CAMPAIGN = """
            {"campaign_name": "Acme Notes forty", "goal": "product_launch",
             "channels": ["email", "linkedin", "facebook", "pinterest", "twitter", "meta_ads"],
             "product_context": {"product_name": "Acme Notes", "product_description": "Notes that write themselves"}}
            """;
    private static final int LATENCY_MS = 1000;
    private static final int CONCURRENCY = 8;
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
            new GenerationBenchmark().run();
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
            } while (!List.of("succeeded", "completed_with_failures", "failed", "stopped")
                    .contains(polled.get("status").asText()));
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

    private void run() throws Exception {
        Path keys = Files.createTempDirectory("pms-bench-keys");
        DevstackOptions options = DevstackOptions.defaults().withPort(0).withSigningKeyDirectory(keys)
                .withAutomaticSchedules(false)
                .withParameterOverrides(Map.of("OfflineLatencyMs", String.valueOf(LATENCY_MS),
                        "ProviderConcurrency", String.valueOf(CONCURRENCY)));
        try (Devstack devstack = Devstack.start(options)) {
            String user = "bench-" + UUID.randomUUID();
            send("POST", devstack.baseUri().resolve("/_devstack/plans"), null,
                    "{\"user\": \"" + user + "\", \"tier\": \"enterprise\"}");
            String token = devstack.tokenFor(user);
            String api = devstack.apiBase().toString();
            JsonNode campaign = send("POST", URI.create(api + "/campaigns/create-blueprint"), token, CAMPAIGN);
            String id = campaign.get("campaign_id").asText();
            int assets = campaign.get("asset_nodes").size();
            send("POST", URI.create(api + "/campaigns/" + id + "/generate-proposals"), token, "{}");
            send("POST", URI.create(api + "/campaigns/" + id + "/proposals/approve-all"), token, null);
            warmUp(devstack, token, api);

            Map<String, Long> dynamoBefore = new HashMap<>(devstack.localAws().dynamoDbOperationCounts());
            long started = System.nanoTime();
            JsonNode start = send("POST", URI.create(api + "/campaigns/" + id + "/generation"), token,
                    "{\"autopilot\": true}");
            JsonNode status;
            int polls = 0;
            do {
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
                status = send("GET", URI.create(api + "/campaigns/" + id + "/generation"), token, null);
                polls++;
            } while (!List.of("succeeded", "completed_with_failures", "failed", "stopped")
                    .contains(status.get("status").asText()));
            double workflowSeconds = (System.nanoTime() - started) / 1e9;
            Map<String, Long> dynamo = delta(devstack.localAws().dynamoDbOperationCounts(), dynamoBefore);
            Map<String, Long> beforePoll = new HashMap<>(devstack.localAws().dynamoDbOperationCounts());
            send("GET", URI.create(api + "/campaigns/" + id + "/generation"), token, null);
            Map<String, Long> onePoll = delta(devstack.localAws().dynamoDbOperationCounts(), beforePoll);
            int pollCount = polls;
            onePoll.forEach((operation, count) -> dynamo.computeIfPresent(operation,
                    (key, total) -> Math.max(0, total - count * pollCount)));
            int transitions = transitions(devstack, start.get("execution_id").asText());
            long objects = storedObjects(devstack, id);

            JsonNode listed = send("GET", URI.create(api + "/assets?campaign_id=" + id + "&limit=200"), token, null);
            List<Double> providerSeconds = new ArrayList<>();
            Instant first = null;
            Instant last = null;
            for (JsonNode asset : listed.get("assets")) {
                providerSeconds.add(asset.get("generation_ms").asLong() / 1000.0);
                Instant created = Instant.parse(asset.get("created_at").asText());
                Instant updated = Instant.parse(asset.get("updated_at").asText());
                first = first == null || created.isBefore(first) ? created : first;
                last = last == null || updated.isAfter(last) ? updated : last;
            }
            providerSeconds.sort(Double::compare);
            double reservedToLastReady = Duration.between(first, last).toMillis() / 1000.0;

            double sequential = baseline(campaign, 1);
            double parallel = baseline(campaign, CONCURRENCY);
            double ideal = Math.ceil(assets / (double) CONCURRENCY) * LATENCY_MS / 1000.0;

            long reads = dynamo.entrySet().stream().filter(e -> isRead(e.getKey())).mapToLong(Map.Entry::getValue).sum();
            long writes = dynamo.entrySet().stream().filter(e -> !isRead(e.getKey())).mapToLong(Map.Entry::getValue).sum();
            long sqsRequests = 3L * assets;
            long lambdaInvocations = assets + 3;
            double usd = transitions * SFN_PER_TRANSITION + writes * DYNAMO_PER_WRITE + reads * DYNAMO_PER_READ
                    + sqsRequests * SQS_PER_REQUEST + objects * S3_PER_PUT + lambdaInvocations * LAMBDA_PER_REQUEST;

            System.out.printf(Locale.ROOT, "campaign: %d assets (%s), offline providers at %d ms, concurrency %d; run %s, %d ready%n",
                    assets, "images and copy", LATENCY_MS, CONCURRENCY, status.get("status").asText(),
                    status.get("progress").get("ready").asInt());
            System.out.printf(Locale.ROOT, "workflow start -> finalized: %.2f s%n", workflowSeconds);
            System.out.printf(Locale.ROOT, "  of which reservation -> last asset ready: %.2f s; per asset provider call to stored: "
                            + "median %.2f s, max %.2f s%n", reservedToLastReady,
                    providerSeconds.get(providerSeconds.size() / 2), providerSeconds.get(providerSeconds.size() - 1));
            System.out.printf(Locale.ROOT, "baseline, same 40 provider calls on 8 threads (measured): %.2f s -> workflow/that = %.2fx%n",
                    parallel, workflowSeconds / parallel);
            System.out.printf(Locale.ROOT, "baseline, same 40 provider calls one after another (measured): %.2f s -> that/workflow = %.2fx faster%n",
                    sequential, sequential / workflowSeconds);
            System.out.printf(Locale.ROOT, "ideal ceil(%d/%d) x %.1f s = %.1f s -> workflow/ideal = %.2fx%n",
                    assets, CONCURRENCY, LATENCY_MS / 1000.0, ideal, workflowSeconds / ideal);
            System.out.printf(Locale.ROOT, "(%d status polls every 100 ms during the run, %s each, are left out of the counts)%n",
                    polls, onePoll);
            System.out.printf(Locale.ROOT, "per asset: %.1f state transitions, %.1f DynamoDB reads, %.1f DynamoDB writes %s, "
                            + "%.1f S3 PUT, %.0f SQS requests (send, receive, delete), %.2f Lambda invocations%n",
                    transitions / (double) assets, reads / (double) assets, writes / (double) assets, dynamo,
                    objects / (double) assets, sqsRequests / (double) assets, lambdaInvocations / (double) assets);
            System.out.printf(Locale.ROOT, "AWS request cost per asset (list prices, 1 capacity unit per operation, "
                    + "Lambda duration not included): $%.7f; per 1,000 assets: $%.4f%n", usd / assets, usd / assets * 1000);
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

    private static double baseline(JsonNode campaign, int threads) throws Exception {
        ChannelCatalog catalog = ChannelCatalog.load();
        MediaProvider provider = InjectedFaults.around(new OfflineProviders(), Duration.ofMillis(LATENCY_MS), 0, 1);
        List<GenerationRequest> requests = new ArrayList<>();
        for (JsonNode node : campaign.get("asset_nodes")) {
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
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
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
