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

import static dev.pms.aws.http.HandlerFixtures.assertAnswer;
import static dev.pms.aws.http.HandlerFixtures.mapEvent;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link GenerationTasksHandler} on the task payloads the generation state machine sends
 * (events/generation-*-task.json), answers compared exactly. Against the emulators: runs and campaigns live in
 * DynamoDB.
 */
@ExtendWith(LocalAwsExtension.class)
class GenerationTasksHandlerIntegrationTest {
    private static ApplicationContext context;
    private static GenerationTasksHandler handler;

    @BeforeAll
    static void start(LocalAws aws, ProvisionedResources resources) {
        context = LocalAwsContexts.startAt(aws, resources, "2026-11-25T10:00:00Z");
        handler = new GenerationTasksHandler(context);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void preparingARunOfADeletedCampaignSendsItToFinalize() {
        Map<String, Object> answer = handler.handleRequest(mapEvent("generation-prepare-task", Map.of(
                "user", "user-ada", "campaign_id", "00000000-0000-4000-8000-000000000000", "run_id", "run-1")), null);

        assertAnswer(answer, """
                {"next": "finalize", "outcome": "failed", "reason": "the campaign was deleted"}""");
    }

    @Test
    void preparingARunThatIsNoLongerCurrentSendsItToFinalize() {
        String campaignId = CampaignSeeds.blueprint(context, "user-ada", CampaignSeeds.LAUNCH);

        Map<String, Object> answer = handler.handleRequest(mapEvent("generation-prepare-task", Map.of(
                "user", "user-ada", "campaign_id", campaignId, "run_id", "run-1")), null);

        assertAnswer(answer, """
                {"next": "finalize", "outcome": "superseded", "reason": "the run was stopped or replaced"}""");
    }

    @Test
    void anUnknownActionFailsTheTask() {
        assertThatThrownBy(() -> handler.handleRequest(mapEvent("generation-unknown-task", Map.of(
                "user", "user-ada", "campaign_id", "c-1", "run_id", "run-1")), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown generation task action 'publish'");
    }
}
