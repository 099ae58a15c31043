package dev.pms.journeys.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.testing.DevstackExtension;
import dev.pms.devstack.testing.DevstackParameters;
import dev.pms.providers.bedrock.BedrockRuntimeStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A campaign that chose Amazon Bedrock, generated on a devstack in live mode with Bedrock enabled: its proposals
 * name Nova models, and its copy and images come from a local Bedrock runtime (which checks the functions' SigV4
 * signatures made with the devstack's credentials) through the workflow, the provider worker and S3.
 */
@ExtendWith(DevstackExtension.class)
@DevstackParameters(value = {"ProvidersMode=live", "BedrockEnabled=true"},
        functionProperties = {"bedrock.endpoint=http://127.0.0.1:" + BedrockProviderEndToEndTest.STUB_PORT})
class BedrockProviderEndToEndTest {
    static final int STUB_PORT = 48741;
    private static final Set<String> FINAL = Set.of("succeeded", "completed_with_failures", "failed", "stopped");
    private static final String BEDROCK_CAMPAIGN = """
            {"campaign_name": "Acme Notes on Bedrock", "goal": "awareness", "channels": ["email", "linkedin"],
             "product_context": {"product_name": "Acme Notes", "product_description": "Notes that write themselves",
                                 "provider": "bedrock"}}
            """;
    private static BedrockRuntimeStub bedrock;

    @BeforeAll
    static void attach(Devstack running) {
        GenerationApiEndToEndTest.attachTo(running);
        bedrock = new BedrockRuntimeStub(running.localAws().accessKeyId(), running.localAws().secretAccessKey(),
                STUB_PORT, (uri, bytes) -> {
                    throw new AssertionError("this campaign makes no video, yet Nova Reel wrote " + uri);
                });
    }

    @AfterAll
    static void stop() {
        bedrock.close();
    }

    @Test
    void aCampaignOnBedrockIsWrittenAndDrawnByBedrockWithSignedRequests() {
        ApiClient alice = GenerationApiEndToEndTest.userOnPlan("user-" + UUID.randomUUID(), "pro");
        String id = alice.post("/campaigns/create-blueprint", BEDROCK_CAMPAIGN).json().get("campaign_id").asText();
        JsonNode proposals = alice.post("/campaigns/" + id + "/generate-proposals", "{}").json().get("proposals");
        for (JsonNode proposal : proposals) {
            assertThat(proposal.get("recommended_provider").asText()).as(proposal.toString()).isEqualTo("bedrock");
        }
        assertThat(alice.post("/campaigns/" + id + "/proposals/approve-all", null).status()).isEqualTo(200);

        assertThat(alice.post("/campaigns/" + id + "/generation", "{\"autopilot\": true}").status()).isEqualTo(202);
        JsonNode done = GenerationApiEndToEndTest.awaitStatus(alice, id, s -> FINAL.contains(s.get("status").asText()));

        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("succeeded");
        JsonNode assets = alice.get("/assets?campaign_id=" + id + "&limit=200").json().get("assets");
        assertThat(assets.size()).isEqualTo(proposals.size());
        for (JsonNode listed : assets) {
            JsonNode asset = alice.get("/assets/" + listed.get("asset_library_id").asText()).json();
            assertThat(asset.toString()).as("asset made by Bedrock").contains("\"bedrock\"").contains("amazon.nova-");
        }
        assertThat(bedrock.calls()).extracting(BedrockRuntimeStub.Call::operation).contains("Converse", "InvokeModel");
        assertThat(bedrock.signatureProblems()).isEmpty();
    }
}
