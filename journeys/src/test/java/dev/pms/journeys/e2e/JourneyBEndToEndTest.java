package dev.pms.journeys.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.devstack.Devstack;
import dev.pms.journeys.journeyb.JourneyBAssets;
import dev.pms.journeys.journeyb.ShopifyStoreStub;
import dev.pms.devstack.testing.DevstackParameters;
import dev.pms.devstack.testing.DevstackExtension;
import dev.pms.devstack.testing.Eventually;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journey B end to end through the gateway, the functions, the import workflow, the provider worker and the emulators:
 * a ZIP of 30 mixed assets is uploaded with a presigned PUT and imported (limits, per-entry outcomes, content-hash
 * de-duplication), a stubbed Shopify store of 20 products is imported through its Admin GraphQL protocol (pages,
 * throttling, media from allowed hosts only), every item is audited and flagged, fix plans run as provider jobs,
 * variants are derived for six channels, approved per channel, suggestions listed, and the approved variants published
 * into the pack and the schedule. Its own devstack: the store stub's address is given to the functions before their
 * first call.
 */
@ExtendWith(DevstackExtension.class)
@DevstackParameters(functionProperties = "journeyb.devstack=own")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JourneyBEndToEndTest {
    private static final Duration IMPORT_DEADLINE = Duration.ofSeconds(180);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Devstack devstack;
    private static ShopifyStoreStub store;
    private static ApiClient marketer;
    private static String campaignId;
    private static Map<String, byte[]> entries;

    @BeforeAll
    static void campaign(Devstack started) {
        devstack = started;
        store = new ShopifyStoreStub();
        devstack.functions().addFunctionProperties(store.functionProperties());
        String user = "journey-b-" + UUID.randomUUID();
        GenerationApiEndToEndTest.attachTo(started);
        GenerationApiEndToEndTest.setPlan(user, "pro");
        marketer = new ApiClient(devstack.apiBase(), devstack.tokenFor(user));
        assertThat(marketer.put("/brand-profile", JourneyBAssets.BRAND_PROFILE).status()).isEqualTo(200);
        ApiClient.Reply created = marketer.post("/campaigns/create-blueprint", "{\"campaign_name\": \"Aurora reuse\", "
                + "\"goal\": \"product_launch\", \"channels\": [\"" + String.join("\", \"", JourneyBAssets.CHANNELS)
                + "\"], \"launch_date\": \"2027-03-01\", \"product_context\": {\"product_name\": \"Aurora Bottle\","
                + " \"product_description\": \"An insulated steel bottle that keeps drinks cold for 24 hours\"}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        campaignId = created.json().get("campaign_id").asText();
        entries = JourneyBAssets.entries();
    }

    @Test
    @Order(1)
    void aZipOfThirtyMixedAssetsIsImportedWithAnOutcomePerEntryAndNoDuplicates() throws Exception {
        JsonNode done = importZip(JourneyBAssets.zip(entries));
        assertThat(done.get("inventory_import").get("status").asText()).isEqualTo("partial");
        JsonNode counts = done.get("inventory_import").get("counts");
        assertThat(counts.get("created").asInt()).isEqualTo(27);
        assertThat(counts.get("updated").asInt()).isEqualTo(1);
        assertThat(counts.get("skipped").asInt()).isEqualTo(1);
        assertThat(counts.get("failed").asInt()).isEqualTo(1);
        Map<String, JsonNode> byName = new HashMap<>();
        done.get("entries").forEach(entry -> byName.put(entry.get("name").asText(), entry));
        assertThat(byName).hasSize(30);
        assertThat(byName.get("tools/setup.exe").get("result").asText()).isEqualTo("skipped");
        assertThat(byName.get("tools/setup.exe").get("reason").asText()).contains(".exe", "not an image");
        assertThat(byName.get("photos/broken.png").get("result").asText()).isEqualTo("failed");
        assertThat(byName.get("photos/broken.png").get("reason").asText()).contains("not a PNG");
        assertThat(byName.get("copies/hero-square (1).png").get("item_id").asText())
                .isEqualTo(byName.get("photos/hero-square.png").get("item_id").asText());

        JsonNode inventory = marketer.get("/campaigns/" + campaignId + "/inventory").json();
        keep("inventory.json", inventory.toPrettyString().getBytes(StandardCharsets.UTF_8));
        assertThat(inventory.get("summary").get("total").asInt()).isEqualTo(27);
        assertThat(inventory.get("summary").get("images").asInt()).isEqualTo(21);
        assertThat(inventory.get("summary").get("texts").asInt()).isEqualTo(6);
        Map<String, JsonNode> items = itemsByTitle(inventory);
        assertThat(items.get("hero-square.png").get("sources")).hasSize(2);
        assertThat(status(items, "product-front.jpg")).isEqualTo("usable");
        assertThat(status(items, "evening-dark.jpg")).isEqualTo("needs_attention");
        assertThat(reasons(items, "evening-dark.jpg")).contains("relight");
        assertThat(reasons(items, "thumbnail.png")).contains("too small or the wrong shape for 17 placements");
        assertThat(status(items, "green-promo.png")).isEqualTo("needs_attention");
        assertThat(reasons(items, "green-promo.png")).contains("brand palette");
        assertThat(status(items, "old-claim.txt")).isEqualTo("needs_attention");
        assertThat(reasons(items, "old-claim.txt")).contains("best in the world");
        assertThat(status(items, "flash-sale.txt")).isEqualTo("needs_attention");
        assertThat(status(items, "instagram-caption.txt")).isEqualTo("usable");
        JsonNode placements = items.get("product-front.jpg").get("audit").get("placements");
        assertThat(placements.size()).isGreaterThan(10);
        assertThat(placements.toString()).contains("amazon/main_image", "shopify/product_image",
                "amazon/aplus_banner");

        JsonNode again = importZip(JourneyBAssets.zip(entries));
        assertThat(again.get("inventory_import").get("counts").get("created").asInt()).isZero();
        assertThat(again.get("inventory_import").get("counts").get("updated").asInt()).isEqualTo(28);
        assertThat(marketer.get("/campaigns/" + campaignId + "/inventory").json().get("summary").get("total").asInt())
                .isEqualTo(27);
    }

    @AfterAll
    static void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    @Order(2)
    void aStubbedShopifyStoreOfTwentyProductsIsImportedPageByPageWithinItsRateLimit() throws Exception {
        ApiClient.Reply started = marketer.post("/campaigns/" + campaignId + "/inventory/imports",
                "{\"source\": \"shopify\", \"shop_domain\": \"" + ShopifyStoreStub.SHOP + "\"}");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String importId = started.json().get("import_id").asText();
        JsonNode done = Eventually.await("the store import finishing", IMPORT_DEADLINE, () -> {
            JsonNode report = marketer.get("/campaigns/" + campaignId + "/inventory/imports/" + importId).json();
            return report.get("inventory_import").get("status").asText().equals("running") ? null : report;
        });
        keep("shopify-import.json", done.toPrettyString().getBytes(StandardCharsets.UTF_8));
        JsonNode counts = done.get("inventory_import").get("counts");
        assertThat(done.get("inventory_import").get("status").asText()).isEqualTo("partial");
        assertThat(counts.get("created").asInt()).isEqualTo(ShopifyStoreStub.PRODUCTS + ShopifyStoreStub.servedImages());
        assertThat(counts.get("failed").asInt()).isEqualTo(1);
        JsonNode refused = null;
        for (JsonNode entry : done.get("entries")) {
            if (entry.get("result").asText().equals("failed")) {
                refused = entry;
            }
        }
        assertThat(refused.get("reason").asText()).contains("169.254.169.254", "neither the store's CDN");
        assertThat(store.throttledCalls()).as("the first page met a low bucket").isPositive();
        assertThat(store.imageGets()).isEqualTo(ShopifyStoreStub.servedImages());
        Map<String, JsonNode> items = itemsByTitle(marketer.get("/campaigns/" + campaignId + "/inventory?kind=text")
                .json());
        JsonNode claim = items.values().stream().filter(item -> item.get("text").asText().contains("best in the world"))
                .findFirst().orElseThrow();
        assertThat(claim.get("status").asText()).isEqualTo("needs_attention");
        assertThat(claim.get("sources").get(0).get("source").asText()).isEqualTo("shopify");
        ApiClient.Reply badShop = marketer.post("/campaigns/" + campaignId + "/inventory/imports",
                "{\"source\": \"shopify\", \"shop_domain\": \"169.254.169.254\"}");
        assertThat(badShop.status()).isEqualTo(400);
        assertThat(badShop.json().get("detail").asText()).contains("myshopify.com");
    }

    @Test
    @Order(3)
    void refusesZipBombsTraversalAndStrangersBeforeAnythingIsUnpacked() throws Exception {
        ApiClient.Reply traversal = startWithZip(JourneyBAssets.zip(Map.of("../../etc/passwd.txt", "x".getBytes())));
        assertThat(traversal.status()).as(traversal.toString()).isEqualTo(400);
        assertThat(traversal.contentType()).contains("problem+json");
        assertThat(traversal.json().get("detail").asText()).contains("path traversal");
        byte[] zeros = new byte[20 * 1024 * 1024];
        ApiClient.Reply bomb = startWithZip(JourneyBAssets.zip(Map.of("notes.txt", zeros)));
        assertThat(bomb.status()).as(bomb.toString()).isEqualTo(400);
        assertThat(bomb.json().get("detail").asText()).contains("zip bomb");
        ApiClient.Reply notZip = startWithZip("just some text".getBytes());
        assertThat(notZip.status()).isEqualTo(400);
        assertThat(notZip.json().get("detail").asText()).contains("not a ZIP");

        ApiClient stranger = new ApiClient(devstack.apiBase(), devstack.tokenFor("stranger-" + UUID.randomUUID()));
        assertThat(stranger.get("/campaigns/" + campaignId + "/inventory").status()).isEqualTo(404);
        assertThat(stranger.post("/campaigns/" + campaignId + "/inventory/imports",
                "{\"filename\": \"a.zip\", \"bytes\": 10}").status()).isEqualTo(404);
        ApiClient.Reply badBody = marketer.post("/campaigns/" + campaignId + "/inventory/imports",
                "{\"filename\": \"photos.tar\", \"bytes\": 10}");
        assertThat(badBody.status()).isEqualTo(400);
        assertThat(badBody.json().get("detail").asText()).contains(".zip");
        ApiClient spa = new ApiClient(URI.create(devstack.apiBase().toString().replace("/api/product-marketing",
                "/api/campaign-creator")), marketer.token());
        assertThat(spa.get("/campaigns/" + campaignId + "/inventory").status()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void approvedFixPlansRunAsProviderJobsAndEachStepIsANewVersionWithLineage() throws Exception {
        Map<String, JsonNode> items = itemsByTitle(marketer.get("/campaigns/" + campaignId + "/inventory").json());
        String dark = items.get("evening-dark.jpg").get("item_id").asText();
        ApiClient.Reply approved = marketer.post("/campaigns/" + campaignId + "/inventory/" + dark + "/fix-plan", "{}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(202);
        JsonNode plan = approved.json();
        List<String> operations = names(plan.get("steps"), "operation");
        assertThat(operations).contains("relight", "restore");
        assertThat(plan.get("total_cost_usd").decimalValue()).isPositive();
        JsonNode detail = awaitVersions(dark, operations.size());
        keep("fixes/evening-dark-plan.json", (plan.toPrettyString() + "\n" + detail.get("versions").toPrettyString())
                .getBytes(StandardCharsets.UTF_8));
        JsonNode versions = detail.get("versions");
        assertThat(versions.get(0).get("operation").asText()).isEqualTo("original");
        for (int i = 1; i < versions.size(); i++) {
            JsonNode version = versions.get(i);
            assertThat(version.get("status").asText()).as(version.toString()).isEqualTo("ready");
            assertThat(version.get("parent").asInt()).isEqualTo(i - 1);
            assertThat(version.get("sha256").asText()).isNotEqualTo(versions.get(i - 1).get("sha256").asText());
            keep("fixes/evening-dark-v" + i + "-" + version.get("operation").asText() + ".png",
                    download(version.get("url").asText()));
        }
        double before = meanLuma(download(versions.get(0).get("url").asText()));
        double after = meanLuma(download(versions.get(versions.size() - 1).get("url").asText()));
        assertThat(after).as("the relit version is brighter than the dark original").isGreaterThan(before + 40);
        JsonNode relit = marketer.get("/assets/" + versions.get(1).get("asset_library_id").asText()).json();
        assertThat(relit.get("details").get("source").asText()).isEqualTo("inventory");
        assertThat(relit.get("details").get("inventory").get("item_id").asText()).isEqualTo(dark);
        assertThat(relit.get("campaign_id").asText()).isEqualTo(campaignId);

        String front = items.get("product-front.jpg").get("item_id").asText();
        ApiClient.Reply white = marketer.post("/campaigns/" + campaignId + "/inventory/" + front + "/fix-plan",
                "{\"placement\": \"amazon/main_image\"}");
        assertThat(white.status()).as(white.toString()).isEqualTo(202);
        assertThat(names(white.json().get("steps"), "operation")).containsExactly("background_to_white");
        JsonNode whiteDetail = awaitVersions(front, 1);
        JsonNode whiteVersion = whiteDetail.get("versions").get(1);
        assertThat(whiteVersion.get("status").asText()).isEqualTo("ready");
        keep("fixes/product-front-white.png", download(whiteVersion.get("url").asText()));

        ApiClient.Reply unknown = marketer.post("/campaigns/" + campaignId + "/inventory/" + front + "/fix-plan",
                "{\"placement\": \"tiktok/cover\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asText()).contains("not a placement the item was audited against");
        ApiClient.Reply notReady = marketer.post("/campaigns/" + campaignId + "/inventory/" + front + "/approve",
                "{\"version\": 9}");
        assertThat(notReady.status()).isEqualTo(400);
        ApiClient.Reply approve = marketer.post("/campaigns/" + campaignId + "/inventory/" + front + "/approve",
                "{\"version\": 0}");
        assertThat(approve.status()).as(approve.toString()).isEqualTo(200);
        assertThat(approve.json().get("item").get("approved_version").asInt()).isZero();
    }

    @Test
    @Order(5)
    void variantsForSixChannelsArePerChannelApprovedSuggestedAndPublishedIntoPacksAndTheSchedule() throws Exception {
        Map<String, JsonNode> items = itemsByTitle(marketer.get("/campaigns/" + campaignId + "/inventory").json());
        String front = items.get("product-front.jpg").get("item_id").asText();
        ApiClient.Reply derived = marketer.post("/campaigns/" + campaignId + "/variants",
                "{\"item_id\": \"" + front + "\", \"overlay_text\": \"Cold for 24 hours\"}");
        assertThat(derived.status()).as(derived.toString()).isEqualTo(202);
        JsonNode board = Eventually.await("every variant made", IMPORT_DEADLINE, () -> {
            JsonNode current = marketer.get("/campaigns/" + campaignId + "/variants").json();
            return current.get("summary").get("making").asInt() == 0
                    && current.get("summary").get("ready").asInt() == current.get("summary").get("variants").asInt()
                    ? current : null;
        });
        keep("variants.json", board.toPrettyString().getBytes(StandardCharsets.UTF_8));
        assertThat(names(board.get("channels"), "channel")).containsExactlyInAnyOrderElementsOf(JourneyBAssets.CHANNELS);
        JsonNode summary = board.get("summary");
        assertThat(summary.get("variants").asInt()).isEqualTo(22);
        Map<String, String> methods = new HashMap<>();
        for (JsonNode channel : board.get("channels")) {
            for (JsonNode variant : channel.get("variants")) {
                String placement = variant.get("placement").asText();
                methods.put(placement, variant.get("method").asText());
                byte[] png = download(variant.get("url").asText());
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
                assertThat(image.getWidth()).as(placement).isEqualTo(variant.get("width").asInt());
                assertThat(image.getHeight()).as(placement).isEqualTo(variant.get("height").asInt());
                keep("variants/" + placement.replace('/', '_') + ".png", png);
                JsonNode safeZone = null;
                for (JsonNode check : variant.get("checks")) {
                    if (check.get("rule").asText().equals("safe_zone")) {
                        safeZone = check;
                    }
                }
                assertThat(safeZone).as(placement).isNotNull();
                assertThat(safeZone.get("passed").asBoolean()).as(safeZone.toString()).isTrue();
            }
        }
        assertThat(methods.get("instagram/feed_square")).isEqualTo("crop");
        assertThat(methods.get("amazon/aplus_banner")).isIn("pad", "extend");
        assertThat(summary.get("passing").asInt()).as(summary.toString()).isGreaterThanOrEqualTo(18);

        ApiClient.Reply early = marketer.post("/campaigns/" + campaignId + "/variants/publish", "{}");
        assertThat(early.status()).isEqualTo(409);
        for (String channel : JourneyBAssets.CHANNELS) {
            ApiClient.Reply approved = marketer.patch("/campaigns/" + campaignId + "/variants/" + channel,
                    "{\"approved\": true}");
            assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        }
        JsonNode off = marketer.patch("/campaigns/" + campaignId + "/variants/pinterest", "{\"enabled\": false}").json();
        for (JsonNode channel : off.get("channels")) {
            assertThat(channel.get("approved").asBoolean()).isEqualTo(!channel.get("channel").asText().equals("pinterest"));
        }
        assertThat(marketer.patch("/campaigns/" + campaignId + "/variants/tiktok", "{\"approved\": true}").status())
                .isEqualTo(404);

        JsonNode suggestions = marketer.get("/campaigns/" + campaignId + "/suggestions").json();
        keep("suggestions.json", suggestions.toPrettyString().getBytes(StandardCharsets.UTF_8));
        assertThat(suggestions.get("suggestions").size()).isPositive();
        assertThat(suggestions.get("covered").asInt()).isPositive();
        for (JsonNode suggestion : suggestions.get("suggestions")) {
            assertThat(suggestion.get("proposal").get("cost_usd").decimalValue()).isNotNegative();
            assertThat(suggestion.get("reason").asText()).isNotBlank();
        }
        assertThat(suggestions.toString()).doesNotContain("\"placement\":\"instagram/feed_square\"");

        ApiClient.Reply published = marketer.post("/campaigns/" + campaignId + "/variants/publish",
                "{\"timezone\": \"Europe/Berlin\"}");
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        JsonNode result = published.json();
        keep("published.json", result.toPrettyString().getBytes(StandardCharsets.UTF_8));
        assertThat(result.get("nodes").size()).isPositive();
        assertThat(result.get("nodes").toString()).doesNotContain("\"channel\":\"pinterest\"");
        assertThat(result.get("pack").get("url").asText()).startsWith("http");
        String manifest = result.get("pack").get("manifest").toString();
        for (JsonNode node : result.get("nodes")) {
            assertThat(manifest).contains(node.get("asset_library_id").asText());
        }
        assertThat(result.get("schedule").get("schedule").size()).isPositive();
        JsonNode campaign = marketer.get("/campaigns/" + campaignId).json();
        String adopted = result.get("nodes").get(0).get("asset_id").asText();
        for (JsonNode node : campaign.get("asset_nodes")) {
            if (node.get("asset_id").asText().equals(adopted)) {
                assertThat(node.get("status").asText()).isEqualTo("scheduled");
            }
        }
    }

    static JsonNode awaitVersions(String itemId, int made) {
        return Eventually.await("the fix plan of " + itemId + " finishing", IMPORT_DEADLINE, () -> {
            JsonNode detail = marketer.get("/campaigns/" + campaignId + "/inventory/" + itemId).json();
            JsonNode versions = detail.get("versions");
            if (versions.size() < made + 1) {
                return null;
            }
            for (JsonNode version : versions) {
                if (Set.of("queued", "generating").contains(version.get("status").asText())) {
                    return null;
                }
            }
            return detail;
        });
    }

    static byte[] download(String url) throws Exception {
        HttpResponse<byte[]> got = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(got.statusCode()).isEqualTo(200);
        return got.body();
    }

    static double meanLuma(byte[] image) throws IOException {
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image));
        long sum = 0;
        int count = 0;
        for (int y = 0; y < decoded.getHeight(); y += 4) {
            for (int x = 0; x < decoded.getWidth(); x += 4) {
                int p = decoded.getRGB(x, y);
                sum += (299 * (p >> 16 & 0xFF) + 587 * (p >> 8 & 0xFF) + 114 * (p & 0xFF)) / 1000;
                count++;
            }
        }
        return (double) sum / count;
    }

    /** Creates an import, PUTs the ZIP, starts it and waits for it to end; answers its report. */
    static JsonNode importZip(byte[] zip) throws Exception {
        ApiClient.Reply started = startWithZip(zip);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String poll = started.json().get("import_id").asText();
        return Eventually.await("import " + poll + " finishing", IMPORT_DEADLINE, () -> {
            JsonNode report = marketer.get("/campaigns/" + campaignId + "/inventory/imports/" + poll).json();
            String status = report.get("inventory_import").get("status").asText();
            return status.equals("running") ? null : report;
        });
    }

    static ApiClient.Reply startWithZip(byte[] zip) throws Exception {
        ApiClient.Reply created = marketer.post("/campaigns/" + campaignId + "/inventory/imports",
                "{\"filename\": \"existing-assets.zip\", \"bytes\": " + zip.length + "}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode ticket = created.json();
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(ticket.get("upload_url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(zip));
        ticket.get("required_headers").fields().forEachRemaining(header -> {
            if (!header.getKey().equalsIgnoreCase("content-length")) {
                put.header(header.getKey(), header.getValue().asText());
            }
        });
        HttpResponse<String> stored = HTTP.send(put.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        return marketer.post("/campaigns/" + campaignId + "/inventory/imports/" + ticket.get("import_id").asText()
                + "/start", "{}");
    }

    /** Keeps what the journey made under target/journey-b for a person to look at. */
    static void keep(String name, byte[] bytes) throws IOException {
        Path dir = Path.of("target", "journey-b");
        Files.createDirectories(dir.resolve(name).getParent());
        Files.write(dir.resolve(name), bytes);
    }

    static Map<String, JsonNode> itemsByTitle(JsonNode inventory) {
        Map<String, JsonNode> items = new HashMap<>();
        inventory.get("items").forEach(item -> items.put(item.get("title").asText(), item));
        return items;
    }

    private static String status(Map<String, JsonNode> items, String title) {
        assertThat(items).containsKey(title);
        return items.get(title).get("status").asText();
    }

    private static String reasons(Map<String, JsonNode> items, String title) {
        return items.get(title).get("reasons").toString();
    }

    static List<String> names(JsonNode array, String field) {
        ArrayList<String> names = new ArrayList<>();
        array.forEach(node -> names.add(node.get(field).asText()));
        return names;
    }
}
