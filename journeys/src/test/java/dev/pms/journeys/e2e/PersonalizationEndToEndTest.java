package dev.pms.journeys.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pms.aws.dynamodb.AppTable;
import dev.pms.aws.dynamodb.DynamoSignalLog;
import dev.pms.core.campaign.Goal;
import dev.pms.core.channel.Channel;
import dev.pms.core.json.Json;
import dev.pms.core.personalization.Signal;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.testing.DevstackExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's history played through the gateway (20 blueprints with a clear channel and goal pattern, and
 * prompt edits that always cut Instagram hashtags and add the same sentence) changes their form defaults,
 * recommendations and next proposals; a user without history gets the Brand DNA's; every personalization route is
 * tenant-isolated and served under both prefixes.
 */
@ExtendWith(DevstackExtension.class)
class PersonalizationEndToEndTest {
    private static final String PROFILE = """
            {"persona_data": {"selected_platforms": ["pinterest", "facebook"]},
             "color_palette": ["#0B3D2E", "#F2C14E"]}
            """;
    private static final String ADDED_SENTENCE = "Mention free shipping on every order.";
    private static Devstack devstack;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void attach(Devstack running) {
        devstack = running;
        dynamo = running.localAws().dynamoDbClient();
    }

    @AfterAll
    static void close() {
        dynamo.close();
    }

    @Test
    void aPlayedHistoryChangesDefaultsRecommendationsAndTheNextProposals() {
        ApiClient alice = newUser();
        assertThat(alice.put("/brand-profile", PROFILE).status()).isEqualTo(200);

        JsonNode before = ok(alice.get("/personalization/defaults/campaign_creator"));
        assertThat(texts(before.at("/defaults/channels"))).containsExactly("pinterest", "facebook");
        assertThat(before.at("/defaults/goal").asText()).isEqualTo("product_launch");
        assertThat(before.at("/fields/channels/source").asText()).isEqualTo("brand_dna");
        assertThat(ok(alice.get("/personalization/recommendations")).at("/recommendations/reasoning").asText())
                .startsWith("No activity to learn from yet, so these follow your Brand DNA: pinterest, facebook");

        for (int i = 0; i < 20; i++) {
            List<String> channels = i % 10 == 9 ? List.of("instagram", "linkedin") : List.of("instagram", "tiktok");
            String id = blueprint(alice, "awareness", channels);
            if (i < 4) {
                editInstagramCaption(alice, id);
            }
        }

        JsonNode campaign = ok(alice.get("/personalization/defaults/campaign_creator"));
        assertThat(texts(campaign.at("/defaults/channels"))).containsExactly("instagram", "tiktok");
        assertThat(campaign.at("/defaults/goal").asText()).isEqualTo("awareness");
        assertThat(campaign.at("/fields/channels/source").asText()).isEqualTo("learned");
        assertThat(campaign.at("/fields/channels/evidence/events").asInt()).isEqualTo(20);
        assertThat(campaign.at("/fields/channels/note").asText()).contains("instagram in 20 of 20", "tiktok in 18 of 20");
        assertThat(campaign.at("/fields/channels/confidence").asDouble()).isGreaterThan(0.7);

        JsonNode recommendations = ok(alice.get("/personalization/recommendations")).get("recommendations");
        assertThat(texts(recommendations.get("channels"))).startsWith("instagram", "tiktok");
        assertThat(recommendations.get("templates").size()).isPositive();
        assertThat(recommendations.get("templates").get(0).asText()).isIn("image-social-story", "video-storytelling",
                "animation-lifestyle", "image-lifestyle-home", "image-outdoor-adventure");
        assertThat(recommendations.get("reasoning").asText()).contains("From your last", "instagram in 20 of 20",
                "awareness");
        assertThat(recommendations.get("asset_types").size()).isPositive();

        JsonNode preferences = ok(alice.get("/personalization/preferences")).get("preferences");
        assertThat(preferences.at("/hashtags/instagram/value").asInt()).isEqualTo(1);
        // from the fourth campaign on the caption already asks for 1 hashtag, so only three edits changed the count
        assertThat(preferences.at("/hashtags/instagram/note").asText()).isEqualTo("learned from 3 of your edits of instagram prompts");
        assertThat(texts(preferences.at("/prompt_phrases/value"))).containsExactly("Mention free shipping on every order");
        assertThat(preferences.at("/brand_colors/value/0").asText()).isEqualTo("#0B3D2E");
        assertThat(preferences.at("/history/by_kind/blueprint_created").asInt()).isEqualTo(20);
        assertThat(preferences.at("/history/by_kind/prompt_edited").asInt()).isEqualTo(4);
        assertThat(preferences.at("/learning/min_events").asInt()).isEqualTo(3);

        String next = blueprint(alice, "awareness", List.of("instagram", "tiktok"));
        JsonNode caption = instagramCaption(ok(alice.post("/campaigns/" + next + "/generate-proposals",
                "{\"campaign_id\": \"" + next + "\"}")).get("proposals"));
        assertThat(caption.get("proposed_prompt").asText()).contains("≤ 1 hashtag (the user's own preference")
                .doesNotContain("(3 recommended)")
                .contains("The user's standing preferences: always Mention free shipping on every order.");
        assertThat(caption.at("/provenance/personalization").asText()).contains("learned from 3 of your edits",
                "learned from 4 of your edits");

        JsonNode forgotten = ok(alice.delete("/personalization/preferences"));
        assertThat(forgotten.get("forgotten_signals").asInt()).isGreaterThanOrEqualTo(24);
        JsonNode after = ok(alice.get("/personalization/defaults/campaign_creator"));
        assertThat(texts(after.at("/defaults/channels"))).containsExactly("pinterest", "facebook");
    }

    @Test
    void aUserWithoutHistoryGetsCompleteBrandDnaDefaultsForEveryForm() {
        ApiClient newcomer = newUser();
        assertThat(newcomer.put("/brand-profile", PROFILE).status()).isEqualTo(200);

        JsonNode photoshoot = ok(newcomer.get("/personalization/defaults/product_photoshoot"));
        assertThat(photoshoot.get("form_type").asText()).isEqualTo("product_photoshoot");
        for (String field : List.of("environment", "background_style", "lighting", "style", "resolution",
                "num_variations", "brand_colors")) {
            assertThat(photoshoot.get("defaults").has(field)).as(field).isTrue();
        }
        assertThat(texts(photoshoot.at("/defaults/brand_colors"))).containsExactly("#0B3D2E", "#F2C14E");
        assertThat(ok(newcomer.get("/personalization/defaults/product_video")).at("/defaults/video_type").asText())
                .isEqualTo("demo");
        assertThat(ok(newcomer.get("/personalization/defaults/product_avatar")).at("/defaults/explainer_type").asText())
                .isEqualTo("product_overview");

        ApiClient.Reply unknown = newcomer.get("/personalization/defaults/newsletter");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().get("detail").asText()).startsWith("There are no defaults for the form type 'newsletter'");
    }

    @Test
    void everyRouteIsTenantIsolatedAndServedUnderBothPrefixes() {
        ApiClient alice = newUser();
        ApiClient bob = newUser();
        String aliceId = subjectOf(alice);
        DynamoSignalLog log = new DynamoSignalLog(dynamo, new AppTable(devstack.resources().tableName("AppTable")));
        List<Signal> history = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            history.add(Signal.studioSettingsSubmitted("product_photoshoot",
                    Map.of("lighting", "dramatic", "environment", "luxury", "template_id", "image-luxury-dark"), Instant.now()));
            history.add(Signal.blueprintCreated(List.of(Channel.YOUTUBE),
                    Goal.CONVERSION, Instant.now()));
        }
        log.append(aliceId, history, Instant.now().plusSeconds(3_600));

        assertThat(ok(alice.get("/personalization/defaults/product_photoshoot")).at("/defaults/lighting").asText())
                .isEqualTo("dramatic");
        assertThat(ok(bob.get("/personalization/defaults/product_photoshoot")).at("/fields/lighting/source").asText())
                .isNotEqualTo("learned");
        assertThat(ok(bob.get("/personalization/defaults/campaign_creator")).at("/defaults/goal").asText())
                .isEqualTo("product_launch");
        assertThat(ok(bob.get("/personalization/preferences")).at("/preferences/history/events").asInt()).isZero();
        assertThat(ok(bob.get("/personalization/recommendations")).at("/recommendations/learned").asBoolean()).isFalse();
        assertThat(ok(alice.get("/personalization/recommendations")).at("/recommendations/templates/0").asText())
                .isEqualTo("image-luxury-dark");
        JsonNode bobsPrompt = ok(bob.post("/intelligent-prompt", "{\"user_input\": \"ceramic mug\"}"));
        assertThat(bobsPrompt.at("/field_sources/lighting/source").asText()).isNotEqualTo("learned");
        JsonNode alicesPrompt = ok(alice.post("/intelligent-prompt", "{\"user_input\": \"ceramic mug\"}"));
        assertThat(alicesPrompt.at("/configuration/lighting").asText()).isEqualTo("dramatic");
        assertThat(alicesPrompt.at("/field_sources/lighting/source").asText()).isEqualTo("learned");
        assertThat(ok(bob.delete("/personalization/preferences")).get("forgotten_signals").asInt()).isZero();
        assertThat(ok(alice.get("/personalization/preferences")).at("/preferences/history/events").asInt()).isEqualTo(10);

        ApiClient aliceOnTheSpa = new ApiClient(URI.create(devstack.baseUri() + "/api/campaign-creator"),
                devstack.tokenFor(aliceId));
        for (String path : List.of("/personalization/preferences", "/personalization/defaults/product_photoshoot",
                "/personalization/recommendations")) {
            assertThat(ok(aliceOnTheSpa.get(path))).as(path).isEqualTo(ok(alice.get(path)));
        }
        assertThat(ok(aliceOnTheSpa.post("/intelligent-prompt", "{\"user_input\": \"ceramic mug\"}")))
                .isEqualTo(alicesPrompt);

        ApiClient anonymous = new ApiClient(devstack.apiBase(), null);
        for (String path : List.of("/personalization/preferences", "/personalization/defaults/campaign_creator",
                "/personalization/recommendations")) {
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
        }
        assertThat(anonymous.delete("/personalization/preferences").status()).isEqualTo(401);
        assertThat(anonymous.post("/intelligent-prompt", "{\"user_input\": \"mug\"}").status()).isEqualTo(401);
    }

    @Test
    void theIntelligentPromptInfersACompleteConfigurationAndSaysWhatItInferred() {
        ApiClient carol = newUser();

        JsonNode answer = ok(carol.post("/intelligent-prompt", "{\"user_input\": \"iPhone case for my store\"}"));

        assertThat(answer.get("success").asBoolean()).isTrue();
        assertThat(answer.get("user_input").asText()).isEqualTo("iPhone case for my store");
        JsonNode configuration = answer.get("configuration");
        assertThat(configuration.get("product_name").asText()).isEqualTo("iPhone case");
        assertThat(configuration.get("environment").asText()).isEqualTo("studio");
        assertThat(configuration.get("background_style").asText()).isEqualTo("white");
        for (String field : List.of("product_description", "lighting", "style", "brand_colors", "additional_context",
                "template_id", "resolution", "num_variations")) {
            assertThat(configuration.has(field)).as(field).isTrue();
        }
        assertThat(texts(answer.get("inferred_fields"))).contains("product_description", "brand_colors")
                .doesNotContain("product_name", "environment");
        assertThat(answer.get("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(answer.get("engine").asText()).isEqualTo("offline_parser");

        ApiClient.Reply refused = carol.post("/intelligent-prompt", "{\"user_input\": \"\", \"asset_type\": \"hologram\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asText()).contains("user_input is required", "asset_type must be one of");
        assertThat(carol.post("/intelligent-prompt", "{\"user_input\": \"mug\", \"colour\": \"red\"}").status())
                .isEqualTo(400);
    }

    private static String blueprint(ApiClient user, String goal, List<String> channels) {
        ObjectNode body = Json.mapper().createObjectNode().put("campaign_name", "Launch " + UUID.randomUUID())
                .put("goal", goal);
        channels.forEach(body.putArray("channels")::add);
        body.putObject("product_context").put("product_name", "Aurora").put("product_description", "A desk lamp");
        ApiClient.Reply created = user.post("/campaigns/create-blueprint", Json.write(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("campaign_id").asText();
    }

    private static void editInstagramCaption(ApiClient user, String campaignId) {
        JsonNode proposals = ok(user.post("/campaigns/" + campaignId + "/generate-proposals",
                "{\"campaign_id\": \"" + campaignId + "\"}")).get("proposals");
        JsonNode caption = instagramCaption(proposals);
        String edited = caption.get("proposed_prompt").asText()
                .replaceAll("≤ \\d+ hashtags \\(\\d+ recommended\\)", "≤ 1 hashtag") + " " + ADDED_SENTENCE;
        ObjectNode patch = Json.mapper().createObjectNode().put("action", "edit")
                .put("version", caption.get("version").asLong()).put("proposed_prompt", edited);
        ApiClient.Reply reply = user.patch("/campaigns/" + campaignId + "/proposals/" + caption.get("asset_id").asText(),
                Json.write(patch));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    private static JsonNode instagramCaption(JsonNode proposals) {
        for (JsonNode proposal : proposals) {
            if (proposal.get("channel").asText().equals("instagram") && proposal.get("asset_type").asText().equals("text")
                    && proposal.get("placement").asText().equals("instagram/caption")) {
                return proposal;
            }
        }
        throw new AssertionError("no instagram caption among " + proposals);
    }

    private static JsonNode ok(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static final Map<ApiClient, String> SUBJECTS = new ConcurrentHashMap<>();

    private static ApiClient newUser() {
        String user = "user-" + UUID.randomUUID();
        ApiClient client = new ApiClient(devstack.apiBase(), devstack.tokenFor(user));
        SUBJECTS.put(client, user);
        return client;
    }

    private static String subjectOf(ApiClient client) {
        return SUBJECTS.get(client);
    }
}
