package dev.pms.journeys.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.testing.DevstackExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The campaign and Brand DNA API over HTTP through the devstack gateway, authorizer and emulators. */
@ExtendWith(DevstackExtension.class)
class BlueprintApiEndToEndTest {
    private static Devstack devstack;

    static final String LAUNCH = """
            {"campaign_name": "Acme Notes launch", "goal": "product_launch", "kpi": "2,000 sign-ups",
             "channels": ["instagram", "x", "email", "youtube"], "launch_date": "2026-12-10",
             "product_context": {"product_name": "Acme Notes", "product_description": "Notes that write themselves",
                                 "marketing_goal": "sign-ups", "launch_partner": {"name": "Beta Co"}}}
            """;

    static final String PROFILE = """
            {"website_analysis": {"website_url": "https://acme.example",
               "writing_style": {"tone": "confident", "voice": "friendly expert", "complexity": "moderate", "engagement_level": "high"},
               "target_audience": {"demographics": ["founders"], "industry_focus": "SaaS", "expertise_level": "intermediate"}},
             "persona_data": {"core_persona": {"persona_name": "Ada", "archetype": "sage", "core_belief": "clarity wins",
               "linguistic_fingerprint": "short sentences"}, "selected_platforms": ["linkedin", "email"]},
             "color_palette": ["#1A73E8", "#0B1F3A"],
             "vocabulary": {"preferred": ["ship"], "avoid": ["synergy"]},
             "forbidden_phrases": ["best in the world"]}
            """;

    @BeforeAll
    static void attach(Devstack running) {
        devstack = running;
    }

    private static ApiClient newUser() {
        return new ApiClient(devstack.apiBase(), devstack.tokenFor("user-" + UUID.randomUUID()));
    }

    @Test
    void healthNeedsNoToken() {
        ApiClient.Reply reply = new ApiClient(devstack.apiBase(), null).get("/health");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("status").asText()).isEqualTo("healthy");
        assertThat(reply.json().has("service")).isTrue();
        assertThat(reply.json().has("version")).isTrue();
    }

    @Test
    void everyOtherRouteNeedsAValidToken() {
        assertThat(new ApiClient(devstack.apiBase(), null).get("/campaigns").status()).isEqualTo(401);
        assertThat(new ApiClient(devstack.apiBase(), "not.a.jwt").get("/brand-dna").status()).isEqualTo(401);
        String token = devstack.tokenFor("mallory");
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThat(new ApiClient(devstack.apiBase(), tampered).get("/campaigns").status()).isEqualTo(401);
    }

    @Test
    void createsABlueprintWithTheContractShape() {
        ApiClient alice = newUser();

        ApiClient.Reply reply = alice.post("/campaigns/create-blueprint", LAUNCH);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        JsonNode campaign = reply.json();
        assertThat(campaign.get("campaign_id").asText()).matches("[0-9a-f-]{36}");
        assertThat(campaign.get("campaign_name").asText()).isEqualTo("Acme Notes launch");
        assertThat(campaign.get("goal").asText()).isEqualTo("product_launch");
        assertThat(campaign.get("kpi").asText()).isEqualTo("2,000 sign-ups");
        assertThat(campaign.get("status").asText()).isEqualTo("draft");
        assertThat(campaign.has("created_at")).isTrue();
        assertThat(campaign.has("user_id")).isFalse();
        assertThat(texts(campaign.get("channels"))).containsExactly("instagram", "twitter", "email", "youtube");
        assertThat(texts(campaign.get("phases"), "name")).containsExactly("teaser", "launch", "nurture");
        for (JsonNode phase : campaign.get("phases")) {
            assertThat(phase.get("duration_days").asInt()).isPositive();
            assertThat(phase.get("purpose").asText()).isNotBlank();
            assertThat(LocalDate.parse(phase.get("start_date").asText()))
                    .isBeforeOrEqualTo(LocalDate.parse(phase.get("end_date").asText()));
        }
        JsonNode launchPhase = campaign.get("phases").get(1);
        assertThat(launchPhase.get("start_date").asText()).isEqualTo("2026-12-10");
        Set<String> ids = new HashSet<>();
        for (JsonNode node : campaign.get("asset_nodes")) {
            ids.add(node.get("asset_id").asText());
            assertThat(node.get("asset_type").asText()).isIn("image", "text", "video", "audio", "avatar");
            assertThat(node.get("placement").asText()).contains("/");
            assertThat(node.has("due_date") && node.has("phase") && node.has("status")).isTrue();
        }
        assertThat(ids).hasSize(campaign.get("asset_nodes").size());
        for (JsonNode node : campaign.get("asset_nodes")) {
            for (JsonNode dependency : node.withArray("depends_on")) {
                assertThat(ids).contains(dependency.asText());
            }
        }
        assertThat(texts(campaign.get("asset_nodes"), "channel")).contains("instagram", "twitter", "email", "youtube");
        assertThat(campaign.get("product_context").get("launch_partner").get("name").asText()).isEqualTo("Beta Co");
    }

    @Test
    void getReturnsTheCampaignToItsOwnerAndA404ToEveryoneElse() {
        ApiClient alice = newUser();
        String id = alice.post("/campaigns/create-blueprint", LAUNCH).json().get("campaign_id").asText();

        ApiClient.Reply mine = alice.get("/campaigns/" + id);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().get("product_context").get("product_name").asText()).isEqualTo("Acme Notes");

        ApiClient bob = newUser();
        assertProblem(bob.get("/campaigns/" + id), 404);
        assertProblem(bob.patch("/campaigns/" + id, "{\"campaign_name\":\"stolen\",\"version\":1}"), 404);
        assertProblem(bob.delete("/campaigns/" + id), 404);
        assertProblem(alice.get("/campaigns/" + UUID.randomUUID()), 404);
        assertThat(alice.get("/campaigns/" + id).json().get("campaign_name").asText()).isEqualTo("Acme Notes launch");
    }

    @Test
    void badInputIsAProblemWithFieldErrorsAndNothingIsStored() {
        ApiClient alice = newUser();

        JsonNode missing = assertProblem(alice.post("/campaigns/create-blueprint", "{}"), 400);
        assertThat(texts(missing.get("errors"), "field")).contains("goal");
        JsonNode badGoal = assertProblem(alice.post("/campaigns/create-blueprint",
                LAUNCH.replace("product_launch", "world_domination")), 400);
        assertThat(texts(badGoal.get("errors"), "field")).contains("goal");
        JsonNode badChannel = assertProblem(alice.post("/campaigns/create-blueprint",
                LAUNCH.replace("\"youtube\"", "\"myspace\"")), 400);
        assertThat(badChannel.toString()).contains("channels");
        assertProblem(alice.post("/campaigns/create-blueprint", LAUNCH.replace("[\"instagram\", \"x\", \"email\", \"youtube\"]", "\"instagram\"")), 400);
        assertProblem(alice.post("/campaigns/create-blueprint", "{\"campaign_name\": "), 400);
        assertProblem(alice.post("/campaigns/create-blueprint", "[]"), 400);
        assertProblem(alice.post("/campaigns/create-blueprint", LAUNCH.replace("2026-12-10", "tomorrow")), 400);
        String huge = LAUNCH.replace("Notes that write themselves", "x".repeat(300_000));
        assertProblem(alice.post("/campaigns/create-blueprint", huge), 413);
        assertProblem(alice.get("/campaigns?limit=0"), 400);
        assertProblem(alice.get("/campaigns?limit=abc"), 400);
        assertProblem(alice.get("/campaigns?status=bogus"), 400);
        assertProblem(alice.get("/campaigns?next_token=forged"), 400);

        assertThat(alice.get("/campaigns").json().get("campaigns").size()).isZero();
    }

    @Test
    void listsPagesWithATokenAndFiltersByStatus() {
        ApiClient alice = newUser();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(alice.post("/campaigns/create-blueprint", LAUNCH.replace("Acme Notes launch", "Launch " + i))
                    .json().get("campaign_id").asText());
        }

        List<String> listed = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode page = alice.get("/campaigns?limit=2" + (token == null ? "" : "&next_token=" + token)).json();
            page.get("campaigns").forEach(c -> listed.add(c.get("campaign_id").asText()));
            token = page.hasNonNull("next_token") ? page.get("next_token").asText() : null;
            pages++;
        } while (token != null && pages < 10);

        assertThat(listed).containsExactlyInAnyOrderElementsOf(created);
        assertThat(pages).isEqualTo(3);
        assertThat(alice.get("/campaigns?status=draft").json().get("campaigns").size()).isEqualTo(5);
        assertThat(alice.get("/campaigns?status=completed").json().get("campaigns").size()).isZero();
        JsonNode listedCampaign = alice.get("/campaigns?limit=1").json().get("campaigns").get(0);
        for (String field : List.of("campaign_id", "campaign_name", "goal", "kpi", "status", "channels", "phases",
                "asset_nodes", "created_at", "updated_at")) {
            assertThat(listedCampaign.has(field)).as(field).isTrue();
        }
    }

    @Test
    void patchReplansWithOptimisticLockingAndDeleteRemoves() {
        ApiClient alice = newUser();
        JsonNode created = alice.post("/campaigns/create-blueprint", LAUNCH).json();
        String id = created.get("campaign_id").asText();

        ApiClient.Reply renamed = alice.patch("/campaigns/" + id,
                "{\"campaign_name\": \"Acme Notes v2\", \"channels\": [\"linkedin\"], \"version\": 1}");
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().get("version").asInt()).isEqualTo(2);
        assertThat(renamed.json().get("campaign_name").asText()).isEqualTo("Acme Notes v2");
        assertThat(texts(renamed.json().get("asset_nodes"), "channel")).containsOnly("linkedin");

        JsonNode stale = assertProblem(alice.patch("/campaigns/" + id, "{\"kpi\": \"more\", \"version\": 1}"), 409);
        assertThat(stale.get("detail").asText()).contains("version");
        assertProblem(alice.patch("/campaigns/" + id, "{\"kpi\": \"more\"}"), 400);

        assertThat(alice.delete("/campaigns/" + id).status()).isEqualTo(204);
        assertProblem(alice.get("/campaigns/" + id), 404);
        assertProblem(alice.delete("/campaigns/" + id), 404);
    }

    @Test
    void twentyConcurrentCreatesMakeTwentyDistinctCampaigns() throws Exception {
        ApiClient alice = newUser();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<ApiClient.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                replies.add(pool.submit(() -> alice.post("/campaigns/create-blueprint", LAUNCH)));
            }
            Set<String> ids = new HashSet<>();
            for (Future<ApiClient.Reply> reply : replies) {
                ApiClient.Reply done = reply.get();
                assertThat(done.status()).as(done.toString()).isEqualTo(201);
                ids.add(done.json().get("campaign_id").asText());
            }
            assertThat(ids).hasSize(20);
            JsonNode listed = alice.get("/campaigns?limit=50").json();
            assertThat(listed.get("campaigns").size()).isEqualTo(20);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void brandProfileIsValidatedStoredAndDrivesTheBrandDna() {
        ApiClient alice = newUser();
        assertProblem(alice.get("/brand-profile"), 404);

        JsonNode defaults = alice.get("/brand-dna").json().get("brand_dna");
        assertThat(defaults.toString()).contains("defaults");
        assertCompleteDna(defaults);

        JsonNode invalid = assertProblem(alice.put("/brand-profile", PROFILE
                .replace("\"moderate\"", "\"galaxy-brain\"")
                .replace("#0B1F3A", "navy")
                .replace("\"email\"]", "\"myspace\"]")), 400);
        assertThat(texts(invalid.get("errors"), "field")).hasSizeGreaterThanOrEqualTo(3);
        assertProblem(alice.get("/brand-profile"), 404);
        assertProblem(alice.put("/brand-profile", PROFILE.replace("short sentences", "y".repeat(300_000))), 413);
        assertProblem(alice.get("/brand-profile"), 404);

        ApiClient.Reply stored = alice.put("/brand-profile", PROFILE);
        assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        assertThat(stored.json().get("version").asInt()).isEqualTo(1);
        assertThat(stored.json().has("updated_at")).isTrue();
        assertThat(alice.get("/brand-profile").json().get("color_palette").get(0).asText()).isEqualTo("#1A73E8");

        JsonNode dna = alice.get("/brand-dna").json().get("brand_dna");
        assertCompleteDna(dna);
        assertThat(dna.get("writing_style").get("tone").asText()).isEqualTo("confident");
        assertThat(dna.get("persona").get("persona_name").asText()).isEqualTo("Ada");
        assertThat(texts(dna.get("visual_identity").get("color_palette"))).contains("#1A73E8");

        JsonNode linkedin = alice.get("/brand-dna/channel/linkedin").json();
        JsonNode tiktok = alice.get("/brand-dna/channel/tiktok").json();
        assertThat(linkedin.get("channel").asText()).isEqualTo("linkedin");
        JsonNode linkedinAdaptation = linkedin.get("brand_dna").get("platform_adaptation");
        JsonNode tiktokAdaptation = tiktok.get("brand_dna").get("platform_adaptation");
        for (String part : List.of("content_format_rules", "engagement_patterns", "visual_identity")) {
            assertThat(linkedinAdaptation.has(part)).as(part).isTrue();
        }
        assertThat(linkedinAdaptation).isNotEqualTo(tiktokAdaptation);
        assertThat(alice.get("/brand-dna/channel/x").json().get("channel").asText()).isEqualTo("twitter");
        assertProblem(alice.get("/brand-dna/channel/myspace"), 404);

        ApiClient.Reply withoutChannels = alice.post("/campaigns/create-blueprint",
                "{\"campaign_name\": \"Persona default\", \"goal\": \"awareness\"}");
        assertThat(withoutChannels.status()).as(withoutChannels.toString()).isEqualTo(201);
        assertThat(texts(withoutChannels.json().get("channels"))).containsExactly("linkedin", "email");
    }

    private static void assertCompleteDna(JsonNode dna) {
        for (String section : List.of("writing_style", "target_audience", "visual_identity", "persona", "competitive_positioning")) {
            assertThat(dna.get(section)).as(section).isNotNull();
            assertThat(dna.get(section).isEmpty()).as(section + " is empty").isFalse();
        }
        assertThat(dna.get("writing_style").get("tone").asText()).isNotBlank();
        assertThat(dna.get("visual_identity").get("color_palette").size()).isPositive();
        assertThat(dna.get("competitive_positioning").get("differentiators").size()).isPositive();
    }

    private static JsonNode assertProblem(ApiClient.Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("type").asText()).startsWith("urn:pms:problem:");
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
        return problem;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.get(field).asText()));
        return values;
    }
}
