package dev.pms.journeys.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.aws.dynamodb.AppTable;
import dev.pms.aws.dynamodb.DynamoCampaignRepository;
import dev.pms.aws.dynamodb.PageTokens;
import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.NodeStatus;
import dev.pms.core.json.Json;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.DevstackOptions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * One command: the 40-asset campaign of {@code bench/generation.sh} and the same brief with 25 A/B variants of each
 * deliverable (1,000 nodes), each created, quoted, read, listed, proposed, approved and generated on the devstack
 * (offline providers at a short latency). For each: the time of every step, the largest item stored, the DynamoDB
 * write units of one node move (against what rewriting the whole campaign as one item would cost), and DynamoDB's
 * units and price per generated asset, metered from item sizes ({@link DynamoDbCapacityMeter}).
 * Usage: {@code bench/campaign-scale.sh [--only=40|1000] [--latency-ms=N]}.
 */
public final class CampaignScaleBenchmark {
    private static final double USD_PER_WRITE_UNIT = 0.625 / 1_000_000;
    private static final double USD_PER_READ_UNIT = 0.125 / 1_000_000;
    private static final List<String> FINAL = List.of("succeeded", "completed_with_failures", "failed", "stopped");
    private static final Duration GENERATION_DEADLINE = Duration.ofMinutes(30);

    private final BenchmarkHttp http = new BenchmarkHttp(Duration.ofMinutes(2));

    public static void main(String[] args) throws Exception {
        String only = null;
        int latencyMs = 100;
        for (String arg : args) {
            if (arg.startsWith("--only=")) {
                only = arg.substring("--only=".length());
            } else if (arg.startsWith("--latency-ms=")) {
                latencyMs = Integer.parseInt(arg.substring("--latency-ms=".length()));
            } else {
                throw new IllegalArgumentException("usage: bench/campaign-scale.sh [--only=40|1000] [--latency-ms=N]");
            }
        }
        new CampaignScaleBenchmark().run(only, latencyMs);
    }

    private record Measured(int nodes, double createMs, double quoteMs, double readMs, double listMs, double proposeMs,
                            double approveMs, double generateSeconds, int runs, int ready, int largestItemBytes,
                            double moveWriteUnits, double singleItemMoveWriteUnits,
                            DynamoDbCapacityMeter.Reading generation) {
    }

    private void run(String only, int latencyMs) throws Exception {
        DynamoDbCapacityMeter meter = new DynamoDbCapacityMeter();
        DevstackOptions options = DevstackOptions.defaults().withPort(0).withAutomaticSchedules(false)
                .withSigningKeyDirectory(Files.createTempDirectory("pms-bench-keys"))
                .withParameterOverrides(Map.of("OfflineLatencyMs", String.valueOf(latencyMs)));
        try (Devstack devstack = Devstack.start(options);
             DynamoDbClient dynamo = devstack.localAws().dynamoDbClient(meter)) {
            devstack.functions().addFunctionBeans(meter);
            AppTable table = new AppTable(devstack.resources().tableName("AppTable"));
            List<Measured> results = new ArrayList<>();
            if (only == null || only.equals("40")) {
                results.add(measure(devstack, dynamo, table, 1));
            }
            if (only == null || only.equals("1000")) {
                results.add(measure(devstack, dynamo, table, 25));
            }
            report(results, latencyMs);
        }
    }

    private Measured measure(Devstack devstack, DynamoDbClient dynamo, AppTable table, int abVariants) throws Exception {
        String user = "scale-" + UUID.randomUUID();
        http.send("POST", devstack.baseUri().resolve("/_devstack/plans"), null,
                "{\"user\": \"" + user + "\", \"tier\": \"enterprise\"}", BenchmarkHttp.ANY_SUCCESS);
        String token = devstack.tokenFor(user);
        String api = devstack.apiBase().toString();
        String brief = GenerationBenchmark.CAMPAIGN.replaceFirst("\\{", "{\"ab_variants\": " + abVariants + ", ");

        long started = System.nanoTime();
        JsonNode campaign = http.send("POST", URI.create(api + "/campaigns/create-blueprint"), token, brief, 201);
        double createMs = BenchmarkHttp.millisSince(started);
        String id = campaign.get("campaign_id").asText();
        int nodes = campaign.get("asset_nodes").size();
        started = System.nanoTime();
        http.send("POST", URI.create(api + "/campaigns/validate-preflight"), token, brief, 200);
        double quoteMs = BenchmarkHttp.millisSince(started);
        started = System.nanoTime();
        http.send("GET", URI.create(api + "/campaigns/" + id), token, null, 200);
        double readMs = BenchmarkHttp.millisSince(started);
        started = System.nanoTime();
        JsonNode listed = http.send("GET", URI.create(api + "/campaigns"), token, null, 200);
        double listMs = BenchmarkHttp.millisSince(started);
        if (listed.get("campaigns").get(0).get("asset_nodes").size() != nodes) {
            throw new IllegalStateException("the listing does not carry the campaign's " + nodes + " nodes");
        }
        started = System.nanoTime();
        http.send("POST", URI.create(api + "/campaigns/" + id + "/generate-proposals"), token, "{}", 200);
        double proposeMs = BenchmarkHttp.millisSince(started);
        started = System.nanoTime();
        http.send("POST", URI.create(api + "/campaigns/" + id + "/proposals/approve-all"), token, null, 200);
        double approveMs = BenchmarkHttp.millisSince(started);

        DynamoDbCapacityMeter.start();
        started = System.nanoTime();
        int runs = 0;
        int ready = 0;
        while (true) {
            http.send("POST", URI.create(api + "/campaigns/" + id + "/generation"), token, "{\"autopilot\": true}",
                    BenchmarkHttp.ANY_SUCCESS);
            JsonNode status = awaitGeneration(URI.create(api + "/campaigns/" + id + "/generation"), token);
            runs++;
            Map<String, Integer> statuses = nodeStatuses(http.send("GET", URI.create(api + "/campaigns/" + id), token,
                    null, 200));
            ready = statuses.getOrDefault("ready", 0);
            if (!status.get("status").asText().equals("succeeded")) {
                System.out.println("generation run " + runs + " of the " + nodes + "-node campaign ended "
                        + status.get("status").asText() + ": " + status.path("error").asText(status.toString()));
                break;
            }
            if (statuses.getOrDefault("approved", 0) == 0) {
                break;
            }
        }
        double generateSeconds = BenchmarkHttp.millisSince(started) / 1000;
        DynamoDbCapacityMeter.Reading generation = DynamoDbCapacityMeter.stop();

        DynamoCampaignRepository campaigns = new DynamoCampaignRepository(dynamo, table, new PageTokens(() -> new byte[32]));
        Campaign stored = campaigns.find(user, id).orElseThrow();
        List<AssetNode> moved = new ArrayList<>(stored.assetNodes());
        moved.set(0, moved.get(0).withStatus(NodeStatus.APPROVED_FOR_PUBLISH));
        DynamoDbCapacityMeter.start();
        campaigns.update(stored.withNodes(moved).revised(Instant.now()), stored.version());
        double moveWriteUnits = DynamoDbCapacityMeter.stop().writeUnits();
        int singleItemBytes = Json.write(stored).getBytes(StandardCharsets.UTF_8).length;

        return new Measured(nodes, createMs, quoteMs, readMs, listMs, proposeMs, approveMs, generateSeconds, runs, ready,
                largestItemBytes(dynamo, table, user), moveWriteUnits, Math.ceil(singleItemBytes / 1024.0), generation);
    }

    private static Map<String, Integer> nodeStatuses(JsonNode campaign) {
        Map<String, Integer> counts = new TreeMap<>();
        campaign.get("asset_nodes").forEach(node -> counts.merge(node.get("status").asText(), 1, Integer::sum));
        return counts;
    }

    private JsonNode awaitGeneration(URI status, String token) throws Exception {
        long deadline = System.nanoTime() + GENERATION_DEADLINE.toNanos();
        while (true) {
            JsonNode polled = http.send("GET", status, token, null, 200);
            if (FINAL.contains(polled.get("status").asText())) {
                return polled;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("generation still " + polled.get("status").asText() + " after "
                        + GENERATION_DEADLINE);
            }
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
        }
    }

    /** DynamoDB's item size (attribute names and values in UTF-8) of the largest item in the user's partition. */
    private static int largestItemBytes(DynamoDbClient dynamo, AppTable table, String user) {
        int largest = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = dynamo.query(query -> query.tableName(table.name()).keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(AppTable.tenantKey(user))))
                    .exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : page.items()) {
                largest = Math.max(largest, (int) DynamoDbCapacityMeter.itemSize(item));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return largest;
    }

    private static void report(List<Measured> results, int latencyMs) {
        System.out.printf(Locale.ROOT, "%ncampaign scale on the devstack (offline providers at %d ms; %d cores, load %s)%n",
                latencyMs, Runtime.getRuntime().availableProcessors(), loadAverage());
        System.out.printf(Locale.ROOT, "%6s %9s %8s %8s %8s %10s %10s %9s %7s %9s %12s %14s %16s%n", "nodes", "create ms",
                "quote ms", "read ms", "list ms", "propose ms", "approve ms", "generate", "ready", "largest",
                "WU/node move", "as one item", "USD/1,000 assets");
        for (Measured m : results) {
            double perAssetUsd = (m.generation().writeUnits() * USD_PER_WRITE_UNIT
                    + m.generation().readUnits() * USD_PER_READ_UNIT) / Math.max(1, m.ready());
            System.out.printf(Locale.ROOT, "%6d %9.0f %8.0f %8.0f %8.0f %10.0f %10.0f %8.1fs %7d %7.1fKB %12.1f %14.0f %16.4f%n",
                    m.nodes(), m.createMs(), m.quoteMs(), m.readMs(), m.listMs(), m.proposeMs(), m.approveMs(),
                    m.generateSeconds(), m.ready(), m.largestItemBytes() / 1024.0, m.moveWriteUnits(),
                    m.singleItemMoveWriteUnits(), perAssetUsd * 1000);
            System.out.printf(Locale.ROOT, "       generation in %d run(s) of at most 98 assets; per asset: %.1f write units, %.1f read units, %.1f DynamoDB calls%n",
                    m.runs(), m.generation().writeUnits() / Math.max(1, m.ready()), m.generation().readUnits() / Math.max(1, m.ready()),
                    (double) m.generation().calls() / Math.max(1, m.ready()));
        }
        System.out.println("WU/node move: DynamoDB write units of one node's status change (header + that node, written in one"
                + " transaction, which counts twice); as one item: the units the same change cost when a campaign was one"
                + " item rewritten whole. USD/1,000 assets: DynamoDB on-demand units of the generation run only"
                + " ($0.625 per million write units, $0.125 per million read units), metered from item sizes.");
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "n/a";
        }
    }
}
