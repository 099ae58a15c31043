package dev.pms.journeys.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.DevstackOptions;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * What the SPA user waits for after clicking Generate on one proposal: {@code POST /assets/generate} on the
 * SPA's prefix (approval and generation in one call, the user's edited prompt included) until the campaign
 * shows that node {@code ready}, polled as the SPA polls {@code GET /campaigns/{id}}. Median of N for a text and
 * an image asset on the offline engines, each beside the median of one warm poll measured in the same run.
 */
public final class SpaGenerateBenchmark {
    private static final String SPA_PREFIX = "/api/campaign-creator";
    private static final Duration POLL_INTERVAL = Duration.ofMillis(10);
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String WIZARD_BODY = """
            {"campaign_name": "Acme Notes launch", "goal": "conversion", "kpi": "500 trials",
             "channels": ["linkedin", "instagram"],
             "product_context": {"product_name": "Acme Notes", "product_description": "Notes that write themselves",
                                 "marketing_goal": "conversion"}}
            """;

    private final BenchmarkHttp http = new BenchmarkHttp(Duration.ofSeconds(30));

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        new SpaGenerateBenchmark().run(runs);
    }

    private record Sample(double answerMs, double readyMs) {
    }

    private void run(int runs) throws Exception {
        Path keys = Files.createTempDirectory("pms-bench-keys");
        DevstackOptions options = DevstackOptions.defaults().withPort(0).withSigningKeyDirectory(keys)
                .withAutomaticSchedules(false);
        try (Devstack devstack = Devstack.start(options)) {
            String user = "bench-" + UUID.randomUUID();
            http.send("POST", devstack.baseUri().resolve("/_devstack/plans"), null,
                    "{\"user\": \"" + user + "\", \"tier\": \"enterprise\"}", 200);
            String token = devstack.tokenFor(user);
            String api = devstack.baseUri() + SPA_PREFIX;

            List<Sample> text = new ArrayList<>();
            List<Sample> image = new ArrayList<>();
            List<Double> polls = new ArrayList<>();
            for (int i = -1; i < runs; i++) {
                String campaignId = http.send("POST", URI.create(api + "/campaigns/create-blueprint"), token, WIZARD_BODY, 201)
                        .get("campaign_id").asText();
                JsonNode proposals = http.send("POST", URI.create(api + "/campaigns/" + campaignId + "/generate-proposals"),
                        token, "{\"campaign_id\": \"" + campaignId + "\", \"product_context\": {}}", 200).get("proposals");
                URI campaign = URI.create(api + "/campaigns/" + campaignId);
                Sample textSample = clickGenerate(api, token, campaign, edited(firstOfType(proposals, "text")));
                Sample imageSample = clickGenerate(api, token, campaign, firstOfType(proposals, "image"));
                long pollStart = System.nanoTime();
                http.send("GET", campaign, token, null, 200);
                double pollMs = BenchmarkHttp.millisSince(pollStart);
                if (i >= 0) {
                    text.add(textSample);
                    image.add(imageSample);
                    polls.add(pollMs);
                }
            }

            double baseline = BenchmarkHttp.median(polls);
            System.out.println("Click Generate -> node ready through the gateway on " + SPA_PREFIX + ", offline engines ("
                    + "java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                    + " cores), median of " + runs + " after one warm-up; polled every " + POLL_INTERVAL.toMillis() + " ms");
            System.out.printf(Locale.ROOT, "baseline: one warm GET /campaigns/{id} (the SPA's poll), median: %8.2f ms%n", baseline);
            report("text  (LinkedIn post copy, user-edited prompt)", text, baseline);
            report("image (Instagram feed image)", image, baseline);
        }
    }

    private static void report(String label, List<Sample> samples, double baseline) {
        double answer = BenchmarkHttp.median(samples.stream().map(Sample::answerMs).toList());
        double ready = BenchmarkHttp.median(samples.stream().map(Sample::readyMs).toList());
        double worst = samples.stream().mapToDouble(Sample::readyMs).max().orElse(0);
        System.out.printf(Locale.ROOT, "%s: generate answers in %7.1f ms; node ready after %7.1f ms "
                + "(= %5.1f x baseline; slowest %7.1f ms)%n", label, answer, ready, ready / baseline, worst);
    }

    private Sample clickGenerate(String api, String token, URI campaign, JsonNode proposal) throws Exception {
        String assetId = proposal.get("asset_id").asText();
        long start = System.nanoTime();
        http.send("POST", URI.create(api + "/assets/generate"), token,
                "{\"asset_proposal\": " + proposal + ", \"product_context\": {}}", BenchmarkHttp.ANY_SUCCESS);
        double answerMs = BenchmarkHttp.millisSince(start);
        long deadline = start + DEADLINE.toNanos();
        while (!"ready".equals(nodeStatus(http.send("GET", campaign, token, null, 200), assetId))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("node " + assetId + " not ready within " + DEADLINE);
            }
            LockSupport.parkNanos(POLL_INTERVAL.toNanos());
        }
        return new Sample(answerMs, BenchmarkHttp.millisSince(start));
    }

    private static JsonNode edited(JsonNode proposal) {
        ObjectNode copy = proposal.deepCopy();
        copy.put("proposed_prompt", proposal.get("proposed_prompt").asText() + " Mention the 14-day free trial.");
        return copy;
    }

    private static JsonNode firstOfType(JsonNode proposals, String type) {
        for (JsonNode proposal : (Iterable<JsonNode>) proposals::elements) {
            if (proposal.get("asset_type").asText().equals(type)) {
                return proposal;
            }
        }
        throw new IllegalStateException("no " + type + " proposal in " + proposals);
    }

    private static String nodeStatus(JsonNode campaign, String assetId) {
        for (JsonNode node : campaign.get("asset_nodes")) {
            if (node.get("asset_id").asText().equals(assetId)) {
                return node.get("status").asText();
            }
        }
        throw new IllegalStateException("node " + assetId + " missing from " + campaign);
    }
}
