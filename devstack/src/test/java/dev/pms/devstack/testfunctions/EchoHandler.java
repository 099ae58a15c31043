package dev.pms.devstack.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test function: answers with what it received and what its own application context holds, and keeps
 * every event by request id so tests can check the payload 2.0 fields exactly.
 */
public class EchoHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    public static final Map<String, APIGatewayV2HTTPEvent> EVENTS_BY_REQUEST_ID = new ConcurrentHashMap<>();
    public static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApplicationContext context;
    private final String greeting;

    public EchoHandler(ApplicationContext context) {
        this.context = context;
        this.greeting = context.getProperty("greeting", String.class).orElse("no greeting");
        INSTANCES.incrementAndGet();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context lambdaContext) {
        EVENTS_BY_REQUEST_ID.put(event.getRequestContext().getRequestId(), event);
        String path = event.getRawPath();
        if (path.endsWith("/boom")) {
            throw new IllegalStateException("boom: secret internal detail");
        }
        if (path.endsWith("/binary")) {
            APIGatewayV2HTTPResponse response = APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(202)
                    .withHeaders(Map.of("Content-Type", "application/octet-stream", "X-Single", "one"))
                    .withMultiValueHeaders(Map.of("X-Multi", List.of("a", "b")))
                    .withBody(Base64.getEncoder().encodeToString(new byte[] {0, 1, 2, (byte) 255}))
                    .withIsBase64Encoded(true)
                    .build();
            response.setCookies(List.of("session=abc; HttpOnly", "theme=dark"));
            return response;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("function", lambdaContext.getFunctionName());
        body.put("application", context.getProperty("micronaut.application.name", String.class).orElse(null));
        body.put("greeting", greeting);
        body.put("table", context.getProperty("table.name", String.class).orElse(null));
        body.put("TABLE_NAME", context.getProperty("TABLE_NAME", String.class).orElse(null));
        body.put("requestId", event.getRequestContext().getRequestId());
        body.put("awsRequestId", lambdaContext.getAwsRequestId());
        body.put("memory", lambdaContext.getMemoryLimitInMB());
        body.put("remainingMillis", lambdaContext.getRemainingTimeInMillis());
        body.put("routeKey", event.getRouteKey());
        body.put("pathParameters", event.getPathParameters());
        body.put("sub", event.getRequestContext().getAuthorizer() == null ? null
                : event.getRequestContext().getAuthorizer().getJwt().getClaims().get("sub"));
        body.put("instances", INSTANCES.get());
        try {
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(path.contains("/campaigns/") && event.getRequestContext().getHttp().getMethod()
                            .equals("POST") ? 201 : 200)
                    .withHeaders(Map.of("Content-Type", "application/json"))
                    .withBody(JSON.writeValueAsString(body))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
