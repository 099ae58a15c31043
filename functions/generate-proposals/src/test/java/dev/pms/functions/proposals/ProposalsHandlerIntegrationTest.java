package dev.pms.functions.proposals;

import dev.pms.aws.config.CampaignSeeds;
import dev.pms.aws.dynamodb.LocalAwsContexts;
import dev.pms.emulators.LocalAws;
import dev.pms.emulators.LocalAwsExtension;
import dev.pms.emulators.ProvisionedResources;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static dev.pms.aws.http.HandlerFixtures.assertJson;
import static dev.pms.aws.http.HandlerFixtures.assertProblem;
import static dev.pms.aws.http.HandlerFixtures.httpEvent;
import static dev.pms.aws.http.HandlerFixtures.responseBody;

/**
 * {@link ProposalsHandler} on payload-2.0 event fixtures, whole bodies compared exactly. Against the emulators:
 * campaigns, proposals, plans and the usage ledger live in DynamoDB.
 */
@ExtendWith(LocalAwsExtension.class)
class ProposalsHandlerIntegrationTest {
    private static ApplicationContext context;
    private static ProposalsHandler handler;

    @BeforeAll
    static void start(LocalAws aws, ProvisionedResources resources) {
        context = LocalAwsContexts.startAt(aws, resources, "2026-11-25T10:00:00Z");
        handler = new ProposalsHandler(context);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void answersANewUsersUsage() {
        assertJson(handler.execute(httpEvent("usage", Map.of("user", "user-usage"))), 200, """
                {"plan": "free", "billing_month": "2026-11",
                 "limits": {"text": 50, "image_edit": 5, "video": 2, "audio": 10, "image": 10},
                 "used": {"text": 0, "image_edit": 0, "video": 0, "audio": 0, "image": 0},
                 "reserved": {"text": 0, "image_edit": 0, "video": 0, "audio": 0, "image": 0}, "spent_usd": 0,
                 "reserved_usd": 0, "cap_usd": 2}""");
    }

    @Test
    void listsNoProposalsBeforeGenerationAndAnswers404ToAnotherUser() {
        String campaignId = CampaignSeeds.blueprint(context, "user-ada", CampaignSeeds.LAUNCH);

        assertJson(handler.execute(httpEvent("list-proposals", Map.of("user", "user-ada", "campaign_id", campaignId))),
                200, """
                {"proposals": {}, "total_assets": 17}""");
        assertProblem(handler.execute(httpEvent("list-proposals",
                Map.of("user", "user-grace", "campaign_id", campaignId))),
                404, """
                {"type": "urn:pms:problem:not-found", "title": "Not Found", "status": 404,
                 "detail": "campaign id-1 not found", "request_id": "req-list"}""");
    }

    @Test
    void generatesTheProposalsOfTheOwnersCampaign() {
        String campaignId = CampaignSeeds.blueprint(context, "user-proposals", CampaignSeeds.LAUNCH);

        assertJson(handler.execute(httpEvent("generate-proposals", Map.of("user", "user-proposals",
                "campaign_id", campaignId))), 200, responseBody("generated-proposals"));
    }

    @Test
    void anEmptyPreflightRequestIsA400() {
        assertProblem(handler.execute(httpEvent("validate-preflight-empty", Map.of("user", "user-ada"))), 400, """
                {"type": "urn:pms:problem:validation-failed", "title": "Bad Request", "status": 400,
                 "detail": "The campaign request has 2 problems: goal is required; channels is required: name at least one channel or set persona_data.selected_platforms in the brand profile.",
                 "errors": [{"field": "goal", "message": "is required"}, {"field": "channels", "message": "is required: name at least one channel or set persona_data.selected_platforms in the brand profile"}],
                 "request_id": "req-preflight"}""");
    }
}
