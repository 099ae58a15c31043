package dev.pms.functions.generation;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
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
import static dev.pms.aws.http.HandlerFixtures.event;

/**
 * {@link ProviderWorkerHandler} on an SQS batch from {@code ProviderJobsQueue} (events/provider-jobs-batch.json), the
 * batch response compared exactly. Against the emulators: the worker reads asset records from DynamoDB.
 */
@ExtendWith(LocalAwsExtension.class)
class ProviderWorkerHandlerIntegrationTest {
    private static ApplicationContext context;
    private static ProviderWorkerHandler handler;

    @BeforeAll
    static void start(LocalAws aws, ProvisionedResources resources) {
        context = LocalAwsContexts.startAt(aws, resources, "2026-11-25T10:00:00Z");
        handler = new ProviderWorkerHandler(context);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void dropsAMessageThatIsNotAJobAndFinishesAJobWhoseAssetIsGone() {
        SQSEvent batch = event("provider-jobs-batch", SQSEvent.class, Map.of(
                "user", "user-ada", "asset_library_id", "00000000-0000-4000-8000-000000000000"));

        assertAnswer(handler.handleRequest(batch, null), """
                {"batchItemFailures": []}""");
    }
}
