package dev.pms.functions.generation;

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

/**
 * {@link GenerateAssetHandler} on payload-2.0 event fixtures, whole bodies compared exactly. Against the emulators:
 * the asset library and generation runs live in DynamoDB.
 */
@ExtendWith(LocalAwsExtension.class)
class GenerateAssetHandlerIntegrationTest {
    private static ApplicationContext context;
    private static GenerateAssetHandler handler;

    @BeforeAll
    static void start(LocalAws aws, ProvisionedResources resources) {
        context = LocalAwsContexts.startAt(aws, resources, "2026-11-25T10:00:00Z");
        handler = new GenerateAssetHandler(context);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void aNewUsersAssetLibraryIsEmpty() {
        assertJson(handler.execute(httpEvent("list-assets", Map.of("user", "user-empty"))), 200, """
                {"assets": [], "count": 0}""");
    }

    @Test
    void anUnknownAssetIsA404() {
        assertProblem(handler.execute(httpEvent("get-asset", Map.of("user", "user-ada",
                "asset_id", "00000000-0000-4000-8000-000000000000"))), 404, """
                {"type": "urn:pms:problem:not-found", "title": "Not Found", "status": 404,
                 "detail": "asset id-1 not found", "request_id": "req-asset"}""");
    }

    @Test
    void aCampaignWithoutARunHasNoGenerationAndAnotherUsersCampaignIsNotFound() {
        String campaignId = CampaignSeeds.blueprint(context, "user-ada", CampaignSeeds.LAUNCH);

        assertProblem(handler.execute(httpEvent("generation-status",
                Map.of("user", "user-ada", "campaign_id", campaignId))),
                404, """
                {"type": "urn:pms:problem:not-found", "title": "Not Found", "status": 404,
                 "detail": "campaign id-1 has no generation run", "request_id": "req-generation"}""");

        assertProblem(handler.execute(httpEvent("generation-status",
                Map.of("user", "user-grace", "campaign_id", campaignId))),
                404, """
                {"type": "urn:pms:problem:not-found", "title": "Not Found", "status": 404,
                 "detail": "campaign id-1 not found", "request_id": "req-generation"}""");
    }

    @Test
    void generatingOneAssetFromAnEmptyRequestIsA400() {
        assertProblem(handler.execute(httpEvent("generate-one-empty", Map.of("user", "user-ada"))), 400, """
                {"type": "urn:pms:problem:validation-failed", "title": "Bad Request", "status": 400,
                 "detail": "asset_proposal is required: {asset_id, campaign_id}.",
                 "errors": [{"field": "asset_proposal", "message": "is required: {asset_id, campaign_id}"}],
                 "request_id": "req-generate"}""");
    }
}
