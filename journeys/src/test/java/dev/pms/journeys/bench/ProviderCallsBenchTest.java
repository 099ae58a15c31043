package dev.pms.journeys.bench;

import dev.pms.journeys.bench.ProviderCallsBench.Retry;
import dev.pms.journeys.bench.ProviderCallsBench.Row;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The bench's figures against local stubs, so that they cannot drift from the clients unnoticed. */
class ProviderCallsBenchTest {
    private static final int N = 1;

    @Test
    void anImageIsOneSubmitThePollsUntilCompletedAndOneDownload() {
        Row image = row(ProviderCallsBench.assets(N), "qwen-image");

        assertThat(image.submits()).isEqualTo(1);
        assertThat(image.polls()).as("N polls answered processing, then the one answered completed").isEqualTo(N + 1);
        assertThat(image.downloads()).isEqualTo(1);
        assertThat(image.uploads()).isZero();
        assertThat(image.total()).isEqualTo(1 + (N + 1) + 1);
        assertThat(image.pollMessages()).isEqualTo(N + 1);
        assertThat(image.size()).isEqualTo("1080×1350");
    }

    @Test
    void anAvatarUploadsItsKeyFrameAndPollsTwoPredictions() {
        Row avatar = row(ProviderCallsBench.assets(N), "infinitetalk-480p");

        assertThat(avatar.uploads()).isEqualTo(2);
        assertThat(avatar.submits()).isEqualTo(2);
        assertThat(avatar.polls()).isEqualTo(2 * (N + 1));
        assertThat(avatar.downloads()).isEqualTo(1);
        assertThat(avatar.pollMessages()).isEqualTo(2 * (N + 1));
    }

    @Test
    void copyAndSynchronousImagesFinishInTheirSubmit() {
        List<Row> rows = ProviderCallsBench.assets(N);

        for (String model : List.of("gpt-4o-mini", "stable-image-core")) {
            Row row = row(rows, model);
            assertThat(row.total()).as(model).isEqualTo(1);
            assertThat(row.pollMessages()).as(model).isZero();
        }
        Row upscale = row(rows, "upscale-creative");
        assertThat(upscale.total()).isEqualTo(1 + N + 1);
        assertThat(upscale.pollMessages()).isEqualTo(N + 1);
    }

    @Test
    void eachRetryCostsOneCallAndNoWorkerMessage() {
        List<Retry> retries = ProviderCallsBench.retries(N);

        assertThat(retries).hasSize(2).allSatisfy(retry -> {
            assertThat(retry.extraCalls()).as(retry.scenario()).isEqualTo(1);
            assertThat(retry.row().pollMessages()).as(retry.scenario()).isEqualTo(N + 1);
            assertThat(retry.waits()).as(retry.scenario()).hasSize(1);
        });
        assertThat(retries.get(0).row().submits()).isEqualTo(2);
        assertThat(retries.get(0).waits()).containsExactly(Duration.ofSeconds(2));
        assertThat(retries.get(1).row().polls()).isEqualTo(N + 2);
    }

    @Test
    void studioAssetsCostTheSameCallsAsTheirCampaignKind() {
        List<Row> studio = ProviderCallsBench.studioAssets(N);
        int oneJob = 1 + (N + 1) + 1;

        for (String model : List.of("qwen-image", "ideogram-v3-turbo", "wan-2.5-i2v-720p", "wan-2.5-t2v-1080p",
                "infinitetalk-720p", "hunyuan-avatar")) {
            Row row = row(studio, model);
            assertThat(row.submits()).as(model).isEqualTo(1);
            assertThat(row.polls()).as(model).isEqualTo(N + 1);
            assertThat(row.downloads()).as(model).isEqualTo(1);
            assertThat(row.uploads()).as(model + ": the key frame or voice goes inline").isZero();
            assertThat(row.total()).as(model).isEqualTo(oneJob);
            assertThat(row.pollMessages()).as(model).isEqualTo(N + 1);
        }
        Row core = row(studio, "stable-image-core");
        assertThat(core.total()).isEqualTo(1);
        assertThat(core.pollMessages()).isZero();
        assertThat(core.size()).isEqualTo("1080×1350");
        Row spoken = row(studio, "infinitetalk-480p");
        assertThat(spoken.uploads()).isEqualTo(2);
        assertThat(spoken.submits()).isEqualTo(2);
        assertThat(spoken.polls()).isEqualTo(2 * (N + 1));
        assertThat(spoken.total()).isEqualTo(2 + 2 + 2 * (N + 1) + 1);
        assertThat(row(studio, "qwen-image").size()).isEqualTo("1080×1350");
        assertThat(row(studio, "wan-2.5-t2v-1080p").size()).isEqualTo("1080×1920, 10.0 s");
        assertThat(studio).extracting(Row::placement).contains("studio/photoshoot", "studio/animate",
                "studio/product_video", "studio/avatar_explainer");
    }

    private static Row row(List<Row> rows, String model) {
        return rows.stream().filter(row -> row.model().equals(model)).findFirst().orElseThrow();
    }
}
