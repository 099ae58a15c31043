package dev.pms.journeys.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.DevstackOptions;
import dev.pms.journeys.journeyb.JourneyBAssets;
import dev.pms.journeys.journeyb.ShopifyStoreStub;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * Journey B on the devstack with the offline engines, through the gateway: import throughput (a 30-entry ZIP and a
 * 20-product stubbed Shopify store, entries per second from the start call to the import's end), enhancement wall time
 * per item (a fix plan approved, to every version ready), variant wall time per source item (every image placement of
 * six channels, to every variant made and checked), and the share of derived variants that pass the placement checks
 * (canvas size, format, minimum resolution, safe zone). Times include the 100 ms polling of the status routes.
 */
public final class JourneyBBenchmark {
    private static final String API = "/api/product-marketing";
    private static final Duration DEADLINE = Duration.ofMinutes(10);

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String api;
    private String token;
    private String campaign;

    public static void main(String[] args) throws Exception {
        new JourneyBBenchmark().run();
    }

    private void run() throws Exception {
        Path keys = Files.createTempDirectory("pms-bench-keys");
        DevstackOptions options = DevstackOptions.defaults().withPort(0).withSigningKeyDirectory(keys)
                .withAutomaticSchedules(false);
        try (ShopifyStoreStub store = new ShopifyStoreStub(); Devstack devstack = Devstack.start(options)) {
            devstack.functions().addFunctionProperties(store.functionProperties());
            String user = "bench-" + UUID.randomUUID();
            send("POST", devstack.baseUri().resolve("/_devstack/plans"), null,
                    "{\"user\": \"" + user + "\", \"tier\": \"enterprise\"}", 200);
            token = devstack.tokenFor(user);
            api = devstack.baseUri() + API;
            send("PUT", URI.create(api + "/brand-profile"), token, JourneyBAssets.BRAND_PROFILE, 200);
            campaign = send("POST", URI.create(api + "/campaigns/create-blueprint"), token,
                    "{\"campaign_name\": \"Journey B bench\", \"goal\": \"product_launch\", \"channels\": [\""
                            + String.join("\", \"", JourneyBAssets.CHANNELS) + "\"]}", 201)
                    .get("campaign_id").asText();
            String base = api + "/campaigns/" + campaign;
            System.out.println("Journey B through the gateway on the devstack, offline engines (java "
                    + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                    + " cores, InventoryConcurrency 4, ProviderConcurrency 8); devstack started in "
                    + devstack.startupTime().toMillis() + " ms");

            Map<String, byte[]> entries = JourneyBAssets.entries();
            byte[] zip = JourneyBAssets.zip(entries);
            long started = System.nanoTime();
            JsonNode zipImport = importZip(base, zip);
            double zipSeconds = secondsSince(started);
            report("ZIP import", zipImport, zipSeconds);

            started = System.nanoTime();
            String storeImport = send("POST", URI.create(base + "/inventory/imports"), token,
                    "{\"source\": \"shopify\", \"shop_domain\": \"" + ShopifyStoreStub.SHOP + "\"}", 202)
                    .get("import_id").asText();
            JsonNode storeReport = awaitImport(base, storeImport);
            report("Shopify import (20 products)", storeReport, secondsSince(started));
            System.out.printf(Locale.ROOT, "  the store stub answered %d GraphQL calls, %d of them Throttled (the client"
                    + " waited from the cost extension), and served %d images%n", store.graphqlCalls(),
                    store.throttledCalls(), store.imageGets());

            Map<String, String> items = new LinkedHashMap<>();
            for (JsonNode item : send("GET", URI.create(base + "/inventory"), token, null, 200).get("items")) {
                items.put(item.get("title").asText(), item.get("item_id").asText());
            }
            Map<String, String> plans = new LinkedHashMap<>();
            plans.put("evening-dark.jpg", "{}");
            plans.put("noon-washed-out.jpg", "{}");
            plans.put("shaky.jpg", "{}");
            plans.put("grainy.jpg", "{}");
            plans.put("green-promo.png", "{}");
            plans.put("product-front.jpg", "{\"placement\": \"amazon/main_image\"}");
            System.out.println("Enhancement (fix plan approved -> every version ready), one item at a time:");
            List<Double> perItem = new ArrayList<>();
            int steps = 0;
            for (Map.Entry<String, String> plan : plans.entrySet()) {
                String item = items.get(plan.getKey());
                started = System.nanoTime();
                JsonNode run = send("POST", URI.create(base + "/inventory/" + item + "/fix-plan"), token,
                        plan.getValue(), 202);
                int made = run.get("steps").size();
                JsonNode detail = awaitVersions(base, item);
                double seconds = secondsSince(started);
                perItem.add(seconds);
                steps += made;
                List<String> operations = new ArrayList<>();
                run.get("steps").forEach(step -> operations.add(step.get("operation").asText()));
                long ready = 0;
                for (JsonNode version : detail.get("versions")) {
                    ready += version.get("status").asText().equals("ready") ? 1 : 0;
                }
                System.out.printf(Locale.ROOT, "  %-22s %6.2f s  %d step(s): %s (%d of %d versions ready)%n",
                        plan.getKey(), seconds, made, String.join(" > ", operations), ready - 1, made);
            }
            double enhanceTotal = perItem.stream().mapToDouble(Double::doubleValue).sum();
            System.out.printf(Locale.ROOT, "  per item: %.2f s mean; per step: %.2f s mean (%d steps)%n",
                    enhanceTotal / perItem.size(), enhanceTotal / steps, steps);

            List<String> sources = List.of("product-front.jpg", "hero-wide.jpg", "portrait.jpg", "white-90.png",
                    "banner.png");
            System.out.println("Variants (every image placement of " + JourneyBAssets.CHANNELS.size()
                    + " channels from one approved source -> every variant made and checked), one item at a time:");
            int total = 0;
            int passing = 0;
            Map<String, Integer> failures = new TreeMap<>();
            Map<String, Integer> methods = new TreeMap<>();
            List<Double> variantTimes = new ArrayList<>();
            for (String source : sources) {
                String item = items.get(source);
                send("POST", URI.create(base + "/inventory/" + item + "/approve"), token, "{\"version\": 0}", 200);
                started = System.nanoTime();
                send("POST", URI.create(base + "/variants"), token, "{\"item_id\": \"" + item
                        + "\", \"overlay_text\": \"Cold for 24 hours\"}", 202);
                JsonNode board = awaitBoard(base);
                double seconds = secondsSince(started);
                variantTimes.add(seconds);
                int count = 0;
                int ok = 0;
                for (JsonNode channel : board.get("channels")) {
                    for (JsonNode variant : channel.get("variants")) {
                        count++;
                        methods.merge(variant.get("method").asText(), 1, Integer::sum);
                        if (variant.get("passed").asBoolean()) {
                            ok++;
                        }
                        for (JsonNode check : variant.get("checks")) {
                            if (!check.get("passed").asBoolean()) {
                                failures.merge(check.get("rule").asText(), 1, Integer::sum);
                            }
                        }
                    }
                }
                total += count;
                passing += ok;
                System.out.printf(Locale.ROOT, "  %-22s %6.2f s for %d variants (%.0f ms a variant); %d pass%n", source,
                        seconds, count, seconds * 1000 / count, ok);
            }
            double variantTotal = variantTimes.stream().mapToDouble(Double::doubleValue).sum();
            System.out.printf(Locale.ROOT, "  per item: %.2f s mean; per variant: %.0f ms mean; methods %s%n",
                    variantTotal / variantTimes.size(), variantTotal * 1000 / total, methods);
            System.out.printf(Locale.ROOT, "Placement checks (canvas size, format, minimum resolution, safe zone): %d of"
                            + " %d derived variants pass = %.1f %%; failed checks by rule: %s%n", passing, total,
                    100.0 * passing / total, failures.isEmpty() ? "none" : failures);
        }
    }

    private void report(String label, JsonNode report, double seconds) {
        JsonNode counts = report.get("inventory_import").get("counts");
        int entries = report.get("entries").size();
        int items = counts.get("created").asInt() + counts.get("updated").asInt();
        System.out.printf(Locale.ROOT, "%-30s %3d entries in %6.2f s = %5.2f entries/s (%d items created or updated,"
                        + " %d skipped, %d failed; status %s)%n", label, entries, seconds, entries / seconds, items,
                counts.get("skipped").asInt(), counts.get("failed").asInt(),
                report.get("inventory_import").get("status").asText());
    }

    private JsonNode importZip(String base, byte[] zip) throws IOException, InterruptedException {
        JsonNode ticket = send("POST", URI.create(base + "/inventory/imports"), token,
                "{\"filename\": \"existing-assets.zip\", \"bytes\": " + zip.length + "}", 201);
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(ticket.get("upload_url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(zip));
        ticket.get("required_headers").fields().forEachRemaining(header -> {
            if (!header.getKey().equalsIgnoreCase("content-length")) {
                put.header(header.getKey(), header.getValue().asText());
            }
        });
        HttpResponse<String> stored = http.send(put.build(), HttpResponse.BodyHandlers.ofString());
        if (stored.statusCode() != 200) {
            throw new IllegalStateException("the ZIP upload answered " + stored.statusCode());
        }
        String importId = ticket.get("import_id").asText();
        send("POST", URI.create(base + "/inventory/imports/" + importId + "/start"), token, "{}", 202);
        return awaitImport(base, importId);
    }

    private JsonNode awaitImport(String base, String importId) throws IOException, InterruptedException {
        return await(() -> {
            JsonNode report = send("GET", URI.create(base + "/inventory/imports/" + importId), token, null, 200);
            return report.get("inventory_import").get("status").asText().equals("running") ? null : report;
        });
    }

    private JsonNode awaitVersions(String base, String item) throws IOException, InterruptedException {
        return await(() -> {
            JsonNode detail = send("GET", URI.create(base + "/inventory/" + item), token, null, 200);
            for (JsonNode version : detail.get("versions")) {
                if (Set.of("queued", "generating").contains(version.get("status").asText())) {
                    return null;
                }
            }
            return detail;
        });
    }

    private JsonNode awaitBoard(String base) throws IOException, InterruptedException {
        return await(() -> {
            JsonNode board = send("GET", URI.create(base + "/variants"), token, null, 200);
            JsonNode summary = board.get("summary");
            if (summary.get("making").asInt() > 0) {
                return null;
            }
            for (JsonNode channel : board.get("channels")) {
                for (JsonNode variant : channel.get("variants")) {
                    if (variant.get("status").asText().equals("ready") && variant.get("checks").isEmpty()) {
                        return null;
                    }
                }
            }
            return board;
        });
    }

    @FunctionalInterface
    private interface Probe {
        JsonNode probe() throws IOException, InterruptedException;
    }

    private static JsonNode await(Probe probe) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode done = probe.probe();
            if (done != null) {
                return done;
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        throw new IllegalStateException("did not finish within " + DEADLINE);
    }

    private static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private JsonNode send(String method, URI uri, String bearer, String body, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("content-type", "application/json");
        }
        if (bearer != null) {
            request.header("authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + uri.getPath() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return json.readTree(response.body());
    }
}
