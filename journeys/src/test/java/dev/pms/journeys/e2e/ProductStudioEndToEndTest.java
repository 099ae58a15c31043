package dev.pms.journeys.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.testing.DevstackExtension;
import dev.pms.devstack.testing.Eventually;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Through the gateway on offline providers: every studio screen's route makes real media at the asked
 * size and length (decoded back), prices and charges it, keeps it in the asset library with its lineage, and refuses
 * what it must.
 */
@ExtendWith(DevstackExtension.class)
class ProductStudioEndToEndTest {

    @BeforeAll
    static void attach(Devstack running) {
        GenerationApiEndToEndTest.attachTo(running);
    }

    @Test
    void aPhotoshootMakesEachVariationAtExactlyTheAskedSizeAndKeepsItInTheLibrary() throws Exception {
        ApiClient owner = GenerationApiEndToEndTest.userOnPlan("pro");
        ApiClient.Reply made = owner.post("/products/photoshoot", """
                {"product_name": "Aurora Bottle", "product_description": "A insulated steel water bottle that keeps drinks cold for 24 hours.",
                 "environment": "lifestyle", "background_style": "white", "lighting": "soft", "style": "photorealistic",
                 "resolution": "1280x720", "num_variations": 2, "brand_colors": ["#1A73E8", "#F4B400"], "angle": "side"}
                """);
        JsonNode body = finished(owner, made);
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.get("product_name").asText()).isEqualTo("Aurora Bottle");
        assertThat(body.get("cost").isNumber()).isTrue();
        assertThat(body.get("cost").decimalValue()).isPositive();
        assertThat(body.get("generation_time").isNumber()).isTrue();
        assertThat(body.get("provider").asText()).isNotBlank();
        assertThat(body.get("variations")).hasSize(2);
        for (JsonNode variation : body.get("variations")) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                    GenerationApiEndToEndTest.download(variation.get("image_url").asText())));
            assertThat(image.getWidth()).isEqualTo(1280);
            assertThat(image.getHeight()).isEqualTo(720);
        }
        assertThat(body.get("image_url").asText()).isEqualTo(body.get("variations").get(0).get("image_url").asText());

        JsonNode asset = owner.get("/assets/" + body.get("asset_id").asText()).json();
        assertThat(asset.get("status").asText()).isEqualTo("ready");
        assertThat(asset.get("campaign_id").asText()).isEqualTo("studio");
        assertThat(asset.get("details").get("source").asText()).isEqualTo("studio");
        assertThat(asset.get("details").get("studio").get("preset").asText()).isEqualTo("photoshoot");
        assertThat(asset.get("lineage").get("prompt").asText()).contains("Aurora Bottle").contains("1280x720");
        assertThat(asset.get("sha256").asText()).hasSize(64);
        JsonNode listed = owner.get("/assets?campaign_id=studio").json();
        assertThat(listed.get("assets")).hasSize(2);

        ApiClient.Reply job = owner.get("/products/jobs/" + body.get("job_id").asText());
        assertThat(job.status()).isEqualTo(200);
        assertThat(job.json().get("variations")).hasSize(2);
        ApiClient stranger = GenerationApiEndToEndTest.userOnPlan("pro");
        assertThat(stranger.get("/products/jobs/" + body.get("job_id").asText()).status()).isEqualTo(404);
        assertThat(stranger.get("/assets/" + body.get("asset_id").asText()).status()).isEqualTo(404);
    }

    @Test
    void anAnimationMovesTheGivenPictureForExactlyTheAskedLength() throws Exception {
        ApiClient owner = GenerationApiEndToEndTest.userOnPlan("pro");
        ApiClient.Reply made = owner.post("/products/animate/rotation", "{\"product_name\": \"Aurora Bottle\", "
                + "\"resolution\": \"480p\", \"duration\": 5, \"animation_type\": \"reveal\", "
                + "\"product_image_base64\": \"" + dataUrl(picture(900, 600, new Color(0x1A73E8)), "image/png") + "\"}");
        JsonNode body = finished(owner, made);
        assertThat(body.get("animation_type").asText()).as("the route's preset wins").isEqualTo("rotation");
        assertThat(body.get("resolution").asText()).isEqualTo("480p");
        Mp4Facts video = Mp4Facts.read(GenerationApiEndToEndTest.download(body.get("video_url").asText()));
        assertThat(video.width()).isEqualTo(832);
        assertThat(video.height()).isEqualTo(480);
        assertThat(video.seconds()).isCloseTo(5.0, within(0.3));
        assertThat(body.get("cost").decimalValue()).isEqualByComparingTo("0.25");
    }

    @Test
    void aProductVideoFollowsItsPresetAndLength() throws Exception {
        ApiClient owner = GenerationApiEndToEndTest.userOnPlan("pro");
        ApiClient.Reply made = owner.post("/products/video/feature-highlight", """
                {"product_name": "Aurora Bottle", "product_description": "Keeps drinks cold for 24 hours. Leak-proof lid with a carry loop. Fits every cup holder.",
                 "resolution": "720p", "duration": 10}
                """);
        JsonNode body = finished(owner, made);
        assertThat(body.get("video_type").asText()).isEqualTo("feature_highlight");
        assertThat(body.get("duration").asDouble()).isCloseTo(10.0, within(0.3));
        Mp4Facts video = Mp4Facts.read(GenerationApiEndToEndTest.download(body.get("video_url").asText()));
        assertThat(video.width()).isEqualTo(1280);
        assertThat(video.height()).isEqualTo(720);
        assertThat(video.seconds()).isCloseTo(10.0, within(0.3));
        JsonNode asset = owner.get("/assets/" + body.get("asset_id").asText()).json();
        JsonNode scenes = asset.get("details").get("studio").get("scenes");
        assertThat(scenes.size()).isGreaterThanOrEqualTo(2);
        assertThat(scenes.get(scenes.size() - 1).get("purpose").asText()).isEqualTo("call_to_action");
    }

    @Test
    void anAvatarExplainerSpeaksTheCallersVoiceForItsRealLength() throws Exception {
        ApiClient owner = GenerationApiEndToEndTest.userOnPlan("pro");
        String avatar = dataUrl(picture(600, 800, new Color(0xE0601A)), "image/png");
        ApiClient.Reply voiced = owner.post("/products/avatar/overview", "{\"product_name\": \"Aurora Bottle\", "
                + "\"resolution\": \"480p\", \"avatar_image_base64\": \"" + avatar + "\", \"audio_base64\": \""
                + dataUrl(wav(3.2), "audio/wav") + "\"}");
        JsonNode body = finished(owner, voiced);
        assertThat(body.get("explainer_type").asText()).isEqualTo("product_overview");
        assertThat(body.get("duration").asDouble()).isCloseTo(3.2, within(0.3));
        Mp4Facts video = Mp4Facts.read(GenerationApiEndToEndTest.download(body.get("video_url").asText()));
        assertThat(video.seconds()).isCloseTo(3.2, within(0.3));
        assertThat(video.handlers()).contains("vide", "soun");

        ApiClient.Reply spoken = owner.post("/products/avatar/explainer", "{\"product_name\": \"Aurora Bottle\", "
                + "\"explainer_type\": \"tutorial\", \"avatar_image_base64\": \"" + avatar + "\", "
                + "\"script_text\": \"Fill it with ice. Close the lid. Enjoy cold water all day.\"}");
        JsonNode spokenBody = finished(owner, spoken);
        assertThat(spokenBody.get("explainer_type").asText()).isEqualTo("tutorial");
        assertThat(spokenBody.get("duration").asDouble()).isGreaterThan(1.0);
    }

    @Test
    void theTemplateLibraryListsFiltersAndAppliesTemplates() {
        ApiClient owner = GenerationApiEndToEndTest.userOnPlan("free");
        JsonNode all = owner.get("/templates").json();
        assertThat(all.get("total").asInt()).isEqualTo(all.get("templates").size()).isGreaterThanOrEqualTo(24);
        for (String category : new String[]{"product_image", "product_video", "product_avatar"}) {
            assertThat(all.get("categories").get(category).asInt()).isGreaterThanOrEqualTo(8);
            JsonNode some = owner.get("/templates?category=" + category).json();
            assertThat(some.get("templates")).allSatisfy(t -> assertThat(t.get("category").asText()).isEqualTo(category));
        }
        assertThat(owner.get("/templates?category=podcasts").status()).isEqualTo(400);
        JsonNode one = owner.get("/templates/avatar-tutorial").json();
        assertThat(one.get("script_skeleton").asText()).contains("{product_name}");
        assertThat(owner.get("/templates/nope").status()).isEqualTo(404);
        JsonNode applied = owner.post("/templates/avatar-tutorial/apply",
                "{\"product_name\": \"Aurora Bottle\", \"product_description\": \"Keeps drinks cold\"}").json();
        assertThat(applied.get("template_id").asText()).isEqualTo("avatar-tutorial");
        JsonNode configuration = applied.get("configuration");
        assertThat(configuration.get("explainer_type").asText()).isEqualTo("tutorial");
        assertThat(configuration.get("script_text").asText()).contains("Aurora Bottle").doesNotContain("{");
        assertThat(configuration.get("route").asText()).isEqualTo("/products/avatar/tutorial");
    }

    @Test
    void badInputIsRefusedWithAHumanDetailAndNothingIsStored() throws Exception {
        ApiClient owner = GenerationApiEndToEndTest.userOnPlan("pro");
        ApiClient.Reply size = owner.post("/products/photoshoot", "{\"product_name\": \"A\", \"product_description\": "
                + "\"B\", \"resolution\": \"99999x1\"}");
        assertThat(size.status()).isEqualTo(400);
        assertThat(size.contentType()).startsWith("application/problem+json");
        assertThat(size.json().get("detail").asText()).contains("resolution");
        ApiClient.Reply notImage = owner.post("/products/animate", "{\"product_name\": \"A\", "
                + "\"product_image_base64\": \"data:image/png;base64," + Base64.getEncoder().encodeToString(
                "just text, no picture".getBytes()) + "\"}");
        assertThat(notImage.status()).isEqualTo(415);
        ApiClient.Reply huge = owner.post("/products/animate", "{\"product_name\": \"A\", \"product_image_base64\": \""
                + "A".repeat(14_000_100) + "\"}");
        assertThat(huge.status()).isIn(413);
        ApiClient.Reply preset = owner.post("/products/video/teaser", "{\"product_name\": \"A\", "
                + "\"product_description\": \"B\"}");
        assertThat(preset.status()).isEqualTo(404);
        assertThat(preset.json().get("detail").asText()).contains("storytelling");
        ApiClient.Reply noVoice = owner.post("/products/avatar/overview", "{\"product_name\": \"A\", "
                + "\"avatar_image_base64\": \"" + dataUrl(picture(300, 300, Color.GRAY), "image/png") + "\"}");
        assertThat(noVoice.status()).isEqualTo(400);
        assertThat(noVoice.json().get("detail").asText()).contains("script_text");
        assertThat(owner.get("/assets?campaign_id=studio").json().get("assets")).isEmpty();
    }

    @Test
    void aCallOverThePlanIsRefusedWithTheQuoteAndNothingIsCharged() {
        ApiClient owner = GenerationApiEndToEndTest.userOnPlan("free");
        ApiClient.Reply clip = owner.post("/products/video/demo", "{\"product_name\": \"A\", \"product_description\": "
                + "\"B\", \"resolution\": \"1080p\"}");
        assertThat(clip.status()).isEqualTo(400);
        assertThat(clip.json().get("detail").asText()).contains("480p");
        for (int i = 0; i < 2; i++) {
            ApiClient.Reply made = owner.post("/products/photoshoot", "{\"product_name\": \"A\", "
                    + "\"product_description\": \"B\", \"num_variations\": 4}");
            finished(owner, made);
        }
        ApiClient.Reply over = owner.post("/products/photoshoot", "{\"product_name\": \"A\", "
                + "\"product_description\": \"B\", \"num_variations\": 4}");
        assertThat(over.status()).as(over.toString()).isEqualTo(402);
        assertThat(over.json().get("detail").asText()).isNotBlank();
        assertThat(owner.get("/assets?campaign_id=studio&limit=50").json().get("assets")).hasSize(8);
    }

    /**
     * The finished answer: a call made within the wait budget answers 200 at once; on a busy machine it may answer
     * 202, and its poll URL then gives the same body.
     */
    static JsonNode finished(ApiClient owner, ApiClient.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isIn(200, 202);
        if (reply.status() == 200) {
            return reply.json();
        }
        String path = reply.json().get("poll_url").asText().substring("/api/product-marketing".length());
        return Eventually.await("the studio job " + path, Duration.ofSeconds(120), () -> {
            ApiClient.Reply polled = owner.get(path);
            assertThat(polled.status()).as(polled.toString()).isIn(200, 202);
            return polled.status() == 200 ? polled.json() : null;
        });
    }

    static byte[] picture(int width, int height, Color colour) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(colour);
        g.fillRoundRect(width / 4, height / 6, width / 2, height * 2 / 3, 40, 40);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static byte[] wav(double seconds) {
        int rate = 16_000;
        int samples = (int) Math.round(seconds * rate);
        ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes());
        wav.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
                .putShort((short) 2).putShort((short) 16);
        wav.put("data".getBytes()).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            wav.putShort((short) (Math.sin(2 * Math.PI * 220 * i / rate) * 8000 * (0.6 + 0.4 * Math.sin(i / 900.0))));
        }
        return wav.array();
    }

    static String dataUrl(byte[] bytes, String type) {
        return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    static String unique() {
        return UUID.randomUUID().toString();
    }
}
