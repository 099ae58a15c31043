package dev.pms.aws.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.pms.core.error.NotFoundException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Priming replays requests through a controller's routes as the priming caller, and never fails a snapshot. */
class ApiPrimingTest {

    @Test
    void replaysRequestsThroughTheRoutesAsThePrimingCallerAndRendersRefusalsAsProblems() {
        List<ApiRequest> seen = new ArrayList<>();
        ApiController controller = () -> List.of(
                ApiRoute.authenticated("GET /things/{id}", request -> {
                    seen.add(request);
                    return ApiResponse.ok(Map.of("id", request.pathParameter("id")));
                }),
                ApiRoute.authenticated("GET /missing", request -> {
                    throw new NotFoundException("nothing here");
                }));
        List<APIGatewayV2HTTPResponse> answers = new ArrayList<>();
        ApiPriming priming = new ApiPriming("things", controller) {
            @Override
            protected void prime() {
                answers.add(get("GET /things/{id}", Map.of("id", "t1")));
                answers.add(get("GET /missing", Map.of()));
            }
        };

        priming.beforeCheckpoint(null);

        assertThat(seen).singleElement().satisfies(request -> {
            assertThat(request.userId()).isEqualTo(ApiPriming.PRIMING_USER);
            assertThat(request.rawPath()).isEqualTo("/things/t1");
        });
        assertThat(answers).extracting(APIGatewayV2HTTPResponse::getStatusCode).containsExactly(200, 404);
        assertThat(answers.get(1).getHeaders()).containsEntry("content-type", ApiResponse.PROBLEM_JSON);
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
