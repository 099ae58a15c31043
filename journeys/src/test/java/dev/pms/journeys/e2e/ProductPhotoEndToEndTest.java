package dev.pms.journeys.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.testing.DevstackExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A product photo uploaded for a campaign's image node ends up composited into the creatives generated
 * for that campaign, and each image's record names its texts and carries alt text; the persona's picture named in the
 * brand profile presents the avatar video.
 */
@ExtendWith(DevstackExtension.class)
class ProductPhotoEndToEndTest {
    private static final int PHOTO_ORANGE = 0xE0601A;

    @BeforeAll
    static void attach(Devstack running) {
        GenerationApiEndToEndTest.attachTo(running);
    }

    @Test
    void anUploadedProductPhotoIsCompositedIntoTheGeneratedImages(Devstack devstack) throws Exception {
        ApiClient owner = GenerationApiEndToEndTest.userOnPlan("photo-" + UUID.randomUUID(), "pro");
        JsonNode campaign = owner.post("/campaigns/create-blueprint", """
                {"campaign_name": "Acme Notes launch", "goal": "awareness", "channels": ["linkedin"],
                 "product_context": {"product_name": "Acme Notes", "product_description": "Notes that write themselves",
                   "cta": "Try Acme Notes"}}
                """).json();
        String campaignId = campaign.get("campaign_id").asText();
        JsonNode imageNode = null;
        for (JsonNode node : campaign.get("asset_nodes")) {
            if (node.get("asset_type").asText().equals("image")) {
                imageNode = node;
                break;
            }
        }
        assertThat(imageNode).as("the blueprint has an image node").isNotNull();
        byte[] photo = photo();
        JsonNode upload = owner.post("/assets/uploads", "{\"filename\": \"product.png\", \"mime_type\": \"image/png\", "
                + "\"bytes\": " + photo.length + ", \"campaign_id\": \"" + campaignId + "\", \"node_id\": \""
                + imageNode.get("asset_id").asText() + "\"}").json();
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.get("upload_url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(photo));
        upload.get("required_headers").fields().forEachRemaining(header -> {
            if (!header.getKey().equalsIgnoreCase("content-length")) {
                put.header(header.getKey(), header.getValue().asText());
            }
        });
        assertThat(HttpClient.newHttpClient().send(put.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        ApiClient.Reply started = owner.post("/campaigns/" + campaignId + "/generation", "{\"autopilot\": true}");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonNode status = GenerationApiEndToEndTest.awaitStatus(owner, campaignId,
                s -> Set.of("succeeded", "completed_with_failures", "failed", "stopped").contains(s.get("status").asText()));
        assertThat(status.get("status").asText()).as(status.toString()).isEqualTo("succeeded");

        JsonNode images = owner.get("/assets?campaign_id=" + campaignId + "&type=image&limit=200").json().get("assets");
        assertThat(images.size()).isPositive();
        for (JsonNode listed : images) {
            JsonNode asset = owner.get("/assets/" + listed.get("asset_library_id").asText()).json();
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                    GenerationApiEndToEndTest.download(asset.get("url").asText())));
            JsonNode details = asset.get("details");
            assertThat(details.get("product_photo").asText()).isEqualTo("upload " + upload.get("asset_id").asText());
            assertThat(share(image, PHOTO_ORANGE)).as("share of the photo's orange in %s", asset.get("placement"))
                    .isGreaterThan(0.05);
            assertThat(details.get("cta").asText()).isEqualTo("Try Acme Notes");
            assertThat(details.get("headline").asText()).isNotBlank();
            assertThat(details.get("alt_text").asText()).contains("photo of the product").contains("Try Acme Notes");
        }
    }

    @Test
    void thePersonasUploadedPictureIsTheAvatarsPresenter() throws Exception {
        ApiClient owner = GenerationApiEndToEndTest.userOnPlan("persona-" + UUID.randomUUID(), "pro");
        byte[] picture = photo();
        JsonNode upload = owner.post("/assets/uploads", "{\"filename\": \"ada.png\", \"mime_type\": \"image/png\", "
                + "\"bytes\": " + picture.length + "}").json();
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.get("upload_url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(picture));
        upload.get("required_headers").fields().forEachRemaining(header -> {
            if (!header.getKey().equalsIgnoreCase("content-length")) {
                put.header(header.getKey(), header.getValue().asText());
            }
        });
        assertThat(HttpClient.newHttpClient().send(put.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        ApiClient.Reply refused = owner.put("/brand-profile", """
                {"persona_data": {"core_persona": {"persona_name": "Ada", "avatar_upload_id": "../../etc"}}}
                """);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asText()).contains("avatar_upload_id");
        ApiClient.Reply saved = owner.put("/brand-profile", "{\"persona_data\": {\"core_persona\": "
                + "{\"persona_name\": \"Ada\", \"avatar_upload_id\": \"" + upload.get("asset_id").asText() + "\"}}}");
        assertThat(saved.status()).as(saved.toString()).isBetween(200, 299);

        JsonNode campaign = owner.post("/campaigns/create-blueprint", """
                {"campaign_name": "Acme Notes explainer", "goal": "product_launch", "channels": ["youtube"],
                 "product_context": {"product_name": "Acme Notes", "product_description": "Notes that write themselves"}}
                """).json();
        String campaignId = campaign.get("campaign_id").asText();
        JsonNode proposals = owner.post("/campaigns/" + campaignId + "/generate-proposals", "{}").json().get("proposals");
        String avatarId = null;
        for (JsonNode node : campaign.get("asset_nodes")) {
            String type = node.get("asset_type").asText();
            if (type.equals("avatar") && avatarId == null || type.equals("audio")) {
                String id = node.get("asset_id").asText();
                ApiClient.Reply approved = owner.patch("/campaigns/" + campaignId + "/proposals/" + id,
                        "{\"action\": \"approve\", \"version\": " + proposals.get(id).get("version").asLong() + "}");
                assertThat(approved.status()).as(approved.toString()).isBetween(200, 299);
                avatarId = type.equals("avatar") ? id : avatarId;
            }
        }
        assertThat(avatarId).as("a YouTube launch has a presenter").isNotNull();
        ApiClient.Reply started = owner.post("/campaigns/" + campaignId + "/generation", null);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        GenerationApiEndToEndTest.awaitStatus(owner, campaignId, s -> s.get("status").asText().equals("awaiting_approval"));
        ApiClient.Reply onlyApproved = owner.post("/campaigns/" + campaignId + "/generation/approve",
                "{\"approve_pending\": false}");
        assertThat(onlyApproved.status()).as(onlyApproved.toString()).isBetween(200, 299);
        JsonNode status = GenerationApiEndToEndTest.awaitStatus(owner, campaignId,
                s -> Set.of("succeeded", "completed_with_failures", "failed", "stopped").contains(s.get("status").asText()));
        assertThat(status.get("status").asText()).as(status.toString()).isEqualTo("succeeded");

        JsonNode avatars = owner.get("/assets?campaign_id=" + campaignId + "&type=avatar&limit=50").json().get("assets");
        assertThat(avatars.size()).isPositive();
        for (JsonNode listed : avatars) {
            JsonNode details = owner.get("/assets/" + listed.get("asset_library_id").asText()).json().get("details");
            assertThat(details.get("key_frame").asText()).as(details.toString()).isEqualTo("provided");
            assertThat(details.get("composition").asText()).contains("the persona's picture");
            assertThat(details.get("presenter").asText()).isEqualTo("Ada");
        }
    }

    private static double share(BufferedImage image, int rgb) {
        long matching = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    matching++;
                }
            }
        }
        return matching / (double) ((long) image.getWidth() * image.getHeight());
    }

    private static byte[] photo() throws Exception {
        BufferedImage image = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x5A2A0A));
        g.fillRect(0, 0, 800, 600);
        g.setColor(new Color(PHOTO_ORANGE));
        g.fillRect(100, 75, 600, 450);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
