package dev.pms.journeys.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.aws.dynamodb.AppTable;
import dev.pms.aws.dynamodb.DynamoPlanRepository;
import dev.pms.aws.dynamodb.DynamoUsageLedger;
import dev.pms.core.error.ValidationException;
import dev.pms.core.json.Json;
import dev.pms.core.pricing.Plan;
import dev.pms.core.pricing.PlanCatalog;
import dev.pms.core.usage.UsageService;
import dev.pms.devstack.admin.AdminRoute;
import dev.pms.devstack.gateway.GatewayRequest;
import dev.pms.devstack.gateway.GatewayResponse;
import dev.pms.emulators.LocalAws;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /_devstack/plans {"user", "tier"}}: sets the plan that pre-flight and reservations use
 * for a user — the operator action a billing system performs in AWS. Only the devstack exposes it.
 */
public final class PlansAdmin implements AdminRoute.Handler {
    /** Registered in META-INF/services: the devstack serves {@code /_devstack/plans} when this module is on the classpath. */
    public static final class Route implements AdminRoute {

        @Override
        public String path() {
            return "/_devstack/plans";
        }

        @Override
        public AdminRoute.Handler start(LocalAws localAws, String tableName) {
            return new PlansAdmin(localAws, tableName);
        }
    }

    private final DynamoDbClient dynamo;
    private final UsageService usage;

    public PlansAdmin(LocalAws aws, String tableName) {
        this.dynamo = DynamoDbClient.builder()
                .endpointOverride(aws.dynamoDbEndpoint())
                .region(Region.of(aws.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(aws.accessKeyId(), aws.secretAccessKey())))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        AppTable table = new AppTable(tableName);
        this.usage = new UsageService(PlanCatalog.load(), new DynamoPlanRepository(dynamo, table),
                new DynamoUsageLedger(dynamo, table), Clock.systemUTC());
    }

    public GatewayResponse handle(GatewayRequest request) {
        if (!request.method().equals("POST")) {
            return problem(405, "method-not-allowed", "use POST with {\"user\": \"<sub>\", \"tier\": \"free|basic|pro|enterprise\"}");
        }
        JsonNode body;
        try {
            body = Json.mapper().readTree(new String(request.body(), StandardCharsets.UTF_8));
        } catch (Exception e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            return problem(400, "validation-failed", "the body must be a JSON object {\"user\", \"tier\"}");
        }
        try {
            String user = body.path("user").asText(null);
            Plan plan = usage.setPlan(user, body.path("tier").asText(null));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("user", user);
            answer.put("plan", plan);
            return GatewayResponse.json(200, Json.mapper().writeValueAsString(answer));
        } catch (ValidationException e) {
            return problem(400, "validation-failed", e.getMessage());
        } catch (Exception e) {
            throw new IllegalStateException("setting the plan failed", e);
        }
    }

    private static GatewayResponse problem(int status, String kind, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:pms:problem:" + kind);
        problem.put("title", status == 405 ? "Method Not Allowed" : "Bad Request");
        problem.put("status", status);
        problem.put("detail", detail);
        try {
            return GatewayResponse.of(status, "application/problem+json",
                    Json.mapper().writeValueAsBytes(problem));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        dynamo.close();
    }
}
