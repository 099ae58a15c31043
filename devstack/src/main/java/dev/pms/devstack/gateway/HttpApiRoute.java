package dev.pms.devstack.gateway;

import java.util.List;
import java.util.Locale;

/**
 * One HTTP API route: {@code method} ({@code ANY} for all), {@code path} with {@code {param}} and
 * {@code {proxy+}} segments ({@code $default} for the catch-all route), the function it invokes and whether
 * the API's authorizer applies ({@code authorizer} null = no auth, e.g. {@code Auth: {Authorizer: NONE}}).
 */
public record HttpApiRoute(String method, String path, String functionLogicalId, String apiId, String authorizer,
                           List<String> authorizationScopes) {

    public static final String ANY = "ANY";
    public static final String DEFAULT_ROUTE = "$default";

    public HttpApiRoute {
        method = method.toUpperCase(Locale.ROOT);
        authorizationScopes = authorizationScopes == null ? List.of() : List.copyOf(authorizationScopes);
    }

    /** As API Gateway writes it: {@code "POST /campaigns/{campaign_id}"} or {@code "$default"}. */
    public String routeKey() {
        return isDefaultRoute() ? DEFAULT_ROUTE : method + " " + path;
    }

    public boolean isDefaultRoute() {
        return DEFAULT_ROUTE.equals(path);
    }

    public boolean requiresAuthorization() {
        return authorizer != null;
    }
}
