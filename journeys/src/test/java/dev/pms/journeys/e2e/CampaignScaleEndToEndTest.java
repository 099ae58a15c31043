package dev.pms.journeys.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.testing.DevstackExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A campaign of over a thousand asset nodes (A/B variants of each deliverable) through the API. */
@ExtendWith(DevstackExtension.class)
class CampaignScaleEndToEndTest {
    private static final String WIDE_LAUNCH = """
            {"campaign_name": "Everything everywhere, A/B", "goal": "product_launch", "ab_variants": %d,
             "channels": ["instagram", "tiktok", "youtube", "linkedin", "email", "amazon", "shopify", "pinterest"],
             "launch_date": "2026-12-10",
             "product_context": {"product_name": "Acme Notes", "product_description": "Notes that write themselves"}}
            """;
    private static Devstack devstack;

    @BeforeAll
    static void attach(Devstack running) {
        devstack = running;
    }

    @Test
    void aCampaignOfOverAThousandNodesIsQuotedCreatedReadListedAndEdited() {
        ApiClient client = new ApiClient(devstack.apiBase(), devstack.tokenFor("user-" + UUID.randomUUID()));
        int single = client.post("/campaigns/validate-preflight", WIDE_LAUNCH.formatted(1)).json()
                .get("summary").get("total_assets").asInt();

        JsonNode quote = client.post("/campaigns/validate-preflight", WIDE_LAUNCH.formatted(25)).json();
        ApiClient.Reply created = client.post("/campaigns/create-blueprint", WIDE_LAUNCH.formatted(25));

        assertThat(quote.get("summary").get("total_assets").asInt()).isEqualTo(25 * single).isGreaterThan(1000);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode campaign = created.json();
        assertThat(campaign.get("ab_variants").asInt()).isEqualTo(25);
        List<String> planned = assetIds(campaign);
        assertThat(planned).hasSize(25 * single).doesNotHaveDuplicates();
        String id = campaign.get("campaign_id").asText();

        assertThat(assetIds(client.get("/campaigns/" + id).json())).isEqualTo(planned);
        JsonNode listed = client.get("/campaigns").json().get("campaigns").get(0);
        assertThat(assetIds(listed)).isEqualTo(planned);

        ApiClient.Reply renamed = client.patch("/campaigns/" + id,
                "{\"campaign_name\": \"Renamed\", \"version\": " + campaign.get("version").asLong() + "}");
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        JsonNode reread = client.get("/campaigns/" + id).json();
        assertThat(reread.get("campaign_name").asText()).isEqualTo("Renamed");
        assertThat(assetIds(reread)).isEqualTo(planned);
    }

    @Test
    void abVariantsOutsideOneToTwentyFiveAreAProblemAndNothingIsStored() {
        ApiClient client = new ApiClient(devstack.apiBase(), devstack.tokenFor("user-" + UUID.randomUUID()));

        for (String abVariants : List.of("0", "26", "\"two\"", "1.5")) {
            ApiClient.Reply reply = client.post("/campaigns/create-blueprint",
                    WIDE_LAUNCH.replace("%d", abVariants));
            assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().get("detail").asText()).contains("ab_variants");
        }
        assertThat(client.get("/campaigns").json().get("campaigns")).isEmpty();
    }

    private static List<String> assetIds(JsonNode campaign) {
        List<String> ids = new ArrayList<>();
        campaign.get("asset_nodes").forEach(node -> ids.add(node.get("asset_id").asText()));
        return ids;
    }
}
