package dev.pms.journeys.journeyb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stub of a Shopify store for the devstack's Journey B test and benchmark: the Admin GraphQL endpoint
 * ({@code POST /admin/api/<version>/graphql.json}, token in {@code X-Shopify-Access-Token}) answers the products
 * query with cursor pages of {@value #PRODUCTS} products, their descriptions and images, and the documented cost
 * extension from a leaky bucket (1,000 points, 100 restored a second, starting low so the first page is throttled);
 * the images are served from {@code /s/files/...} on the same loopback address. One product's second image points at
 * the cloud metadata address, which the importer must refuse.
 */
public final class ShopifyStoreStub implements AutoCloseable {
    public static final int PRODUCTS = 20;
    public static final String SHOP = "aurora-test.myshopify.com";
    public static final String TOKEN = "shpat_devstack_stub_token";
    static final double MAXIMUM = 1000;
    static final double RESTORE_RATE = 100;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] COLOURS = {"Glacier", "Midnight", "Sunrise", "Forest", "Harbour"};

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, byte[]> images = new ConcurrentHashMap<>();
    private final AtomicInteger graphqlCalls = new AtomicInteger();
    private final AtomicInteger throttled = new AtomicInteger();
    private final AtomicInteger imageGets = new AtomicInteger();
    private double available = 150;
    private long refilledAt;
    private boolean started;

    public ShopifyStoreStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/admin/api/", this::graphql);
        server.createContext("/s/files/", this::image);
        server.setExecutor(executor);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The function properties that point the inventory's store import at this stub. */
    public Map<String, String> functionProperties() {
        return Map.of("shopify.admin.base.url", url(), "shopify.access.token", TOKEN,
                "shopify.media.allowed.hosts", "127.0.0.1", "shopify.media.allow.loopback", "true");
    }

    public int graphqlCalls() {
        return graphqlCalls.get();
    }

    public int throttledCalls() {
        return throttled.get();
    }

    public int imageGets() {
        return imageGets.get();
    }

    /** How many images the store's products have on this stub's host (the metadata URL is not one of them). */
    public static int servedImages() {
        int count = 0;
        for (int i = 0; i < PRODUCTS; i++) {
            count += i % 2 == 0 ? 2 : 1;
        }
        return count - 1;
    }

    private void graphql(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod()) || !exchange.getRequestURI().getPath().endsWith("/graphql.json")) {
            respond(exchange, 404, "application/json", "{\"errors\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        graphqlCalls.incrementAndGet();
        if (!TOKEN.equals(exchange.getRequestHeaders().getFirst("X-Shopify-Access-Token"))) {
            respond(exchange, 401, "application/json",
                    "{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}"
                            .getBytes(StandardCharsets.UTF_8));
            return;
        }
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        JsonNode variables = body.path("variables");
        int first = Math.max(1, Math.min(250, variables.path("first").asInt(10)));
        int media = Math.max(1, variables.path("media").asInt(10));
        int start = variables.path("after").isTextual()
                ? Integer.parseInt(new String(Base64.getDecoder().decode(variables.path("after").asText()),
                StandardCharsets.UTF_8)) : 0;
        double requested = 2 + first * (1 + media);
        ObjectNode answer = JSON.createObjectNode();
        synchronized (this) {
            refill();
            if (available < requested) {
                throttled.incrementAndGet();
                ObjectNode error = answer.putArray("errors").addObject();
                error.put("message", "Throttled");
                error.putObject("extensions").put("code", "THROTTLED")
                        .put("documentation", "https://shopify.dev/api/usage/rate-limits");
                cost(answer, requested, null);
                respond(exchange, 200, "application/json", JSON.writeValueAsBytes(answer));
                return;
            }
        }
        int end = Math.min(PRODUCTS, start + first);
        ObjectNode products = answer.putObject("data").putObject("products");
        ArrayNode nodes = products.putArray("nodes");
        int objects = 1;
        for (int i = start; i < end; i++) {
            nodes.add(product(i));
            objects += 1 + (i % 2 == 0 ? 2 : 1);
        }
        products.putObject("pageInfo").put("hasNextPage", end < PRODUCTS).put("endCursor",
                Base64.getEncoder().encodeToString(String.valueOf(end).getBytes(StandardCharsets.UTF_8)));
        synchronized (this) {
            available -= objects;
            cost(answer, requested, (double) objects);
        }
        respond(exchange, 200, "application/json", JSON.writeValueAsBytes(answer));
    }

    private ObjectNode product(int i) {
        String handle = "aurora-bottle-" + COLOURS[i % COLOURS.length].toLowerCase() + "-" + (i + 1);
        ObjectNode product = JSON.createObjectNode();
        product.put("id", "gid://shopify/Product/" + (7000 + i));
        product.put("handle", handle);
        product.put("title", "Aurora Bottle " + COLOURS[i % COLOURS.length] + " " + (i + 1));
        product.put("description", "Aurora " + COLOURS[i % COLOURS.length] + " " + (500 + 50 * (i % 6))
                + " ml. Double-wall steel keeps drinks cold for 24 hours; the leak-proof lid opens with one hand."
                + (i == 7 ? " The best in the world." : ""));
        ArrayNode media = product.putObject("media").putArray("nodes");
        media.add(image(i, 1));
        if (i % 2 == 0) {
            media.add(i == 18 ? metadataImage(i) : image(i, 2));
        }
        media.addObject().put("mediaContentType", "EXTERNAL_VIDEO");
        return product;
    }

    private ObjectNode image(int product, int n) {
        String path = "/s/files/1/0701/" + (7000 + product) + "/aurora-" + product + "-" + n + ".jpg";
        ObjectNode node = JSON.createObjectNode();
        node.put("mediaContentType", "IMAGE");
        node.put("id", "gid://shopify/MediaImage/" + (90000 + product * 10 + n));
        node.putObject("image").put("url", url() + path).put("altText", "Aurora bottle " + product)
                .put("width", 1600).put("height", 1600);
        return node;
    }

    private ObjectNode metadataImage(int product) {
        ObjectNode node = JSON.createObjectNode();
        node.put("mediaContentType", "IMAGE");
        node.put("id", "gid://shopify/MediaImage/" + (90000 + product * 10 + 9));
        node.putObject("image").put("url", "http://169.254.169.254/latest/meta-data/iam/security-credentials/")
                .putNull("altText");
        return node;
    }

    private void cost(ObjectNode answer, double requested, Double actual) {
        ObjectNode cost = answer.putObject("extensions").putObject("cost");
        cost.put("requestedQueryCost", requested);
        if (actual == null) {
            cost.putNull("actualQueryCost");
        } else {
            cost.put("actualQueryCost", actual);
        }
        cost.putObject("throttleStatus").put("maximumAvailable", MAXIMUM).put("currentlyAvailable", Math.floor(available))
                .put("restoreRate", RESTORE_RATE);
    }

    /** The bucket starts low at the first call (a store an app has just been hammering) and refills from then. */
    private void refill() {
        long now = System.nanoTime();
        if (!started) {
            started = true;
            refilledAt = now;
            return;
        }
        available = Math.min(MAXIMUM, available + (now - refilledAt) / 1e9 * RESTORE_RATE);
        refilledAt = now;
    }

    private void image(HttpExchange exchange) throws IOException {
        imageGets.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (!name.matches("aurora-\\d+-\\d\\.jpg")) {
            respond(exchange, 404, "text/plain", "no such file".getBytes(StandardCharsets.UTF_8));
            return;
        }
        byte[] bytes = images.computeIfAbsent(name, n -> {
            String[] parts = n.replace(".jpg", "").split("-");
            int product = Integer.parseInt(parts[1]);
            int variant = Integer.parseInt(parts[2]);
            double cx = variant == 1 ? 0.5 : 0.38 + (product % 4) * 0.08;
            return JourneyBAssets.jpeg(JourneyBAssets.photo(1600, 1600, 500L + product * 7 + variant, cx, 0.52,
                    0.5, JourneyBAssets.Light.NORMAL), 0.9f);
        });
        respond(exchange, 200, "image/jpeg", bytes);
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    static List<String> colours() {
        return new ArrayList<>(List.of(COLOURS));
    }
}
