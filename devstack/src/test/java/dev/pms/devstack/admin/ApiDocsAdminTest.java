package dev.pms.devstack.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pms.devstack.gateway.GatewayRequest;
import dev.pms.devstack.gateway.GatewayResponse;
import dev.pms.devstack.gateway.HttpApiRoute;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiDocsAdminTest {

    private static final List<HttpApiRoute> ROUTES = List.of(
            new HttpApiRoute("GET", "/api/b/openapi.json", "Docs", "api", null, List.of()),
            new HttpApiRoute("GET", "/api/a/openapi.json", "Docs", "api", null, List.of()),
            new HttpApiRoute("GET", "/api/a/private/openapi.json", "Docs", "api", "JwtAuthorizer", List.of()),
            new HttpApiRoute("GET", "/api/a/health", "Health", "api", null, List.of()));

    @Test
    void thePageLoadsSwaggerUiFromTheDevstackAndTheFirstOpenDocument() {
        GatewayResponse page = get(new ApiDocsAdmin(ROUTES), ApiDocsAdmin.PATH);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("content-type")).startsWith("text/html");
        String html = new String(page.body(), StandardCharsets.UTF_8);
        assertThat(html).contains("url: \"/api/a/openapi.json\"").contains("src=\"/_devstack/docs/swagger-ui-bundle.js\"")
                .contains("href=\"/_devstack/docs/swagger-ui.css\"").doesNotContain("http://").doesNotContain("https://");
    }

    @Test
    void swaggerUisFilesComeFromTheWebjarAndNothingElse() {
        ApiDocsAdmin docs = new ApiDocsAdmin(ROUTES);
        GatewayResponse bundle = get(docs, "/_devstack/docs/swagger-ui-bundle.js");
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.header("content-type")).startsWith("text/javascript");
        assertThat(bundle.body().length).isGreaterThan(100_000);
        assertThat(get(docs, "/_devstack/docs/swagger-ui.css").status()).isEqualTo(200);
        assertThat(get(docs, "/_devstack/docs/missing.js").status()).isEqualTo(404);
        assertThat(get(docs, "/_devstack/docs/../pom.properties").status()).isEqualTo(404);
        assertThat(get(docs, "/_devstack/docs/index.txt").status()).isEqualTo(404);
    }

    @Test
    void withoutAnOpenDocumentRouteThePageIsA404AndOnlyGetIsAnswered() {
        assertThat(get(new ApiDocsAdmin(ROUTES.subList(2, 4)), ApiDocsAdmin.PATH).status()).isEqualTo(404);
        GatewayRequest post = new GatewayRequest("POST", ApiDocsAdmin.PATH, "", Map.of(), new byte[0], "127.0.0.1", "HTTP/1.1");
        assertThat(new ApiDocsAdmin(ROUTES).handle(post).status()).isEqualTo(405);
        assertThat(ApiDocsAdmin.handles("/_devstack/docs")).isTrue();
        assertThat(ApiDocsAdmin.handles("/_devstack/docsx")).isFalse();
    }

    private static GatewayResponse get(ApiDocsAdmin docs, String path) {
        return docs.handle(new GatewayRequest("GET", path, "", Map.of(), new byte[0], "127.0.0.1", "HTTP/1.1"));
    }
}
