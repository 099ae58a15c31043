package dev.pms.providers.stability;

import dev.pms.core.channel.AssetType;
import dev.pms.core.generation.GeneratedMedia;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.ProviderJob;
import dev.pms.core.generation.StudioBrief;
import dev.pms.core.pricing.PriceTable;
import dev.pms.providers.http.Sleeper;
import dev.pms.providers.stability.StabilityStub.RecordedCall;
import dev.pms.providers.stability.StabilityStub.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.pms.providers.wavespeed.WaveSpeedFixtures.STUDIO_PROMPT;
import static dev.pms.providers.wavespeed.WaveSpeedFixtures.animation;
import static dev.pms.providers.wavespeed.WaveSpeedFixtures.photoshoot;
import static dev.pms.providers.wavespeed.WaveSpeedFixtures.png;
import static dev.pms.providers.wavespeed.WaveSpeedFixtures.studioRequest;
import static dev.pms.providers.wavespeed.WaveSpeedFixtures.transparentPng;
import static org.assertj.core.api.Assertions.assertThat;

/** The studio's photoshoot on Stable Image against the local v2beta stub: one call, fitted exactly. */
class StabilityStudioTest {
    private static final String KEY = "sk-stab-studio-5e4d3c2b1a09f8e7d6c5b4a3";

    private final List<Duration> waits = new ArrayList<>();
    private final Sleeper recordingSleeper = waits::add;
    private StabilityStub stub;

    @BeforeEach
    void startStub() throws IOException {
        stub = new StabilityStub();
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @ParameterizedTest
    @CsvSource({
            "1080, 1350, 4:5, 896, 1152",
            "1024, 1024, 1:1, 1024, 1024",
            "1280, 720, 16:9, 1344, 768",
            "1080, 1920, 9:16, 768, 1344"})
    void aPhotoshootIsOneCallAtTheNearestRatioFittedExactlyToTheCanvas(int width, int height, String ratio,
                                                                      int madeWidth, int madeHeight) throws Exception {
        stub.then(Reply.image(png(madeWidth, madeHeight), "SUCCESS"));
        StabilityProvider provider = provider();

        GeneratedMedia media = completed(provider.submit(request(photoshoot("white"), width, height,
                "stable-image-core")));

        assertThat(stub.calls()).hasSize(1);
        RecordedCall call = stub.calls().get(0);
        assertThat(call.path()).isEqualTo("/v2beta/stable-image/generate/core");
        assertThat(call.fields()).containsEntry("prompt", STUDIO_PROMPT).containsEntry("aspect_ratio", ratio)
                .containsEntry("output_format", "png").containsEntry("negative_prompt", "game changer, revolutionary");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(media.bytes()));
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
        assertThat(media.width()).isEqualTo(width);
        assertThat(media.height()).isEqualTo(height);
        assertThat(media.reportedCostUsd()).isEqualByComparingTo("0.04");
        assertThat(media.details()).containsEntry("source", "studio").containsEntry("studio_operation", "photoshoot")
                .containsEntry("fitted", true).containsEntry("http_calls", 1).doesNotContainKey("background_note");
    }

    @Test
    void aTransparentPhotoshootSaysCoreMadeNoAlpha() throws Exception {
        stub.then(Reply.image(png(1024, 1024), "SUCCESS"));

        GeneratedMedia media = completed(provider().submit(request(photoshoot("transparent"), 1024, 1024,
                "stable-image-core")));

        assertThat(ImageIO.read(new ByteArrayInputStream(media.bytes())).getColorModel().hasAlpha()).isFalse();
        assertThat(media.details()).containsEntry("has_alpha", false);
        assertThat((String) media.details().get("background_note")).contains("stable-image-core makes no alpha",
                "remove-background");
    }

    @Test
    void aTransparentPhotoshootKeepsAnAlphaChannelItGets() throws Exception {
        stub.then(Reply.image(transparentPng(1024, 1024), "SUCCESS"));

        GeneratedMedia media = completed(provider().submit(request(photoshoot("transparent"), 1080, 1080,
                "stable-image-ultra")));

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(media.bytes()));
        assertThat(image.getColorModel().hasAlpha()).isTrue();
        assertThat(image.getRGB(0, 0) >>> 24).isZero();
        assertThat(media.details()).containsEntry("has_alpha", true);
    }

    @Test
    void refusesWhatIsNoPhotoshootOrCannotBeFittedWithoutAnyCall() {
        StabilityProvider provider = provider();

        ProviderJob.Failed animate = failed(provider.submit(request(animation("demo", 5), 1280, 720,
                "stable-image-core")));
        ProviderJob.Failed edit = failed(provider.submit(request(photoshoot("white"), 1080, 1080,
                "remove-background")));
        GenerationRequest r = request(photoshoot("white"), 1080, 1080, "stable-image-core");
        ProviderJob.Failed noCanvas = failed(provider.submit(new GenerationRequest(r.jobId(), r.assetId(),
                r.assetType(), null, r.prompt(), r.hook(), r.conceptSummary(), r.productContext(), r.brandPalette(),
                r.forbiddenPhrases(), r.provider(), r.model(), r.tier(), null, null, null, null, null, r.studio())));
        ProviderJob.Failed noPrompt = failed(provider.submit(new GenerationRequest(r.jobId(), r.assetId(),
                r.assetType(), r.placement(), "  ", r.hook(), r.conceptSummary(), r.productContext(), r.brandPalette(),
                r.forbiddenPhrases(), r.provider(), r.model(), r.tier(), null, null, null, null, null, r.studio())));

        assertThat(animate.reason()).contains("photoshoot images only", "animate");
        assertThat(edit.reason()).contains("remove-background", "stable-image-core");
        assertThat(noCanvas.reason()).contains("canvas");
        assertThat(noPrompt.reason()).contains("prompt the studio built");
        assertThat(List.of(animate, edit, noCanvas, noPrompt)).allSatisfy(f -> assertThat(f.retryable()).isFalse());
        assertThat(stub.calls()).isEmpty();
    }

    @Test
    void mapsFailuresAsEveryStabilityCall() {
        stub.then(Reply.error(400, "bad_request", "aspect_ratio: invalid"));
        ProviderJob.Failed rejected = failed(provider().submit(request(photoshoot("white"), 1080, 1080,
                "stable-image-core")));
        assertThat(rejected.retryable()).isFalse();
        assertThat(rejected.reason()).contains("HTTP 400");
        assertThat(waits).isEmpty();

        stub.then(Reply.jsonWithHeader(429, "Retry-After", "1", "{\"name\":\"rate_limit\",\"errors\":[\"slow\"]}"))
                .then(Reply.jsonWithHeader(429, "Retry-After", "1", "{\"name\":\"rate_limit\",\"errors\":[\"slow\"]}"))
                .then(Reply.jsonWithHeader(429, "Retry-After", "1", "{\"name\":\"rate_limit\",\"errors\":[\"slow\"]}"));
        ProviderJob.Failed limited = failed(provider().submit(request(photoshoot("white"), 1080, 1080,
                "stable-image-core")));
        assertThat(limited.retryable()).isTrue();
        assertThat(limited.reason()).contains("HTTP 429", "gave up after 3 attempts");
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));

        stub.then(Reply.error(502, "bad_gateway", "upstream")).then(Reply.error(502, "bad_gateway", "upstream"))
                .then(Reply.error(502, "bad_gateway", "upstream"));
        ProviderJob.Failed down = failed(provider().submit(request(photoshoot("white"), 1080, 1080,
                "stable-image-core")));
        assertThat(down.retryable()).isTrue();
        assertThat(down.reason()).contains("HTTP 502");

        stub.then(Reply.error(401, "unauthorized", "bad key " + KEY));
        ProviderJob.Failed key = failed(provider().submit(request(photoshoot("white"), 1080, 1080,
                "stable-image-core")));
        assertThat(key.retryable()).isFalse();
        assertThat(key.reason()).isEqualTo("the API key was rejected (HTTP 401)");
        assertThat(stub.calls()).hasSize(1 + 3 + 3 + 1);
    }

    private static GenerationRequest request(StudioBrief brief, int width, int height, String model) {
        GenerationRequest r = studioRequest(brief, AssetType.IMAGE, width, height, model, null, null);
        return new GenerationRequest(r.jobId(), r.assetId(), r.assetType(), r.placement(), r.prompt(), r.hook(),
                r.conceptSummary(), r.productContext(), r.brandPalette(), r.forbiddenPhrases(), "stability", model,
                r.tier(), null, null, null, null, null, brief);
    }

    private static GeneratedMedia completed(ProviderJob job) {
        assertThat(job).isInstanceOf(ProviderJob.Completed.class);
        return ((ProviderJob.Completed) job).media();
    }

    private static ProviderJob.Failed failed(ProviderJob job) {
        assertThat(job).isInstanceOf(ProviderJob.Failed.class);
        return (ProviderJob.Failed) job;
    }

    private StabilityProvider provider() {
        return new StabilityProvider(new StabilityConfig(stub.baseUrl(), () -> KEY, Duration.ofSeconds(5), 3,
                Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ofSeconds(7)), PriceTable.load(),
                recordingSleeper, Clock.fixed(Instant.parse("2026-12-03T09:00:00Z"), ZoneOffset.UTC), new Random(7));
    }
}
