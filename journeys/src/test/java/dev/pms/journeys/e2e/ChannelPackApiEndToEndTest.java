package dev.pms.journeys.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.testing.DevstackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

/** The channel list and contract #8 channel packs through the gateway. */
@ExtendWith(DevstackExtension.class)
class ChannelPackApiEndToEndTest {

    @Test
    void aCampaignsPackIsExportedAsAZipOfExactSizedImagesAndFittedCopy(Devstack devstack) throws Exception {
        ApiClient owner = new ApiClient(devstack.apiBase(), devstack.tokenFor("packer-" + UUID.randomUUID()));
        String id = owner.post("/campaigns/create-blueprint", "{\"campaign_name\": \"Pack me\", \"goal\": \"awareness\", "
                + "\"channels\": [\"linkedin\", \"x\"], \"product_context\": {\"product_name\": \"Acme Notes\"}}")
                .json().get("campaign_id").asText();
        owner.post("/campaigns/" + id + "/generate-proposals", "{}");

        ApiClient.Reply exported = owner.post("/campaigns/" + id + "/channel-packs", "{\"channels\": [\"linkedin\"]}");

        assertThat(exported.status()).as(exported.toString()).isEqualTo(201);
        JsonNode pack = exported.json();
        assertThat(pack.get("valid").asBoolean()).as(pack.toString()).isTrue();
        JsonNode files = pack.get("manifest").get("files");
        assertThat(files.size()).isPositive();
        files.forEach(file -> assertThat(file.get("channel").asText()).isEqualTo("linkedin"));

        HttpResponse<byte[]> zip = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(pack.get("url").asText())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        assertThat(entries).containsKey("manifest.json");
        for (JsonNode file : files) {
            byte[] content = entries.get(file.get("path").asText());
            assertThat(content).as(file.toString()).isNotNull();
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
            assertThat(sha256).isEqualTo(file.get("sha256").asText());
            if (file.get("path").asText().endsWith(".png")) {
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(content));
                assertThat(image.getWidth() + "x" + image.getHeight())
                        .isEqualTo(file.get("width").asInt() + "x" + file.get("height").asInt());
            }
        }

        assertThat(owner.post("/campaigns/" + id + "/channel-packs", "{\"channels\": [\"tiktok\"]}").status()).isEqualTo(400);
        ApiClient stranger = new ApiClient(devstack.apiBase(), devstack.tokenFor("stranger-" + UUID.randomUUID()));
        assertThat(stranger.post("/campaigns/" + id + "/channel-packs", "{}").status()).isEqualTo(404);
    }

    @Test
    void packsServeTheContractShapeAndUnknownChannelsAre404(Devstack devstack) {
        ApiClient client = new ApiClient(devstack.apiBase(), devstack.tokenFor("pack-reader"));

        ApiClient.Reply pack = client.get("/channels/instagram/pack?asset_type=social_post");

        assertThat(pack.status()).as(pack.toString()).isEqualTo(200);
        JsonNode body = pack.json();
        for (String field : List.of("channel", "platform", "asset_type", "templates", "formats", "copy_framework",
                "optimization_tips")) {
            assertThat(body.has(field)).as(field).isTrue();
        }
        List<String> dimensions = new ArrayList<>();
        for (JsonNode template : body.get("templates")) {
            for (String field : List.of("id", "name", "dimensions", "aspect_ratio", "recommended_provider", "quality")) {
                assertThat(template.has(field)).as(field).isTrue();
            }
            dimensions.add(template.get("dimensions").asText());
        }
        assertThat(dimensions).contains("1080x1350", "1080x1920").doesNotContain("1024x1024");
        assertThat(body.get("formats").size()).isPositive();
        for (JsonNode format : body.get("formats")) {
            assertThat(format.get("name").isTextual()).isTrue();
            assertThat(format.get("width").isInt()).isTrue();
            assertThat(format.get("height").isInt()).isTrue();
            assertThat(format.get("ratio").isTextual()).isTrue();
        }
        assertThat(client.get("/channels/x/pack").json().get("channel").asText()).isEqualTo("twitter");

        ApiClient.Reply unknown = client.get("/channels/myspace/pack");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(client.get("/channels/instagram/pack?asset_type=hologram").status()).isEqualTo(400);
        assertThat(new ApiClient(devstack.apiBase(), null).get("/channels").status()).isEqualTo(401);

        JsonNode channels = client.get("/channels").json().get("channels");
        assertThat(channels.size()).isEqualTo(12);
        assertThat(channels.get(0).get("placements").size()).isPositive();
    }
}
