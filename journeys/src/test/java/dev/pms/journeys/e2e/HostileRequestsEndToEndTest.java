package dev.pms.journeys.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.json.Json;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.DevstackOptions;
import dev.pms.devstack.gateway.HttpApiRoute;
import dev.pms.devstack.testing.RawHttp;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
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
 * A second property sends malformed request heads over a raw socket (what an HTTP client would not send: bad
 * percent-escapes in the path or query, NULs and control characters in the request line, invalid method tokens, a
 * missing or malformed HTTP version, heads over API Gateway's 10,240-byte quota, broken header lines and framing):
 * each is problem+json with the gateway's status for it, never HTML or a Java exception's name, and stores nothing.
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

    /** How a request head is malformed, and the status API Gateway (and so the devstack) answers it with. */
    enum HeadKind {
        BAD_QUERY_ESCAPE(400), BAD_PATH_ESCAPE(400), NUL_IN_REQUEST_LINE(400), CONTROL_IN_TARGET(400),
        NON_ASCII_IN_TARGET(400), INVALID_METHOD(400), MISSING_VERSION(400), MALFORMED_VERSION(400),
        UNSUPPORTED_VERSION(505), URI_OVER_QUOTA(414), HEADERS_OVER_QUOTA(431), HEAD_OVER_CAP(431),
        BAD_HEADER_LINE(400), BAD_CONTENT_LENGTH(400), UNKNOWN_TRANSFER_CODING(501), BAD_CHUNK(400);

        final int status;

        HeadKind(int status) {
            this.status = status;
        }
    }

    record MalformedHead(HttpApiRoute route, HeadKind kind, String variant, int position) {
    }

    @Property(tries = 160, seed = "167", edgeCases = EdgeCasesMode.NONE) // about ten of each kind
    void malformedRequestHeadsAreProblemJsonAndStoreNothing(@ForAll("malformedHeads") MalformedHead malformed)
            throws Exception {
        Map<String, String> before = partition(OWNER);
        String path = concretePath(new HostileRequest(malformed.route(), true, BodyKind.TRAILING_CONTENT, "", "", null));
        String request = malformedRequest(malformed, path);

        long started = System.nanoTime();
        RawHttp.Reply reply = RawHttp.exchange(devstack.baseUri(), request);
        long millis = (System.nanoTime() - started) / 1_000_000;
        REQUESTS.incrementAndGet();
        if (reply.status() >= 500 && reply.status() != 501 && reply.status() != 505) {
            SERVER_ERRORS.incrementAndGet();
        }
        REFUSAL_MILLIS_BY_KIND.computeIfAbsent("HEAD_" + malformed.kind().name(), kind -> new ArrayList<>()).add(millis);

        String shown = request.length() > 200 ? request.substring(0, 200) + "…" : request;
        assertThat(reply.status()).as("%s: %s", malformed.kind(), shown).isEqualTo(malformed.kind().status);
        assertThat(reply.header("content-type")).as(shown).isEqualTo("application/problem+json");
        assertThat(reply.text()).as(shown).doesNotContain("<", "java.", "Exception");
        JsonNode problem = Json.mapper().readTree(reply.body());
        assertThat(problem.path("status").asInt()).isEqualTo(reply.status());
        assertThat(problem.path("detail").asText()).as(shown).isNotBlank();
        if (malformed.kind() != HeadKind.URI_OVER_QUOTA && malformed.kind() != HeadKind.HEADERS_OVER_QUOTA) {
            // refused before the head could be trusted: the connection ends (a quota refusal may keep it)
            assertThat(reply.header("connection")).as(shown).isEqualTo("close");
        }
        assertThat(partition(OWNER)).as("%s stored state although refused", shown).isEqualTo(before);
    }

    private static String malformedRequest(MalformedHead malformed, String path) {
        String method = malformed.route().method().equals(HttpApiRoute.ANY) ? "POST" : malformed.route().method();
        String target = path;
        String version = "HTTP/1.1";
        String body = "{\"campaign_name\":\"Malformed head\",\"goal\":\"awareness\",\"channels\":[\"email\"]}";
        List<String> headers = new ArrayList<>(List.of("Host: 127.0.0.1:" + devstack.baseUri().getPort(),
                "Origin: http://localhost:5173", "Authorization: Bearer " + devstack.tokenFor(OWNER),
                "Content-Type: application/json"));
        String framing = "Content-Length: " + body.length();
        String variant = malformed.variant();
        int slash = nthSlash(path, malformed.position());
        switch (malformed.kind()) {
            case BAD_QUERY_ESCAPE -> target = path + "?limit=2&a=" + variant;
            case BAD_PATH_ESCAPE -> target = path.substring(0, slash + 1) + variant + path.substring(slash + 1);
            case NUL_IN_REQUEST_LINE -> {
                switch (malformed.position() % 3) {
                    case 0 -> method = method + "\0";
                    case 1 -> target = path.substring(0, slash + 1) + "\0" + path.substring(slash + 1);
                    default -> version = version + "\0";
                }
            }
            case CONTROL_IN_TARGET -> target = path.substring(0, slash + 1) + variant.charAt(0) + path.substring(slash + 1);
            case NON_ASCII_IN_TARGET -> target = path + "?q=caf" + variant;
            case INVALID_METHOD -> method = method.substring(0, 1) + variant + method.substring(1);
            case MISSING_VERSION -> version = null;
            case MALFORMED_VERSION -> version = variant;
            case UNSUPPORTED_VERSION -> version = "HTTP/" + (malformed.position() % 2 == 0 ? "2.0" : "0.9");
            case URI_OVER_QUOTA -> target = path + "?q=" + "u".repeat(10_300 + malformed.position() * 1000);
            case HEADERS_OVER_QUOTA -> headers.add("X-Padding: " + "h".repeat(10_300 + malformed.position() * 1000));
            case HEAD_OVER_CAP -> headers.add("X-Padding: " + "h".repeat(66_000 + malformed.position() * 1000));
            case BAD_HEADER_LINE -> headers.add(malformed.position() % 2 == 0 ? variant : "X-Folded: a\r\n " + variant);
            case BAD_CONTENT_LENGTH -> framing = "Content-Length: " + variant;
            case UNKNOWN_TRANSFER_CODING -> framing = "Transfer-Encoding: " + variant;
            case BAD_CHUNK -> {
                framing = "Transfer-Encoding: chunked";
                body = variant + "\r\n" + body + "\r\n0\r\n\r\n";
            }
        }
        StringBuilder request = new StringBuilder(method).append(' ').append(target);
        if (version != null) {
            request.append(' ').append(version);
        }
        request.append("\r\n");
        headers.add(framing);
        headers.forEach(header -> request.append(header).append("\r\n"));
        return request.append("\r\n").append(body).toString();
    }

    /** The index of the {@code n}-th slash of the path (counted from the second, so the API prefix stays whole). */
    private static int nthSlash(String path, int n) {
        List<Integer> slashes = new ArrayList<>();
        for (int i = 1; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                slashes.add(i);
            }
        }
        return slashes.isEmpty() ? 0 : slashes.get(n % slashes.size());
    }

    @Provide
    Arbitrary<MalformedHead> malformedHeads() {
        Arbitrary<HttpApiRoute> route = Arbitraries.of(routes);
        Arbitrary<HeadKind> kind = Arbitraries.of(HeadKind.class);
        Arbitrary<Integer> position = Arbitraries.integers().between(0, 11);
        return Combinators.combine(route, kind, position, Arbitraries.integers().between(0, 1000))
                .as((r, k, p, pick) -> new MalformedHead(r, k, variant(k, pick), p));
    }

    private static String variant(HeadKind kind, int pick) {
        List<String> variants = switch (kind) {
            case BAD_QUERY_ESCAPE -> List.of("%zz", "%", "%4", "%G0", "%%", "x%2", "%-1", "%u00e9");
            case BAD_PATH_ESCAPE -> List.of("%zz", "%/", "%4/", "%G0", "%%", "x%2/", "%u00e9"); // whatever follows
            case CONTROL_IN_TARGET -> List.of("\u0001", "\u0007", "\t", "\u001b", "\u007f", "\u000b");
            case NON_ASCII_IN_TARGET -> List.of("\u00e9", "\u00ff", "\u0080", "\u00c3\u00a9");
            case INVALID_METHOD -> List.of("@", "(", ")", ",", "/", ":", ";", "<", "=", ">", "?", "[", "]", "{", "}",
                    "\"", "\\", "\u00e9", "\u0001");
            case MALFORMED_VERSION -> List.of("HTTP/1", "HTTP/1.1.1", "http/1.1", "HTTP/one", "HTTPS/1.1", "HTTP/1.x",
                    "HTTP/11", "HTTP 1.1", "HTTP/1.1 extra");
            case BAD_HEADER_LINE -> List.of("no colon here", "X Space: 1", "X-Tab\t: 1", "(x): 1", ": no name",
                    "X\u0000: y", "X-Nul: a\u0000b", "X-Bell: \u0007");
            case BAD_CONTENT_LENGTH -> List.of("abc", "-5", "1e3", "0x10", "12, 13", "", "+7", "99999999999999999999");
            case UNKNOWN_TRANSFER_CODING -> List.of("gzip", "gzip, chunked", "identity", "chunked, gzip", "x-custom");
            case BAD_CHUNK -> List.of("zz", "-1", "", "0x1", "1 2", "ffffffffffffffffff");
            default -> List.of("");
        };
        return variants.get(pick % variants.size());
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
