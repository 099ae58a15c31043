package dev.pms.aws.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.pms.core.error.DomainException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Priming for an API function: representative requests replayed through its controller's own routes before the
 * SnapStart snapshot, as the caller {@value #PRIMING_USER}, so they make real calls against the function's table and
 * buckets and render their answers as the function would. Only reads (or requests refused before anything is
 * written): the priming caller has no data, so a route answers an empty page or a problem.
 */
public abstract class ApiPriming extends PrimingResource {
    /** The caller priming requests are made as: a tenant that never has data. */
    public static final String PRIMING_USER = "snapstart-priming";

    private final Map<String, ApiRoute> routesByKey = new LinkedHashMap<>();

    protected ApiPriming(String what, ApiController controller) {
        super(what);
        for (ApiRoute route : controller.routes()) {
            routesByKey.put(route.routeKey(), route);
        }
    }

    /** A {@code GET} of {@code routeKey} (exactly as the controller declares it) with these path parameters. */
    protected APIGatewayV2HTTPResponse get(String routeKey, Map<String, String> pathParameters) {
        return request(routeKey, pathParameters, Map.of(), null);
    }

    /** One request of the route {@code routeKey}; a refusal is rendered as the problem response a caller gets. */
    protected APIGatewayV2HTTPResponse request(String routeKey, Map<String, String> pathParameters,
                                               Map<String, String> queryParameters, String body) {
        ApiRoute route = routesByKey.get(routeKey);
        if (route == null) {
            throw new IllegalArgumentException("no route " + routeKey);
        }
        String path = routeKey.substring(routeKey.indexOf(' ') + 1);
        for (Map.Entry<String, String> parameter : pathParameters.entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        ApiRequest request = new ApiRequest(routeKey, path, pathParameters, queryParameters,
                Map.of("content-type", ApiResponse.JSON), body, PRIMING_USER, PRIMING_USER);
        ApiResponse response;
        try {
            response = route.action().handle(request);
        } catch (DomainException refused) {
            response = Problems.of(refused, request.requestId());
        }
        return ApiGatewayFunction.toEvent(response);
    }
}
