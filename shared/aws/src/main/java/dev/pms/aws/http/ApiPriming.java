package dev.pms.aws.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.util.Map;

/**
 * Priming for an API function: representative requests sent through the function's own handler before the SnapStart
 * snapshot, as the caller {@value #PRIMING_USER} and with a Lambda context as the runtime passes one (so the
 * per-invocation logging context is warmed as well), so they make real calls against the function's table and
 * buckets, and the Lambda runtime's reading of the event and writing of the answer is warmed too. Only reads (or requests
 * refused before anything is written): the priming caller has no data, so a route answers an empty page or a problem.
 * The handler attaches itself ({@link ApiGatewayFunction#primingType()}); until then requests are refused.
 */
public abstract class ApiPriming extends PrimingResource {
    /** The caller priming requests are made as: a tenant that never has data. */
    public static final String PRIMING_USER = "snapstart-priming";

    private ApiGatewayFunction handler;

    protected ApiPriming(String what) {
        super(what);
    }

    /** The handler the requests go through. */
    void attach(ApiGatewayFunction function) {
        this.handler = function;
    }

    /** A {@code GET} of {@code routeKey} (exactly as the controller declares it) with these path parameters. */
    protected APIGatewayV2HTTPResponse get(String routeKey, Map<String, String> pathParameters) {
        return request(routeKey, pathParameters, null);
    }

    /** One request of the route {@code routeKey} through the handler, as API Gateway hands it over. */
    protected APIGatewayV2HTTPResponse request(String routeKey, Map<String, String> pathParameters, String body) {
        if (handler == null) {
            throw new IllegalStateException("no handler attached to prime " + routeKey);
        }
        String method = routeKey.substring(0, routeKey.indexOf(' '));
        String path = routeKey.substring(routeKey.indexOf(' ') + 1);
        for (Map.Entry<String, String> parameter : pathParameters.entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(path)
                .withRawQueryString("")
                .withHeaders(Map.of("content-type", ApiResponse.JSON))
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRouteKey(routeKey)
                        .withRequestId(PRIMING_USER)
                        .withStage("$default")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method).withPath(path).withProtocol("HTTP/1.1").build())
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(Map.of("sub", PRIMING_USER)).build())
                                .build())
                        .build())
                .build();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, PrimingContext.ofThisFunction());
        RuntimeSerializationPriming.prime(APIGatewayV2HTTPEvent.class, event, APIGatewayV2HTTPResponse.class, response);
        return response;
    }
}
