package dev.pms.journeys.e2e;

import dev.pms.aws.http.ApiController;
import dev.pms.aws.http.ApiGatewayFunction;
import dev.pms.aws.http.ApiPrefixes;
import dev.pms.emulators.SamTemplate;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Template against code: every HTTP route template.yaml sends to a function is one its handler
 * serves, and every route a handler serves is declared in the template for that function.
 */
class TemplateRoutesTest {

    @Test
    void templateRoutesAndHandlerRoutesAreTheSame() throws Exception {
        SamTemplate template = SamTemplate.load(SamTemplate.findUpwards(Path.of("").toAbsolutePath())
                .orElseThrow(() -> new AssertionError("template.yaml not found above " + Path.of("").toAbsolutePath())));
        int functionsWithRoutes = 0;
        for (SamTemplate.Resource function : template.resourcesOfType("AWS::Serverless::Function")) {
            Set<String> declared = declaredRoutes(function);
            if (declared.isEmpty()) {
                continue;
            }
            functionsWithRoutes++;
            String handlerName = String.valueOf(function.properties().get("Handler")).split("::")[0];
            Class<?> handlerClass = Class.forName(handlerName);
            assertThat(ApiGatewayFunction.class).as(handlerName).isAssignableFrom(handlerClass);
            try (ApplicationContext context = ApplicationContext.builder().properties(Map.of(
                    "table.name", "routes-check", "media.bucket", "routes-check", "aws.region", "us-east-1",
                    "aws.local-credentials.access-key-id", "x", "aws.local-credentials.secret-access-key", "x",
                    "aws.services.dynamodb.endpoint-override", "http://127.0.0.1:9", "aws.services.s3.endpoint-override",
                    "http://127.0.0.1:9"))
                    .build().start()) {
                ApiGatewayFunction handler = (ApiGatewayFunction) handlerClass
                        .getConstructor(ApplicationContext.class).newInstance(context);
                assertThat(new TreeSet<>(handler.routeKeys()))
                        .as("routes of %s (%s)", function.logicalId(), handlerName)
                        .containsExactlyElementsOf(declared);
                primeWithoutAws(context, handlerName);
            }
        }
        assertThat(functionsWithRoutes).isPositive();
    }

    @Test
    void everyCampaignRouteIsDeclaredUnderBothPrefixes() throws Exception {
        SamTemplate template = SamTemplate.load(SamTemplate.findUpwards(Path.of("").toAbsolutePath())
                .orElseThrow(() -> new AssertionError("template.yaml not found above " + Path.of("").toAbsolutePath())));
        Set<String> productMarketing = new TreeSet<>();
        Set<String> campaignCreator = new TreeSet<>();
        for (SamTemplate.Resource function : template.resourcesOfType("AWS::Serverless::Function")) {
            for (String route : declaredRoutes(function)) {
                String method = route.substring(0, route.indexOf(' '));
                String path = route.substring(route.indexOf(' ') + 1);
                if (path.startsWith(ApiPrefixes.PRODUCT_MARKETING + "/")) {
                    productMarketing.add(method + " " + path.substring(ApiPrefixes.PRODUCT_MARKETING.length()));
                } else if (path.startsWith(ApiPrefixes.CAMPAIGN_CREATOR + "/")) {
                    campaignCreator.add(method + " " + path.substring(ApiPrefixes.CAMPAIGN_CREATOR.length()));
                }
            }
        }
        assertThat(productMarketing).contains("POST /campaigns/validate-preflight", "POST /assets/generate",
                "GET /channels/{channel}/pack");
        assertThat(campaignCreator).containsExactlyElementsOf(productMarketing);
    }

    /**
     * SnapStart priming must read and write nothing: the context has no endpoint and no network to reach
     * AWS, so any call would fail here.
     */
    private static void primeWithoutAws(ApplicationContext context, String handlerName) {
        for (ApiController controller : context.getBeansOfType(ApiController.class)) {
            long started = System.nanoTime();
            controller.prime();
            assertThat((System.nanoTime() - started) / 1_000_000).as("priming %s", handlerName).isLessThan(30_000);
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> declaredRoutes(SamTemplate.Resource function) {
        Set<String> routes = new TreeSet<>();
        Map<String, Object> events = (Map<String, Object>) function.properties().getOrDefault("Events", Map.of());
        for (Object value : events.values()) {
            Map<String, Object> event = (Map<String, Object>) value;
            if ("HttpApi".equals(event.get("Type"))) {
                Map<String, Object> properties = (Map<String, Object>) event.get("Properties");
                routes.add(String.valueOf(properties.get("Method")).toUpperCase(Locale.ROOT) + " " + properties.get("Path"));
            }
        }
        return routes;
    }
}
