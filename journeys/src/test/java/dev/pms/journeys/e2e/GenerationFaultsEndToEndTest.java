package dev.pms.journeys.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.json.Json;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.testing.DevstackExtension;
import dev.pms.devstack.testing.DevstackParameters;
import dev.pms.devstack.testing.Eventually;
import dev.pms.journeys.e2e.faults.CrashAfterStoringMedia;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fault tests of campaign generation on a devstack whose offline providers fail 30 % of calls (retryably)
 * after 150 ms, and whose worker dies after storing media on 25 % of jobs (before anything is recorded): a run under
 * those faults, a duplicated job message, a plan exhausted between approval and reservation, and a run stopped
 * midway. After each, every node is ready or failed with a reason, assets and charges match one to one, nothing is
 * left reserved and no stored object lacks its asset.
 */
@ExtendWith(DevstackExtension.class)
@DevstackParameters(value = {"OfflineLatencyMs=150", "OfflineFailureRate=0.3"},
        functionProperties = {"chaos.worker.crash.rate=0.25"})
class GenerationFaultsEndToEndTest {
    private static final Set<String> FINAL = Set.of("succeeded", "completed_with_failures", "failed", "stopped");
    private static final String BIG_CAMPAIGN = """
            {"campaign_name": "Acme Notes everywhere", "goal": "product_launch",
             "channels": ["email", "linkedin", "facebook", "pinterest"],
             "product_context": {"product_name": "Acme Notes", "product_description": "Notes that write themselves"}}
            """;
    private static final Duration QUEUE_DEADLINE = Duration.ofSeconds(30);
    private static Devstack devstack;

    @BeforeAll
    static void attach(Devstack running) {
        devstack = running;
        GenerationApiEndToEndTest.attachTo(running);
    }

    @Test
    void aRunUnderProviderFailuresAndWorkerCrashesEndsConsistent() {
        String user = "user-" + UUID.randomUUID();
        ApiClient alice = GenerationApiEndToEndTest.userOnPlan(user, "pro");
        String id = alice.post("/campaigns/create-blueprint", GenerationApiEndToEndTest.SMALL_CAMPAIGN).json()
                .get("campaign_id").asText();

        assertThat(alice.post("/campaigns/" + id + "/generation", "{\"autopilot\": true}").status()).isEqualTo(202);
        JsonNode done = GenerationApiEndToEndTest.awaitStatus(alice, id, s -> FINAL.contains(s.get("status").asText()));

        assertThat(done.get("status").asText()).isIn("succeeded", "completed_with_failures");
        int attempts = assertConsistent(alice, user, id);
        assertThat(attempts).as("provider calls made, retries included").isGreaterThanOrEqualTo(
                done.get("progress").get("total").asInt());
        assertThat(CrashAfterStoringMedia.injectedCrashes()).as("worker crashes injected after a media write")
                .isPositive();
    }

    @Test
    void aDuplicatedJobMessageMakesNoSecondAssetAndNoSecondCharge() {
        String user = "user-" + UUID.randomUUID();
        ApiClient bob = GenerationApiEndToEndTest.userOnPlan(user, "pro");
        String id = bob.post("/campaigns/create-blueprint", GenerationApiEndToEndTest.SMALL_CAMPAIGN).json()
                .get("campaign_id").asText();
        bob.post("/campaigns/" + id + "/generate-proposals", "{}");
        bob.post("/campaigns/" + id + "/proposals/approve-all", null);
        String imageAsset = null;
        for (JsonNode proposal : (Iterable<JsonNode>) bob.get("/campaigns/" + id + "/proposals").json()
                .get("proposals")::elements) {
            if (proposal.get("asset_type").asText().equals("image")) {
                imageAsset = proposal.get("asset_id").asText();
            }
        }
        JsonNode queued = bob.post("/assets/generate", "{\"asset_proposal\": {\"campaign_id\": \"" + id
                + "\", \"asset_id\": \"" + imageAsset + "\"}}").json();
        String libraryId = queued.get("asset_library_id").asText();
        String duplicate = Json.write(Map.of("user_id", user, "asset_library_id", libraryId, "poll", false));
        String queueUrl = devstack.queues().entrySet().stream()
                .filter(e -> e.getKey().equals("ProviderJobsQueue")).map(Map.Entry::getValue).findFirst().orElseThrow();
        try (var sqs = devstack.localAws().sqsClient()) {
            sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody(duplicate));
            sqs.sendMessage(send -> send.queueUrl(queueUrl).messageBody(duplicate));
        }
        JsonNode asset = GenerationApiEndToEndTest.awaitAsset(bob, libraryId);
        assertThat(asset.get("status").asText()).isIn("ready", "failed");
        Eventually.await("the provider jobs queue draining", QUEUE_DEADLINE, () -> queueDrained(queueUrl) ? true : null);
        assertThat(bob.get("/assets?campaign_id=" + id).json().get("assets").size()).isEqualTo(1);
        JsonNode usage = bob.get("/usage").json();
        int used = usage.get("used").get("image").asInt();
        assertThat(used).isEqualTo(asset.get("status").asText().equals("ready") ? 1 : 0);
        assertThat(usage.get("reserved_usd").decimalValue()).isZero();
        assertThat(usage.get("spent_usd").decimalValue()).isEqualByComparingTo(
                asset.get("status").asText().equals("ready") ? asset.get("cost_usd").decimalValue() : BigDecimal.ZERO);
    }

    @Test
    void aPlanExhaustedBetweenApprovalAndReservationFailsTheRunWithNothingSpent() {
        String user = "user-" + UUID.randomUUID();
        ApiClient carol = GenerationApiEndToEndTest.userOnPlan(user, "pro");
        String id = carol.post("/campaigns/create-blueprint", BIG_CAMPAIGN).json().get("campaign_id").asText();
        assertThat(carol.post("/campaigns/" + id + "/generation", null).status()).isEqualTo(202);
        GenerationApiEndToEndTest.awaitStatus(carol, id, s -> s.get("status").asText().equals("awaiting_approval"));
        assertThat(carol.post("/campaigns/" + id + "/proposals/approve-all", null).status()).isEqualTo(200);
        GenerationApiEndToEndTest.setPlan(user, "free");

        assertThat(carol.post("/campaigns/" + id + "/generation/approve", null).status()).isEqualTo(200);
        JsonNode done = GenerationApiEndToEndTest.awaitStatus(carol, id, s -> FINAL.contains(s.get("status").asText()));

        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("failed");
        assertThat(done.get("error").asText()).contains("plan");
        JsonNode usage = carol.get("/usage").json();
        assertThat(usage.get("spent_usd").decimalValue()).isZero();
        assertThat(usage.get("reserved_usd").decimalValue()).isZero();
        assertThat(carol.get("/assets?campaign_id=" + id).json().get("assets").size()).isZero();
        for (JsonNode node : carol.get("/campaigns/" + id).json().get("asset_nodes")) {
            assertThat(node.get("status").asText()).isEqualTo("approved");
        }
    }

    @Test
    void aRunStoppedMidwayLeavesNothingGeneratingAndGivesTheRestBack() {
        String user = "user-" + UUID.randomUUID();
        ApiClient dave = GenerationApiEndToEndTest.userOnPlan(user, "pro");
        String id = dave.post("/campaigns/create-blueprint", BIG_CAMPAIGN).json().get("campaign_id").asText();
        assertThat(dave.post("/campaigns/" + id + "/generation", "{\"autopilot\": true}").status()).isEqualTo(202);
        GenerationApiEndToEndTest.awaitStatus(dave, id, s -> s.get("progress").get("ready").asInt() >= 2);

        ApiClient.Reply stopped = dave.delete("/campaigns/" + id + "/generation");
        assertThat(stopped.status()).as(stopped.toString()).isEqualTo(200);
        assertThat(stopped.json().get("status").asText()).isEqualTo("stopped");

        Eventually.await("the provider jobs queue draining", QUEUE_DEADLINE,
                () -> queueDrained(devstack.queues().get("ProviderJobsQueue")) ? true : null);
        JsonNode after = dave.get("/campaigns/" + id + "/generation").json();
        assertThat(after.get("status").asText()).isEqualTo("stopped");
        assertThat(after.get("progress").get("stopped").asInt()).isPositive();
        assertConsistent(dave, user, id);
    }

    /** The invariants after any run; answers how many provider calls the run's assets took. */
    private static int assertConsistent(ApiClient client, String user, String campaignId) {
        JsonNode campaign = client.get("/campaigns/" + campaignId).json();
        JsonNode status = client.get("/campaigns/" + campaignId + "/generation").json();
        Map<String, JsonNode> progressByNode = new HashMap<>();
        status.get("nodes").forEach(node -> progressByNode.put(node.get("asset_id").asText(), node));
        for (JsonNode node : campaign.get("asset_nodes")) {
            String nodeStatus = node.get("status").asText();
            assertThat(nodeStatus).as(node.toString()).isIn("ready", "failed");
            if (nodeStatus.equals("failed")) {
                assertThat(progressByNode.get(node.get("asset_id").asText()).get("error").asText()).isNotBlank();
            }
        }
        List<JsonNode> assets = new ArrayList<>();
        client.get("/assets?campaign_id=" + campaignId + "&limit=200").json().get("assets").forEach(assets::add);
        BigDecimal charged = BigDecimal.ZERO;
        int readyAssets = 0;
        int attempts = 0;
        Set<String> keys = new HashSet<>();
        for (JsonNode listed : assets) {
            attempts += listed.get("lineage").get("attempts").asInt();
            if (listed.get("status").asText().equals("ready")) {
                readyAssets++;
                charged = charged.add(listed.get("cost_usd").decimalValue());
            }
        }
        long readyNodes = 0;
        for (JsonNode node : campaign.get("asset_nodes")) {
            if (node.get("status").asText().equals("ready")) {
                readyNodes++;
            }
        }
        assertThat(readyAssets).isEqualTo((int) readyNodes);
        JsonNode usage = client.get("/usage").json();
        int used = 0;
        for (JsonNode count : (Iterable<JsonNode>) usage.get("used")::elements) {
            used += count.asInt();
        }
        assertThat(used).as(usage.toString()).isEqualTo(readyAssets);
        assertThat(usage.get("spent_usd").decimalValue()).isEqualByComparingTo(charged);
        assertThat(usage.get("reserved_usd").decimalValue()).isZero();

        for (JsonNode listed : assets) {
            if (listed.get("status").asText().equals("ready")) {
                JsonNode one = client.get("/assets/" + listed.get("asset_library_id").asText()).json();
                keys.add(one.get("asset_library_id").asText());
            }
        }
        Set<String> stored = new HashSet<>();
        String bucket = devstack.endpoints().get("bucket");
        try (var s3 = devstack.localAws().s3Client()) {
            for (S3Object object : s3.listObjectsV2Paginator(list -> list.bucket(bucket).prefix("assets/")).contents()) {
                if (object.key().contains("/" + campaignId + "/")) {
                    stored.add(object.key().substring(object.key().lastIndexOf('/') + 1));
                }
            }
        }
        assertThat(stored).as("objects stored for the campaign").isEqualTo(keys);
        return attempts;
    }

    private static boolean queueDrained(String queueUrl) {
        try (var sqs = devstack.localAws().sqsClient()) {
            Map<String, String> attributes = sqs.getQueueAttributes(get -> get.queueUrl(queueUrl).attributeNamesWithStrings(
                    "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible",
                    "ApproximateNumberOfMessagesDelayed")).attributesAsStrings();
            return attributes.values().stream().allMatch("0"::equals);
        }
    }
}
