package dev.pms.functions.audit;

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
 * {@link AuditAssetHandler} on payload-2.0 event fixtures, whole bodies compared exactly. Against the emulators:
 * campaign audits read the campaign from DynamoDB and uploads from S3.
 */
@ExtendWith(LocalAwsExtension.class)
class AuditAssetHandlerIntegrationTest {
    private static ApplicationContext context;
    private static AuditAssetHandler handler;

    @BeforeAll
    static void start(LocalAws aws, ProvisionedResources resources) {
        context = LocalAwsContexts.startAt(aws, resources, "2026-11-25T10:00:00Z");
        handler = new AuditAssetHandler(context);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void auditsAnImageForItsChannel() {
        assertJson(handler.execute(httpEvent("audit-image", Map.of("user", "user-ada"))), 200,
                responseBody("image-audit"));
    }

    @Test
    void anAuditWithoutAnImageIsA400() {
        assertProblem(handler.execute(httpEvent("audit-without-image", Map.of("user", "user-ada"))), 400, """
                {"type": "urn:pms:problem:validation-failed", "title": "Bad Request", "status": 400,
                 "detail": "image_base64 is required.",
                 "errors": [{"field": "image_base64", "message": "is required"}], "request_id": "req-empty"}""");
    }

    @Test
    void auditsTheOwnersCampaignAndAnswers404ToAnotherUser() {
        String campaignId = CampaignSeeds.blueprint(context, "user-ada", CampaignSeeds.LAUNCH);

        assertJson(handler.execute(httpEvent("audit-campaign", Map.of("user", "user-ada", "campaign_id", campaignId))),
                200, responseBody("campaign-audit"));
        assertProblem(handler.execute(httpEvent("audit-campaign",
                Map.of("user", "user-grace", "campaign_id", campaignId))),
                404, """
                {"type": "urn:pms:problem:not-found", "title": "Not Found", "status": 404,
                 "detail": "campaign id-1 not found", "request_id": "req-campaign-audit"}""");
    }
}
