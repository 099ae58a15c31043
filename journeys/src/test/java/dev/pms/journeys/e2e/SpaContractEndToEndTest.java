package dev.pms.journeys.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.testing.DevstackExtension;
import dev.pms.devstack.testing.Eventually;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every campaign call ALwrity's SPA makes (shared/reference/spa-contract.md), sent as the SPA sends it
 * — the wizard's minimal input with empty names, the proposal echoed back with an edited prompt — on both prefixes,
 * asserting every field the SPA reads with the type it assumes; CORS preflight; 401 and 402 as the SPA handles them.
 */
@ExtendWith(DevstackExtension.class)
class SpaContractEndToEndTest {
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final String SPA_ORIGIN = "https://app.alwrity.example";
    private static Devstack devstack;

    /** The wizard's body: kpi omitted when empty, names possibly empty, only wizard channels. */
    private static final String WIZARD_MINIMAL = """
            {"campaign_name": "", "goal": "product_launch", "channels": ["instagram", "linkedin"],
             "product_context": {"product_name": "", "product_description": "", "marketing_goal": "product_launch"}}
            """;

    private static final String WIZARD_FILLED = """
            {"campaign_name": "Acme Notes launch", "goal": "conversion", "kpi": "500 trials",
             "channels": ["linkedin", "twitter"],
             "product_context": {"product_name": "Acme Notes", "product_description": "Notes that write themselves",
                                 "marketing_goal": "conversion"}}
            """;

    @BeforeAll
    static void attach(Devstack running) {
        devstack = running;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/campaign-creator", "/api/product-marketing"})
    void theWizardsCallsAnswerWithEveryFieldTheSpaReads(String prefix) throws Exception {
        ApiClient spa = user(prefix, "pro");

        JsonNode dna = ok(spa.get("/brand-dna")).get("brand_dna");
        assertThat(dna.isObject()).isTrue();
        assertThat(dna.at("/visual_identity/color_palette").isArray()).isTrue();
        ok(spa.put("/brand-profile", """
                {"persona_data": {"core_persona": {"persona_name": "Ada", "archetype": "sage"}},
                 "website_analysis": {"writing_style": {"tone": "confident"},
                                      "target_audience": {"industry_focus": "SaaS"}},
                 "color_palette": ["#1A73E8", "#0B1F3A"], "forbidden_phrases": ["best in the world"]}
                """));
        dna = ok(spa.get("/brand-dna")).get("brand_dna");
        assertThat(dna.at("/persona/persona_name").textValue()).isEqualTo("Ada");
        assertThat(dna.at("/writing_style/tone").textValue()).isEqualTo("confident");
        assertThat(dna.at("/target_audience/industry_focus").textValue()).isEqualTo("SaaS");
        assertThat(strings(dna.at("/visual_identity/color_palette"))).containsExactly("#1A73E8", "#0B1F3A");
        assertThat(ok(spa.get("/brand-dna/channel/linkedin")).get("brand_dna").isObject()).isTrue();

        for (String body : List.of(WIZARD_MINIMAL, WIZARD_FILLED)) {
            JsonNode preflight = ok(spa.post("/campaigns/validate-preflight", body));
            assertThat(preflight.get("can_proceed").isBoolean()).isTrue();
            assertThat(preflight.get("can_proceed").booleanValue()).isTrue();
            assertThat(preflight.get("message").isTextual()).isTrue();
            JsonNode summary = preflight.get("summary");
            for (String count : List.of("total_assets", "image_count", "text_count")) {
                assertThat(summary.get(count).isIntegralNumber()).as(count).isTrue();
            }
            assertThat(summary.get("total_assets").intValue()).isPositive();
            assertThat(summary.get("estimated_cost").isNumber()).isTrue();
        }

        String campaignId = ok(spa.post("/campaigns/create-blueprint", WIZARD_MINIMAL)).get("campaign_id").textValue();
        assertThat(campaignId).isNotBlank();

        JsonNode generated = ok(spa.post("/campaigns/" + campaignId + "/generate-proposals",
                "{\"campaign_id\": \"" + campaignId + "\", \"product_context\": {\"product_name\": \"\","
                        + " \"product_description\": \"\", \"marketing_goal\": \"product_launch\"}}"));
        assertThat(generated.get("proposals").isObject()).isTrue();
        assertThat(generated.get("total_assets").isIntegralNumber()).isTrue();
        assertThat(generated.get("proposals").size()).isEqualTo(generated.get("total_assets").intValue());

        JsonNode listed = campaignIn(ok(spa.get("/campaigns")), campaignId);
        for (String field : List.of("campaign_id", "campaign_name", "goal", "status")) {
            assertThat(listed.get(field).isTextual()).as(field).isTrue();
        }
        assertThat(listed.get("campaign_name").textValue()).isNotBlank();
        assertThat(strings(listed.get("channels"))).containsExactly("instagram", "linkedin");
        listed.get("asset_nodes").forEach(node -> assertThat(node.get("status").textValue()).isEqualTo("proposed"));

        JsonNode campaign = ok(spa.get("/campaigns/" + campaignId));
        for (String field : List.of("campaign_id", "campaign_name", "goal", "status")) {
            assertThat(campaign.get(field).isTextual()).as(field).isTrue();
        }
        assertThat(campaign.get("phases").size()).isPositive();
        for (JsonNode phase : campaign.get("phases")) {
            assertThat(phase.get("name").isTextual()).isTrue();
            assertThat(phase.get("duration_days").isIntegralNumber()).isTrue();
            assertThat(phase.get("purpose").isTextual()).isTrue();
        }
        for (JsonNode node : campaign.get("asset_nodes")) {
            for (String field : List.of("asset_id", "asset_type", "channel", "status")) {
                assertThat(node.get(field).isTextual()).as(field).isTrue();
            }
        }
        assertThat(campaign.get("channels").isArray()).isTrue();

        JsonNode proposals = ok(spa.get("/campaigns/" + campaignId + "/proposals")).get("proposals");
        assertThat(proposals.size()).isEqualTo(campaign.get("asset_nodes").size());
        for (Iterator<Map.Entry<String, JsonNode>> it = proposals.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode proposal = entry.getValue();
            assertThat(proposal.get("asset_id").textValue()).isEqualTo(entry.getKey());
            for (String field : List.of("asset_type", "channel", "recommended_provider", "concept_summary",
                    "proposed_prompt", "recommended_template")) {
                assertThat(proposal.get(field).isTextual()).as(field).isTrue();
                assertThat(proposal.get(field).textValue()).as(field).isNotBlank();
            }
            assertThat(proposal.get("cost_estimate").isNumber()).isTrue();
        }

        JsonNode audit = ok(spa.post("/assets/audit", "{\"image_base64\": \"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png(1080, 1080)) + "\"}"));
        JsonNode info = audit.get("asset_info");
        assertThat(info.get("width").intValue()).isEqualTo(1080);
        assertThat(info.get("height").intValue()).isEqualTo(1080);
        assertThat(info.get("format").textValue()).isEqualTo("png");
        assertThat(info.get("mode").isTextual()).isTrue();
        assertThat(info.get("quality_score").isNumber()).isTrue();
        assertThat(info.get("quality_score").doubleValue()).isBetween(0.0, 1.0);
        assertThat(audit.get("status").textValue()).isIn("usable", "needs_enhancement", "error");
        for (JsonNode recommendation : audit.get("recommendations")) {
            assertThat(recommendation.get("operation").isTextual()).isTrue();
            assertThat(recommendation.get("priority").textValue()).isIn("high", "medium", "low");
            assertThat(recommendation.get("reason").isTextual()).isTrue();
        }

        JsonNode pack = ok(spa.get("/channels/instagram/pack?asset_type=social_post"));
        assertThat(pack.get("templates").size()).isPositive();
        for (JsonNode template : pack.get("templates")) {
            for (String field : List.of("id", "name", "dimensions", "aspect_ratio", "recommended_provider", "quality")) {
                assertThat(template.get(field).isTextual()).as(field).isTrue();
            }
        }
        assertThat(pack.get("formats").size()).isPositive();
        for (JsonNode format : pack.get("formats")) {
            assertThat(format.isObject()).isTrue();
            assertThat(format.get("name").isTextual()).isTrue();
            assertThat(format.get("width").isIntegralNumber()).isTrue();
            assertThat(format.get("height").isIntegralNumber()).isTrue();
            assertThat(format.get("ratio").isTextual()).isTrue();
            assertThat(format.get("safe_zone") == null || format.get("safe_zone").isTextual()).isTrue();
        }
        assertThat(pack.get("copy_framework").isObject()).isTrue();
        assertThat(pack.get("optimization_tips").size()).isPositive();
        pack.get("optimization_tips").forEach(tip -> assertThat(tip.isTextual()).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/campaign-creator", "/api/product-marketing"})
    void clickingGenerateApprovesTheUsersEditedPromptAndTheNodeBecomesReady(String prefix) {
        ApiClient spa = user(prefix, "pro");
        String campaignId = ok(spa.post("/campaigns/create-blueprint", WIZARD_FILLED)).get("campaign_id").textValue();
        JsonNode proposals = ok(spa.post("/campaigns/" + campaignId + "/generate-proposals",
                "{\"campaign_id\": \"" + campaignId + "\", \"product_context\": {}}")).get("proposals");
        JsonNode text = firstOfType(proposals, "text");
        JsonNode image = firstOfType(proposals, "image");

        String edited = text.get("proposed_prompt").textValue() + " Mention the 14-day free trial.";
        ApiClient.Reply generatedText = spa.post("/assets/generate", "{\"asset_proposal\": "
                + withPrompt(text, edited) + ", \"product_context\": {}}");
        assertThat(generatedText.status()).as(generatedText.toString()).isBetween(200, 299);
        ApiClient.Reply generatedImage = spa.post("/assets/generate", "{\"asset_proposal\": " + image
                + ", \"product_context\": {}}");
        assertThat(generatedImage.status()).as(generatedImage.toString()).isBetween(200, 299);

        String textId = text.get("asset_id").textValue();
        String imageId = image.get("asset_id").textValue();
        JsonNode campaign = Eventually.await("both nodes ready", DEADLINE, () -> {
            JsonNode current = spa.get("/campaigns/" + campaignId).json();
            return "ready".equals(nodeStatus(current, textId)) && "ready".equals(nodeStatus(current, imageId))
                    ? current : null;
        });
        assertThat(campaign.get("status").textValue()).isEqualTo("proposed");

        JsonNode versions = ok(spa.get("/campaigns/" + campaignId + "/proposals/" + textId + "/versions"))
                .get("versions");
        JsonNode editVersion = null;
        for (JsonNode version : versions) {
            if (edited.equals(version.path("proposed_prompt").asText()) && "proposed".equals(version.path("status").asText())) {
                editVersion = version;
            }
        }
        assertThat(editVersion).as("the user's edit kept as its own version: " + versions).isNotNull();
        assertThat(editVersion.path("provenance").path("proposed_prompt").asText()).as(versions.toString())
                .contains("edited by user");
        JsonNode library = spa.get("/assets?campaign_id=" + campaignId).json().get("assets");
        JsonNode textAsset = null;
        for (JsonNode asset : library) {
            if (asset.get("asset_id").textValue().equals(textId)) {
                textAsset = asset;
            }
        }
        assertThat(textAsset).isNotNull();
        assertThat(textAsset.at("/lineage/prompt").textValue()).isEqualTo(edited);

        ApiClient.Reply again = spa.post("/assets/generate", "{\"asset_proposal\": " + image + "}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").textValue()).isNotBlank();

        JsonNode other = null;
        for (JsonNode proposal : (Iterable<JsonNode>) proposals::elements) {
            if (!Set.of(textId, imageId).contains(proposal.get("asset_id").textValue())) {
                other = proposal;
            }
        }
        ApiClient.Reply forbidden = spa.post("/assets/generate", "{\"asset_proposal\": "
                + withPrompt(other, "Say Acme Notes is the best in the world.") + "}");
        assertThat(forbidden.status()).isEqualTo(400);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");
        assertThat(forbidden.json().get("detail").textValue()).contains("best in the world");
    }

    @Test
    void theLastNodeReadyMakesTheCampaignReady() {
        ApiClient spa = user("/api/campaign-creator", "pro");
        String campaignId = ok(spa.post("/campaigns/create-blueprint", """
                {"campaign_name": "One post", "goal": "awareness", "channels": ["twitter"],
                 "product_context": {"product_name": "Acme Notes", "product_description": "Notes that write themselves"}}
                """)).get("campaign_id").textValue();
        JsonNode proposals = ok(spa.post("/campaigns/" + campaignId + "/generate-proposals", "{}")).get("proposals");
        for (JsonNode proposal : (Iterable<JsonNode>) proposals::elements) {
            assertThat(spa.post("/assets/generate", "{\"asset_proposal\": " + proposal + "}").status())
                    .isBetween(200, 299);
        }
        JsonNode ready = Eventually.await("campaign ready", DEADLINE, () -> {
            JsonNode listed = campaignIn(spa.get("/campaigns").json(), campaignId);
            return "ready".equals(listed.get("status").textValue()) ? listed : null;
        });
        ready.get("asset_nodes").forEach(node -> assertThat(node.get("status").textValue()).isEqualTo("ready"));
    }

    @Test
    void overThePlanGenerateAnswers402WithTheQuoteAndASentence() {
        ApiClient spa = user("/api/campaign-creator", "free");
        String campaignId = ok(spa.post("/campaigns/create-blueprint", """
                {"campaign_name": "Everywhere", "goal": "awareness",
                 "channels": ["instagram", "facebook", "pinterest", "linkedin", "twitter"],
                 "product_context": {"product_name": "Acme Notes", "product_description": "Notes that write themselves"}}
                """)).get("campaign_id").textValue();
        JsonNode proposals = ok(spa.post("/campaigns/" + campaignId + "/generate-proposals", "{}")).get("proposals");
        List<JsonNode> images = new ArrayList<>();
        proposals.forEach(p -> {
            if (p.get("asset_type").textValue().equals("image")) {
                images.add(p);
            }
        });
        assertThat(images.size()).as("more images than the free plan's 10").isGreaterThan(10);
        for (JsonNode image : images.subList(0, 10)) {
            ok(spa.patch("/campaigns/" + campaignId + "/proposals/" + image.get("asset_id").textValue(),
                    "{\"action\": \"approve\", \"version\": " + image.get("version").asLong() + "}"));
        }
        ApiClient.Reply refused = spa.post("/assets/generate", "{\"asset_proposal\": " + images.get(10) + "}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(402);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").textValue()).contains("free plan");
        assertThat(refused.json().has("quote")).as(refused.toString()).isTrue();
        JsonNode unchanged = ok(spa.get("/campaigns/" + campaignId + "/proposals")).get("proposals")
                .get(images.get(10).get("asset_id").textValue());
        assertThat(unchanged.get("status").textValue()).as("nothing approved or spent").isEqualTo("proposed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/campaign-creator", "/api/product-marketing"})
    void corsPreflightAndUnauthenticatedCallsAnswerAsTheSpaExpects(String prefix) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/campaigns", "/campaigns/validate-preflight", "/campaigns/create-blueprint",
                "/campaigns/" + UUID.randomUUID() + "/proposals", "/assets/generate", "/assets/audit",
                "/channels/instagram/pack", "/brand-dna")) {
            HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(URI.create(devstack.baseUri() + prefix + path))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", SPA_ORIGIN)
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization,content-type").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(preflight.statusCode()).as(path).isEqualTo(204);
            assertThat(preflight.headers().firstValue("access-control-allow-origin")).as(path).isPresent();
            assertThat(preflight.headers().firstValue("access-control-allow-headers").orElse("").toLowerCase())
                    .contains("authorization").contains("content-type");
        }
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(devstack.baseUri() + prefix + "/campaigns"))
                .header("Origin", SPA_ORIGIN).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("access-control-allow-origin")).isPresent();
    }

    private static ApiClient user(String prefix, String tier) {
        String user = "spa-" + UUID.randomUUID();
        ApiClient admin = new ApiClient(devstack.baseUri().resolve("/_devstack"), null);
        ApiClient.Reply set = admin.post("/plans", "{\"user\": \"" + user + "\", \"tier\": \"" + tier + "\"}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        return new ApiClient(URI.create(devstack.baseUri() + prefix), devstack.tokenFor(user));
    }

    private static JsonNode ok(ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isBetween(200, 299);
        return reply.json();
    }

    private static List<String> strings(JsonNode array) {
        assertThat(array.isArray()).isTrue();
        List<String> values = new ArrayList<>();
        array.forEach(value -> {
            assertThat(value.isTextual()).isTrue();
            values.add(value.textValue());
        });
        return values;
    }

    private static JsonNode campaignIn(JsonNode list, String campaignId) {
        for (JsonNode campaign : list.get("campaigns")) {
            if (campaign.get("campaign_id").textValue().equals(campaignId)) {
                return campaign;
            }
        }
        throw new AssertionError("campaign " + campaignId + " not listed: " + list);
    }

    private static JsonNode firstOfType(JsonNode proposals, String type) {
        for (JsonNode proposal : (Iterable<JsonNode>) proposals::elements) {
            if (proposal.get("asset_type").textValue().equals(type)) {
                return proposal;
            }
        }
        throw new AssertionError("no " + type + " proposal in " + proposals);
    }

    private static String withPrompt(JsonNode proposal, String prompt) {
        ObjectNode copy = proposal.deepCopy();
        copy.put("proposed_prompt", prompt);
        return copy.toString();
    }

    private static String nodeStatus(JsonNode campaign, String assetId) {
        for (JsonNode node : campaign.get("asset_nodes")) {
            if (node.get("asset_id").textValue().equals(assetId)) {
                return node.get("status").textValue();
            }
        }
        return null;
    }

    private static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0x1A73E8), width, height, new Color(0xF4B400)));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
