package dev.pms.journeys.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.testing.DevstackExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Proposals (generate, list, edit, approve, reject, alternate angle, versions) through the gateway. */
@ExtendWith(DevstackExtension.class)
class ProposalsApiEndToEndTest {
    private static Devstack devstack;

    private static final String PROFILE = """
            {"forbidden_phrases": ["miracle cure"],
             "website_analysis": {"writing_style": {"tone": "confident", "voice": "friendly expert"}}}
            """;
    private static final String CAMPAIGN = """
            {"campaign_name": "Acme Notes launch", "goal": "product_launch", "channels": ["instagram", "email"],
             "launch_date": "2026-12-10",
             "product_context": {"product_name": "Acme Notes", "product_description": "Notes that write themselves"}}
            """;

    @BeforeAll
    static void attach(Devstack running) {
        devstack = running;
    }

    @Test
    void generatesPersistedProposalsForEveryNodeAndAdvancesStatuses() {
        ApiClient alice = newUser();
        JsonNode campaign = alice.post("/campaigns/create-blueprint", CAMPAIGN).json();
        String id = campaign.get("campaign_id").asText();
        int nodes = campaign.get("asset_nodes").size();

        ApiClient.Reply generated = alice.post("/campaigns/" + id + "/generate-proposals", "{}");

        assertThat(generated.status()).as(generated.toString()).isEqualTo(200);
        JsonNode proposals = generated.json().get("proposals");
        assertThat(generated.json().get("total_assets").asInt()).isEqualTo(nodes);
        assertThat(proposals.size()).isEqualTo(nodes);
        for (JsonNode node : campaign.get("asset_nodes")) {
            JsonNode proposal = proposals.get(node.get("asset_id").asText());
            assertThat(proposal).as(node.toString()).isNotNull();
            for (String field : List.of("asset_id", "asset_type", "channel", "campaign_id", "proposed_prompt",
                    "recommended_template", "recommended_provider", "recommended_model", "cost_estimate",
                    "concept_summary", "status")) {
                assertThat(proposal.has(field)).as(field).isTrue();
            }
            assertThat(proposal.get("status").asText()).isEqualTo("proposed");
            assertThat(proposal.get("proposed_prompt").asText()).contains("Acme Notes");
        }
        JsonNode listed = alice.get("/campaigns/" + id + "/proposals").json();
        assertThat(listed.get("proposals")).isEqualTo(proposals);
        JsonNode stored = alice.get("/campaigns/" + id).json();
        stored.get("asset_nodes").forEach(node -> assertThat(node.get("status").asText()).isEqualTo("proposed"));
        assertThat(stored.get("status").asText()).isEqualTo("proposed");
    }

    @Test
    void proposalsAreEditedApprovedRejectedAndVersionedWithoutLosingAnything() {
        ApiClient alice = newUser();
        assertThat(alice.put("/brand-profile", PROFILE).status()).isEqualTo(200);
        String id = alice.post("/campaigns/create-blueprint", CAMPAIGN).json().get("campaign_id").asText();
        JsonNode proposals = alice.post("/campaigns/" + id + "/generate-proposals", "{}").json().get("proposals");
        Iterator<String> assets = proposals.fieldNames();
        String first = assets.next();
        String second = assets.next();
        String base = "/campaigns/" + id + "/proposals/";
        assertThat(proposals.toString().toLowerCase()).doesNotContain("miracle cure");

        ApiClient.Reply edited = alice.patch(base + first,
                "{\"action\": \"edit\", \"proposed_prompt\": \"A crisp flat-lay of Acme Notes on a desk\", \"version\": 1}");
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().get("version").asInt()).isEqualTo(2);
        assertThat(alice.patch(base + first, "{\"action\": \"approve\", \"version\": 1}").status()).isEqualTo(409);
        ApiClient.Reply forbidden = alice.patch(base + first,
                "{\"action\": \"edit\", \"proposed_prompt\": \"The miracle cure for notes\", \"version\": 2}");
        assertThat(forbidden.status()).isEqualTo(400);
        assertThat(forbidden.body()).contains("miracle cure");

        ApiClient.Reply approved = alice.patch(base + first, "{\"action\": \"approve\", \"version\": 2}");
        assertThat(approved.json().get("status").asText()).isEqualTo("approved");
        assertThat(alice.patch(base + first, "{\"action\": \"approve\", \"version\": 3}").status()).isEqualTo(409);

        assertThat(alice.patch(base + second, "{\"action\": \"reject\", \"version\": 1}").status()).isEqualTo(400);
        JsonNode rejected = alice.patch(base + second, "{\"action\": \"reject\", \"reason\": \"off brand\", \"version\": 1}").json();
        assertThat(rejected.get("status").asText()).isEqualTo("rejected");
        JsonNode alternate = alice.patch(base + second, "{\"action\": \"alternate_angle\", \"version\": 2}").json();
        assertThat(alternate.get("status").asText()).isEqualTo("proposed");
        assertThat(alternate.get("hook").asText()).isNotEqualTo(proposals.get(second).get("hook").asText());

        JsonNode versions = alice.get(base + second + "/versions").json().get("versions");
        assertThat(versions.size()).isEqualTo(3);
        List<Integer> numbers = new ArrayList<>();
        versions.forEach(v -> numbers.add(v.get("version").asInt()));
        assertThat(numbers).containsExactly(1, 2, 3);

        JsonNode regenerated = alice.post("/campaigns/" + id + "/generate-proposals", "{}").json().get("proposals");
        assertThat(regenerated.get(first).get("version").asInt()).isEqualTo(3);
        assertThat(regenerated.get(first).get("status").asText()).isEqualTo("approved");
        assertThat(alice.get(base + second + "/versions").json().get("versions").size()).isEqualTo(4);

        JsonNode approvedAll = alice.post("/campaigns/" + id + "/proposals/approve-all", null).json();
        assertThat(approvedAll.get("approved").asInt()).isEqualTo(proposals.size() - 1);
        alice.get("/campaigns/" + id).json().get("asset_nodes")
                .forEach(node -> assertThat(node.get("status").asText()).isEqualTo("approved"));
    }

    @Test
    void approvingMoreThanThePlanCanPayForIsA402WithTheQuoteAndAnUpgradeLetsItThrough() {
        String user = "user-" + UUID.randomUUID();
        ApiClient client = new ApiClient(devstack.apiBase(), devstack.tokenFor(user));
        String id = client.post("/campaigns/create-blueprint", PreflightApiEndToEndTest.BIG_LAUNCH).json()
                .get("campaign_id").asText();
        client.post("/campaigns/" + id + "/generate-proposals", "{}");

        ApiClient.Reply refused = client.post("/campaigns/" + id + "/proposals/approve-all", null);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(402);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode problem = refused.json();
        assertThat(problem.get("type").asText()).isEqualTo("urn:pms:problem:plan-limit-exceeded");
        assertThat(problem.get("detail").asText()).contains("free plan allows 10 images");
        assertThat(problem.get("quote").get("can_proceed").asBoolean()).isFalse();
        assertThat(problem.get("quote").get("breaches").size()).isPositive();
        client.get("/campaigns/" + id + "/proposals").json().get("proposals")
                .forEach(proposal -> assertThat(proposal.get("status").asText()).isEqualTo("proposed"));

        ApiClient admin = new ApiClient(devstack.baseUri().resolve("/_devstack"), null);
        assertThat(admin.post("/plans", "{\"user\": \"" + user + "\", \"tier\": \"pro\"}").status()).isEqualTo(200);
        ApiClient.Reply accepted = client.post("/campaigns/" + id + "/proposals/approve-all", null);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(accepted.json().get("approved").asInt()).isPositive();
    }

    @Test
    void anotherUsersCampaignAndItsProposalsAreInvisible() {
        ApiClient alice = newUser();
        String id = alice.post("/campaigns/create-blueprint", CAMPAIGN).json().get("campaign_id").asText();
        JsonNode proposals = alice.post("/campaigns/" + id + "/generate-proposals", "{}").json().get("proposals");
        String asset = proposals.fieldNames().next();
        ApiClient bob = newUser();

        for (ApiClient.Reply reply : List.of(
                bob.post("/campaigns/" + id + "/generate-proposals", "{}"),
                bob.get("/campaigns/" + id + "/proposals"),
                bob.patch("/campaigns/" + id + "/proposals/" + asset, "{\"action\": \"approve\", \"version\": 1}"),
                bob.get("/campaigns/" + id + "/proposals/" + asset + "/versions"),
                bob.post("/campaigns/" + id + "/proposals/approve-all", null),
                alice.get("/campaigns/" + UUID.randomUUID() + "/proposals"))) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
            assertThat(reply.contentType()).startsWith("application/problem+json");
        }
        assertThat(alice.get("/campaigns/" + id + "/proposals/" + asset + "/versions").json().get("versions").size())
                .isEqualTo(1);
        assertThat(alice.get("/campaigns/" + id + "/proposals").status()).isEqualTo(200);
    }

    private static ApiClient newUser() {
        return new ApiClient(devstack.apiBase(), devstack.tokenFor("user-" + UUID.randomUUID()));
    }
}
