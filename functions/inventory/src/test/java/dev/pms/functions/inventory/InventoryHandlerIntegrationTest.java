package dev.pms.functions.inventory;

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
 * {@link InventoryHandler} on payload-2.0 event fixtures, whole bodies compared exactly. Against the emulators:
 * imports and inventory items live in DynamoDB.
 */
@ExtendWith(LocalAwsExtension.class)
class InventoryHandlerIntegrationTest {
    private static ApplicationContext context;
    private static InventoryHandler handler;

    @BeforeAll
    static void start(LocalAws aws, ProvisionedResources resources) {
        context = LocalAwsContexts.startAt(aws, resources, "2026-11-25T10:00:00Z");
        handler = new InventoryHandler(context);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void answersTheOwnersEmptyInventoryAnd404ToAnotherUser() {
        String campaignId = CampaignSeeds.blueprint(context, "user-ada", CampaignSeeds.LAUNCH);

        assertJson(handler.execute(httpEvent("inventory", Map.of("user", "user-ada", "campaign_id", campaignId))),
                200, """
                {"campaign_id": "id-1", "items": [],
                 "summary": {"total": 0, "usable": 0, "needs_attention": 0, "images": 0, "texts": 0}}""");
        assertProblem(handler.execute(httpEvent("inventory", Map.of("user", "user-grace", "campaign_id", campaignId))),
                404, """
                {"type": "urn:pms:problem:not-found", "title": "Not Found", "status": 404,
                 "detail": "campaign id-1 not found", "request_id": "req-inventory"}""");
    }

    @Test
    void anUnknownStatusFilterIsA400() {
        String campaignId = CampaignSeeds.blueprint(context, "user-ada", CampaignSeeds.LAUNCH);

        assertProblem(handler.execute(
                httpEvent("inventory-unknown-status", Map.of("user", "user-ada", "campaign_id", campaignId))), 400, """
                {"type": "urn:pms:problem:validation-failed", "title": "Bad Request", "status": 400,
                 "detail": "status must be one of usable, needs_attention.",
                 "errors": [{"field": "status", "message": "must be one of usable, needs_attention"}],
                 "request_id": "req-status"}""");
    }
}
