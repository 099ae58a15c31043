package dev.pms.journeys.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.testing.DevstackExtension;
import dev.pms.devstack.testing.DevstackParameters;
import dev.pms.devstack.testing.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no wait budget every studio call is answered 202 with a job id and a poll URL, and polling that URL ends with
 * the same answer a call that finished in time gives.
 */
@ExtendWith(DevstackExtension.class)
@DevstackParameters({"StudioWaitSeconds=0"})
class ProductStudioPollingEndToEndTest {

    @Test
    void aJobThatOutlivesTheWaitBudgetIsFinishedByPolling(Devstack devstack) throws Exception {
        GenerationApiEndToEndTest.attachTo(devstack);
        ApiClient owner = GenerationApiEndToEndTest.userOnPlan("pro");
        ApiClient.Reply accepted = owner.post("/products/photoshoot", """
                {"product_name": "Aurora Bottle", "product_description": "An insulated steel bottle",
                 "resolution": "1080x1350", "num_variations": 1}
                """);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        JsonNode queued = accepted.json();
        assertThat(queued.get("status").asText()).isIn("running");
        String pollUrl = queued.get("poll_url").asText();
        assertThat(pollUrl).isEqualTo("/api/product-marketing/products/jobs/" + queued.get("job_id").asText());
        String path = pollUrl.substring("/api/product-marketing".length());
        JsonNode done = Eventually.await("the studio job finishing", Duration.ofSeconds(60), () -> {
            ApiClient.Reply polled = owner.get(path);
            assertThat(polled.status()).isIn(200, 202);
            return polled.status() == 200 ? polled.json() : null;
        });
        assertThat(done.get("status").asText()).isEqualTo("ready");
        assertThat(done.has("poll_url")).isFalse();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                GenerationApiEndToEndTest.download(done.get("image_url").asText())));
        assertThat(image.getWidth()).isEqualTo(1080);
        assertThat(image.getHeight()).isEqualTo(1350);
        ApiClient stranger = GenerationApiEndToEndTest.userOnPlan("pro");
        assertThat(stranger.get(path).status()).isEqualTo(404);
    }
}
