package dev.pms.journeys.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pms.devstack.gateway.HttpApiRoute;
import dev.pms.devstack.gateway.RouteTable;
import dev.pms.emulators.SamTemplate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document against template.yaml (which {@code TemplateRoutesTest} holds to the handlers' code): the same
 * routes under both prefixes, the same unauthenticated ones, and each documented route is the one the gateway's route
 * table picks for a request to it.
 */
class OpenApiRoutesTest {

    private static final ApiDescription API = ApiDescription.load();

    @Test
    void theDocumentHasExactlyTheTemplatesRoutes() {
        Set<String> template = new TreeSet<>();
        templateRoutes().forEach(route -> template.add(route.routeKey()));
        assertThat(API.routeKeys()).as("document routes (servers × paths × methods)").containsExactlyElementsOf(template);
        assertThat(API.operations()).hasSize(template.size());
    }

    @Test
    void theUnauthenticatedRoutesAreTheTemplatesAuthorizerNoneRoutes() {
        Set<String> open = new TreeSet<>();
        templateRoutes().stream().filter(route -> !route.requiresAuthorization()).forEach(route -> open.add(route.routeKey()));
        Set<String> documentedOpen = new TreeSet<>();
        API.operations().stream().filter(ApiDescription.Operation::open).forEach(operation -> documentedOpen.add(operation.routeKey()));
        assertThat(documentedOpen).containsExactlyElementsOf(open)
                .contains("GET /api/product-marketing/openapi.json", "GET /api/campaign-creator/openapi.json");
    }

    @Test
    void theGatewayRoutesARequestToEachDocumentedRouteToThatRoute() {
        RouteTable gateway = new RouteTable(templateRoutes());
        for (ApiDescription.Operation operation : API.operations()) {
            String concretePath = operation.path().replaceAll("\\{([a-z_]+)}", "sample-$1");
            assertThat(gateway.match(operation.method(), concretePath))
                    .as("the gateway's route for %s %s", operation.method(), concretePath)
                    .hasValueSatisfying(match -> assertThat(match.route().routeKey()).isEqualTo(operation.routeKey()));
            assertThat(API.find(operation.method(), concretePath)).as("the document's own lookup of %s", concretePath)
                    .contains(operation);
        }
    }

    @Test
    void everyOperationNamesItsResponsesAndTheProtectedOnesTheirRefusal() {
        for (ApiDescription.Operation operation : API.operations()) {
            var node = API.document().at(operation.pointer());
            assertThat(node.path("operationId").asText()).as("operationId of %s", operation.routeKey()).isNotBlank();
            Set<String> statuses = new TreeSet<>();
            node.path("responses").fieldNames().forEachRemaining(statuses::add);
            assertThat(statuses).as("responses of %s", operation.routeKey())
                    .anyMatch(status -> status.startsWith("2") || status.startsWith("3"));
            if (!operation.open()) {
                assertThat(statuses).as("responses of %s", operation.routeKey()).contains("401");
            }
        }
    }

    /** Every {@code Type: HttpApi} event of template.yaml as the gateway models it (method, path, authorizer). */
    @SuppressWarnings("unchecked")
    static List<HttpApiRoute> templateRoutes() {
        SamTemplate template = SamTemplate.load(SamTemplate.findUpwards(Path.of("").toAbsolutePath())
                .orElseThrow(() -> new AssertionError("template.yaml not found above " + Path.of("").toAbsolutePath())));
        List<HttpApiRoute> routes = new ArrayList<>();
        for (SamTemplate.Resource function : template.resourcesOfType("AWS::Serverless::Function")) {
            Map<String, Object> events = (Map<String, Object>) function.properties().getOrDefault("Events", Map.of());
            for (Object value : events.values()) {
                Map<String, Object> event = (Map<String, Object>) value;
                if (!"HttpApi".equals(event.get("Type"))) {
                    continue;
                }
                Map<String, Object> properties = (Map<String, Object>) event.get("Properties");
                boolean open = properties.get("Auth") instanceof Map<?, ?> auth && "NONE".equals(auth.get("Authorizer"));
                routes.add(new HttpApiRoute(String.valueOf(properties.get("Method")).toUpperCase(Locale.ROOT),
                        String.valueOf(properties.get("Path")), function.logicalId(), "api", open ? null : "JwtAuthorizer",
                        List.of()));
            }
        }
        assertThat(routes).isNotEmpty();
        return routes;
    }
}
