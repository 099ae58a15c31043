package dev.pms.journeys.quality;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.json.Json;
import dev.pms.devstack.Devstack;
import dev.pms.journeys.demo.DemoCommand;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Journey A for one brief on a running devstack, as the {@code demo} command runs it, followed by what a marketer does
 * next: every reviewed card approved for publish on the board and the distribution schedule exported. Holds what the
 * checkers read: the brief, the manifest, each asset's record from the API and its file, and the exports.
 */
final class DemoRun {
    static final String DEFAULT_BRIEF_RESOURCE = "/dev/pms/journeys/demo/default-brief.json";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern DEMO_USER = Pattern.compile("user +(demo-[0-9a-f]{8}) ");

    /** One asset: its manifest entry, its record as {@code GET /assets/{id}} answers, and its file (null if none). */
    record Asset(JsonNode entry, JsonNode record, Path file) {
        String type() {
            return entry.path("asset_type").asText();
        }

        String label() {
            return entry.path("placement").asText() + " " + entry.path("asset_library_id").asText();
        }

        String relativePath() {
            return entry.hasNonNull("path") ? entry.get("path").asText() : null;
        }

        JsonNode details() {
            return record.path("details");
        }
    }

    /** The distribution exports; {@code failure} says why there are none. */
    record Exports(String csv, String ics, String csvUrl, String icsUrl, String failure) {
    }

    final String briefName;
    final JsonNode brief;
    final Path outDir;
    final JsonNode manifest;
    final List<Asset> assets;
    final Exports exports;
    final double seconds;

    private DemoRun(String briefName, JsonNode brief, Path outDir, JsonNode manifest, List<Asset> assets,
                    Exports exports, double seconds) {
        this.briefName = briefName;
        this.brief = brief;
        this.outDir = outDir;
        this.manifest = manifest;
        this.assets = assets;
        this.exports = exports;
        this.seconds = seconds;
    }

    /** Runs the demo for {@code briefFile} (null: the built-in brief) into {@code outDir}. */
    static DemoRun run(Devstack devstack, String briefName, Path briefFile, Path outDir) {
        long started = System.nanoTime();
        Map<String, String> options = new LinkedHashMap<>();
        options.put("url", devstack.baseUri().toString());
        options.put("data", devstack.options().signingKeyDirectory().toString());
        options.put("out", outDir.toString());
        options.put("timeout", "300");
        if (briefFile != null) {
            options.put("brief", briefFile.toString());
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream console = new PrintStream(printed, true, StandardCharsets.UTF_8);
        int exit = DemoCommand.run(options, console, console);
        String output = printed.toString(StandardCharsets.UTF_8);
        if (exit != 0) {
            throw new AssertionError("demo for " + briefName + " exited " + exit + ":\n" + output);
        }
        Matcher user = DEMO_USER.matcher(output);
        if (!user.find()) {
            throw new AssertionError("demo for " + briefName + " printed no user:\n" + output);
        }
        String token = devstack.tokenFor(user.group(1));
        String api = devstack.apiBase().toString();
        JsonNode manifest = readJson(outDir.resolve("manifest.json"));
        List<Asset> assets = new ArrayList<>();
        for (JsonNode entry : manifest.path("assets")) {
            JsonNode record = call(token, "GET", api + "/assets/" + entry.get("asset_library_id").asText(), null);
            Path file = entry.hasNonNull("path") ? outDir.resolve(entry.get("path").asText()) : null;
            assets.add(new Asset(entry, record, file));
        }
        Exports exports = exportSchedule(token, api, manifest.get("campaign_id").asText());
        JsonNode brief = briefFile == null ? readResource(DEFAULT_BRIEF_RESOURCE) : readJson(briefFile);
        return new DemoRun(briefName, brief, outDir, manifest, assets, exports, (System.nanoTime() - started) / 1e9);
    }

    private static Exports exportSchedule(String token, String api, String campaignId) {
        String campaign = api + "/campaigns/" + campaignId;
        try {
            JsonNode board = call(token, "GET", campaign + "/board", null);
            for (JsonNode column : board.path("columns")) {
                for (JsonNode card : column.path("cards")) {
                    if (card.path("status").asText().equals("ready")) {
                        call(token, "POST", campaign + "/board/" + card.get("asset_id").asText(),
                                Map.of("action", "approve", "version", card.path("version").asLong()));
                    }
                }
            }
            JsonNode distribution = call(token, "POST", campaign + "/distribution", Map.of());
            String csvUrl = distribution.path("csv_url").asText();
            String icsUrl = distribution.path("ics_url").asText();
            return new Exports(download(csvUrl), download(icsUrl), csvUrl, icsUrl, null);
        } catch (AssertionError e) {
            return new Exports(null, null, null, null, e.getMessage());
        }
    }

    private static JsonNode call(String token, String method, String url, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(Json.write(body)));
        if (body != null) {
            request.header("content-type", "application/json");
        }
        HttpResponse<String> response = send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError(method + " " + url + " → " + response.statusCode() + ": " + response.body());
        }
        try {
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String download(String url) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + url + " → " + response.statusCode());
        }
        return response.body();
    }

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return HTTP.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode readJson(Path file) {
        try {
            return Json.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readResource(String name) {
        try (InputStream in = DemoRun.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name);
            }
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every text of the brief a copywriter may repeat verbatim: product facts and the brand profile's words. */
    List<String> briefFacts() {
        List<String> facts = new ArrayList<>();
        collectText(brief.path("product_context"), facts);
        collectText(brief.path("brand_profile"), facts);
        return facts;
    }

    private static void collectText(JsonNode node, List<String> into) {
        if (node.isTextual()) {
            into.add(node.asText());
        } else if (node.isContainerNode()) {
            node.forEach(child -> collectText(child, into));
        }
    }

    String productName() {
        return brief.path("product_context").path("product_name").asText("");
    }

    /** The brand line a copywriter may put in every asset: the persona's core belief, or the product description. */
    List<String> brandLines() {
        List<String> lines = new ArrayList<>();
        String belief = brief.path("brand_profile").path("persona_data").path("core_persona").path("core_belief").asText("");
        String description = brief.path("product_context").path("product_description").asText("");
        for (String line : List.of(belief, description)) {
            if (!line.isBlank()) {
                lines.add(Sentences.normalise(line));
            }
        }
        return lines;
    }

    List<String> palette() {
        List<String> palette = new ArrayList<>();
        brief.path("brand_profile").path("color_palette").forEach(colour -> palette.add(colour.asText()));
        return palette;
    }
}
