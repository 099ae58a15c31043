package dev.pms.functions.optimization;

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
 * {@link CampaignOpsHandler} on payload-2.0 event fixtures, whole bodies compared exactly. Against the emulators:
 * the board, schedules and metrics live in DynamoDB.
 */
@ExtendWith(LocalAwsExtension.class)
class CampaignOpsHandlerIntegrationTest {
    private static ApplicationContext context;
    private static CampaignOpsHandler handler;

    @BeforeAll
    static void start(LocalAws aws, ProvisionedResources resources) {
        context = LocalAwsContexts.startAt(aws, resources, "2026-11-25T10:00:00Z");
        handler = new CampaignOpsHandler(context);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void answersTheOwnersBoardAnd404ToAnotherUser() {
        String campaignId = CampaignSeeds.blueprint(context, "user-ada", CampaignSeeds.LAUNCH);

        assertJson(handler.execute(httpEvent("board", Map.of("user", "user-ada", "campaign_id", campaignId))), 200,
                responseBody("board"));
        assertProblem(handler.execute(httpEvent("board", Map.of("user", "user-grace", "campaign_id", campaignId))),
                404, """
                {"type": "urn:pms:problem:not-found", "title": "Not Found", "status": 404,
                 "detail": "campaign id-1 not found", "request_id": "req-board"}""");
    }

    @Test
    void metricsThatAreNotJsonAreA400() {
        String campaignId = CampaignSeeds.blueprint(context, "user-ada", CampaignSeeds.LAUNCH);

        assertProblem(handler.execute(httpEvent("metrics-not-json",
                Map.of("user", "user-ada", "campaign_id", campaignId))),
                400, """
                {"type": "urn:pms:problem:invalid-metric-rows", "title": "Bad Request", "status": 400,
                 "detail": "1 problem(s) in the metric rows; nothing was stored", "request_id": "req-metrics",
                 "errors": [{"line": 0, "field": "body", "reason": "is not valid JSON"}]}""");
    }
}
