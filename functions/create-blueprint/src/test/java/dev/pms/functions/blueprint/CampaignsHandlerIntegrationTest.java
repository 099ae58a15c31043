package dev.pms.functions.blueprint;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.pms.aws.config.FixedClockFactory;
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
import static dev.pms.aws.http.HandlerFixtures.bodyText;
import static dev.pms.aws.http.HandlerFixtures.httpEvent;
import static dev.pms.aws.http.HandlerFixtures.responseBody;

/**
 * {@link CampaignsHandler} on payload-2.0 events, against the DynamoDB emulator (campaigns and brand profiles are
 * stored there; the function has no in-memory configuration), with the clock fixed so whole bodies compare exactly.
 */
@ExtendWith(LocalAwsExtension.class)
class CampaignsHandlerIntegrationTest {
    private static final String NOW = "2026-11-25T10:00:00Z";
    private static ApplicationContext context;
    private static CampaignsHandler handler;

    @BeforeAll
    static void start(LocalAws aws, ProvisionedResources resources) {
        context = LocalAwsContexts.builder(aws, resources)
                .properties(Map.of(FixedClockFactory.INSTANT, NOW, "service.version", "9.9.9")).start();
        handler = new CampaignsHandler(context);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void healthAnswersWithoutAToken() {
        APIGatewayV2HTTPResponse response = handler.execute(httpEvent("health", Map.of()));

        assertJson(response, 200, """
                {"status": "healthy", "service": "product-marketing-suite", "version": "9.9.9"}""");
    }

    @Test
    void createsABlueprintAndReadsItBackForItsOwner() {
        APIGatewayV2HTTPResponse created = handler.execute(httpEvent("create-blueprint", Map.of("user", "user-ada")));
        String campaignId = bodyText(created, "/campaign_id");
        String expected = responseBody("campaign");

        assertJson(created, 201, expected);
        assertJson(handler.execute(httpEvent("get-campaign", Map.of("user", "user-ada", "campaign_id", campaignId))),
                200, expected);
    }

    @Test
    void aBlueprintWithAnUnknownGoalIsA400NamingTheField() {
        APIGatewayV2HTTPResponse response = handler.execute(httpEvent("create-blueprint-invalid",
                Map.of("user", "user-ada")));

        assertProblem(response, 400, """
                {"type": "urn:pms:problem:validation-failed", "title": "Bad Request", "status": 400,
                 "detail": "goal must be one of product_launch, awareness, conversion, retention (got 'world_domination').",
                 "errors": [{"field": "goal",
                             "message": "must be one of product_launch, awareness, conversion, retention (got 'world_domination')"}],
                 "request_id": "req-invalid"}""");
    }

    @Test
    void anotherUsersCampaignIsA404() {
        APIGatewayV2HTTPResponse created = handler.execute(httpEvent("create-blueprint", Map.of("user", "user-ada")));
        String campaignId = bodyText(created, "/campaign_id");

        APIGatewayV2HTTPResponse response = handler.execute(
                httpEvent("get-campaign", Map.of("user", "user-grace", "campaign_id", campaignId)));

        assertProblem(response, 404, """
                {"type": "urn:pms:problem:not-found", "title": "Not Found", "status": 404,
                 "detail": "campaign id-1 not found", "request_id": "req-get"}""");
    }
}
