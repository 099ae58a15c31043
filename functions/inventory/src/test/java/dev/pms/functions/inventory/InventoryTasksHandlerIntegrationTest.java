package dev.pms.functions.inventory;

import dev.pms.aws.config.CampaignSeeds;
import dev.pms.aws.dynamodb.LocalAwsContexts;
import dev.pms.core.error.NotFoundException;
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
import static dev.pms.aws.http.HandlerFixtures.bodyText;
import static dev.pms.aws.http.HandlerFixtures.httpEvent;
import static dev.pms.aws.http.HandlerFixtures.mapEvent;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link InventoryTasksHandler} on the task payloads the import state machine sends (events/import-*-task.json),
 * answers compared exactly. Against the emulators: imports and campaigns live in DynamoDB.
 */
@ExtendWith(LocalAwsExtension.class)
class InventoryTasksHandlerIntegrationTest {
    private static ApplicationContext context;
    private static InventoryTasksHandler handler;

    @BeforeAll
    static void start(LocalAws aws, ProvisionedResources resources) {
        context = LocalAwsContexts.startAt(aws, resources, "2026-11-25T10:00:00Z");
        handler = new InventoryTasksHandler(context);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void preparingAZipImportWhoseArchiveWasNeverUploaded() {
        String campaignId = CampaignSeeds.blueprint(context, "user-ada", CampaignSeeds.LAUNCH);
        String importId = bodyText(new InventoryHandler(context).execute(httpEvent("create-zip-import",
                Map.of("user", "user-ada", "campaign_id", campaignId))), "/import_id");

        Map<String, Object> answer = handler.handleRequest(mapEvent("import-prepare-task", Map.of(
                "user", "user-ada", "campaign_id", campaignId, "import_id", importId)), null);

        assertAnswer(answer, """
                {"outcome": "refused", "indexes": [],
                 "reason": "zip was never uploaded; PUT it to the import's upload_url first."}""");
    }

    @Test
    void preparingAnUnknownImportFailsTheTask() {
        String campaignId = CampaignSeeds.blueprint(context, "user-ada", CampaignSeeds.LAUNCH);

        assertThatThrownBy(() -> handler.handleRequest(mapEvent("import-prepare-task", Map.of(
                "user", "user-ada", "campaign_id", campaignId, "import_id", "import-1")), null))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("import import-1 not found");
    }

    @Test
    void anUnknownActionFailsTheTask() {
        assertThatThrownBy(() -> handler.handleRequest(mapEvent("import-unknown-task", Map.of(
                "user", "user-ada", "campaign_id", "c-1", "import_id", "import-1")), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown inventory task action 'rollback'");
    }
}
