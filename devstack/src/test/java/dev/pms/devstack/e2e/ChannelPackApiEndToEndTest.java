package dev.pms.devstack.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.testing.DevstackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** End-to-end: the channel list and contract #8 channel packs through the gateway. */
@ExtendWith(DevstackExtension.class)
class ChannelPackApiEndToEndTest {

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
