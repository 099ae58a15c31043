package dev.pms.journeys.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.json.Json;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.testing.DevstackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code demo} command over HTTP against a running devstack (gateway, every function, Step Functions,
 * the provider queue and the offline providers), checked from the files it writes and from the API as its user.
 */
@ExtendWith(DevstackExtension.class)
class DemoCommandEndToEndTest {
    private static final String SMALL_BRIEF = """
            {"campaign_name": "Acme Notes demo", "goal": "awareness", "channels": ["email", "linkedin"],
             "product_context": {"product_name": "Acme Notes", "product_description": "Notes that write themselves"},
             "brand_profile": {"color_palette": ["#1A73E8", "#0B1F3A"], "forbidden_phrases": ["best in the world"]}}
            """;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int demo(Map<String, String> options) {
        return DemoCommand.run(options, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesEveryAssetOfTheRunWithAManifestThatMatchesTheFiles(Devstack devstack, @TempDir Path dir)
            throws Exception {
        Path brief = Files.writeString(dir.resolve("brief.json"), SMALL_BRIEF);
        Path output = dir.resolve("out");

        int exit = demo(Map.of("url", devstack.baseUri().toString(),
                "data", devstack.options().signingKeyDirectory().toString(),
                "brief", brief.toString(), "out", output.toString(), "timeout", "300"));

        assertThat(exit).as(printed()).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("\r[").contains("(succeeded)");
        JsonNode manifest = Json.mapper().readTree(output.resolve("manifest.json").toFile());
        assertThat(manifest.get("run_status").asText()).isEqualTo("succeeded");
        assertThat(manifest.get("campaign_name").asText()).isEqualTo("Acme Notes demo");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("done").contains(output.toString());

        String campaignId = manifest.get("campaign_id").asText();
        String token = devstack.tokenFor(demoUser());
        JsonNode campaign = get(devstack, token, "/campaigns/" + campaignId);
        Set<String> listed = new HashSet<>();
        get(devstack, token, "/assets?campaign_id=" + campaignId + "&limit=200").get("assets")
                .forEach(asset -> listed.add(asset.get("asset_library_id").asText()));
        Set<String> inManifest = new HashSet<>();
        manifest.get("assets").forEach(asset -> inManifest.add(asset.get("asset_library_id").asText()));
        assertThat(listed).hasSize(campaign.get("asset_nodes").size());
        assertThat(inManifest).isEqualTo(listed);
        assertThat(manifest.get("asset_count").asInt()).isEqualTo(listed.size());

        Set<Path> expectedFiles = new HashSet<>(Set.of(output.resolve("manifest.json"), output.resolve("index.html")));
        long totalBytes = 0;
        for (JsonNode asset : manifest.get("assets")) {
            Path file = output.resolve(asset.get("path").asText());
            expectedFiles.add(file);
            assertThat(file).as(asset.toString()).isRegularFile();
            assertThat(file.getParent().getFileName().toString()).isEqualTo(asset.get("channel").asText());
            byte[] bytes = Files.readAllBytes(file);
            assertThat(DemoOutput.sha256(bytes)).as(file.toString()).isEqualTo(asset.get("sha256").asText());
            assertThat((long) bytes.length).isEqualTo(asset.get("bytes").asLong());
            assertThat(asset.get("prompt").asText()).isNotBlank();
            assertThat(asset.get("provider").asText()).isNotBlank();
            assertThat(asset.get("model").asText()).isNotBlank();
            assertThat(asset.get("cost_usd").decimalValue()).isNotNegative();
            if (asset.get("mime_type").asText().equals("image/png")) {
                assertThat(file.toString()).endsWith(".png");
                BufferedImage image = ImageIO.read(file.toFile());
                assertThat(image).as(file.toString()).isNotNull();
                assertThat(image.getWidth()).isEqualTo(asset.get("width").asInt());
                assertThat(image.getHeight()).isEqualTo(asset.get("height").asInt());
            }
            totalBytes += bytes.length;
        }
        assertThat(manifest.get("total_bytes").asLong()).isEqualTo(totalBytes);
        assertThat(manifest.get("assets").findValuesAsText("asset_type")).contains("image", "text");
        try (Stream<Path> files = Files.walk(output)) {
            assertThat(files.filter(Files::isRegularFile).toList()).containsExactlyInAnyOrderElementsOf(expectedFiles);
        }
    }

    @Test
    void aSigningKeyTheDevstackDoesNotUseIsNamedBeforeAnythingIsCreated(Devstack devstack, @TempDir Path dir) {
        int exit = demo(Map.of("url", devstack.baseUri().toString(), "data", dir.resolve("other-key").toString(),
                "out", dir.resolve("out").toString()));

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("signs tokens with another key").contains("--data");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("user ");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    private String demoUser() {
        Matcher user = Pattern.compile("user +(demo-[0-9a-f]{8}) ").matcher(out.toString(StandardCharsets.UTF_8));
        assertThat(user.find()).as(printed()).isTrue();
        return user.group(1);
    }

    private static JsonNode get(Devstack devstack, String token, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(devstack.apiBase() + path))
                        .header("authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }
}
