package dev.pms.journeys.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.aws.dynamodb.AppTable;
import dev.pms.aws.dynamodb.DynamoActiveCampaignIndex;
import dev.pms.aws.dynamodb.DynamoCampaignRepository;
import dev.pms.aws.dynamodb.PageTokens;
import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignStatus;
import dev.pms.core.campaign.NodeStatus;
import dev.pms.core.channel.Channel;
import dev.pms.core.common.Page;
import dev.pms.core.json.Json;
import dev.pms.core.optimization.CampaignRef;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.DevstackOptions;
import dev.pms.devstack.functions.InProcessFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * One scheduled optimisation run over N active campaigns of 40 assets, each asset with a week of daily metrics, on the
 * devstack: wall time, DynamoDB read/write units (metered from item sizes, see {@link DynamoDbCapacityMeter}), Lambda
 * GB-seconds at the template's MemorySize, and their list price; beside a baseline measured in the same run: paging
 * the active-campaign index alone, doing no work. Two days are measured: a steady-state day over N campaigns (no new
 * insight, nothing to propose) and a first day of insights (two experiments proposed per campaign) over a smaller
 * table, scaled to N.
 *
 * <p>moto scans the whole table for every query and copies it for every item of a transaction, so each campaign is
 * seeded with only the items the day's run reads (a steady-state day reads the campaign and its metrics; a first day
 * also the current proposals): DynamoDB's own cost does not depend on the rest of the table.
 *
 * <p>Seeding goes straight to DynamoDB (not the API, which would take an hour): one real campaign is planned and
 * proposed through the gateway, then copied N times with fresh ids.
 */
public final class OptimizationBenchmark {
    static final double LAMBDA_ARM_GB_SECOND_USD = 0.0000133334;
    static final double LAMBDA_REQUEST_USD = 0.20 / 1_000_000;
    static final double WRITE_UNIT_USD = 0.625 / 1_000_000;
    static final double READ_UNIT_USD = 0.125 / 1_000_000;
    static final int DAYS_OF_METRICS = 7;
    /**
     * Assumed in-region DynamoDB latency per call for the AWS estimate (single-digit milliseconds is DynamoDB's
     * published typical latency; 8 ms leaves room for the transactions and 40-item queries).
     */
    static final double AWS_DYNAMODB_MS_PER_CALL = 8;
    private static final String FORTY_NODE_LAUNCH = """
            {"campaign_name": "Optimisation benchmark", "goal": "product_launch", "launch_date": "%s", "kpi": "2,000 sign-ups",
             "channels": ["instagram", "youtube", "email", "linkedin", "amazon"],
             "product_context": {"product_name": "Acme Notes", "product_description": "Notes that write themselves"}}
            """;
    /** Click-through rate of each channel's assets in the seeded metrics; conversions are 8 % of clicks. */
    private static final Map<Channel, Double> CTR_WINNERS = Map.of(Channel.INSTAGRAM, 0.012, Channel.YOUTUBE, 0.02,
            Channel.EMAIL, 0.035, Channel.LINKEDIN, 0.028, Channel.AMAZON, 0.009);
    /** The same rate everywhere: no comparison holds, so the run proposes nothing (a day after the first). */
    private static final Map<Channel, Double> CTR_FLAT = Map.of(Channel.INSTAGRAM, 0.02, Channel.YOUTUBE, 0.02,
            Channel.EMAIL, 0.02, Channel.LINKEDIN, 0.02, Channel.AMAZON, 0.02);

    public static void main(String[] args) throws Exception {
        int campaigns = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        int proposing = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        System.out.println("== steady-state day: " + campaigns + " active campaigns whose metrics hold no new insight");
        Measured steady = scenario(campaigns, CTR_FLAT, List.of("METRICS#"));
        System.out.println();
        System.out.println("== first day of insights: " + proposing + " active campaigns, each proposing 2 experiments");
        Measured first = scenario(proposing, CTR_WINNERS, List.of("METRICS#", "PROPCUR#"));
        System.out.println();
        double scale = (double) campaigns / proposing;
        DynamoDbCapacityMeter.Reading scaled = new DynamoDbCapacityMeter.Reading(first.run().readUnits() * scale,
                first.run().writeUnits() * scale, Math.round(first.run().calls() * scale));
        System.out.printf(Locale.ROOT, "first day of insights scaled to %d campaigns (per-campaign units and times x %.0f): "
                        + "%.0f read units, %.0f write units, %d calls; local %.0f s, %.0f GB-s, USD %.4f; estimated on AWS "
                        + "%.0f s, %.0f GB-s, USD %.4f%n",
                campaigns, scale, scaled.readUnits(), scaled.writeUnits(), scaled.calls(), first.seconds() * scale,
                first.seconds() * scale * first.memoryMb() / 1024.0, usd(first.seconds() * scale, first.memoryMb(), scaled),
                first.awsSeconds() * scale, first.awsSeconds() * scale * first.memoryMb() / 1024.0,
                usd(first.awsSeconds() * scale, first.memoryMb(), scaled));
        System.out.println("units are metered from item sizes by DynamoDB's rules (moto reports fixed numbers); wall "
                + "time is on this machine against moto_server, which scans the whole table for every query and copies it "
                + "for every item of a transaction, which is why the proposing day is measured on a smaller table");
        System.out.printf(Locale.ROOT, "steady state per campaign: %.2f read units, %.2f write units, %.1f calls; first day "
                        + "per campaign: %.2f read units, %.2f write units, %.1f calls%n",
                steady.run().readUnits() / campaigns, steady.run().writeUnits() / campaigns,
                (double) steady.run().calls() / campaigns, first.run().readUnits() / proposing,
                first.run().writeUnits() / proposing, (double) first.run().calls() / proposing);
    }

    private record Measured(double seconds, double awsSeconds, DynamoDbCapacityMeter.Reading run, int memoryMb) {
    }

    /** @param seeded the kinds of child items each campaign gets (only those the day's run reads: see the class note) */
    private static Measured scenario(int campaigns, Map<Channel, Double> ctr, List<String> seeded) throws Exception {
        int users = Math.max(1, campaigns / 4);
        DynamoDbCapacityMeter meter = new DynamoDbCapacityMeter();
        try (Devstack devstack = Devstack.start(DevstackOptions.defaults().withPort(0)
                .withSigningKeyDirectory(Files.createTempDirectory("pms-bench-keys")));
             DynamoDbClient dynamo = devstack.localAws().dynamoDbClient(meter)) {
            devstack.functions().addFunctionBeans(meter);
            AppTable table = new AppTable(devstack.resources().tableName("AppTable"));
            InProcessFunction optimization = devstack.functions().get("OptimizationFunction");
            int memoryMb = optimization.definition().memorySizeMb();
            LocalDate today = LocalDate.now(ZoneOffset.UTC);

            long coldStarted = System.nanoTime();
            optimization.invoke(event(today.minusDays(30)));
            double coldSeconds = (System.nanoTime() - coldStarted) / 1e9;

            long seedStarted = System.nanoTime();
            int assets = seed(devstack, dynamo, table, campaigns, users, today, ctr, seeded);
            double seedSeconds = (System.nanoTime() - seedStarted) / 1e9;
            System.out.printf(Locale.ROOT, "seeded %d active campaigns (%d users, %d assets each with %d days of metrics; "
                    + "child items %s) in %.0f s: campaigns through the repository, the rest as batch writes%n",
                    campaigns, users, assets, DAYS_OF_METRICS, seeded, seedSeconds);

            DynamoActiveCampaignIndex index = new DynamoActiveCampaignIndex(dynamo, table);
            DynamoDbCapacityMeter.start();
            long baselineStarted = System.nanoTime();
            int listed = 0;
            String token = null;
            do {
                Page<CampaignRef> page = index.page(100, token);
                listed += page.items().size();
                token = page.nextToken();
            } while (token != null);
            double baselineSeconds = (System.nanoTime() - baselineStarted) / 1e9;
            DynamoDbCapacityMeter.Reading baseline = DynamoDbCapacityMeter.stop();

            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            DynamoDbCapacityMeter.start();
            long cpuStarted = threads.getCurrentThreadCpuTime();
            long runStarted = System.nanoTime();
            JsonNode summary = Json.mapper().valueToTree(optimization.invoke(event(today)));
            double runSeconds = (System.nanoTime() - runStarted) / 1e9;
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
            DynamoDbCapacityMeter.Reading run = DynamoDbCapacityMeter.stop();

            DynamoDbCapacityMeter.start();
            long repeatStarted = System.nanoTime();
            JsonNode repeat = Json.mapper().valueToTree(optimization.invoke(event(today)));
            double repeatSeconds = (System.nanoTime() - repeatStarted) / 1e9;
            DynamoDbCapacityMeter.Reading repeated = DynamoDbCapacityMeter.stop();

            System.out.println("run summary: " + summary);
            System.out.println("same day again: " + repeat);
            report("scheduled run", runSeconds, run, memoryMb);
            report("same day again (idempotent)", repeatSeconds, repeated, memoryMb);
            report("baseline: paging the index (" + listed + " campaigns listed), no work", baselineSeconds, baseline,
                    memoryMb);
            System.out.printf(Locale.ROOT, "run / baseline: wall %.1fx, read units %.1fx, calls %.1fx; per campaign %.1f ms%n",
                    runSeconds / baselineSeconds, run.readUnits() / baseline.readUnits(),
                    (double) run.calls() / baseline.calls(), runSeconds * 1000 / campaigns);
            double awsSeconds = cpuSeconds + run.calls() * AWS_DYNAMODB_MS_PER_CALL / 1000;
            System.out.printf(Locale.ROOT, "handler CPU time %.1f s (the function's own work; the rest of the local wall "
                    + "time is moto); estimated on AWS: CPU + %d calls x %.0f ms = %.1f s, %.1f GB-s, USD %.6f%n",
                    cpuSeconds, run.calls(), AWS_DYNAMODB_MS_PER_CALL, awsSeconds, awsSeconds * memoryMb / 1024.0,
                    usd(awsSeconds, memoryMb, run));
            System.out.printf(Locale.ROOT, "cold start of the optimisation function (context + an empty run): %.1f s%n",
                    coldSeconds);
            return new Measured(runSeconds, awsSeconds, run, memoryMb);
        }
    }

    private static double usd(double seconds, int memoryMb, DynamoDbCapacityMeter.Reading reading) {
        return seconds * memoryMb / 1024.0 * LAMBDA_ARM_GB_SECOND_USD + LAMBDA_REQUEST_USD
                + reading.readUnits() * READ_UNIT_USD + reading.writeUnits() * WRITE_UNIT_USD;
    }

    private static void report(String what, double seconds, DynamoDbCapacityMeter.Reading reading, int memoryMb) {
        double gbSeconds = seconds * memoryMb / 1024.0;
        double lambdaUsd = gbSeconds * LAMBDA_ARM_GB_SECOND_USD + LAMBDA_REQUEST_USD;
        double dynamoUsd = reading.readUnits() * READ_UNIT_USD + reading.writeUnits() * WRITE_UNIT_USD;
        System.out.printf(Locale.ROOT, "%s: wall %.1f s; DynamoDB %d calls, %.1f read units, %.1f write units; Lambda "
                        + "%.1f GB-s at %d MB; USD %.6f (Lambda %.6f + DynamoDB %.6f)%n", what, seconds, reading.calls(),
                reading.readUnits(), reading.writeUnits(), gbSeconds, memoryMb, lambdaUsd + dynamoUsd, lambdaUsd, dynamoUsd);
    }

    private static Map<String, Object> event(LocalDate day) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("source", "aws.scheduler");
        event.put("detail-type", "Scheduled Event");
        event.put("time", day + "T06:00:00Z");
        event.put("detail", Map.of());
        return event;
    }

    /**
     * One template campaign through the gateway (blueprint, proposals, a CSV of metrics), its stored child items read
     * back and the template deleted; then N copies: the campaign (active) through the repository, the children as the
     * template's items with every id replaced, in batch writes (moto copies the whole table for every item of a
     * transaction, so seeding through the repositories' transactions would take hours).
     *
     * @return the number of assets of each campaign
     */
    private static int seed(Devstack devstack, DynamoDbClient dynamo, AppTable table, int campaigns, int users,
                            LocalDate today, Map<Channel, Double> ctr, List<String> seeded) throws Exception {
        String templateUser = "bench-template-" + UUID.randomUUID();
        String token = devstack.tokenFor(templateUser);
        JsonNode created = send("POST", devstack.apiBase() + "/campaigns/create-blueprint", token,
                FORTY_NODE_LAUNCH.formatted(today.plusDays(3)), "application/json");
        String templateId = created.get("campaign_id").asText();
        send("POST", devstack.apiBase() + "/campaigns/" + templateId + "/generate-proposals", token, "{}", "application/json");
        DynamoCampaignRepository campaignRepository = new DynamoCampaignRepository(dynamo, table, new PageTokens(() -> new byte[32]));
        Campaign template = campaignRepository.find(templateUser, templateId).orElseThrow();
        send("POST", devstack.apiBase() + "/campaigns/" + templateId + "/metrics", token, metricsCsv(template, today, ctr),
                "text/csv");
        List<Map<String, AttributeValue>> children = new ArrayList<>();
        for (String prefix : seeded) {
            children.addAll(dynamo.query(query -> query.tableName(table.name())
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                    .expressionAttributeNames(Map.of("#pk", AppTable.PK, "#sk", AppTable.SK))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(AppTable.tenantKey(templateUser)),
                            ":prefix", AttributeValue.fromS(prefix + templateId + "#")))).items());
        }
        int expected = DAYS_OF_METRICS + (seeded.contains("PROPCUR#") ? template.assetNodes().size() : 0);
        if (children.size() != expected) {
            throw new IllegalStateException("expected " + expected + " child items, found " + children.size());
        }
        send("DELETE", devstack.apiBase() + "/campaigns/" + templateId, token, null, null);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < campaigns; i++) {
                int n = i;
                writes.add(pool.submit(() -> {
                    String user = "bench-user-" + (n % users);
                    Campaign copy = copy(template, user);
                    campaignRepository.create(copy);
                    Map<String, String> ids = new LinkedHashMap<>();
                    ids.put(AppTable.tenantKey(templateUser), AppTable.tenantKey(user));
                    ids.put(templateId, copy.campaignId());
                    for (int k = 0; k < template.assetNodes().size(); k++) {
                        ids.put(template.assetNodes().get(k).assetId(), copy.assetNodes().get(k).assetId());
                    }
                    batchWrite(dynamo, table, children.stream().map(item -> withIds(item, ids)).toList());
                    return null;
                }));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdown();
        }
        return template.assetNodes().size();
    }

    private static Map<String, AttributeValue> withIds(Map<String, AttributeValue> item, Map<String, String> ids) {
        Map<String, AttributeValue> copy = new HashMap<>();
        item.forEach((name, value) -> {
            if (value.s() == null) {
                copy.put(name, value);
                return;
            }
            String text = value.s();
            for (Map.Entry<String, String> id : ids.entrySet()) {
                text = text.replace(id.getKey(), id.getValue());
            }
            copy.put(name, AttributeValue.fromS(text));
        });
        return copy;
    }

    private static void batchWrite(DynamoDbClient dynamo, AppTable table, List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += 25) {
            List<WriteRequest> chunk = items.subList(from, Math.min(items.size(), from + 25)).stream()
                    .map(item -> WriteRequest.builder().putRequest(put -> put.item(item)).build()).toList();
            Map<String, List<WriteRequest>> pending = Map.of(table.name(), chunk);
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> request = pending;
                pending = dynamo.batchWriteItem(batch -> batch.requestItems(request)).unprocessedItems();
            }
        }
    }

    private static Campaign copy(Campaign template, String user) {
        List<AssetNode> nodes = template.assetNodes().stream().map(n -> new AssetNode(UUID.randomUUID().toString(),
                n.assetType(), n.channel(), n.phase(), n.placement(), n.title(), NodeStatus.SCHEDULED, n.dueDate(),
                List.of())).toList();
        Instant now = Instant.now();
        return new Campaign(UUID.randomUUID().toString(), user, template.brief(), template.plan().withNodes(nodes),
                CampaignStatus.ACTIVE, template.schedule(), Campaign.Revision.first(now));
    }

    private static String metricsCsv(Campaign campaign, LocalDate today, Map<Channel, Double> ctr) {
        StringBuilder csv = new StringBuilder("asset_id,date,impressions,clicks,conversions,spend,views\n");
        for (int d = 1; d <= DAYS_OF_METRICS; d++) {
            int k = 0;
            for (AssetNode node : campaign.assetNodes()) {
                long impressions = 400 + Math.floorMod(k * 17 + d * 7, 200);
                long clicks = Math.round(impressions * ctr.getOrDefault(node.channel(), 0.015));
                csv.append(node.assetId()).append(',').append(today.minusDays(d)).append(',').append(impressions)
                        .append(',').append(clicks).append(',').append(Math.round(clicks * 0.08)).append(',')
                        .append(BigDecimal.valueOf(impressions / 10, 1)).append(',').append(impressions / 3).append('\n');
                k++;
            }
        }
        return csv.toString();
    }

    private static JsonNode send(String method, String uri, String token, String body, String contentType)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofMinutes(2))
                .header("authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("content-type", contentType);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? null : Json.mapper().readTree(response.body());
    }
}
