package dev.pms.functions.blueprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pms.aws.http.ApiResponse;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document, read by swagger-parser: valid 3.1, both prefixes, the JWT scheme, problem+json errors. */
class OpenApiDocumentTest {

    private static final String JSON = new OpenApiDocument().response().body();

    @Test
    void swaggerParserReadsItWithoutAMessage() {
        SwaggerParseResult result = parse(false);
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(parse(true).getMessages()).as("with every $ref resolved").isEmpty();
    }

    @Test
    void itDescribesBothPrefixesAndTheJwtBearerScheme() {
        OpenAPI api = parse(false).getOpenAPI();
        assertThat(api.getServers()).extracting(server -> server.getUrl())
                .containsExactly("/api/product-marketing", "/api/campaign-creator");
        SecurityScheme bearer = api.getComponents().getSecuritySchemes().get("bearerAuth");
        assertThat(bearer.getType()).isEqualTo(SecurityScheme.Type.HTTP);
        assertThat(bearer.getScheme()).isEqualTo("bearer");
        assertThat(bearer.getBearerFormat()).isEqualTo("JWT");
        assertThat(api.getSecurity()).singleElement().satisfies(requirement -> assertThat(requirement).containsKey("bearerAuth"));
    }

    @Test
    void everyOperationHasAnIdASuccessSchemaAndProblemJsonErrors() {
        OpenAPI api = parse(true).getOpenAPI();
        int operations = 0;
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
                operations++;
                Operation operation = entry.getValue();
                String where = entry.getKey() + " " + path.getKey();
                assertThat(operation.getOperationId()).as(where).isNotBlank();
                ApiResponses responses = operation.getResponses();
                assertThat(responses.keySet()).as(where).anyMatch(status -> status.matches("2\\d\\d|302"));
                responses.forEach((status, response) -> {
                    if (status.startsWith("4") || status.startsWith("5")) {
                        assertThat(response.getContent()).as("%s %s", where, status).containsKey("application/problem+json");
                    } else if (response.getContent() != null) {
                        MediaType json = response.getContent().get("application/json");
                        assertThat(json).as("%s %s", where, status).isNotNull();
                        assertThat(json.getSchema()).as("%s %s", where, status).isNotNull();
                    }
                });
                boolean open = operation.getSecurity() != null && operation.getSecurity().isEmpty();
                assertThat(open || responses.containsKey("401")).as("%s refuses without a token", where).isTrue();
            }
        }
        assertThat(operations).isGreaterThan(60);
    }

    @Test
    void itIsServedAsJsonAndCanBeCached() {
        ApiResponse response = new OpenApiDocument().response();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("content-type", "application/json")
                .containsEntry("cache-control", "public, max-age=300");
        assertThat(response.body()).startsWith("{").contains("\"openapi\": \"3.1.0\"");
    }

    private static SwaggerParseResult parse(boolean resolveFully) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(resolveFully);
        SwaggerParseResult result = new OpenAPIParser().readContents(JSON, List.of(), options);
        assertThat(result.getOpenAPI()).as("parsed; messages %s", result.getMessages()).isNotNull();
        return result;
    }
}
