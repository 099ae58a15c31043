package dev.pms.aws.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.pms.core.json.Json;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Priming sends requests through the function's own handler as the priming caller, and never fails a snapshot. */
class ApiPrimingTest {

    @Test
    void sendsRequestsThroughTheHandlerAsThePrimingCallerAndRendersRefusalsAsProblems() throws Exception {
        try (ApplicationContext context = ApplicationContext.builder().properties(Map.of("table.name", "unused"))
                .build().start()) {
            List<APIGatewayV2HTTPResponse> answers = new ArrayList<>();
            ApiPriming priming = new ApiPriming("things") {
                @Override
                protected void prime() {
                    answers.add(get("GET /things/{id}", Map.of("id", "t1")));
                    answers.add(get("GET /fail/{kind}", Map.of("kind", "missing")));
                }
            };
            priming.attach(new ApiGatewayFunctionTest.TestFunction(context));

            priming.beforeCheckpoint(null);

            assertThat(answers).extracting(APIGatewayV2HTTPResponse::getStatusCode).containsExactly(200, 404);
            assertThat(Json.mapper().readTree(answers.get(0).getBody()).get("owner").asText())
                    .isEqualTo(ApiPriming.PRIMING_USER);
            assertThat(answers.get(1).getHeaders()).containsEntry("content-type", ApiResponse.PROBLEM_JSON);
        }
    }

    @Test
    void aFailingPrimingIsLoggedAndTheSnapshotGoesAhead() {
        PrimingResource failing = new PrimingResource("broken") {
            @Override
            protected void prime() {
                throw new IllegalStateException("endpoint unreachable");
            }
        };

        assertThatCode(() -> failing.beforeCheckpoint(null)).doesNotThrowAnyException();
    }
}
