package dev.pms.providers.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pms.core.inventory.StoreCatalog;
import dev.pms.providers.http.Redactor;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A store's products through Shopify's Admin GraphQL API: {@code products(first, after)} page by page (cursor
 * pagination on {@code pageInfo.endCursor}), each with its plain-text description and its images
 * ({@code MediaImage.image.url}). Rate-limit aware from the documented cost extension: after each page the bucket's
 * {@code currentlyAvailable} points are compared with what the next page will request and, when short, the client
 * waits {@code (requested − available) / restoreRate} seconds first; a {@code THROTTLED} answer (HTTP 200 or 429)
 * waits the same way and asks again. The access token travels in {@code X-Shopify-Access-Token} and never appears
 * in a failure reason.
 */
public final class ShopifyCatalog implements StoreCatalog {
    static final String QUERY = """
            query Products($first: Int!, $after: String, $media: Int!) {
              products(first: $first, after: $after, sortKey: ID) {
                pageInfo { hasNextPage endCursor }
                nodes {
                  id
                  handle
                  title
                  description
                  media(first: $media) {
                    nodes {
                      mediaContentType
                      ... on MediaImage { id image { url altText width height } }
                    }
                  }
                }
              }
            }""";
    private static final Pattern SHOP = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}\\.myshopify\\.com");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ShopifyConfig config;
    private final HttpClient http;
    private int calls;
    private int throttled;

    public ShopifyCatalog(ShopifyConfig config) {
        this(config, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    ShopifyCatalog(ShopifyConfig config, HttpClient http) {
        this.config = config;
        this.http = http;
    }

    /** GraphQL calls made and how many of them were throttled, for tests and the benchmark. */
    public synchronized int calls() {
        return calls;
    }

    public synchronized int throttledCalls() {
        return throttled;
    }

    @Override
    public List<Product> products(String shopDomain, int maxProducts) {
        String shop = shopDomain == null ? "" : shopDomain.strip().toLowerCase(Locale.ROOT);
        if (!SHOP.matcher(shop).matches()) {
            throw new StoreAccessException("'" + shopDomain + "' is not a myshopify.com store domain");
        }
        String token;
        try {
            token = config.tokenForShop().apply(shop);
        } catch (RuntimeException e) {
            throw new StoreAccessException("no Admin API access token is configured for " + shop);
        }
        if (token == null || token.isBlank()) {
            throw new StoreAccessException("no Admin API access token is configured for " + shop);
        }
        Redactor redactor = new Redactor(token);
        List<Product> products = new ArrayList<>();
        String after = null;
        Bucket bucket = null;
        while (products.size() < maxProducts) {
            int first = Math.min(config.pageSize(), maxProducts - products.size());
            JsonNode page = page(shop, token, redactor, first, after, bucket);
            bucket = Bucket.of(page);
            JsonNode connection = page.path("data").path("products");
            for (JsonNode node : connection.path("nodes")) {
                products.add(product(node));
            }
            JsonNode info = connection.path("pageInfo");
            if (!info.path("hasNextPage").asBoolean(false) || info.path("endCursor").isNull()) {
                break;
            }
            after = info.path("endCursor").asText();
        }
        return products.size() > maxProducts ? products.subList(0, maxProducts) : products;
    }

    /** One page, after waiting for the bucket when the last answer left too few points, retrying throttled calls. */
    private JsonNode page(String shop, String token, Redactor redactor, int first, String after, Bucket last) {
        Bucket bucket = last;
        for (int attempt = 0; ; attempt++) {
            if (bucket != null) {
                waitFor(bucket.waitFor(bucket.requested()));
            }
            HttpResponse<String> response = call(shop, token, redactor, first, after);
            JsonNode body = parse(response.body());
            if (isThrottled(response.statusCode(), body)) {
                synchronized (this) {
                    throttled++;
                }
                if (attempt >= config.maxThrottledRetries()) {
                    throw new StoreAccessException("the store kept answering Throttled after "
                            + (attempt + 1) + " tries; import it again later");
                }
                Bucket reported = body == null ? null : Bucket.of(body);
                bucket = reported != null ? reported : Bucket.unknown();
                if (reported == null) {
                    waitFor(Duration.ofSeconds(1L << Math.min(attempt, 4)));
                }
                continue;
            }
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                throw new StoreAccessException("the store refused the Admin API access token (HTTP "
                        + response.statusCode() + "); check the app's token and its read_products scope");
            }
            if (response.statusCode() == 404) {
                throw new StoreAccessException("there is no store at " + shop + " (HTTP 404)");
            }
            if (response.statusCode() / 100 != 2 || body == null) {
                throw new StoreAccessException("the store answered HTTP " + response.statusCode()
                        + (body == null ? " without JSON" : ""));
            }
            JsonNode errors = body.path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                throw new StoreAccessException("the store's GraphQL API refused the query: "
                        + redactor.redact(errors.get(0).path("message").asText("unknown error")));
            }
            return body;
        }
    }

    private HttpResponse<String> call(String shop, String token, Redactor redactor, int first, String after) {
        ObjectNode body = JSON.createObjectNode();
        body.put("query", QUERY);
        ObjectNode variables = body.putObject("variables");
        variables.put("first", first);
        variables.put("media", config.mediaPerProduct());
        if (after == null) {
            variables.putNull("after");
        } else {
            variables.put("after", after);
        }
        HttpRequest request = HttpRequest.newBuilder(config.endpoint(shop)).timeout(config.timeout())
                .header("content-type", "application/json").header("accept", "application/json")
                .header("X-Shopify-Access-Token", token)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        synchronized (this) {
            calls++;
        }
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new StoreAccessException("the store could not be reached: " + redactor.redact(String.valueOf(
                    e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreAccessException("interrupted while reading the store");
        }
    }

    private static boolean isThrottled(int status, JsonNode body) {
        if (status == 429) {
            return true;
        }
        if (body == null) {
            return false;
        }
        for (JsonNode error : body.path("errors")) {
            if ("THROTTLED".equals(error.path("extensions").path("code").asText())
                    || "Throttled".equalsIgnoreCase(error.path("message").asText())) {
                return true;
            }
        }
        return false;
    }

    private void waitFor(Duration wait) {
        if (wait.isZero() || wait.isNegative()) {
            return;
        }
        Duration bounded = wait.compareTo(config.maxWaitPerCall()) > 0 ? config.maxWaitPerCall() : wait;
        try {
            config.sleeper().sleep(bounded);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreAccessException("interrupted while waiting for the store's rate limit");
        }
    }

    private static Product product(JsonNode node) {
        List<Media> media = new ArrayList<>();
        for (JsonNode item : node.path("media").path("nodes")) {
            JsonNode image = item.path("image");
            if (!image.path("url").isTextual()) {
                continue;
            }
            media.add(new Media(item.path("id").asText(null), image.path("url").asText(),
                    image.path("altText").isTextual() ? image.path("altText").asText() : null));
        }
        return new Product(node.path("id").asText(), node.path("handle").asText(null), node.path("title").asText(null),
                node.path("description").asText(""), media);
    }

    private static JsonNode parse(String text) {
        try {
            return text == null || text.isBlank() ? null : JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The cost extension of an answer: what the query requested and the bucket after it ({@code currentlyAvailable}
     * points, refilled at {@code restoreRate} per second up to {@code maximumAvailable}).
     */
    record Bucket(double requested, double available, double maximum, double restoreRate) {

        static Bucket of(JsonNode body) {
            JsonNode cost = body.path("extensions").path("cost");
            JsonNode status = cost.path("throttleStatus");
            if (!status.path("currentlyAvailable").isNumber() || !status.path("restoreRate").isNumber()) {
                return null;
            }
            return new Bucket(cost.path("requestedQueryCost").asDouble(0), status.path("currentlyAvailable").asDouble(),
                    status.path("maximumAvailable").asDouble(0), status.path("restoreRate").asDouble());
        }

        static Bucket unknown() {
            return null;
        }

        /** How long until the bucket holds {@code needed} points (zero when it does now). */
        Duration waitFor(double needed) {
            double wanted = maximum > 0 ? Math.min(needed, maximum) : needed;
            if (available >= wanted || restoreRate <= 0) {
                return Duration.ZERO;
            }
            return Duration.ofMillis((long) Math.ceil((wanted - available) / restoreRate * 1000));
        }
    }
}
