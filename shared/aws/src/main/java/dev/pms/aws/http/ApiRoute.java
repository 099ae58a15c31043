package dev.pms.aws.http;

/**
 * A route a function serves, keyed exactly as API Gateway's {@code routeKey}
 * (e.g. {@code GET /api/product-marketing/campaigns/{campaign_id}}); it must match template.yaml.
 */
public record ApiRoute(String routeKey, boolean authenticated, Action action) {

    @FunctionalInterface
    public interface Action {
        ApiResponse handle(ApiRequest request);
    }

    public static ApiRoute authenticated(String routeKey, Action action) {
        return new ApiRoute(routeKey, true, action);
    }

    public static ApiRoute open(String routeKey, Action action) {
        return new ApiRoute(routeKey, false, action);
    }
}
