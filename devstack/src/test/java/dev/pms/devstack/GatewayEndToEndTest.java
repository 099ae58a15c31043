package dev.pms.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pms.devstack.testing.DevstackExtension;
import dev.pms.devstack.testing.DevstackTemplate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.pms.devstack.auth.LocalJwtIssuer;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;

/** The whole devstack over HTTP, with devstack's own test template and echo function. */
@ExtendWith(DevstackExtension.class)
@DevstackTemplate("classpath:devstack-test-template.yaml")
class GatewayEndToEndTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder get(Devstack devstack, String path) {
        return HttpRequest.newBuilder(URI.create(devstack.apiBase() + path)).GET();
    }

    @Test
    void healthNeedsNoTokenAndProtectedRoutesAnswer401LikeAws(Devstack devstack) throws Exception {
        assertThat(devstack.apiBase().toString()).isEqualTo(devstack.baseUri() + "/api/product-marketing");
        assertThat(send(get(devstack, "/health")).statusCode()).isEqualTo(200);

        HttpResponse<String> noToken = send(get(devstack, "/campaigns/c1"));
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(noToken.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(noToken.headers().firstValue("content-type")).contains("application/json");

        HttpResponse<String> garbage = send(get(devstack, "/campaigns/c1").header("Authorization", "Bearer not.a.jwt"));
        assertThat(garbage.statusCode()).isEqualTo(401);

        HttpResponse<String> withToken = send(get(devstack, "/campaigns/c1")
                .header("Authorization", "Bearer " + devstack.tokenFor("alice")));
        assertThat(withToken.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(withToken.body());
        assertThat(body.get("sub").asText()).isEqualTo("alice");
        assertThat(body.get("routeKey").asText()).isEqualTo("GET /api/product-marketing/campaigns/{campaign_id}");
        assertThat(body.get("pathParameters").get("campaign_id").asText()).isEqualTo("c1");
        assertThat(withToken.headers().firstValue("apigw-requestid")).contains(body.get("requestId").asText());
        assertThat(body.get("awsRequestId").asText()).isEqualTo(body.get("requestId").asText());
    }

    @Test
    void headersOverApiGatewaysLimitAndUndecodableQueriesAreProblemJson(Devstack devstack) throws Exception {
        String hugeToken = devstack.jwtIssuer().tokenFor("a".repeat(64 * 1024));
        HttpResponse<String> oversized = send(get(devstack, "/campaigns/c1").header("Authorization", "Bearer " + hugeToken));
        assertThat(oversized.statusCode()).isEqualTo(431);
        assertThat(oversized.headers().firstValue("content-type")).contains("application/problem+json");
        assertThat(JSON.readTree(oversized.body()).get("detail").asText()).contains("10240 bytes");

        for (String query : List.of("a=%E0%A4", "a=%C3", "a=%FF")) {
            HttpResponse<String> malformed = send(get(devstack, "/campaigns/c1?" + query)
                    .header("Authorization", "Bearer " + devstack.tokenFor("alice")));
            assertThat(malformed.statusCode()).as(query).isEqualTo(400);
            assertThat(malformed.headers().firstValue("content-type")).contains("application/problem+json");
            assertThat(JSON.readTree(malformed.body()).get("detail").asText()).contains("percent-encoding");
        }
    }

    @Test
    void badTokensAreRefusedWith401(Devstack devstack) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet.Builder valid = new JWTClaimsSet.Builder()
                .issuer("https://devstack.pms.local").audience("pms-devstack").subject("mallory")
                .expirationTime(Date.from(now.plusSeconds(600)));
        List<String> refused = List.of(
                devstack.jwtIssuer().sign(valid.expirationTime(Date.from(now.minusSeconds(60))).build()),
                devstack.jwtIssuer().sign(valid.expirationTime(Date.from(now.plusSeconds(600)))
                        .audience("other").build()),
                devstack.jwtIssuer().sign(valid.audience("pms-devstack").issuer("https://other.example").build()),
                LocalJwtIssuer.inMemory().tokenFor("mallory"));
        for (String token : refused) {
            HttpResponse<String> response = send(get(devstack, "/campaigns/c1").header("Authorization", "Bearer " + token));
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        }
    }

    @Test
    void eachFunctionHasItsOwnEnvironmentAndLambdaContext(Devstack devstack) throws Exception {
        String token = "Bearer " + devstack.tokenFor("bob");
        JsonNode echo = JSON.readTree(send(get(devstack, "/campaigns/x").header("Authorization", token)).body());
        JsonNode other = JSON.readTree(send(get(devstack, "/other").header("Authorization", token)).body());
        assertThat(echo.get("greeting").asText()).isEqualTo("hello from echo");
        assertThat(other.get("greeting").asText()).isEqualTo("hello from other");
        assertThat(echo.get("application").asText()).isEqualTo("EchoFunction");
        assertThat(other.get("application").asText()).isEqualTo("OtherFunction");
        String table = devstack.resources().tableName("AppTable");
        assertThat(echo.get("table").asText()).isEqualTo(table);
        assertThat(other.get("TABLE_NAME").asText()).isEqualTo(table);
        assertThat(echo.get("function").asText()).isEqualTo("pms-local-EchoFunction");
        assertThat(echo.get("memory").asInt()).isEqualTo(512);
        assertThat(other.get("memory").asInt()).isEqualTo(1024);
        assertThat(echo.get("remainingMillis").asInt()).isBetween(1, 20_000);
    }

    @Test
    void functionPropertiesAreExactlyTheEnvironmentPlusTheLocalAws(Devstack devstack) {
        Map<String, String> properties = devstack.functions().get("EchoFunction").properties();
        String table = devstack.resources().tableName("AppTable");
        String bucket = devstack.resources().bucketName("MediaBucket");
        String queueUrl = devstack.resources().queueUrl("JobsQueue");
        String queueArn = devstack.resources().queueArn("JobsQueue");
        Map<String, String> expected = new HashMap<>();
        Map.of("TABLE_NAME", table, "BUCKET_NAME", bucket, "JOBS_QUEUE_URL", queueUrl, "STAGE", "test",
                "GREETING", "hello from echo", "JOBS_QUEUE_ARN", queueArn).forEach((name, value) -> {
                    expected.put(name, value);
                    expected.put(name.toLowerCase().replace('_', '.'), value);
                });
        expected.put("aws.region", "us-east-1");
        expected.put("aws.services.dynamodb.endpoint-override", devstack.localAws().dynamoDbEndpoint().toString());
        expected.put("aws.services.s3.endpoint-override", devstack.localAws().s3Endpoint().toString());
        expected.put("aws.services.sqs.endpoint-override", devstack.localAws().sqsEndpoint().toString());
        expected.put("aws.local-credentials.access-key-id", devstack.localAws().accessKeyId());
        expected.put("aws.local-credentials.secret-access-key", devstack.localAws().secretAccessKey());
        expected.put("aws.s3.path-style-access", "true");
        expected.put("aws.services.sfn.endpoint-override", devstack.endpoints().get("stepfunctions"));
        expected.put("micronaut.application.name", "EchoFunction");
        assertThat(properties.get("page.token.key")).hasSize(44)
                .isEqualTo(devstack.functions().get("OtherFunction").properties().get("page.token.key"));
        expected.put("page.token.key", properties.get("page.token.key"));
        expected.put("media.share.key", properties.get("media.share.key"));
        assertThat(properties).isEqualTo(expected);
    }

    @Test
    void gatewayErrorsHaveAwsShapes(Devstack devstack) throws Exception {
        String token = "Bearer " + devstack.tokenFor("carol");
        HttpResponse<String> notFound = send(get(devstack, "/nothing/here").header("Authorization", token));
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.body()).isEqualTo("{\"message\":\"Not Found\"}");

        HttpResponse<String> wrongMethod = send(HttpRequest.newBuilder(URI.create(devstack.apiBase() + "/other"))
                .DELETE().header("Authorization", token));
        assertThat(wrongMethod.statusCode()).isEqualTo(404);

        HttpResponse<String> boom = send(HttpRequest.newBuilder(URI.create(devstack.apiBase() + "/boom"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Authorization", token));
        assertThat(boom.statusCode()).isEqualTo(500);
        assertThat(boom.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");

        byte[] tooLarge = new byte[10 * 1024 * 1024 + 1];
        HttpResponse<String> large = send(HttpRequest.newBuilder(URI.create(devstack.apiBase() + "/campaigns/big"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(tooLarge))
                .header("Content-Type", "application/json").header("Authorization", token));
        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(large.body()).isEqualTo("{\"message\":\"Request Entity Too Large\"}");

        HttpResponse<String> noScope = send(get(devstack, "/admin").header("Authorization", token));
        assertThat(noScope.statusCode()).isEqualTo(403);
        assertThat(noScope.body()).isEqualTo("{\"message\":\"Forbidden\"}");
        HttpResponse<String> withScope = send(get(devstack, "/admin").header("Authorization",
                "Bearer " + devstack.jwtIssuer().tokenFor("carol", Map.of("scope", "read admin"))));
        assertThat(withScope.statusCode()).isEqualTo(200);
    }

    @Test
    void mapsBinaryBodiesHeadersAndCookiesBack(Devstack devstack) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(devstack.apiBase() + "/echo/files/binary"))
                .header("Authorization", "Bearer " + devstack.tokenFor("dave")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).containsExactly(0, 1, 2, 255);
        assertThat(response.headers().firstValue("content-type")).contains("application/octet-stream");
        assertThat(response.headers().firstValue("x-single")).contains("one");
        assertThat(response.headers().allValues("x-multi")).containsExactly("a", "b");
        assertThat(response.headers().allValues("set-cookie")).containsExactly("session=abc; HttpOnly", "theme=dark");
    }

    @Test
    void answersCorsPreflightFromTheTemplate(Devstack devstack) throws Exception {
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(devstack.apiBase() + "/campaigns/c1"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type"));
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("access-control-allow-origin")).contains("http://localhost:5173");
        assertThat(preflight.headers().firstValue("access-control-allow-methods")).contains("GET,POST,PATCH,DELETE");
        assertThat(preflight.headers().firstValue("access-control-max-age")).contains("600");

        HttpResponse<String> foreign = send(HttpRequest.newBuilder(URI.create(devstack.apiBase() + "/campaigns/c1"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "POST"));
        assertThat(foreign.headers().firstValue("access-control-allow-origin")).isEmpty();

        HttpResponse<String> actual = send(get(devstack, "/health").header("Origin", "http://localhost:5173"));
        assertThat(actual.headers().firstValue("access-control-allow-origin")).contains("http://localhost:5173");
        assertThat(actual.headers().firstValue("access-control-expose-headers")).contains("apigw-requestid");
    }

    @Test
    void devstackRoutesDescribeTheLocalAws(Devstack devstack) throws Exception {
        HttpResponse<String> endpoints = send(HttpRequest.newBuilder(devstack.baseUri().resolve("/_devstack/endpoints")));
        assertThat(endpoints.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(endpoints.body());
        assertThat(body.get("gateway").asText()).isEqualTo(devstack.baseUri().toString());
        assertThat(body.get("dynamodb").asText()).isEqualTo(devstack.localAws().dynamoDbEndpoint().toString());
        assertThat(body.get("s3").asText()).isEqualTo(devstack.localAws().s3Endpoint().toString());
        assertThat(body.get("sqs").asText()).isEqualTo(devstack.localAws().sqsEndpoint().toString());
        assertThat(body.get("region").asText()).isEqualTo("us-east-1");
        assertThat(body.get("table").asText()).isEqualTo(devstack.resources().tableName("AppTable"));
        assertThat(body.get("bucket").asText()).isEqualTo(devstack.resources().bucketName("MediaBucket"));
        assertThat(body.get("queues").get("JobsQueue").asText()).isEqualTo(devstack.resources().queueUrl("JobsQueue"));
        assertThat(body.get("stepfunctions").asText()).startsWith("http://127.0.0.1:");
        try (DynamoDbClient dynamoDb = devstack.localAws().dynamoDbClient()) {
            assertThat(dynamoDb.listTables().tableNames()).contains(body.get("table").asText());
        }

        HttpResponse<String> jwks = send(HttpRequest.newBuilder(devstack.baseUri().resolve("/_devstack/jwks.json")));
        assertThat(JSON.readTree(jwks.body()).get("keys").get(0).get("kty").asText()).isEqualTo("RSA");
        assertThat(jwks.body()).doesNotContain("\"d\"");

        HttpResponse<String> schedule = send(HttpRequest.newBuilder(
                devstack.baseUri().resolve("/_devstack/schedules/optimizer/run")).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(schedule.statusCode()).isEqualTo(404);
        assertThat(schedule.headers().firstValue("content-type")).contains("application/problem+json");
        assertThat(JSON.readTree(schedule.body()).get("detail").asText()).contains("No schedule 'optimizer'");
        assertThat(send(HttpRequest.newBuilder(devstack.baseUri().resolve("/_devstack/unknown"))).statusCode())
                .isEqualTo(404);
    }

    @Test
    void concurrentRequestsShareOneWarmHandler(Devstack devstack) throws Exception {
        String token = "Bearer " + devstack.tokenFor("erin");
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            responses.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(devstack.apiBase() + "/campaigns/c" + i))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"n\":" + i + "}"))
                            .header("Content-Type", "application/json")
                            .header("Authorization", token).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        Set<String> campaignIds = new HashSet<>();
        for (CompletableFuture<HttpResponse<String>> future : responses) {
            HttpResponse<String> response = future.join();
            assertThat(response.statusCode()).isEqualTo(201);
            campaignIds.add(JSON.readTree(response.body()).get("pathParameters").get("campaign_id").asText());
        }
        assertThat(campaignIds).hasSize(20);
        assertThat(devstack.functions().get("EchoFunction").isWarm()).isTrue();
    }
}
