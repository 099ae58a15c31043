package dev.pms.journeys.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.testing.DevstackExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Pre-flight quotes, plans and usage over HTTP through the devstack gateway. */
@ExtendWith(DevstackExtension.class)
class PreflightApiEndToEndTest {
    private static Devstack devstack;

    static final String BIG_LAUNCH = """
            {"campaign_name": "Everything everywhere", "goal": "product_launch",
             "channels": ["instagram", "tiktok", "youtube", "linkedin", "email", "amazon", "shopify", "pinterest"],
             "launch_date": "2026-12-10",
             "product_context": {"product_name": "Acme Notes", "product_description": "Notes that write themselves"}}
            """;

    @BeforeAll
    static void attach(Devstack running) {
        devstack = running;
    }

    @Test
    void quotesARequestWithoutStoringItAndNamesTheFailingLimit() {
        String user = "user-" + UUID.randomUUID();
        ApiClient client = new ApiClient(devstack.apiBase(), devstack.tokenFor(user));

        ApiClient.Reply reply = client.post("/campaigns/validate-preflight", BIG_LAUNCH);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode body = reply.json();
        JsonNode summary = body.get("summary");
        int images = summary.get("image_count").asInt();
        assertThat(images).isGreaterThan(10);
        assertThat(summary.get("total_assets").asInt()).isEqualTo(body.get("quote").get("lines").size());
        assertThat(summary.get("total_assets").asInt()).isEqualTo(images + summary.get("text_count").asInt()
                + summary.get("video_count").asInt() + summary.get("audio_count").asInt());
        assertThat(summary.get("estimated_cost").decimalValue()).isPositive();
        assertThat(body.get("can_proceed").asBoolean()).isFalse();
        assertThat(body.get("message").asText()).contains("free plan allows 10 images");
        assertThat(body.get("error_details").size()).isPositive();
        BigDecimal perNode = BigDecimal.ZERO;
        for (JsonNode line : body.get("quote").get("lines")) {
            assertThat(line.get("provider").asText()).isNotBlank();
            perNode = perNode.add(line.get("cost_usd").decimalValue());
        }
        assertThat(perNode).isEqualByComparingTo(summary.get("estimated_cost").decimalValue());

        assertThat(client.get("/campaigns").json().get("campaigns").size()).isZero();
    }

    @Test
    void aHigherPlanSetThroughTheDevstackLetsTheSameCampaignProceed() {
        String user = "user-" + UUID.randomUUID();
        ApiClient client = new ApiClient(devstack.apiBase(), devstack.tokenFor(user));
        ApiClient admin = new ApiClient(devstack.baseUri().resolve("/_devstack"), null);

        ApiClient.Reply planSet = admin.post("/plans", "{\"user\": \"" + user + "\", \"tier\": \"pro\"}");
        assertThat(planSet.status()).as(planSet.toString()).isEqualTo(200);
        assertThat(planSet.json().get("plan").get("tier").asText()).isEqualTo("pro");
        assertThat(admin.post("/plans", "{\"user\": \"" + user + "\", \"tier\": \"platinum\"}").status()).isEqualTo(400);

        JsonNode quote = client.post("/campaigns/validate-preflight", BIG_LAUNCH).json();
        assertThat(quote.get("can_proceed").asBoolean()).as(quote.toString()).isTrue();
        assertThat(quote.get("quote").get("plan").asText()).isEqualTo("pro");

        JsonNode usage = client.get("/usage").json();
        assertThat(usage.get("plan").asText()).isEqualTo("pro");
        assertThat(usage.get("limits").get("image").asInt()).isEqualTo(100);
        assertThat(usage.get("cap_usd").decimalValue()).isEqualByComparingTo("100");
        assertThat(usage.get("used").get("image").asInt()).isZero();
        assertThat(usage.has("billing_month")).isTrue();
    }

    @Test
    void premiumTierCostsMoreAndAnUnknownTierIsRejected() {
        String user = "user-" + UUID.randomUUID();
        ApiClient client = new ApiClient(devstack.apiBase(), devstack.tokenFor(user));
        ApiClient admin = new ApiClient(devstack.baseUri().resolve("/_devstack"), null);
        String small = "{\"campaign_name\": \"Small\", \"goal\": \"awareness\", \"channels\": [\"instagram\"]";
        BigDecimal freeDraft = client.post("/campaigns/validate-preflight", small + ", \"tier\": \"draft\"}")
                .json().get("summary").get("estimated_cost").decimalValue();
        BigDecimal freePremium = client.post("/campaigns/validate-preflight", small + ", \"tier\": \"premium\"}")
                .json().get("summary").get("estimated_cost").decimalValue();
        assertThat(freePremium).as("the free plan prices every tier on the cheapest models").isEqualByComparingTo(freeDraft);
        assertThat(admin.post("/plans", "{\"user\": \"" + user + "\", \"tier\": \"pro\"}").status()).isEqualTo(200);

        BigDecimal draft = client.post("/campaigns/validate-preflight", small + ", \"tier\": \"draft\"}")
                .json().get("summary").get("estimated_cost").decimalValue();
        BigDecimal premium = client.post("/campaigns/validate-preflight", small + ", \"tier\": \"premium\"}")
                .json().get("summary").get("estimated_cost").decimalValue();

        assertThat(premium).isGreaterThan(draft);
        ApiClient.Reply bad = client.post("/campaigns/validate-preflight", small + ", \"tier\": \"gold\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(client.post("/campaigns/validate-preflight", "{\"goal\": \"awareness\"}").status()).isEqualTo(400);
    }

    @Test
    void aStoredCampaignIsQuotedForItsOwnerOnly() {
        ApiClient owner = new ApiClient(devstack.apiBase(), devstack.tokenFor("user-" + UUID.randomUUID()));
        String id = owner.post("/campaigns/create-blueprint", BIG_LAUNCH).json().get("campaign_id").asText();

        ApiClient.Reply mine = owner.post("/campaigns/" + id + "/preflight", "{\"tier\": \"draft\"}");
        ApiClient.Reply noBody = owner.post("/campaigns/" + id + "/preflight", null);

        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.json().get("quote").get("tier").asText()).isEqualTo("draft");
        assertThat(noBody.json().get("quote").get("tier").asText()).isEqualTo("standard");
        ApiClient stranger = new ApiClient(devstack.apiBase(), devstack.tokenFor("user-" + UUID.randomUUID()));
        assertThat(stranger.post("/campaigns/" + id + "/preflight", "{}").status()).isEqualTo(404);
    }
}
