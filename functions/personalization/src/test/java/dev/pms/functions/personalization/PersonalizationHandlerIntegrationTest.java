package dev.pms.functions.personalization;

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
 * {@link PersonalizationHandler} on payload-2.0 event fixtures, whole bodies compared exactly. Against the emulators:
 * signals and brand profiles live in DynamoDB. Every route acts on the caller's own preferences, so there is no other
 * user's item to refuse.
 */
@ExtendWith(LocalAwsExtension.class)
class PersonalizationHandlerIntegrationTest {
    private static ApplicationContext context;
    private static PersonalizationHandler handler;

    @BeforeAll
    static void start(LocalAws aws, ProvisionedResources resources) {
        context = LocalAwsContexts.startAt(aws, resources, "2026-11-25T10:00:00Z");
        handler = new PersonalizationHandler(context);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void aNewUserHasNoLearnedPreferences() {
        assertJson(handler.execute(httpEvent("preferences",
                Map.of("user", "user-ada"))), 200, responseBody("default-preferences"));
    }

    @Test
    void anUnknownFieldOfTheIntelligentPromptIsA400() {
        assertProblem(handler.execute(httpEvent("intelligent-prompt-unknown-field", Map.of("user", "user-ada"))),
                400, """
                {"type": "urn:pms:problem:validation-failed", "title": "Bad Request", "status": 400,
                 "detail": "tone is not a field of the intelligent prompt (send user_input and, optionally, asset_type).",
                 "errors": [{"field": "tone", "message": "is not a field of the intelligent prompt (send user_input and, optionally, asset_type)"}],
                 "request_id": "req-prompt"}""");
    }

    @Test
    void defaultsOfAnUnknownFormTypeAreA404() {
        assertProblem(handler.execute(httpEvent("defaults-unknown-form", Map.of("user", "user-ada"))), 404, """
                {"type": "urn:pms:problem:not-found", "title": "Not Found", "status": 404,
                 "detail": "There are no defaults for the form type 'spaceship'; the form types are campaign_creator, product_photoshoot, product_video, product_animation, product_avatar.",
                 "request_id": "req-defaults"}""");
    }
}
