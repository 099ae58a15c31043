package dev.pms.journeys.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.testing.DevstackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Contract #7 image audits through the gateway, including every refusal class. */
@ExtendWith(DevstackExtension.class)
class AuditApiEndToEndTest {

    @Test
    void auditsImagesAgainstTheirPlacementAndRefusesBadInputClearly(Devstack devstack) throws IOException {
        ApiClient client = new ApiClient(devstack.apiBase(), devstack.tokenFor("auditor"));

        JsonNode fits = audit(client, png(1080, 1350), "instagram", "feed_portrait", 200);
        assertThat(fits.get("asset_info").get("width").asInt()).isEqualTo(1080);
        assertThat(fits.get("asset_info").get("height").asInt()).isEqualTo(1350);
        assertThat(fits.get("asset_info").get("format").asText()).isEqualTo("png");
        assertThat(fits.get("asset_info").get("quality_score").asDouble()).isBetween(0.0, 1.0);
        assertThat(fits.get("status").asText()).isIn("usable", "needs_enhancement");
        assertThat(fits.get("verdict").asText()).isIn("usable", "enhance");
        fits.get("recommendations").forEach(r -> assertThat(r.get("operation").asText()).isNotEqualTo("upscale"));

        JsonNode tiny = audit(client, png(64, 64), "instagram", "feed_portrait", 200);
        assertThat(tiny.get("status").asText()).isEqualTo("needs_enhancement");
        assertThat(tiny.get("verdict").asText()).isEqualTo("replace");
        assertThat(tiny.get("recommendations").size()).isPositive();
        assertThat(tiny.get("recommendations").get(0).has("priority")).isTrue();

        JsonNode square = audit(client, png(1080, 1080), "instagram", "feed_portrait", 200);
        assertThat(square.toString()).contains("crop");

        ApiClient.Reply garbage = client.post("/assets/audit", "{\"image_base64\": \"" +
                Base64.getEncoder().encodeToString("definitely not an image".getBytes()) + "\"}");
        assertProblem(garbage, 415, 400);
        ApiClient.Reply missing = client.post("/assets/audit", "{}");
        assertProblem(missing, 400);
        String sevenMegabytes = "A".repeat(7 * 1024 * 1024);
        assertProblem(client.post("/assets/audit", "{\"image_base64\": \"" + sevenMegabytes + "\"}"), 413);
        assertThat(new ApiClient(devstack.apiBase(), null).post("/assets/audit", "{}").status()).isEqualTo(401);
        String dataUrl = "data:image/png;base64," + Base64.getEncoder().encodeToString(png(1200, 628));
        ApiClient.Reply viaDataUrl = client.post("/assets/audit",
                "{\"image_base64\": \"" + dataUrl + "\", \"asset_metadata\": {\"target_channel\": \"linkedin\"}}");
        assertThat(viaDataUrl.status()).as(viaDataUrl.toString()).isEqualTo(200);
    }

    @Test
    void uploadsGoStraightToStorageThroughAPresignedPutAndAreAuditedForTheirOwnerOnly(Devstack devstack)
            throws Exception {
        ApiClient owner = new ApiClient(devstack.apiBase(), devstack.tokenFor("uploader-" + UUID.randomUUID()));
        byte[] image = png(1080, 1350);

        ApiClient.Reply created = owner.post("/assets/uploads", "{\"filename\": \"hero.png\", \"mime_type\": \"image/png\", "
                + "\"bytes\": " + image.length + "}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode upload = created.json();
        String assetId = upload.get("asset_id").asText();
        assertThat(upload.has("expires_at")).isTrue();

        assertThat(owner.post("/assets/" + assetId + "/audit", "{}").status()).isEqualTo(404);
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.get("upload_url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(image));
        upload.get("required_headers").fields().forEachRemaining(header -> {
            if (!header.getKey().equalsIgnoreCase("content-length")) {
                put.header(header.getKey(), header.getValue().asText());
            }
        });
        HttpResponse<String> stored = HttpClient.newHttpClient().send(put.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);

        ApiClient.Reply audited = owner.post("/assets/" + assetId + "/audit",
                "{\"target_channel\": \"instagram\", \"placement\": \"feed_portrait\"}");
        assertThat(audited.status()).as(audited.toString()).isEqualTo(200);
        assertThat(audited.json().get("asset_info").get("width").asInt()).isEqualTo(1080);
        assertThat(audited.json().get("placement").asText()).isEqualTo("instagram/feed_portrait");

        ApiClient stranger = new ApiClient(devstack.apiBase(), devstack.tokenFor("stranger-" + UUID.randomUUID()));
        assertProblem(stranger.post("/assets/" + assetId + "/audit", "{}"), 404);
        assertProblem(owner.post("/assets/not-an-id/audit", "{}"), 404);
        assertProblem(owner.post("/assets/uploads", "{\"filename\": \"../x.png\", \"mime_type\": \"text/html\", \"bytes\": 0}"), 400);
    }

    @Test
    void aCampaignAuditChecksUploadsMadeForItsImageNodesAndListsTheMissingOnes(Devstack devstack) throws Exception {
        ApiClient owner = new ApiClient(devstack.apiBase(), devstack.tokenFor("reuser-" + UUID.randomUUID()));
        JsonNode campaign = owner.post("/campaigns/create-blueprint",
                "{\"campaign_name\": \"Reuse\", \"goal\": \"awareness\", \"channels\": [\"instagram\"]}").json();
        String campaignId = campaign.get("campaign_id").asText();
        List<JsonNode> imageNodes = new ArrayList<>();
        campaign.get("asset_nodes").forEach(node -> {
            if (node.get("asset_type").asText().equals("image")) {
                imageNodes.add(node);
            }
        });
        JsonNode covered = imageNodes.get(0);
        byte[] image = png(1080, 1350);
        JsonNode upload = owner.post("/assets/uploads", "{\"filename\": \"old-hero.png\", \"mime_type\": \"image/png\", "
                + "\"bytes\": " + image.length + ", \"campaign_id\": \"" + campaignId + "\", \"node_id\": \""
                + covered.get("asset_id").asText() + "\"}").json();
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.get("upload_url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(image));
        upload.get("required_headers").fields().forEachRemaining(header -> {
            if (!header.getKey().equalsIgnoreCase("content-length")) {
                put.header(header.getKey(), header.getValue().asText());
            }
        });
        assertThat(HttpClient.newHttpClient().send(put.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        ApiClient.Reply audited = owner.post("/campaigns/" + campaignId + "/audit", null);

        assertThat(audited.status()).as(audited.toString()).isEqualTo(200);
        JsonNode body = audited.json();
        assertThat(body.get("assets").size()).isEqualTo(1);
        assertThat(body.get("assets").get(0).get("node_id").asText()).isEqualTo(covered.get("asset_id").asText());
        assertThat(body.get("assets").get(0).get("audit").get("verdict").asText()).isIn("usable", "enhance", "replace");
        assertThat(body.get("missing").size()).isEqualTo(imageNodes.size() - 1);
        ApiClient stranger = new ApiClient(devstack.apiBase(), devstack.tokenFor("stranger-" + UUID.randomUUID()));
        assertProblem(stranger.post("/campaigns/" + campaignId + "/audit", null), 404);
    }

    private static JsonNode audit(ApiClient client, byte[] image, String channel, String placement, int status) {
        ApiClient.Reply reply = client.post("/assets/audit", "{\"image_base64\": \""
                + Base64.getEncoder().encodeToString(image) + "\", \"asset_metadata\": {\"target_channel\": \""
                + channel + "\", \"placement\": \"" + placement + "\"}}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        return reply.json();
    }

    private static void assertProblem(ApiClient.Reply reply, Integer... statuses) {
        assertThat(reply.status()).as(reply.toString()).isIn((Object[]) statuses);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body()).doesNotContain("Exception");
    }

    private static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(26, 115, 232), width, height, new Color(11, 31, 58)));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        for (int i = 0; i < 12; i++) {
            g.fillOval(width / 4 + i * width / 40, height / 3, width / 10, height / 10);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
