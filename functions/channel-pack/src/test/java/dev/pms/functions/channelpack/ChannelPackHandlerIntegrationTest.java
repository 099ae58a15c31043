package dev.pms.functions.channelpack;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
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
 * {@link ChannelPackHandler} on payload-2.0 event fixtures, whole bodies compared exactly. Against the emulators:
 * the pack export reads the campaign from DynamoDB.
 */
@ExtendWith(LocalAwsExtension.class)
class ChannelPackHandlerIntegrationTest {
    private static ApplicationContext context;
    private static ChannelPackHandler handler;

    @BeforeAll
    static void start(LocalAws aws, ProvisionedResources resources) {
        context = LocalAwsContexts.startAt(aws, resources, "2026-11-25T10:00:00Z");
        handler = new ChannelPackHandler(context);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void answersTheEmailPack() {
        assertJson(handler.execute(httpEvent("email-pack", Map.of("user", "user-ada"))), 200,
                responseBody("email-pack"));
    }

    @Test
    void anUnknownChannelIsA404() {
        assertProblem(handler.execute(httpEvent("unknown-channel-pack", Map.of("user", "user-ada"))), 404, """
                {"type": "urn:pms:problem:not-found", "title": "Not Found", "status": 404,
                 "detail": "there is no channel 'myspace'", "request_id": "req-unknown"}""");
    }

    @Test
    void anUnknownAssetTypeIsA400() {
        assertProblem(handler.execute(httpEvent("unknown-asset-type-pack", Map.of("user", "user-ada"))), 400, """
                {"type": "urn:pms:problem:validation-failed", "title": "Bad Request", "status": 400,
                 "detail": "asset_type must be social_post or one of image, text, video, audio, avatar.",
                 "errors": [{"field": "asset_type", "message": "must be social_post or one of image, text, video, audio, avatar"}],
                 "request_id": "req-asset-type"}""");
    }

    @Test
    void exportingAnotherUsersCampaignIsA404() {
        String campaignId = CampaignSeeds.blueprint(context, "user-ada", CampaignSeeds.LAUNCH);

        APIGatewayV2HTTPResponse response = handler.execute(
                httpEvent("export-pack", Map.of("user", "user-grace", "campaign_id", campaignId)));

        assertProblem(response, 404, """
                {"type": "urn:pms:problem:not-found", "title": "Not Found", "status": 404,
                 "detail": "campaign id-1 not found", "request_id": "req-export"}""");
    }
}
