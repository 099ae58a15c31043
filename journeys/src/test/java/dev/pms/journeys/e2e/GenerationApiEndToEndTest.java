package dev.pms.journeys.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.testing.DevstackExtension;
import dev.pms.devstack.testing.Eventually;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Campaign generation through the gateway, the generate-asset function, the Step Functions engine, the
 * provider jobs queue and its worker, with the offline providers; then the asset library and single-asset generation.
 */
@ExtendWith(DevstackExtension.class)
class GenerationApiEndToEndTest {
    private static final Duration RUN_DEADLINE = Duration.ofSeconds(90);
    private static final Set<String> FINAL = Set.of("succeeded", "completed_with_failures", "failed", "stopped");
    private static Devstack devstack;

    static final String SMALL_CAMPAIGN = """
            {"campaign_name": "Acme Notes launch", "goal": "awareness", "channels": ["email", "linkedin"],
             "product_context": {"product_name": "Acme Notes", "product_description": "Notes that write themselves"}}
            """;

    @BeforeAll
    static void attach(Devstack running) {
        attachTo(running);
    }

    static void attachTo(Devstack running) {
        devstack = running;
    }

    @Test
    void autopilotRunMakesEveryAssetStoresItAndChargesItOnce() throws Exception {
        ApiClient alice = userOnPlan("pro");
        JsonNode campaign = alice.post("/campaigns/create-blueprint", SMALL_CAMPAIGN).json();
        String id = campaign.get("campaign_id").asText();
        int nodes = campaign.get("asset_nodes").size();

        ApiClient.Reply started = alice.post("/campaigns/" + id + "/generation", "{\"autopilot\": true}");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.json().get("execution_id").asText()).startsWith("arn:aws:states:");
        ApiClient.Reply again = alice.post("/campaigns/" + id + "/generation", "{\"autopilot\": true}");
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.contentType()).isEqualTo("application/problem+json");

        JsonNode status = awaitStatus(alice, id, s -> FINAL.contains(s.get("status").asText()));
        assertThat(status.get("status").asText()).as(status.toString()).isEqualTo("succeeded");
        assertThat(status.get("progress").get("ready").asInt()).isEqualTo(nodes);
        assertThat(status.get("progress").get("percent").asInt()).isEqualTo(100);

        JsonNode stored = alice.get("/campaigns/" + id).json();
        for (JsonNode node : stored.get("asset_nodes")) {
            assertThat(node.get("status").asText()).as(node.toString()).isEqualTo("ready");
        }
        assertThat(stored.get("status").asText()).isEqualTo("ready");

        JsonNode listing = alice.get("/assets?campaign_id=" + id + "&limit=200").json();
        assertThat(listing.get("assets").size()).isEqualTo(nodes);
        Set<String> paged = new LinkedHashSet<>();
        String token = null;
        do {
            JsonNode page = alice.get("/assets?campaign_id=" + id + "&limit=3"
                    + (token == null ? "" : "&next_token=" + token)).json();
            assertThat(page.get("assets").size()).isLessThanOrEqualTo(3);
            page.get("assets").forEach(asset -> paged.add(asset.get("asset_library_id").asText()));
            token = page.hasNonNull("next_token") ? page.get("next_token").asText() : null;
        } while (token != null);
        assertThat(paged).hasSize(nodes);
        assertThat(alice.get("/assets?type=text&campaign_id=" + id).json().get("assets"))
                .allMatch(asset -> asset.get("asset_type").asText().equals("text"));
        BigDecimal charged = BigDecimal.ZERO;
        for (JsonNode listed : listing.get("assets")) {
            JsonNode asset = alice.get("/assets/" + listed.get("asset_library_id").asText()).json();
            assertThat(asset.get("status").asText()).isEqualTo("ready");
            assertThat(asset.get("lineage").get("prompt").asText()).isNotBlank();
            byte[] bytes = download(asset.get("url").asText());
            assertThat(bytes.length).isEqualTo(asset.get("bytes").asInt());
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                    .isEqualTo(asset.get("sha256").asText());
            if (asset.get("asset_type").asText().equals("image")) {
                var image = ImageIO.read(new ByteArrayInputStream(bytes));
                assertThat(image.getWidth()).isEqualTo(asset.get("width").asInt());
                assertThat(image.getHeight()).isEqualTo(asset.get("height").asInt());
            } else {
                assertThat(asset.get("content").asText()).isNotBlank();
            }
            charged = charged.add(asset.get("cost_usd").decimalValue());
        }
        Map<String, String> shaByNode = new HashMap<>();
        for (JsonNode listed : listing.get("assets")) {
            shaByNode.put(listed.get("asset_id").asText(), listed.get("sha256").asText());
        }
        ApiClient.Reply pack = alice.post("/campaigns/" + id + "/channel-packs", "{\"channels\": [\"linkedin\"]}");
        assertThat(pack.status()).as(pack.toString()).isEqualTo(201);
        assertThat(pack.json().get("valid").asBoolean()).as(pack.toString()).isTrue();
        for (JsonNode file : pack.json().get("manifest").get("files")) {
            assertThat(file.get("checks").get(0).get("detail").asText()).startsWith("generated asset");
            assertThat(file.get("sha256").asText()).isEqualTo(shaByNode.get(file.get("asset_id").asText()));
        }

        JsonNode usage = alice.get("/usage").json();
        assertThat(usage.get("reserved_usd").decimalValue()).isZero();
        assertThat(usage.get("used").get("image").asInt() + usage.get("used").get("text").asInt()).isEqualTo(nodes);
        assertThat(usage.get("spent_usd").decimalValue())
                .as(usage.toString()).isEqualByComparingTo(charged);
    }

    @Test
    void aRunWaitsForApprovalAndGoesOnWhenApproved() {
        ApiClient bob = userOnPlan("pro");
        String id = bob.post("/campaigns/create-blueprint", SMALL_CAMPAIGN).json().get("campaign_id").asText();

        assertThat(bob.post("/campaigns/" + id + "/generation", null).status()).isEqualTo(202);
        JsonNode waiting = awaitStatus(bob, id, s -> s.get("status").asText().equals("awaiting_approval"));
        assertThat(waiting.toString()).doesNotContain("approval_token");
        JsonNode proposals = bob.get("/campaigns/" + id + "/proposals").json().get("proposals");
        assertThat(proposals.size()).isPositive();

        ApiClient.Reply approved = bob.post("/campaigns/" + id + "/generation/approve", null);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        JsonNode done = awaitStatus(bob, id, s -> FINAL.contains(s.get("status").asText()));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("succeeded");
        assertThat(done.get("progress").get("ready").asInt()).isEqualTo(proposals.size());
        assertThat(bob.post("/campaigns/" + id + "/generation/approve", null).status()).isEqualTo(409);
    }

    @Test
    void approvingWithoutPendingProposalsGeneratesOnlyWhatWasApprovedOneByOne() {
        ApiClient frank = userOnPlan("pro");
        String id = frank.post("/campaigns/create-blueprint", SMALL_CAMPAIGN).json().get("campaign_id").asText();
        JsonNode proposals = frank.post("/campaigns/" + id + "/generate-proposals", "{}").json().get("proposals");
        JsonNode first = proposals.elements().next();
        assertThat(frank.patch("/campaigns/" + id + "/proposals/" + first.get("asset_id").asText(),
                "{\"action\": \"approve\", \"version\": " + first.get("version").asLong() + "}").status()).isEqualTo(200);
        assertThat(frank.post("/campaigns/" + id + "/generation", null).status()).isEqualTo(202);
        awaitStatus(frank, id, s -> s.get("status").asText().equals("awaiting_approval"));
        assertThat(frank.post("/campaigns/" + id + "/generation/approve", "{\"approve_pending\": \"no\"}").status())
                .isEqualTo(400);

        assertThat(frank.post("/campaigns/" + id + "/generation/approve", "{\"approve_pending\": false}").status())
                .isEqualTo(200);
        JsonNode done = awaitStatus(frank, id, s -> FINAL.contains(s.get("status").asText()));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("succeeded");
        assertThat(done.get("progress").get("ready").asInt()).isEqualTo(1);
        long stillProposed = 0;
        for (JsonNode node : frank.get("/campaigns/" + id).json().get("asset_nodes")) {
            stillProposed += node.get("status").asText().equals("proposed") ? 1 : 0;
        }
        assertThat(stillProposed).isEqualTo(proposals.size() - 1);
    }

    @Test
    void anotherUserSeesNoneOfItAndBadInputIsAProblem() {
        ApiClient alice = userOnPlan("pro");
        ApiClient mallory = userOnPlan("pro");
        String id = alice.post("/campaigns/create-blueprint", SMALL_CAMPAIGN).json().get("campaign_id").asText();
        assertThat(alice.post("/campaigns/" + id + "/generation", "{\"autopilot\": true}").status()).isEqualTo(202);
        JsonNode done = awaitStatus(alice, id, s -> FINAL.contains(s.get("status").asText()));
        String assetId = done.get("nodes").get(0).get("asset_library_id").asText();

        assertThat(mallory.get("/campaigns/" + id + "/generation").status()).isEqualTo(404);
        assertThat(mallory.post("/campaigns/" + id + "/generation", "{}").status()).isEqualTo(404);
        assertThat(mallory.delete("/campaigns/" + id + "/generation").status()).isEqualTo(404);
        assertThat(mallory.post("/campaigns/" + id + "/generation/approve", null).status()).isEqualTo(404);
        assertThat(mallory.get("/assets/" + assetId).status()).isEqualTo(404);
        assertThat(mallory.delete("/assets/" + assetId).status()).isEqualTo(404);
        assertThat(mallory.get("/assets").json().get("assets").size()).isZero();

        ApiClient.Reply badTier = alice.post("/campaigns/" + id + "/generation", "{\"tier\": \"gold\"}");
        assertThat(badTier.status()).isEqualTo(400);
        assertThat(badTier.contentType()).isEqualTo("application/problem+json");
        assertThat(alice.post("/campaigns/" + id + "/generation", "{\"prompt\": \"x\"}").status()).isEqualTo(400);
        assertThat(alice.get("/assets?status=shiny").status()).isEqualTo(400);
        assertThat(alice.delete("/campaigns/" + id + "/generation").status()).isEqualTo(409);

        assertThat(alice.delete("/assets/" + assetId).status()).isEqualTo(204);
        assertThat(alice.get("/assets/" + assetId).status()).isEqualTo(404);
    }

    @Test
    void singleAssetGenerationTakesTheUsersPromptEditAndIgnoresAProviderOutsideTheCatalogue() {
        ApiClient carol = userOnPlan("pro");
        String id = carol.post("/campaigns/create-blueprint", SMALL_CAMPAIGN).json().get("campaign_id").asText();
        carol.post("/campaigns/" + id + "/generate-proposals", "{}");
        assertThat(carol.post("/campaigns/" + id + "/proposals/approve-all", null).status()).isEqualTo(200);
        JsonNode proposals = carol.get("/campaigns/" + id + "/proposals").json().get("proposals");
        String textAsset = null;
        String imageAsset = null;
        for (JsonNode proposal : (Iterable<JsonNode>) proposals::elements) {
            if (proposal.get("asset_type").asText().equals("text")) {
                textAsset = proposal.get("asset_id").asText();
            } else if (proposal.get("asset_type").asText().equals("image")) {
                imageAsset = proposal.get("asset_id").asText();
            }
        }

        String edit = "Write a short, warm LinkedIn post about Acme Notes for busy team leads.";
        ApiClient.Reply text = carol.post("/assets/generate", "{\"asset_proposal\": {\"campaign_id\": \"" + id
                + "\", \"asset_id\": \"" + textAsset + "\", \"proposed_prompt\": \"" + edit + "\","
                + " \"recommended_provider\": \"evil\", \"recommended_model\": \"backdoor\"}}");
        assertThat(text.status()).as(text.toString()).isEqualTo(200);
        assertThat(text.json().get("success").asBoolean()).isTrue();
        assertThat(text.json().get("content").asText()).isNotBlank();
        assertThat(text.json().get("provider").asText()).isNotEqualTo("evil");
        assertThat(text.json().get("prompt_edited").asBoolean()).isTrue();
        assertThat(text.json().get("model_note").asText()).contains("evil/backdoor").contains("not available");
        String library = text.json().get("asset_library_id").asText();
        assertThat(carol.get("/assets/" + library).json().get("lineage").get("prompt").asText()).isEqualTo(edit);

        ApiClient.Reply image = carol.post("/assets/generate", "{\"asset_proposal\": {\"campaign_id\": \"" + id
                + "\", \"asset_id\": \"" + imageAsset + "\"}}");
        assertThat(image.status()).as(image.toString()).isEqualTo(202);
        String poll = image.json().get("poll_url").asText();
        assertThat(poll).endsWith(image.json().get("asset_library_id").asText());
        String imageLibraryId = image.json().get("asset_library_id").asText();
        JsonNode ready = awaitAsset(carol, imageLibraryId);
        assertThat(ready.get("status").asText()).isEqualTo("ready");
        assertThat(ready.get("url").asText()).startsWith("http");

        assertThat(carol.post("/assets/generate", "{\"asset_proposal\": {\"campaign_id\": \"" + id
                + "\", \"asset_id\": \"" + imageAsset + "\"}}").status()).isEqualTo(409);
        assertThat(carol.post("/assets/generate", "{}").status()).isEqualTo(400);
        assertThat(carol.post("/assets/generate", "{\"asset_proposal\": {\"campaign_id\": \"" + UUID.randomUUID()
                + "\", \"asset_id\": \"" + imageAsset + "\"}}").status()).isEqualTo(404);
    }

    @Test
    void aVideoAnimatesTheCoverImageMadeBeforeItInTheSameRun() throws Exception {
        ApiClient erin = userOnPlan("pro");
        JsonNode campaign = erin.post("/campaigns/create-blueprint", """
                {"campaign_name": "Acme Notes reel", "goal": "product_launch", "channels": ["instagram"],
                 "product_context": {"product_name": "Acme Notes", "product_description": "Notes that write themselves"}}
                """).json();
        String id = campaign.get("campaign_id").asText();
        assertThat(erin.post("/campaigns/" + id + "/generation", "{\"autopilot\": true}").status()).isEqualTo(202);
        JsonNode done = awaitStatus(erin, id, s -> FINAL.contains(s.get("status").asText()));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("succeeded");

        JsonNode video = null;
        for (JsonNode listed : erin.get("/assets?campaign_id=" + id + "&type=video").json().get("assets")) {
            video = erin.get("/assets/" + listed.get("asset_library_id").asText()).json();
        }
        assertThat(video).as("the reel").isNotNull();
        assertThat(video.get("mime_type").asText()).isEqualTo("video/mp4");
        assertThat(video.get("details").get("key_frame").asText()).isEqualTo("provided");
        assertThat(video.get("width").asInt()).isEqualTo(1080);
        assertThat(video.get("height").asInt()).isEqualTo(1920);
        byte[] mp4 = download(video.get("url").asText());
        assertThat(new String(mp4, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
    }

    static ApiClient userOnPlan(String tier) {
        return userOnPlan("user-" + UUID.randomUUID(), tier);
    }

    static ApiClient userOnPlan(String user, String tier) {
        setPlan(user, tier);
        return new ApiClient(devstack.apiBase(), devstack.tokenFor(user));
    }

    static void setPlan(String user, String tier) {
        ApiClient admin = new ApiClient(devstack.baseUri().resolve("/_devstack"), null);
        ApiClient.Reply set = admin.post("/plans", "{\"user\": \"" + user + "\", \"tier\": \"" + tier + "\"}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
    }

    static JsonNode awaitStatus(ApiClient client, String campaignId, Predicate<JsonNode> done) {
        return Eventually.await("generation of " + campaignId + " getting there", RUN_DEADLINE, () -> {
            ApiClient.Reply reply = client.get("/campaigns/" + campaignId + "/generation");
            return reply.status() == 200 && done.test(reply.json()) ? reply.json() : null;
        });
    }

    static JsonNode awaitAsset(ApiClient client, String assetLibraryId) {
        return Eventually.await("asset " + assetLibraryId + " finishing", RUN_DEADLINE, () -> {
            JsonNode asset = client.get("/assets/" + assetLibraryId).json();
            return Set.of("queued", "generating").contains(asset.get("status").asText()) ? null : asset;
        });
    }

    static byte[] download(String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }
}
