package dev.pms.functions.studio;

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
 * {@link ProductStudioHandler} on payload-2.0 event fixtures, whole bodies compared exactly. Against the emulators:
 * studio jobs live in DynamoDB.
 */
@ExtendWith(LocalAwsExtension.class)
class ProductStudioHandlerIntegrationTest {
    private static ApplicationContext context;
    private static ProductStudioHandler handler;

    @BeforeAll
    static void start(LocalAws aws, ProvisionedResources resources) {
        context = LocalAwsContexts.startAt(aws, resources, "2026-11-25T10:00:00Z");
        handler = new ProductStudioHandler(context);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void listsTheTemplateLibrary() {
        assertJson(handler.execute(httpEvent("templates", Map.of("user", "user-ada"))), 200,
                responseBody("templates"));
    }

    @Test
    void anUnknownJobIsA404() {
        assertProblem(handler.execute(httpEvent("studio-job", Map.of("user", "user-ada",
                "job_id", "00000000-0000-4000-8000-000000000000"))), 404, """
                {"type": "urn:pms:problem:not-found", "title": "Not Found", "status": 404,
                 "detail": "studio job id-1 was not found", "request_id": "req-job"}""");
    }

    @Test
    void aPhotoshootWithoutAProductIsA400() {
        assertProblem(handler.execute(httpEvent("photoshoot-empty", Map.of("user", "user-ada"))), 400, """
                {"type": "urn:pms:problem:validation-failed", "title": "Bad Request", "status": 400,
                 "detail": "The studio request has 2 problems: product_name is required; product_description is required for a photoshoot.",
                 "errors": [{"field": "product_name", "message": "is required"}, {"field": "product_description", "message": "is required for a photoshoot"}],
                 "request_id": "req-photoshoot"}""");
    }
}
