package dev.pms.providers.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pms.core.inventory.MediaFetcher;
import dev.pms.core.inventory.StoreCatalog;
import dev.pms.providers.http.LoopbackServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Against a local stub of the Admin GraphQL protocol: pages through products by cursor, waits for the cost
 * bucket from the documented cost extension before a page it cannot afford and after a Throttled answer, maps refusals
 * without leaking the token; media URLs are fetched from allowed public hosts only.
 */
class ShopifyCatalogTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "shpat_secret_token_123";

    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<Duration> waits = new ArrayList<>();
    private final AtomicInteger throttleFirst = new AtomicInteger();
    private volatile double available = 1000;
    private LoopbackServer store;

    @BeforeEach
    void start() {
        store = new LoopbackServer("/", exchange -> {
            if (!TOKEN.equals(LoopbackServer.header(exchange.getRequestHeaders(), "X-Shopify-Access-Token"))) {
                LoopbackServer.respond(exchange, 401, "application/json", Map.of(),
                        "{\"errors\":\"[API] Invalid API key or access token\"}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            requests.add(body);
            int first = body.path("variables").path("first").asInt();
            double requested = 2 + first * 11;
            ObjectNode answer = JSON.createObjectNode();
            if (throttleFirst.getAndDecrement() > 0) {
                answer.putArray("errors").addObject().put("message", "Throttled").putObject("extensions")
                        .put("code", "THROTTLED");
                cost(answer, requested, null, 10);
            } else {
                int start = body.path("variables").path("after").isNull() ? 0
                        : Integer.parseInt(new String(Base64.getDecoder().decode(body.path("variables").path("after").asText())));
                ObjectNode products = answer.putObject("data").putObject("products");
                ArrayNode nodes = products.putArray("nodes");
                int end = Math.min(7, start + first);
                for (int i = start; i < end; i++) {
                    ObjectNode product = nodes.addObject().put("id", "gid://shopify/Product/" + (100 + i))
                            .put("handle", "bottle-" + i).put("title", "Bottle " + i)
                            .put("description", "Keeps drinks cold for 24 hours.");
                    ArrayNode media = product.putObject("media").putArray("nodes");
                    media.addObject().put("mediaContentType", "IMAGE").put("id", "gid://shopify/MediaImage/" + i)
                            .putObject("image").put("url", "https://cdn.shopify.com/s/files/1/" + i + ".jpg")
                            .put("altText", "bottle " + i);
                    media.addObject().put("mediaContentType", "VIDEO");
                }
                products.putObject("pageInfo").put("hasNextPage", end < 7).put("endCursor",
                        Base64.getEncoder().encodeToString(String.valueOf(end).getBytes(StandardCharsets.UTF_8)));
                cost(answer, requested, 2.0 + (end - start) * 2, available);
            }
            LoopbackServer.respond(exchange, 200, "application/json", Map.of(), JSON.writeValueAsBytes(answer));
        });
    }

    private static void cost(ObjectNode answer, double requested, Double actual, double available) {
        ObjectNode cost = answer.putObject("extensions").putObject("cost");
        cost.put("requestedQueryCost", requested);
        if (actual == null) {
            cost.putNull("actualQueryCost");
        } else {
            cost.put("actualQueryCost", actual);
        }
        cost.putObject("throttleStatus").put("maximumAvailable", 1000.0).put("currentlyAvailable", available)
                .put("restoreRate", 50.0);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private ShopifyCatalog catalog(String token) {
        return new ShopifyCatalog(ShopifyConfig.of(URI.create(store.root()), shop -> token).withPageSize(3)
                .withSleeper(waits::add));
    }

    @Test
    void pagesThroughEveryProductByCursorWithItsImages() {
        List<StoreCatalog.Product> products = catalog(TOKEN).products("acme.myshopify.com", 100);
        assertThat(products).hasSize(7);
        assertThat(requests).hasSize(3);
        assertThat(requests.get(0).path("variables").path("after").isNull()).isTrue();
        assertThat(requests.get(1).path("variables").path("after").asText()).isNotBlank();
        assertThat(requests.get(0).path("query").asText()).contains("products(first: $first, after: $after",
                "pageInfo { hasNextPage endCursor }", "... on MediaImage");
        assertThat(products.get(0).media()).hasSize(1);
        assertThat(products.get(0).media().get(0).url()).isEqualTo("https://cdn.shopify.com/s/files/1/0.jpg");
        assertThat(products.get(6).title()).isEqualTo("Bottle 6");
        assertThat(waits).isEmpty();
        assertThat(catalog(TOKEN).products("acme.myshopify.com", 4)).hasSize(4);
    }

    @Test
    void waitsForTheBucketBeforeAPageItCannotAffordAndAfterAThrottledAnswer() {
        available = 5;
        throttleFirst.set(1);
        ShopifyCatalog catalog = catalog(TOKEN);
        assertThat(catalog.products("acme.myshopify.com", 7)).hasSize(7);
        assertThat(catalog.throttledCalls()).isEqualTo(1);
        assertThat(catalog.calls()).isEqualTo(4);
        // (35 requested - 10 available) / 50 per second after the throttled answer; (35 - 5) / 50 before later pages
        assertThat(waits).contains(Duration.ofMillis(500), Duration.ofMillis(600));
    }

    @Test
    void refusalsNameTheProblemWithoutTheToken() {
        assertThatThrownBy(() -> catalog("wrong-token").products("acme.myshopify.com", 5))
                .isInstanceOf(StoreCatalog.StoreAccessException.class).hasMessageContaining("refused the Admin API");
        assertThatThrownBy(() -> catalog(TOKEN).products("evil.example.com", 5))
                .hasMessageContaining("not a myshopify.com store domain");
        assertThatThrownBy(() -> catalog(null).products("acme.myshopify.com", 5))
                .hasMessageContaining("no Admin API access token");
        throttleFirst.set(100);
        assertThatThrownBy(() -> catalog(TOKEN).products("acme.myshopify.com", 5))
                .hasMessageContaining("kept answering Throttled").hasMessageNotContaining(TOKEN);
    }

    @Test
    void mediaComesOnlyFromTheStoreCdnOrAllowedHostsAndNeverFromInternalAddresses() throws Exception {
        MediaUrlPolicy.Resolver resolver = host -> switch (host) {
            case "cdn.shopify.com" -> new InetAddress[] {InetAddress.getByName("23.227.38.32")};
            case "images.partner.example" -> new InetAddress[] {InetAddress.getByName("10.0.0.5")};
            default -> new InetAddress[] {InetAddress.getByName("127.0.0.1")};
        };
        MediaUrlPolicy policy = new MediaUrlPolicy(List.of("cdn.shopify.com", "images.partner.example"), false,
                resolver);
        assertThat(policy.check("https://cdn.shopify.com/s/files/1/a.jpg").getHost()).isEqualTo("cdn.shopify.com");
        assertThatThrownBy(() -> policy.check("http://cdn.shopify.com/a.jpg")).hasMessageContaining("not HTTPS");
        assertThatThrownBy(() -> policy.check("https://169.254.169.254/latest/meta-data/"))
                .hasMessageContaining("neither the store's CDN");
        assertThatThrownBy(() -> policy.check("https://images.partner.example/a.jpg"))
                .hasMessageContaining("internal address 10.0.0.5");
        assertThatThrownBy(() -> policy.check("https://user@cdn.shopify.com/a.jpg")).hasMessageContaining("plain host");
        assertThat(MediaUrlPolicy.internal(InetAddress.getByName("169.254.169.254"))).isTrue();
        assertThat(MediaUrlPolicy.internal(InetAddress.getByName("192.168.1.1"))).isTrue();
        assertThat(MediaUrlPolicy.internal(InetAddress.getByName("100.64.0.1"))).isTrue();
        assertThat(MediaUrlPolicy.internal(InetAddress.getByName("fd00::1"))).isTrue();
        assertThat(MediaUrlPolicy.internal(InetAddress.getByName("23.227.38.32"))).isFalse();

        StoreMediaFetcher strict = new StoreMediaFetcher(MediaUrlPolicy.of(List.of("127.0.0.1"), false));
        assertThatThrownBy(() -> strict.fetch(store.root() + "/x.jpg", 1000))
                .isInstanceOf(MediaFetcher.FetchRefusedException.class).hasMessageContaining("internal address");
    }
}
