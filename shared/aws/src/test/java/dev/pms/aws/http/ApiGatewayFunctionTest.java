package dev.pms.aws.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.ValidationException;
import dev.pms.core.error.VersionConflictException;
import dev.pms.core.json.Json;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextConfiguration;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Routing, authentication and problem mapping of the API Gateway function base, no AWS involved. */
class ApiGatewayFunctionTest {
    private static ApplicationContext context;
    private static TestFunction function;

    @BeforeAll
    static void start() {
        context = ApplicationContext.builder()
                .properties(Map.of("api.max.body.bytes", "64", "table.name", "unused"))
                .build().start();
        function = new TestFunction(context);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void dispatchesOnRouteKeyAndPassesSubjectAndPathParameters() {
        APIGatewayV2HTTPResponse response = function.execute(event("GET /things/{id}", "alice", null, Map.of("id", "t1")));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json");
        assertThat(json(response).get("owner").asText()).isEqualTo("alice");
        assertThat(json(response).get("id").asText()).isEqualTo("t1");
    }

    @Test
    void unknownRouteIsA404Problem() {
        APIGatewayV2HTTPResponse response = function.execute(event("GET /nothing", "alice", null, Map.of()));

        assertProblem(response, 404, "urn:pms:problem:not-found");
    }

    @Test
    void anEventWithoutARouteKeyIsA404ProblemNotACrash() {
        APIGatewayV2HTTPResponse response = function.execute(event(null, "alice", null, Map.of()));

        assertProblem(response, 404, "urn:pms:problem:not-found");
    }

    @Test
    void authenticatedRouteWithoutSubjectIs401() {
        APIGatewayV2HTTPResponse response = function.execute(event("GET /things/{id}", null, null, Map.of("id", "t1")));

        assertProblem(response, 401, "urn:pms:problem:unauthenticated");
    }

    @Test
    void aSubjectThatIsNotANonEmptyStringInTheTokenIs401() {
        for (String payload : List.of("{\"sub\":null}", "{\"sub\":123}", "{\"sub\":[\"alice\"]}", "{}")) {
            String claim = payload.equals("{}") ? null : payload.substring(7, payload.length() - 1);
            APIGatewayV2HTTPEvent event = event("GET /things/{id}", claim, null, Map.of("id", "t1"));
            event.setHeaders(Map.of("Authorization", "Bearer " + unsignedToken(payload)));

            JsonNode problem = assertProblem(function.execute(event), 401, "urn:pms:problem:unauthenticated");
            assertThat(problem.get("detail").asText()).contains("non-empty string");
        }
        APIGatewayV2HTTPEvent alice = event("GET /things/{id}", "alice", null, Map.of("id", "t1"));
        alice.setHeaders(Map.of("Authorization", "Bearer " + unsignedToken("{\"sub\":\"alice\"}")));
        assertThat(function.execute(alice).getStatusCode()).isEqualTo(200);
    }

    @Test
    void anOverLongOrControlCharacterSubjectIs401() {
        for (String subject : List.of("a".repeat(CallerSubject.MAX_LENGTH + 1), "a".repeat(64 * 1024), "al\u0000ice",
                "two\nlines", "a\ud800", " ")) {
            assertProblem(function.execute(event("GET /things/{id}", subject, null, Map.of("id", "t1"))),
                    401, "urn:pms:problem:unauthenticated");
        }
        assertThat(function.execute(event("GET /things/{id}", "a".repeat(CallerSubject.MAX_LENGTH), null,
                Map.of("id", "t1"))).getStatusCode()).isEqualTo(200);
    }

    private static String unsignedToken(String payload) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    @Test
    void openRouteNeedsNoSubject() {
        APIGatewayV2HTTPResponse response = function.execute(event("GET /open", null, null, Map.of()));

        assertThat(response.getStatusCode()).isEqualTo(200);
    }

    @Test
    void malformedJsonIsA400WithTheFieldNamed() {
        APIGatewayV2HTTPResponse response = function.execute(event("POST /echo", "alice", "{\"a\":", Map.of()));

        JsonNode problem = assertProblem(response, 400, "urn:pms:problem:validation-failed");
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("body");
    }

    @Test
    void contentAfterTheJsonObjectIsA400() {
        for (String body : List.of("{\"a\":1} xyz", "{}{}", "{} []", "{\"a\":1}\n{\"b\":2}")) {
            JsonNode problem = assertProblem(function.execute(event("POST /echo", "alice", body, Map.of())),
                    400, "urn:pms:problem:validation-failed");
            assertThat(problem.get("detail").asText()).isEqualTo("body must be one JSON value with nothing after it.");
        }
        assertThat(function.execute(event("POST /echo", "alice", "{\"a\":1}  \n", Map.of())).getStatusCode())
                .isEqualTo(200);
    }

    @Test
    void anUnpairedSurrogateOrControlCharacterInAnyStringIsA400NamingTheField() {
        JsonNode problem = assertProblem(function.execute(event("POST /echo", "alice",
                "{\"product_context\":{\"tags\":[\"ok\",\"x\\ud800\"]}}", Map.of())),
                400, "urn:pms:problem:validation-failed");
        assertThat(problem.get("detail").asText()).startsWith("product_context.tags[1] is not well-formed Unicode");

        problem = assertProblem(function.execute(event("POST /echo", "alice", "{\"name\":\"\\u0000\"}", Map.of())),
                400, "urn:pms:problem:validation-failed");
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("name");

        problem = assertProblem(function.execute(event("POST /echo", "alice", "{\"\\udc00\":1}", Map.of())),
                400, "urn:pms:problem:validation-failed");
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("body");
    }

    @Test
    void nonObjectJsonIsA400() {
        APIGatewayV2HTTPResponse response = function.execute(event("POST /echo", "alice", "[1,2]", Map.of()));

        assertProblem(response, 400, "urn:pms:problem:validation-failed");
    }

    @Test
    void bodyOverTheLimitIsA413() {
        String big = "{\"a\":\"" + "x".repeat(100) + "\"}";
        APIGatewayV2HTTPResponse response = function.execute(event("POST /echo", "alice", big, Map.of()));

        assertProblem(response, 413, "urn:pms:problem:payload-too-large");
    }

    @Test
    void base64BodiesAreDecoded() {
        APIGatewayV2HTTPEvent event = event("POST /echo", "alice",
                Base64.getEncoder().encodeToString("{\"a\":1}".getBytes(StandardCharsets.UTF_8)), Map.of());
        event.setIsBase64Encoded(true);

        APIGatewayV2HTTPResponse response = function.execute(event);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(json(response).get("a").asInt()).isEqualTo(1);
    }

    @Test
    void domainFailuresMapToTheirStatus() {
        assertProblem(function.execute(event("GET /fail/{kind}", "alice", null, Map.of("kind", "missing"))),
                404, "urn:pms:problem:not-found");
        assertProblem(function.execute(event("GET /fail/{kind}", "alice", null, Map.of("kind", "stale"))),
                409, "urn:pms:problem:version-conflict");
    }

    @Test
    void unexpectedFailuresAre500WithoutTheExceptionText() {
        APIGatewayV2HTTPResponse response = function.execute(event("GET /fail/{kind}", "alice", null, Map.of("kind", "bug")));

        JsonNode problem = assertProblem(response, 500, "urn:pms:problem:internal-error");
        assertThat(response.getBody()).doesNotContain("secret-internal-detail").doesNotContain("Exception");
        assertThat(problem.get("request_id").asText()).isEqualTo("req-1");
    }

    private static JsonNode assertProblem(APIGatewayV2HTTPResponse response, int status, String type) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("type").asText()).isEqualTo(type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        return problem;
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return Json.mapper().readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    private static APIGatewayV2HTTPEvent event(String routeKey, String subject, String body, Map<String, String> pathParameters) {
        var jwt = APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                .withClaims(subject == null ? Map.of() : Map.of("sub", subject)).withScopes(List.of()).build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRequestId("req-1")
                .withRouteKey(routeKey)
                .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withJwt(jwt).build())
                .build();
        return APIGatewayV2HTTPEvent.builder()
                .withRouteKey(routeKey)
                .withRawPath("/test")
                .withPathParameters(pathParameters)
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(context)
                .build();
    }

    @Test
    void anOnDemandInstanceMakesBeansOnFirstUseAndASnapshotInstanceMakesThemAllAtInit() {
        ApplicationContextConfiguration onDemand = (ApplicationContextConfiguration)
                ApiGatewayFunction.contextBuilderFor("on-demand");
        ApplicationContextConfiguration unset = (ApplicationContextConfiguration)
                ApiGatewayFunction.contextBuilderFor(null);
        ApplicationContextConfiguration snapshot = (ApplicationContextConfiguration)
                ApiGatewayFunction.contextBuilderFor(PrimingResource.SNAPSHOT_INITIALIZATION);

        assertThat(List.of(onDemand.isEagerInitSingletons(), onDemand.isEagerInitConfiguration(),
                unset.isEagerInitSingletons(), unset.isEagerInitConfiguration())).containsOnly(false);
        assertThat(List.of(snapshot.isEagerInitSingletons(), snapshot.isEagerInitConfiguration())).containsOnly(true);
        assertThat(List.of(onDemand.getEnvironments(), snapshot.getEnvironments()))
                .allSatisfy(environments -> assertThat(environments).contains("function", "lambda"));
    }

    static class TestFunction extends ApiGatewayFunction {
        TestFunction(ApplicationContext context) {
            super(context);
        }

        @Override
        protected Class<? extends ApiController> controllerType() {
            return TestController.class;
        }
    }

    @Singleton
    static class TestController implements ApiController {
        @Override
        public List<ApiRoute> routes() {
            return List.of(
                    ApiRoute.authenticated("GET /things/{id}", request -> ApiResponse.ok(
                            Map.of("owner", request.userId(), "id", request.pathParameter("id")))),
                    ApiRoute.open("GET /open", request -> ApiResponse.ok(Map.of("ok", true))),
                    ApiRoute.authenticated("POST /echo", request -> ApiResponse.ok(request.jsonObjectBody())),
                    ApiRoute.authenticated("GET /fail/{kind}", request -> {
                        switch (request.pathParameter("kind")) {
                            case "missing" -> throw new NotFoundException("thing t9 does not exist");
                            case "stale" -> throw new VersionConflictException("thing is at version 3, not 2");
                            case "invalid" -> throw ValidationException.of("name", "is required");
                            default -> throw new IllegalStateException("secret-internal-detail");
                        }
                    }));
        }
    }
}
