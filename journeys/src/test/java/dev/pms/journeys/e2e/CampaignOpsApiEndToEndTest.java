package dev.pms.journeys.e2e;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.aws.dynamodb.AppTable;
import dev.pms.aws.dynamodb.DynamoCampaignRepository;
import dev.pms.aws.dynamodb.PageTokens;
import dev.pms.core.campaign.NodeStatus;
import dev.pms.core.campaign.NodeStatusService;
import dev.pms.core.json.Json;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.testing.DevstackExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import dev.pms.core.media.MediaShareTokens;
import dev.pms.devstack.auth.LocalMediaShareKey;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The approval board, distribution exports, metric imports, performance and the scheduled optimisation
 * run, through the gateway (the run invoked in-process as its schedule would). The generation worker is not part of
 * this slice: tests move nodes from approved to ready through the campaign repository, as that worker does.
 */
@ExtendWith(DevstackExtension.class)
class CampaignOpsApiEndToEndTest {
    private static final String CAMPAIGN = """
            {"campaign_name": "Aurora launch", "goal": "product_launch", "channels": ["linkedin", "instagram"],
             "kpi": "500 sign-ups", "launch_date": "%s",
             "product_context": {"product_name": "Aurora", "product_description": "A desk lamp that follows the sun",
                                 "product_url": "https://aurora.example"}}
            """;
    private static Devstack devstack;
    private static DynamoDbClient dynamo;
    private static NodeStatusService generationWorker;

    @BeforeAll
    static void attach(Devstack running) {
        devstack = running;
        dynamo = running.localAws().dynamoDbClient();
        generationWorker = new NodeStatusService(new DynamoCampaignRepository(dynamo,
                new AppTable(running.resources().tableName("AppTable")), new PageTokens(() -> new byte[32])),
                Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        dynamo.close();
    }

    @Test
    void cardsMoveOnlyAlongTheStateMachineAndEveryMoveIsRecorded() {
        ApiClient alice = newUser();
        String id = proposedCampaign(alice);
        String base = "/campaigns/" + id + "/board";
        JsonNode board = alice.get(base).json();
        List<String> columns = new ArrayList<>();
        board.get("columns").forEach(c -> columns.add(c.get("status").asText()));
        assertThat(columns).containsExactly("planned", "proposed", "approved", "generating", "ready",
                "approved_for_publish", "scheduled", "published", "rejected", "failed");
        JsonNode proposedCards = board.get("columns").get(1).get("cards");
        assertThat(proposedCards.size()).isPositive();
        JsonNode card = proposedCards.get(0);
        for (String field : List.of("asset_id", "asset_type", "channel", "cost", "due_date", "publish_at", "version")) {
            assertThat(card.has(field)).as(field + " in " + card).isTrue();
        }
        String first = card.get("asset_id").asText();
        String second = proposedCards.get(1).get("asset_id").asText();

        ApiClient.Reply approved = alice.post(base + "/" + first, "{\"action\": \"approve\", \"version\": 1}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().get("status").asText()).isEqualTo("approved");
        assertProblem(alice.post(base + "/" + first, "{\"action\": \"approve\", \"version\": 2}"), 409, "illegal-transition");
        assertProblem(alice.post(base + "/" + second, "{\"action\": \"approve\", \"version\": 9}"), 409, "version-conflict");
        assertProblem(alice.post(base + "/" + second, "{\"action\": \"push_back\", \"version\": 1}"), 400, "validation-failed");
        assertProblem(alice.post(base + "/" + second, "{\"action\": \"publish\", \"version\": 1}"), 400, "validation-failed");

        alice.post("/campaigns/" + id + "/proposals/approve-all", null);
        generate(alice, id);
        ApiClient.Reply pushedBack = alice.post(base + "/" + first,
                "{\"action\": \"push_back\", \"comment\": \"Warmer light, fewer words\", \"version\": 2}");
        assertThat(pushedBack.status()).as(pushedBack.toString()).isEqualTo(200);
        assertThat(pushedBack.json().get("status").asText()).isEqualTo("proposed");
        assertThat(pushedBack.json().get("version").asInt()).isEqualTo(3);
        JsonNode versions = alice.get("/campaigns/" + id + "/proposals/" + first + "/versions").json().get("versions");
        assertThat(versions.get(2).get("proposed_prompt").asText()).endsWith("Reviewer guidance: Warmer light, fewer words");
        assertThat(versions.get(2).get("change").asText()).isEqualTo("push_back");

        ApiClient.Reply forPublish = alice.post(base + "/" + second, "{\"action\": \"approve\", \"version\": 2}");
        assertThat(forPublish.json().get("status").asText()).isEqualTo("approved_for_publish");
        ApiClient.Reply rejected = alice.post(base + "/" + second,
                "{\"action\": \"reject\", \"comment\": \"Off brand\", \"version\": 2}");
        assertThat(rejected.json().get("status").asText()).isEqualTo("rejected");

        JsonNode moves = alice.get(base).json().get("moves");
        assertThat(moves.size()).isEqualTo(4);
        assertThat(moves.get(0).get("action").asText()).isEqualTo("reject");
        assertThat(moves.get(0).get("from").asText()).isEqualTo("approved_for_publish");
        assertThat(moves.get(0).get("comment").asText()).isEqualTo("Off brand");
        assertThat(moves.get(2).get("to").asText()).isEqualTo("proposed");
        assertThat(moves.get(2).get("by").asText()).isNotBlank();
        assertThat(moves.get(2).has("at")).isTrue();
    }

    @Test
    void distributionSchedulesApprovedAssetsExportsIcsAndCsvAndKeepsEveryVersion() throws Exception {
        ApiClient alice = newUser();
        String id = campaignApprovedForPublish(alice);

        ApiClient.Reply built = alice.post("/campaigns/" + id + "/distribution", "{\"timezone\": \"Europe/Berlin\"}");

        assertThat(built.status()).as(built.toString()).isEqualTo(201);
        JsonNode result = built.json();
        assertThat(result.get("version").asInt()).isEqualTo(1);
        int nodes = alice.get("/campaigns/" + id).json().get("asset_nodes").size();
        assertThat(result.get("schedule").size()).isEqualTo(nodes);
        assertThat(result.get("schedule").get(0).get("publish_at").asText()).endsWith("+01:00");
        String ics = download(result.get("ics_url").asText());
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("\r\nBEGIN:VEVENT\r\nUID:" + id + "-").endsWith("END:VCALENDAR\r\n");
        String csv = download(result.get("csv_url").asText());
        assertThat(csv).startsWith("date_time,message,link,media_url,channel,asset_id,more_media_urls\r\n")
                .contains("https://aurora.example");
        List<String> posts = new ArrayList<>();
        result.get("schedule").forEach(post -> posts.add(post.get("post_id").asText()));
        assertThat(csv.split("\r\n")).as("one row per post: an image and its caption are one")
                .hasSize((int) posts.stream().distinct().count() + 1).hasSizeLessThan(nodes + 1);
        JsonNode campaign = alice.get("/campaigns/" + id).json();
        assertThat(campaign.get("status").asText()).isEqualTo("active");
        campaign.get("asset_nodes").forEach(n -> assertThat(n.get("status").asText()).isEqualTo("scheduled"));
        JsonNode scheduledCards = alice.get("/campaigns/" + id + "/board").json().get("columns").get(6).get("cards");
        assertThat(scheduledCards.size()).isEqualTo(nodes);
        assertThat(scheduledCards.get(0).get("publish_at_scheduled").asBoolean()).isTrue();

        ApiClient.Reply againReply = alice.post("/campaigns/" + id + "/distribution", null);
        assertThat(againReply.status()).as(againReply.toString()).isBetween(200, 299);
        JsonNode again = againReply.json();
        assertThat(again.get("version").asInt()).isEqualTo(2);
        assertThat(download(result.get("ics_url").asText())).as("version 1 is kept").isEqualTo(ics);

        String other = campaignApprovedForPublish(alice);
        JsonNode collided = alice.post("/campaigns/" + other + "/distribution", "{\"channels\": [\"linkedin\"]}").json();
        List<String> firstDays = linkedinDays(again);
        List<String> sharedDays = linkedinDays(collided).stream().filter(firstDays::contains).toList();
        if (!sharedDays.isEmpty()) {
            assertThat(collided.get("warnings").toString()).as("a shared LinkedIn day is warned about")
                    .contains("Aurora launch");
        }

        ApiClient.Reply nothingApproved = alice.post("/campaigns/" + proposedCampaign(alice) + "/distribution", null);
        assertProblem(nothingApproved, 400, "validation-failed");
    }

    @Test
    void metricsImportAllOrNothingWithoutDoubleCountingAndPerformanceComparesChannels() {
        ApiClient alice = newUser();
        String id = campaignApprovedForPublish(alice);
        JsonNode nodes = alice.get("/campaigns/" + id).json().get("asset_nodes");
        String linkedin = nodeOn(nodes, "linkedin");
        String instagram = nodeOn(nodes, "instagram");
        String rows = """
                {"rows": [
                  {"asset_id": "%s", "date": "%s", "impressions": 12000, "clicks": 360, "conversions": 40, "spend": 50},
                  {"asset_id": "%s", "date": "%s", "impressions": 9800, "clicks": 127, "conversions": 30, "spend": 40.5},
                  {"channel": "x", "date": "%s", "impressions": 100, "clicks": 1, "conversions": 0, "spend": 0}]}
                """.formatted(linkedin, yesterday(), instagram, yesterday(), yesterday());

        JsonNode imported = alice.post("/campaigns/" + id + "/metrics", rows).json();
        assertThat(imported.get("imported").asInt()).isEqualTo(3);
        JsonNode reimported = alice.post("/campaigns/" + id + "/metrics", rows).json();
        assertThat(reimported.get("imported").asInt()).isZero();
        assertThat(reimported.get("duplicates").asInt()).isEqualTo(3);
        ApiClient.Reply csv = alice.send("POST", "/campaigns/" + id + "/metrics",
                "asset_id,date,impressions,clicks,conversions,spend,views\r\n" + linkedin + "," + yesterday()
                        + ",12000,360,40,50,\r\n", "text/csv");
        assertThat(csv.json().get("duplicates").asInt()).isEqualTo(1);

        ApiClient.Reply malformed = alice.send("POST", "/campaigns/" + id + "/metrics",
                "asset_id,date,impressions,clicks,conversions,spend\n" + linkedin + "," + yesterday()
                        + ",999999,1,1,1\nghost,2026-13-01,ten,1,1,1\n", "text/csv");
        assertProblem(malformed, 400, "invalid-metric-rows");
        JsonNode errors = malformed.json().get("errors");
        assertThat(errors.get(0).get("line").asInt()).isEqualTo(3);
        assertThat(errors.toString()).contains("\"field\":\"asset_id\"", "\"field\":\"date\"", "\"field\":\"impressions\"");
        assertProblem(alice.post("/campaigns/" + id + "/metrics", "{\"rows\": \"nope\"}"), 400, "invalid-metric-rows");
        assertProblem(alice.send("POST", "/campaigns/" + id + "/metrics", "\"unclosed,quote\n", "text/csv"), 400,
                "invalid-metric-rows");

        JsonNode performance = alice.get("/campaigns/" + id + "/performance").json();
        assertThat(performance.get("totals").get("impressions").asLong()).as("the refused batch stored nothing")
                .isEqualTo(21_900);
        assertThat(performance.get("kpi").get("target").asLong()).isEqualTo(500);
        assertThat(performance.get("kpi").get("achieved").asLong()).isEqualTo(70);
        assertThat(performance.get("by_asset").size()).isEqualTo(2);
        assertThat(performance.get("by_channel").size()).isEqualTo(3);
        JsonNode insight = performance.get("insights").get(0);
        assertThat(insight.get("text").asText()).startsWith("LinkedIn ").contains("outperform Instagram").contains("on CTR");
        assertThat(insight.get("n").asLong()).isEqualTo(21_800);
        assertThat(insight.get("confidence").asDouble()).isGreaterThan(0.99);
        assertThat(insight.has("proposal_asset_id")).isFalse();
    }

    @Test
    void theScheduledRunProposesEachExperimentExactlyOncePerDay() {
        ApiClient alice = newUser();
        String id = campaignApprovedForPublish(alice);
        JsonNode nodes = alice.get("/campaigns/" + id).json().get("asset_nodes");
        int before = nodes.size();
        alice.post("/campaigns/" + id + "/metrics", """
                {"rows": [
                  {"asset_id": "%s", "date": "%s", "impressions": 12000, "clicks": 360, "conversions": 40, "spend": 50},
                  {"asset_id": "%s", "date": "%s", "impressions": 9800, "clicks": 127, "conversions": 30, "spend": 40}]}
                """.formatted(nodeOn(nodes, "linkedin"), yesterday(), nodeOn(nodes, "instagram"), yesterday()));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        JsonNode first = triggerSchedule("DailyOptimization");
        JsonNode second = triggerSchedule("DailyOptimization");

        assertThat(first.get("campaigns").asInt()).isPositive();
        assertThat(first.get("proposals").asInt()).isPositive();
        assertThat(second.get("optimized").asInt()).isZero();
        assertThat(second.get("proposals").asInt()).isZero();
        assertThat(second.get("already_done").asInt()).isEqualTo(first.get("campaigns").asInt());
        JsonNode campaign = alice.get("/campaigns/" + id).json();
        List<JsonNode> experiments = new ArrayList<>();
        campaign.get("asset_nodes").forEach(n -> {
            if (n.get("title").asText().startsWith("Experiment:")) {
                experiments.add(n);
            }
        });
        assertThat(campaign.get("asset_nodes").size()).isEqualTo(before + 1);
        assertThat(experiments).singleElement().satisfies(n -> assertThat(n.get("status").asText()).isEqualTo("proposed"));
        String experiment = experiments.get(0).get("asset_id").asText();
        JsonNode proposal = alice.get("/campaigns/" + id + "/proposals").json().get("proposals").get(experiment);
        assertThat(proposal.get("status").asText()).isEqualTo("proposed");
        assertThat(proposal.get("cost_estimate").decimalValue()).isPositive();
        assertThat(alice.get("/campaigns/" + id + "/performance").json().get("insights").get(0)
                .get("proposal_asset_id").asText()).isEqualTo(experiment);

        runSchedule("OptimizationFunction", scheduledEvent(today.plusDays(1)));
        assertThat(alice.get("/campaigns/" + id).json().get("asset_nodes").size())
                .as("the next day's run leaves the experiment still waiting for approval alone").isEqualTo(before + 1);
    }

    @Test
    void anotherUsersCampaignIsA404OnEveryRoute() {
        ApiClient alice = newUser();
        String id = campaignApprovedForPublish(alice);
        String asset = alice.get("/campaigns/" + id).json().get("asset_nodes").get(0).get("asset_id").asText();
        int moves = alice.get("/campaigns/" + id + "/board").json().get("moves").size();
        ApiClient bob = newUser();
        String metrics = "{\"rows\": [{\"asset_id\": \"" + asset + "\", \"date\": \"" + yesterday()
                + "\", \"impressions\": 10, \"clicks\": 1, \"conversions\": 0, \"spend\": 0}]}";

        for (ApiClient.Reply reply : List.of(
                bob.get("/campaigns/" + id + "/board"),
                bob.post("/campaigns/" + id + "/board/" + asset, "{\"action\": \"approve\", \"version\": 2}"),
                bob.post("/campaigns/" + id + "/distribution", null),
                bob.post("/campaigns/" + id + "/metrics", metrics),
                bob.send("POST", "/campaigns/" + id + "/metrics", "not,a,csv\n", "text/csv"),
                bob.get("/campaigns/" + id + "/performance"),
                alice.get("/campaigns/" + UUID.randomUUID() + "/board"),
                alice.post("/campaigns/" + id + "/board/" + UUID.randomUUID(), "{\"action\": \"approve\", \"version\": 2}"))) {
            assertProblem(reply, 404, "not-found");
        }
        assertThat(new ApiClient(devstack.apiBase(), null).get("/campaigns/" + id + "/board").status()).isEqualTo(401);
        assertThat(alice.get("/campaigns/" + id + "/board").json().get("moves").size()).isEqualTo(moves);
        assertThat(alice.get("/campaigns/" + id + "/performance").json().get("totals").get("impressions").asLong()).isZero();
    }

    /**
     * Runs a scheduled function now, as its EventBridge schedule would: invoked in-process by logical id with a
     * scheduled event (to become {@code POST /_devstack/schedules/{name}/run} once the devstack serves it).
     */
    /** Today's run, triggered as a developer would: through the devstack's schedule admin route. */
    private static JsonNode triggerSchedule(String schedule) {
        ApiClient admin = new ApiClient(devstack.baseUri().resolve("/_devstack"), null);
        ApiClient.Reply reply = admin.post("/schedules/" + schedule + "/run", null);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().get("function").asText()).isEqualTo("OptimizationFunction");
        return reply.json().get("result");
    }

    /** A run on a given day (the admin route always runs now), invoking the function with EventBridge's event. */
    private static JsonNode runSchedule(String function, String eventJson) {
        try {
            Map<String, Object> event = Json.mapper().readValue(eventJson, new TypeReference<LinkedHashMap<String, Object>>() {
            });
            return Json.mapper().valueToTree(devstack.functions().get(function).invoke(event));
        } catch (IOException e) {
            throw new AssertionError("bad event " + eventJson, e);
        }
    }

    static String scheduledEvent(LocalDate day) {
        return """
                {"version": "0", "id": "%s", "detail-type": "Scheduled Event", "source": "aws.scheduler",
                 "account": "000000000000", "time": "%sT06:00:00Z", "region": "us-east-1", "resources": [], "detail": {}}
                """.formatted(UUID.randomUUID(), day);
    }

    private static String proposedCampaign(ApiClient client) {
        String id = client.post("/campaigns/create-blueprint", CAMPAIGN.formatted(LocalDate.now(ZoneOffset.UTC).plusDays(10)))
                .json().get("campaign_id").asText();
        client.post("/campaigns/" + id + "/generate-proposals", "{}");
        return id;
    }

    private static String campaignApprovedForPublish(ApiClient client) {
        String id = proposedCampaign(client);
        assertThat(client.post("/campaigns/" + id + "/proposals/approve-all", null).status()).isEqualTo(200);
        generate(client, id);
        for (JsonNode card : client.get("/campaigns/" + id + "/board").json().get("columns").get(4).get("cards")) {
            ApiClient.Reply moved = client.post("/campaigns/" + id + "/board/" + card.get("asset_id").asText(),
                    "{\"action\": \"approve\", \"version\": " + card.get("version").asLong() + "}");
            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        }
        return id;
    }

    /** What the generation worker does: every approved node → generating → ready. */
    private static void generate(ApiClient client, String id) {
        String user = SUBJECTS.get(client);
        Map<String, NodeStatus> generating = new LinkedHashMap<>();
        client.get("/campaigns/" + id).json().get("asset_nodes").forEach(n -> {
            if (n.get("status").asText().equals("approved")) {
                generating.put(n.get("asset_id").asText(), NodeStatus.GENERATING);
            }
        });
        generationWorker.move(user, id, generating);
        Map<String, NodeStatus> ready = new LinkedHashMap<>();
        generating.keySet().forEach(asset -> ready.put(asset, NodeStatus.READY));
        generationWorker.move(user, id, ready);
    }

    private static final Map<ApiClient, String> SUBJECTS = new ConcurrentHashMap<>();

    private static ApiClient newUser() {
        String user = "user-" + UUID.randomUUID();
        ApiClient client = new ApiClient(devstack.apiBase(), devstack.tokenFor(user));
        SUBJECTS.put(client, user);
        return client;
    }

    private static String nodeOn(JsonNode nodes, String channel) {
        for (JsonNode node : nodes) {
            if (node.get("channel").asText().equals(channel)) {
                return node.get("asset_id").asText();
            }
        }
        throw new AssertionError("no " + channel + " node in " + nodes);
    }

    private static String yesterday() {
        return LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
    }

    @Test
    void aShareLinkOpensItsFileForAsLongAsTheFileExistsAndNothingElse() throws Exception {
        String bucket = devstack.resources().bucketName("MediaBucket");
        String key = "media/share-test/" + UUID.randomUUID() + "/post.png";
        byte[] file = "not really a png".getBytes(StandardCharsets.UTF_8);
        try (S3Client s3 = devstack.localAws().s3Client()) {
            s3.putObject(put -> put.bucket(bucket).key(key).contentType("image/png"), RequestBody.fromBytes(file));
            MediaShareTokens tokens = new MediaShareTokens(() -> LocalMediaShareKey
                    .loadOrCreate(devstack.options().signingKeyDirectory()).getBytes(StandardCharsets.UTF_8));
            String token = tokens.tokenFor(key);
            HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

            HttpResponse<byte[]> opened = following.send(HttpRequest.newBuilder(
                    URI.create(devstack.apiBase() + "/media/" + token)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(opened.statusCode()).isEqualTo(200);
            assertThat(opened.body()).isEqualTo(file);
            HttpResponse<String> viaSpaPrefix = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(devstack.baseUri() + "/api/campaign-creator/media/" + token)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(viaSpaPrefix.statusCode()).isEqualTo(302);
            assertThat(viaSpaPrefix.headers().firstValue("location")).hasValueSatisfying(url ->
                    assertThat(url).contains("X-Amz-Signature"));

            String forged = tokens.tokenFor(key).replaceFirst("\\.[A-Za-z0-9_-]{4}", ".AAAA");
            for (String bad : List.of(forged, "nothing", token.substring(0, token.indexOf('.')) + ".")) {
                HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(devstack.apiBase() + "/media/" + bad)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(refused.statusCode()).as(bad).isEqualTo(404);
            }

            s3.deleteObject(delete -> delete.bucket(bucket).key(key));
            HttpResponse<String> gone = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(devstack.apiBase() + "/media/" + token)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(gone.statusCode()).as("the link lives as long as its file").isEqualTo(404);
        }
    }

    private static List<String> linkedinDays(JsonNode distribution) {
        List<String> days = new ArrayList<>();
        distribution.get("schedule").forEach(post -> {
            if (post.get("channel").asText().equals("linkedin")) {
                days.add(post.get("publish_at").asText().substring(0, 10));
            }
        });
        return days;
    }

    private static String download(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + " → " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static void assertProblem(ApiClient.Reply reply, int status, String kind) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("type").asText()).isEqualTo("urn:pms:problem:" + kind);
    }
}
