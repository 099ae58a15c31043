package dev.pms.devstack.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.json.Json;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.DevstackOptions;
import dev.pms.devstack.gateway.HttpApiRoute;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: every route of the template, sent hostile bodies, queries and path ids (by its owner on a real campaign or
 * by a user with nothing stored), answers without a 5xx, every refusal is problem+json with a detail (or API Gateway's
 * own {"message"} for its 401/403/404/413), and a refused request leaves the caller's DynamoDB partition as it was.
 */
class HostileRequestsEndToEndTest {
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([a-z_]+)\\+?}");
    private static final Set<Integer> GATEWAY_MESSAGE_STATUSES = Set.of(401, 403, 404, 413);
    private static final String OWNER = "hostile-owner-" + UUID.randomUUID();

    private static Devstack devstack;
    private static DynamoDbClient dynamo;
    private static String table;
    private static List<HttpApiRoute> routes;
    private static String campaignId;
    private static String assetId;
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static final AtomicInteger SERVER_ERRORS = new AtomicInteger();
    private static final Map<String, List<Long>> REFUSAL_MILLIS_BY_KIND = new ConcurrentHashMap<>();

    /** What makes a request hostile; {@code refusedAtTheEdge} kinds are refused by the one body parser. */
    enum BodyKind {
        TRAILING_CONTENT(true), UNPAIRED_SURROGATE(true), CONTROL_CHARACTER(true), NOT_JSON(true), NOT_AN_OBJECT(true),
        DEEP_NESTING(true), WRONG_TYPES(false), OVERSIZED_STRINGS(false);

        final boolean refusedAtTheEdge;

        BodyKind(boolean refusedAtTheEdge) {
            this.refusedAtTheEdge = refusedAtTheEdge;
        }
    }

    record HostileRequest(HttpApiRoute route, boolean asOwner, BodyKind bodyKind, String body, String query,
                          String hostileId) {
    }

    @BeforeContainer
    static void start() throws Exception {
        devstack = Devstack.start(DevstackOptions.defaults().withPort(0)
                .withSigningKeyDirectory(Files.createTempDirectory("pms-hostile-key")));
        dynamo = devstack.localAws().dynamoDbClient();
        table = devstack.resources().tableName("AppTable");
        routes = devstack.routes().stream().filter(route -> !route.isDefaultRoute()).toList();
        ApiClient owner = new ApiClient(devstack.apiBase(), devstack.tokenFor(OWNER));
        JsonNode campaign = owner.post("/campaigns/create-blueprint", "{\"campaign_name\":\"Hostile launch\","
                + "\"goal\":\"awareness\",\"channels\":[\"instagram\",\"email\"]}").json();
        campaignId = campaign.get("campaign_id").asText();
        owner.post("/campaigns/" + campaignId + "/generate-proposals", "{}");
        assetId = campaign.get("asset_nodes").get(0).get("asset_id").asText();
    }

    @AfterContainer
    static void stop() {
        Map<String, String> medians = new TreeMap<>();
        REFUSAL_MILLIS_BY_KIND.forEach((kind, millis) -> {
            List<Long> sorted = millis.stream().sorted().toList();
            medians.put(kind, sorted.get(sorted.size() / 2) + " ms (n=" + sorted.size() + ")");
        });
        System.out.println("hostile requests: " + REQUESTS.get() + ", 5xx: " + SERVER_ERRORS.get()
                + ", median time to refuse by kind: " + medians);
        if (dynamo != null) {
            dynamo.close();
        }
        if (devstack != null) {
            devstack.close();
        }
    }

    @Property(tries = 300, seed = "16")
    void noRouteAnswersAHostileRequestWithA5xxOrStoresWhatItRefused(@ForAll("hostileRequests") HostileRequest hostile) {
        String user = hostile.asOwner() ? OWNER : "hostile-stranger-" + UUID.randomUUID();
        Map<String, String> before = partition(user);
        ApiClient client = new ApiClient(devstack.baseUri(), devstack.tokenFor(user));
        String path = concretePath(hostile) + (hostile.query().isEmpty() ? "" : "?" + hostile.query());

        long started = System.nanoTime();
        ApiClient.Reply reply = client.send(hostile.route().method(), path, hostile.body(), "application/json");
        long millis = (System.nanoTime() - started) / 1_000_000;
        REQUESTS.incrementAndGet();

        if (reply.status() >= 500) {
            SERVER_ERRORS.incrementAndGet();
        }
        assertThat(reply.status()).as("%s %s with %s body %s", hostile.route().method(), path, hostile.bodyKind(),
                hostile.body().length() > 200 ? hostile.body().substring(0, 200) + "…" : hostile.body()).isLessThan(500);
        if (reply.status() >= 400) {
            REFUSAL_MILLIS_BY_KIND.computeIfAbsent(hostile.bodyKind().name(), kind -> new ArrayList<>()).add(millis);
            assertRefusalShape(reply);
            assertThat(partition(user)).as("%s %s stored state although refused", hostile.route().method(), path)
                    .isEqualTo(before);
        }
    }

    private static void assertRefusalShape(ApiClient.Reply reply) {
        JsonNode body = reply.json();
        if (reply.contentType().startsWith("application/problem+json")) {
            assertThat(body.path("detail").asText()).isNotBlank().doesNotContain("Exception");
            assertThat(body.path("status").asInt()).isEqualTo(reply.status());
        } else {
            assertThat(GATEWAY_MESSAGE_STATUSES).contains(reply.status());
            assertThat(body.path("message").asText()).isNotBlank();
        }
    }

    private static String concretePath(HostileRequest hostile) {
        Matcher parameters = PATH_PARAMETER.matcher(hostile.route().path());
        StringBuilder path = new StringBuilder();
        while (parameters.find()) {
            String value;
            if (!hostile.asOwner() || hostile.hostileId() != null && parameters.group(1).equals("asset_id")) {
                value = hostile.hostileId() == null ? UUID.randomUUID().toString() : hostile.hostileId();
            } else {
                value = switch (parameters.group(1)) {
                    case "campaign_id" -> campaignId;
                    case "asset_id" -> assetId;
                    default -> hostile.hostileId() == null ? "x" : hostile.hostileId();
                };
            }
            parameters.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        parameters.appendTail(path);
        return path.toString();
    }

    /** Every item of the user's partition, as key → attributes. */
    private static Map<String, String> partition(String user) {
        Map<String, String> items = new TreeMap<>();
        Map<String, AttributeValue> startKey = null;
        do {
            Map<String, AttributeValue> from = startKey;
            QueryResponse response = dynamo.query(query -> {
                query.tableName(table).keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("USER#" + user)))
                        .consistentRead(true);
                if (from != null) {
                    query.exclusiveStartKey(from);
                }
            });
            response.items().forEach(item -> items.put(item.get("sk").s(), new TreeMap<>(item).toString()));
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (startKey != null);
        return items;
    }

    @Provide
    Arbitrary<HostileRequest> hostileRequests() {
        Arbitrary<HttpApiRoute> route = Arbitraries.of(routes);
        Arbitrary<BodyKind> kind = Arbitraries.of(BodyKind.class);
        Arbitrary<String> field = Arbitraries.of("campaign_name", "goal", "channels", "kpi", "product_context", "tier",
                "action", "version", "filename", "mime_type", "bytes", "image_base64", "target_channel", "rows",
                "comment", "autopilot", "asset_proposal", "timezone", "proposed_prompt", "launch_date", "user_input",
                "product_name", "website_analysis", "forbidden_phrases");
        Arbitrary<String> query = Arbitraries.of("", "limit=-1", "limit=0", "limit=201", "limit=abc", "limit=1e9",
                "limit=%00", "limit=%E0%A4", "next_token=" + forgedToken(), "next_token=x.y",
                "next_token=" + "A".repeat(5000), "next_token=%ED%A0%80", "status=%00", "status=nope",
                "campaign_id=..%2F..&asset_type=%ED%A0%80", "channel=instagram%0A", "a=%C3", "a&b=&=c",
                "limit=2&next_token=" + forgedToken());
        Arbitrary<String> hostileId = Arbitraries.of(null, "..%2F..", "%00", "a".repeat(1000), "%ED%A0%80",
                "CAMPAIGN%23x", UUID.randomUUID().toString());
        return Combinators.combine(route, Arbitraries.of(true, false), kind, field, Arbitraries.strings()
                        .withCharRange('\u0000', '\uFFFF').ofMaxLength(40), query, hostileId)
                .as((r, asOwner, k, f, noise, q, id) -> {
                    boolean owner = asOwner && !r.method().equals("DELETE");
                    BodyKind bodyKind = owner && !k.refusedAtTheEdge ? BodyKind.TRAILING_CONTENT : k;
                    return new HostileRequest(r, owner, bodyKind, body(bodyKind, f, noise), q, id);
                });
    }

    private static String body(BodyKind kind, String field, String noise) {
        String text = Json.write(noise);
        return switch (kind) {
            case TRAILING_CONTENT -> "{\"" + field + "\":" + text + "} " + (noise.isEmpty() ? "{}" : "xyz");
            case UNPAIRED_SURROGATE -> "{\"" + field + "\":\"launch \\ud800\",\"kpi\":" + text + "}";
            case CONTROL_CHARACTER -> "{\"" + field + "\":\"\\u0000" + "\",\"other\":" + text + "}";
            case NOT_JSON -> "{\"" + field + "\":" + text.substring(0, Math.max(1, text.length() / 2));
            case NOT_AN_OBJECT -> "[" + text + "]";
            case DEEP_NESTING -> "{\"" + field + "\":" + "[".repeat(3000) + "]".repeat(3000) + "}";
            case WRONG_TYPES -> "{\"" + field + "\":{\"a\":[null,1e400,-99999999999999999999999,true]},\"version\":1e999}";
            case OVERSIZED_STRINGS -> "{\"" + field + "\":\"" + "z".repeat(300_000) + "\"}";
        };
    }

    private static String forgedToken() {
        return URLEncoder.encode(Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"sk\":\"CAMPAIGN#x\"}".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }
}
