package dev.pms.functions.optimization;

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

/**
 * {@link OptimizationHandler} on the EventBridge scheduled event (events/scheduled-event.json), the run summary
 * compared exactly. Against the emulators: active campaigns and optimisation runs live in DynamoDB.
 */
@ExtendWith(LocalAwsExtension.class)
class OptimizationHandlerIntegrationTest {
    private static ApplicationContext context;
    private static OptimizationHandler handler;

    @BeforeAll
    static void start(LocalAws aws, ProvisionedResources resources) {
        context = LocalAwsContexts.startAt(aws, resources, "2026-11-25T10:00:00Z");
        handler = new OptimizationHandler(context);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void runsTheDayOfTheScheduledEvent() {
        assertAnswer(handler.execute(mapEvent("scheduled-event", Map.of())), """
                {"day": "2026-11-24", "campaigns": 0, "optimized": 0, "already_done": 0, "failed": 0,
                 "proposals": 0, "pages": 1}""");
    }
}
