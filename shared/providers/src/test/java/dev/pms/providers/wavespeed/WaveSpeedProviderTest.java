package dev.pms.providers.wavespeed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.VideoLimits;
import dev.pms.core.generation.GeneratedMedia;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.ProviderJob;
import dev.pms.core.pricing.PriceTable;
import dev.pms.providers.http.Redactor;
import dev.pms.providers.http.Sleeper;
import dev.pms.providers.wavespeed.WaveSpeedStub.RecordedCall;
import dev.pms.providers.wavespeed.WaveSpeedStub.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static dev.pms.providers.wavespeed.WaveSpeedFixtures.SCRIPT;
import static dev.pms.providers.wavespeed.WaveSpeedFixtures.mp4;
import static dev.pms.providers.wavespeed.WaveSpeedFixtures.png;
import static dev.pms.providers.wavespeed.WaveSpeedFixtures.request;
import static dev.pms.providers.wavespeed.WaveSpeedFixtures.wav;
import static org.assertj.core.api.Assertions.assertThat;

/** The WaveSpeed client against a local stub of the predictions protocol; nothing leaves the machine. */
class WaveSpeedProviderTest {
    private static final String KEY = "ws-test-9f8e7d6c5b4a39281706f5e4d3c2b1a0";
    private static final Duration BACKOFF_BASE = Duration.ofMillis(100);
    private static final Duration BACKOFF_CAP = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Duration> waits = new ArrayList<>();
    private final Sleeper recordingSleeper = waits::add;
    private WaveSpeedStub stub;

    @BeforeEach
    void startStub() throws IOException {
        stub = new WaveSpeedStub();
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Test
    void makesAQwenImageThroughSubmitPollsAndOneDownloadAtTheExactPlacementSize() throws Exception {
        String output = stub.serve("out-1.png", png(1024, 1280), "image/png");
        stub.then(Reply.ok(stub.created("p1", "wavespeed-ai/qwen-image/text-to-image")))
                .then(Reply.ok(stub.processing("p1", "wavespeed-ai/qwen-image/text-to-image")))
                .then(Reply.ok(stub.completed("p1", "wavespeed-ai/qwen-image/text-to-image", output)));
        WaveSpeedProvider provider = provider(3);

        ProviderJob submitted = provider.submit(request(AssetType.IMAGE, "instagram/feed_portrait", "qwen-image", null,
                null));

        ProviderJob.Pending pending = (ProviderJob.Pending) submitted;
        assertThat(pending.pollAfter()).isEqualTo(Duration.ofSeconds(3));
        assertThat(pending.handle()).isEqualTo("ws1|qwen-image|image|p1|1080x1350|0.00|0|1");
        RecordedCall post = stub.calls().get(0);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.path()).isEqualTo("/api/v3/wavespeed-ai/qwen-image/text-to-image");
        assertThat(post.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(post.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = JSON.readTree(post.text());
        assertThat(body.path("prompt").asText()).startsWith("A bright desk with an open notebook")
                .contains("Brand colours: #1F6FEB, #F78166");
        assertThat(body.path("size").asText()).isEqualTo("1080*1352");
        assertThat(body.path("enable_sync_mode").asBoolean(true)).isFalse();

        ProviderJob.Pending stillPending = (ProviderJob.Pending) provider.poll(pending.handle());
        assertThat(stillPending.handle()).isEqualTo("ws1|qwen-image|image|p1|1080x1350|0.00|0|2");
        GeneratedMedia media = ((ProviderJob.Completed) provider.poll(stillPending.handle())).media();

        assertThat(media.mimeType()).isEqualTo("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(media.bytes()));
        assertThat(image.getWidth()).isEqualTo(1080);
        assertThat(image.getHeight()).isEqualTo(1350);
        assertThat(media.width()).isEqualTo(1080);
        assertThat(media.height()).isEqualTo(1350);
        assertThat(media.provider()).isEqualTo("wavespeed");
        assertThat(media.model()).isEqualTo("qwen-image");
        assertThat(media.reportedCostUsd()).isEqualByComparingTo("0.03");
        assertThat(media.details()).containsEntry("http_calls", 4).containsEntry("fitted_to_placement", true)
                .containsEntry("generated_size", "1024x1280").containsEntry("requested_size", "1080*1352")
                .containsEntry("placement_size", "1080x1350").containsEntry("prediction_id", "p1");
        assertThat(provider.httpCalls()).isEqualTo(4);

        List<RecordedCall> calls = stub.calls();
        assertThat(calls).extracting(RecordedCall::method).containsExactly("POST", "GET", "GET", "GET");
        assertThat(calls.get(1).path()).isEqualTo("/api/v3/predictions/p1/result");
        assertThat(calls.get(1).header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(calls.get(3).path()).isEqualTo("/files/out-1.png");
        assertThat(calls.get(3).header("Authorization")).as("the key never goes to the output's host").isNull();
    }

    @Test
    void asksIdeogramForTheNearestAspectRatioAndFitsTheResultToTheCanvas() throws Exception {
        String output = stub.serve("wide.png", png(1344, 768), "image/png");
        stub.then(Reply.ok(stub.created("p2", "ideogram-ai/ideogram-v3-turbo")))
                .then(Reply.ok(stub.completed("p2", "ideogram-ai/ideogram-v3-turbo", output)));
        WaveSpeedProvider provider = provider(3);

        ProviderJob.Pending pending = (ProviderJob.Pending) provider.submit(request(AssetType.IMAGE,
                "linkedin/post_landscape", "ideogram-v3-turbo", null, null));
        GeneratedMedia media = ((ProviderJob.Completed) provider.poll(pending.handle())).media();

        RecordedCall post = stub.calls().get(0);
        assertThat(post.path()).isEqualTo("/api/v3/ideogram-ai/ideogram-v3-turbo");
        assertThat(JSON.readTree(post.text()).path("aspect_ratio").asText()).isEqualTo("16:9");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(media.bytes()));
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(628);
        assertThat(media.reportedCostUsd()).isEqualByComparingTo("0.05");
        assertThat(media.details()).containsEntry("requested_aspect_ratio", "16:9");
    }

    @Test
    void editsTheKeyFrameWithQwenEditSentInline() throws Exception {
        String output = stub.serve("edit.png", png(1080, 1080), "image/png");
        stub.then(Reply.ok(stub.created("p3", "wavespeed-ai/qwen-image/edit")))
                .then(Reply.ok(stub.completed("p3", "wavespeed-ai/qwen-image/edit", output)));
        WaveSpeedProvider provider = provider(3);

        ProviderJob.Pending pending = (ProviderJob.Pending) provider.submit(request(AssetType.IMAGE,
                "instagram/feed_square", "qwen-image-edit", png(800, 800), null));
        GeneratedMedia media = ((ProviderJob.Completed) provider.poll(pending.handle())).media();

        RecordedCall post = stub.calls().get(0);
        assertThat(post.path()).isEqualTo("/api/v3/wavespeed-ai/qwen-image/edit");
        assertThat(JSON.readTree(post.text()).path("image").asText()).startsWith("data:image/png;base64,iVBOR");
        assertThat(media.reportedCostUsd()).isEqualByComparingTo("0.02");
        assertThat(media.width()).isEqualTo(1080);
    }

    @Test
    void turnsAKeyFrameIntoAWanClipOfThePlacementsLengthAndPricesItsSeconds() throws Exception {
        String output = stub.serve("clip.mp4", mp4(5.04, 720, 1280), "video/mp4");
        stub.then(Reply.ok(stub.created("v1", "alibaba/wan-2.5/image-to-video")))
                .then(Reply.ok(stub.completed("v1", "alibaba/wan-2.5/image-to-video", output)));
        WaveSpeedProvider provider = provider(3);

        ProviderJob.Pending pending = (ProviderJob.Pending) provider.submit(request(AssetType.VIDEO, "tiktok/video",
                "wan-2.5-i2v-720p", png(1080, 1920), null));
        assertThat(pending.pollAfter()).isEqualTo(Duration.ofSeconds(20));
        GeneratedMedia media = ((ProviderJob.Completed) provider.poll(pending.handle())).media();

        RecordedCall post = stub.calls().get(0);
        assertThat(post.path()).isEqualTo("/api/v3/alibaba/wan-2.5/image-to-video");
        JsonNode body = JSON.readTree(post.text());
        assertThat(body.path("resolution").asText()).isEqualTo("720p");
        assertThat(body.path("duration").asInt()).isEqualTo(5);
        assertThat(body.path("image").asText()).startsWith("data:image/png;base64,");
        assertThat(media.mimeType()).isEqualTo("video/mp4");
        assertThat(media.durationSeconds()).isEqualTo(5.04);
        assertThat(media.width()).isEqualTo(720);
        assertThat(media.height()).isEqualTo(1280);
        assertThat(media.reportedCostUsd()).isEqualByComparingTo("0.5");
        assertThat(media.details()).containsEntry("resolution", "720p").containsEntry("http_calls", 3);
    }

    @Test
    void asksWanForFiveSecondsUnlessThePlacementNeedsMore() throws Exception {
        stub.then(Reply.ok(stub.created("v2", "alibaba/wan-2.5/image-to-video")));

        provider(3).submit(request(AssetType.VIDEO, "youtube/video", "wan-2.5-i2v-1080p", png(640, 360), null));
        assertThat(JSON.readTree(stub.calls().get(0).text()).path("duration").asInt()).isEqualTo(5);

        assertThat(InputRules.wanSeconds(new VideoLimits(6, 60, null))).isEqualTo(10);
    }

    @Test
    void speaksTheScriptWithMinimaxAndMeasuresTheWav() throws Exception {
        String output = stub.serve("voice.wav", wav(7.5), "audio/wav");
        stub.then(Reply.ok(stub.created("a1", "minimax/speech-02-hd")))
                .then(Reply.ok(stub.completed("a1", "minimax/speech-02-hd", output)));
        WaveSpeedProvider provider = provider(3);

        ProviderJob.Pending pending = (ProviderJob.Pending) provider.submit(request(AssetType.AUDIO, null, null, null,
                SCRIPT));
        GeneratedMedia media = ((ProviderJob.Completed) provider.poll(pending.handle())).media();

        RecordedCall post = stub.calls().get(0);
        assertThat(post.path()).isEqualTo("/api/v3/minimax/speech-02-hd");
        JsonNode body = JSON.readTree(post.text());
        assertThat(body.path("text").asText()).isEqualTo(SCRIPT);
        assertThat(body.path("voice_id").asText()).isEqualTo(WaveSpeedConfig.DEFAULT_VOICE_ID);
        assertThat(media.mimeType()).isEqualTo("audio/wav");
        assertThat(media.durationSeconds()).isEqualTo(7.5);
        assertThat(media.model()).isEqualTo("speech-02-hd");
        assertThat(media.reportedCostUsd()).isEqualByComparingTo(new BigDecimal(SCRIPT.length())
                .movePointLeft(3).multiply(new BigDecimal("0.05")));
    }

    @Test
    void makesAnAvatarFromAVoiceOverThenInfiniteTalkOnTheUploadedKeyFrame() throws Exception {
        byte[] keyFrame = png(720, 1280);
        String voice = stub.serve("voice.mp3", new byte[] {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0}, "audio/mpeg");
        String video = stub.serve("avatar.mp4", mp4(11.2, 480, 854), "video/mp4");
        stub.then(Reply.ok(stub.uploadCreated("key-frame.png")))
                .then(Reply.ok(stub.created("t1", "minimax/speech-02-hd")))
                .then(Reply.ok(stub.completed("t1", "minimax/speech-02-hd", voice)))
                .then(Reply.ok(stub.created("i1", "wavespeed-ai/infinitetalk")))
                .then(Reply.ok(stub.processing("i1", "wavespeed-ai/infinitetalk")))
                .then(Reply.ok(stub.completed("i1", "wavespeed-ai/infinitetalk", video)));
        WaveSpeedProvider provider = provider(3);

        ProviderJob.Pending voicing = (ProviderJob.Pending) provider.submit(request(AssetType.AVATAR, "tiktok/video",
                "infinitetalk-480p", keyFrame, SCRIPT));
        assertThat(voicing.handle()).startsWith("ws1|speech-02-hd|audio|t1|1080x1920|")
                .contains("|infinitetalk-480p|http%3A%2F%2F127.0.0.1");
        assertThat(stub.uploaded("key-frame.png")).isEqualTo(keyFrame);

        ProviderJob.Pending animating = (ProviderJob.Pending) provider.poll(voicing.handle());
        assertThat(animating.handle()).startsWith("ws1|infinitetalk-480p|video|i1|1080x1920|");
        assertThat(animating.pollAfter()).isEqualTo(Duration.ofSeconds(30));
        ProviderJob.Pending stillAnimating = (ProviderJob.Pending) provider.poll(animating.handle());
        GeneratedMedia media = ((ProviderJob.Completed) provider.poll(stillAnimating.handle())).media();

        List<RecordedCall> calls = stub.calls();
        assertThat(calls).extracting(call -> call.method() + " " + call.path()).containsExactly(
                "POST /api/v3/media/uploads", "PUT /uploads/key-frame.png", "POST /api/v3/minimax/speech-02-hd",
                "GET /api/v3/predictions/t1/result", "POST /api/v3/wavespeed-ai/infinitetalk",
                "GET /api/v3/predictions/i1/result", "GET /api/v3/predictions/i1/result", "GET /files/avatar.mp4");
        assertThat(calls.get(1).header("Authorization")).isNull();
        assertThat(calls.get(1).header("x-upload-token")).isEqualTo("t0k");
        JsonNode animate = JSON.readTree(calls.get(4).text());
        assertThat(animate.path("image").asText()).isEqualTo(stub.baseUrl() + "/files/key-frame.png");
        assertThat(animate.path("audio").asText()).isEqualTo(voice);
        assertThat(animate.path("resolution").asText()).isEqualTo("480p");
        assertThat(media.model()).isEqualTo("infinitetalk-480p");
        assertThat(media.durationSeconds()).isEqualTo(11.2);
        BigDecimal expected = new BigDecimal("12").multiply(new BigDecimal("0.03"))
                .add(new BigDecimal(SCRIPT.length()).movePointLeft(3).multiply(new BigDecimal("0.05")));
        assertThat(media.reportedCostUsd()).isEqualByComparingTo(expected);
        assertThat(media.details()).containsEntry("http_calls", 8).containsEntry("voice_model", "speech-02-hd");
    }

    @Test
    void putsAVoiceTheCallerHasUnderAWanClip() throws Exception {
        String output = stub.serve("voiced.mp4", mp4(5, 1280, 720), "video/mp4");
        stub.then(Reply.ok(stub.created("w1", "alibaba/wan-2.5/image-to-video")))
                .then(Reply.ok(stub.completed("w1", "alibaba/wan-2.5/image-to-video", output)));
        WaveSpeedProvider provider = provider(3);

        ProviderJob.Pending pending = (ProviderJob.Pending) provider.submit(request(AssetType.VIDEO,
                "twitter/post_video", "wan-2.5-i2v-480p", png(1200, 675), null), wav(8), 8);
        GeneratedMedia media = ((ProviderJob.Completed) provider.poll(pending.handle())).media();

        JsonNode body = JSON.readTree(stub.calls().get(0).text());
        assertThat(body.path("audio").asText()).startsWith("data:audio/wav;base64,UklGR");
        assertThat(body.path("image").asText()).startsWith("data:image/png;base64,");
        assertThat(body.path("duration").asInt()).isEqualTo(5);
        assertThat(body.path("resolution").asText()).isEqualTo("480p");
        assertThat(media.reportedCostUsd()).isEqualByComparingTo("0.25");
    }

    @Test
    void lipSyncsTheKeyFrameToAVoiceTheCallerHasInOnePrediction() throws Exception {
        String output = stub.serve("talk.mp4", mp4(6.1, 720, 1280), "video/mp4");
        stub.then(Reply.ok(stub.created("it2", "wavespeed-ai/infinitetalk")))
                .then(Reply.ok(stub.completed("it2", "wavespeed-ai/infinitetalk", output)));
        WaveSpeedProvider provider = provider(3);

        ProviderJob.Pending pending = (ProviderJob.Pending) provider.submit(request(AssetType.AVATAR,
                "instagram/reel", "infinitetalk-720p", png(720, 1280), null), wav(6), 6);
        GeneratedMedia media = ((ProviderJob.Completed) provider.poll(pending.handle())).media();

        RecordedCall post = stub.calls().get(0);
        assertThat(post.path()).isEqualTo("/api/v3/wavespeed-ai/infinitetalk");
        JsonNode body = JSON.readTree(post.text());
        assertThat(body.path("audio").asText()).startsWith("data:audio/wav;base64,");
        assertThat(body.path("resolution").asText()).isEqualTo("720p");
        assertThat(media.reportedCostUsd()).isEqualByComparingTo("0.42");
        assertThat(media.details()).containsEntry("http_calls", 3).doesNotContainKey("voice_model");
    }

    @Test
    void refusesAVoiceTheModelCannotTakeWithoutAnyHttpCall() {
        WaveSpeedProvider provider = provider(3);
        byte[] keyFrame = png(64, 64);

        ProviderJob.Failed shortForWan = (ProviderJob.Failed) provider.submit(request(AssetType.VIDEO, "tiktok/video",
                "wan-2.5-i2v-720p", keyFrame, null), wav(2), 2);
        ProviderJob.Failed bigForWan = (ProviderJob.Failed) provider.submit(request(AssetType.VIDEO, "tiktok/video",
                "wan-2.5-i2v-720p", keyFrame, null), new byte[(int) InputRules.WAN_MAX_AUDIO_BYTES + 1], 20);
        ProviderJob.Failed shortForTalk = (ProviderJob.Failed) provider.submit(request(AssetType.AVATAR,
                "tiktok/video", "infinitetalk-480p", keyFrame, null), wav(4), 4);
        ProviderJob.Failed forAnImage = (ProviderJob.Failed) provider.submit(request(AssetType.IMAGE,
                "instagram/feed_square", "qwen-image", null, null), wav(4), 4);

        assertThat(shortForWan.reason()).contains("3 to 30 s");
        assertThat(bigForWan.reason()).contains("at most 15 MB");
        assertThat(shortForTalk.reason()).contains("at least 5 s");
        assertThat(forAnImage.reason()).contains("video or an avatar");
        assertThat(List.of(shortForWan, bigForWan, shortForTalk, forAnImage))
                .allSatisfy(failed -> assertThat(failed.retryable()).isFalse());
        assertThat(stub.calls()).isEmpty();
    }

    @Test
    void reportsAFailedPredictionAsRetryableWithWaveSpeedsError() {
        stub.then(Reply.ok(stub.created("f1", "wavespeed-ai/qwen-image/text-to-image")))
                .then(Reply.ok(stub.failed("f1", "wavespeed-ai/qwen-image/text-to-image", "GPU worker crashed")));
        WaveSpeedProvider provider = provider(3);

        ProviderJob.Pending pending = (ProviderJob.Pending) provider.submit(imageRequest());
        ProviderJob.Failed failed = (ProviderJob.Failed) provider.poll(pending.handle());

        assertThat(failed.retryable()).isTrue();
        assertThat(failed.reason()).contains("f1", "failed", "GPU worker crashed");
    }

    @Test
    void reportsAContentPolicyRefusalAsFinal() {
        stub.then(Reply.ok(stub.created("c1", "wavespeed-ai/qwen-image/text-to-image")))
                .then(Reply.ok(stub.failed("c1", "wavespeed-ai/qwen-image/text-to-image",
                        "NSFW content detected in the prompt")));
        WaveSpeedProvider provider = provider(3);

        ProviderJob.Pending pending = (ProviderJob.Pending) provider.submit(imageRequest());
        ProviderJob.Failed failed = (ProviderJob.Failed) provider.poll(pending.handle());

        assertThat(failed.retryable()).isFalse();
        assertThat(failed.reason()).contains("content policy", "NSFW content detected");
    }

    @Test
    void refusesAnOutputWaveSpeedFlaggedAsNsfwWithoutDownloadingIt() {
        String output = stub.serve("flagged.png", png(64, 64), "image/png");
        stub.then(Reply.ok(stub.created("n1", "wavespeed-ai/qwen-image/text-to-image")))
                .then(Reply.ok(stub.completedFlagged("n1", "wavespeed-ai/qwen-image/text-to-image", output)));
        WaveSpeedProvider provider = provider(3);

        ProviderJob.Pending pending = (ProviderJob.Pending) provider.submit(imageRequest());
        ProviderJob.Failed failed = (ProviderJob.Failed) provider.poll(pending.handle());

        assertThat(failed.retryable()).isFalse();
        assertThat(failed.reason()).contains("content policy", "NSFW");
        assertThat(stub.calls()).hasSize(2);
    }

    @Test
    void reportsAPolicyRefusalOfTheSubmitAsFinal() {
        stub.then(Reply.json(400, WaveSpeedStub.refused(400, "prompt violates the content policy")));

        ProviderJob.Failed failed = (ProviderJob.Failed) provider(3).submit(imageRequest());

        assertThat(failed.retryable()).isFalse();
        assertThat(failed.reason()).startsWith(WaveSpeedProvider.REFUSED);
        assertThat(stub.calls()).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void waitsAsRetryAfterAsksOn429ThenSucceeds() {
        stub.then(Reply.withHeader(429, "Retry-After", "3", WaveSpeedStub.refused(429, "Too many requests")))
                .then(Reply.ok(stub.created("r1", "wavespeed-ai/qwen-image/text-to-image")));
        WaveSpeedProvider provider = provider(3);

        ProviderJob.Pending pending = (ProviderJob.Pending) provider.submit(imageRequest());

        assertThat(waits).containsExactly(Duration.ofSeconds(3));
        assertThat(stub.calls()).hasSize(2);
        assertThat(pending.handle()).endsWith("|2");
        assertThat(provider.httpCalls()).isEqualTo(2);
    }

    @Test
    void givesUpAtOnceWhenRetryAfterIsLongerThanTheCap() {
        stub.then(Reply.withHeader(429, "Retry-After", "120", WaveSpeedStub.refused(429, "Too many requests")));

        ProviderJob.Failed failed = (ProviderJob.Failed) provider(3).submit(imageRequest());

        assertThat(failed.retryable()).isTrue();
        assertThat(failed.reason()).contains("HTTP 429", "120 s");
        assertThat(waits).isEmpty();
    }

    @Test
    void retriesAServerErrorWithBackoffThenSucceeds() {
        stub.then(Reply.json(500, WaveSpeedStub.refused(500, "internal error")))
                .then(Reply.ok(stub.created("s1", "wavespeed-ai/qwen-image/text-to-image")));

        ProviderJob job = provider(3).submit(imageRequest());

        assertThat(job).isInstanceOf(ProviderJob.Pending.class);
        assertThat(waits).hasSize(1);
        assertThat(waits.get(0)).isBetween(BACKOFF_BASE.dividedBy(2), BACKOFF_BASE);
    }

    @Test
    void treatsAnErrorCodeInsideA200EnvelopeLikeTheStatusItNames() {
        stub.then(Reply.ok(WaveSpeedStub.refused(503, "busy")))
                .then(Reply.ok(stub.created("e1", "wavespeed-ai/qwen-image/text-to-image")));

        assertThat(provider(3).submit(imageRequest())).isInstanceOf(ProviderJob.Pending.class);
        assertThat(waits).hasSize(1);
    }

    @Test
    void reportsServerErrorsAsRetryableOnceTheAttemptsAreSpent() {
        stub.then(Reply.json(502, "")).then(Reply.json(502, "")).then(Reply.json(502, ""));

        ProviderJob.Failed failed = (ProviderJob.Failed) provider(3).submit(imageRequest());

        assertThat(failed.retryable()).isTrue();
        assertThat(failed.reason()).contains("HTTP 502", "gave up after 3 attempts");
        assertThat(stub.calls()).hasSize(3);
        assertThat(waits).hasSize(2);
    }

    @Test
    void doesNotRetryA400() {
        stub.then(Reply.json(400, WaveSpeedStub.refused(400, "size must be between 256 and 1536")));

        ProviderJob.Failed failed = (ProviderJob.Failed) provider(3).submit(imageRequest());

        assertThat(failed.retryable()).isFalse();
        assertThat(failed.reason()).contains("HTTP 400", "size must be between 256 and 1536");
        assertThat(stub.calls()).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void retriesATimeoutAndCountsIt() {
        stub.then(Reply.silence()).then(Reply.ok(stub.created("t2", "wavespeed-ai/qwen-image/text-to-image")));
        WaveSpeedConfig config = config(3).withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(5));
        WaveSpeedProvider provider = new WaveSpeedProvider(config, PriceTable.load(), recordingSleeper,
                Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC), new Random(7));

        ProviderJob job = provider.submit(imageRequest());

        assertThat(job).isInstanceOf(ProviderJob.Pending.class);
        assertThat(provider.httpCalls()).isEqualTo(2);
        assertThat(waits).hasSize(1);
    }

    @Test
    void retriesAFailedDownloadThenFinishes() {
        String output = stub.serve("late.png", png(1080, 1080), "image/png");
        stub.failDownloadOnce("late.png", 503);
        stub.then(Reply.ok(stub.created("d1", "x"))).then(Reply.ok(stub.completed("d1", "x", output)));
        WaveSpeedProvider provider = provider(3);

        ProviderJob.Pending pending = (ProviderJob.Pending) provider.submit(imageRequest());
        GeneratedMedia media = ((ProviderJob.Completed) provider.poll(pending.handle())).media();

        assertThat(waits).hasSize(1);
        assertThat(media.details()).containsEntry("http_calls", 4);
        assertThat(provider.httpCalls()).isEqualTo(4);
    }

    @Test
    void reportsAnOutputThatIsGoneAsFinal() {
        stub.then(Reply.ok(stub.created("g1", "x")))
                .then(Reply.ok(stub.completed("g1", "x", stub.baseUrl() + "/files/expired.png")));
        WaveSpeedProvider provider = provider(3);

        ProviderJob.Pending pending = (ProviderJob.Pending) provider.submit(imageRequest());
        ProviderJob.Failed failed = (ProviderJob.Failed) provider.poll(pending.handle());

        assertThat(failed.retryable()).isFalse();
        assertThat(failed.reason()).contains("download", "HTTP 404");
        assertThat(waits).isEmpty();
    }

    @Test
    void followsNoRedirectFromTheApiSoTheKeyStaysThere() {
        String elsewhere = stub.serve("elsewhere", new byte[] {1}, "application/json");
        stub.then(Reply.withHeader(302, "Location", elsewhere, ""));

        ProviderJob.Failed failed = (ProviderJob.Failed) provider(3).submit(imageRequest());

        assertThat(failed.retryable()).isFalse();
        assertThat(failed.reason()).contains("HTTP 302");
        assertThat(stub.calls()).hasSize(1);
    }

    @Test
    void reportsMalformedAnswersAsFinal() {
        stub.then(Reply.ok("<html>gateway</html>"));
        ProviderJob.Failed notJson = (ProviderJob.Failed) provider(3).submit(imageRequest());
        assertThat(notJson.retryable()).isFalse();
        assertThat(notJson.reason()).startsWith(WaveSpeedProvider.MALFORMED);

        stub.then(Reply.ok("{\"code\": 200, \"message\": \"success\", \"data\": {\"status\": \"created\"}}"));
        ProviderJob.Failed noId = (ProviderJob.Failed) provider(3).submit(imageRequest());
        assertThat(noId.reason()).contains("data.id");

        stub.then(Reply.ok(stub.created("m1", "x"))).then(Reply.ok(stub.completed("m1", "x", "not a url")));
        WaveSpeedProvider provider = provider(3);
        ProviderJob.Pending pending = (ProviderJob.Pending) provider.submit(imageRequest());
        ProviderJob.Failed badOutput = (ProviderJob.Failed) provider.poll(pending.handle());
        assertThat(badOutput.retryable()).isFalse();
        assertThat(badOutput.reason()).contains("malformed", "not a url");
        assertThat(waits).isEmpty();
    }

    @Test
    void reportsAnOutputThatIsNotAnImageAsMalformed() {
        String output = stub.serve("broken.png", new byte[] {1, 2, 3}, "image/png");
        stub.then(Reply.ok(stub.created("b1", "x"))).then(Reply.ok(stub.completed("b1", "x", output)));
        WaveSpeedProvider provider = provider(3);

        ProviderJob.Pending pending = (ProviderJob.Pending) provider.submit(imageRequest());
        ProviderJob.Failed failed = (ProviderJob.Failed) provider.poll(pending.handle());

        assertThat(failed.retryable()).isFalse();
        assertThat(failed.reason()).contains("not an image");
    }

    @Test
    void refusesWhatTheModelsWouldRefuseWithoutAnyHttpCall() {
        WaveSpeedProvider provider = provider(3);
        byte[] tooBig = new byte[(int) InputRules.WAN_MAX_IMAGE_BYTES + 1];
        System.arraycopy(png(4, 4), 0, tooBig, 0, 8);

        ProviderJob.Failed bigImage = (ProviderJob.Failed) provider.submit(request(AssetType.VIDEO, "tiktok/video",
                "wan-2.5-i2v-480p", tooBig, null));
        ProviderJob.Failed noKeyFrame = (ProviderJob.Failed) provider.submit(request(AssetType.VIDEO, "tiktok/video",
                "wan-2.5-i2v-480p", null, null));
        ProviderJob.Failed notAnImage = (ProviderJob.Failed) provider.submit(request(AssetType.VIDEO, "tiktok/video",
                "wan-2.5-i2v-480p", new byte[] {1, 2, 3}, null));
        ProviderJob.Failed shortAvatar = (ProviderJob.Failed) provider.submit(request(AssetType.AVATAR,
                "tiktok/video", "infinitetalk-720p", png(64, 64), "Meet Acme Notes today."));
        ProviderJob.Failed avatarWithoutFace = (ProviderJob.Failed) provider.submit(request(AssetType.AVATAR,
                "tiktok/video", "hunyuan-avatar", null, SCRIPT));
        ProviderJob.Failed longScript = (ProviderJob.Failed) provider.submit(request(AssetType.AUDIO, null, null, null,
                "word ".repeat(2_001)));
        ProviderJob.Failed noCanvas = (ProviderJob.Failed) provider.submit(request(AssetType.IMAGE, null,
                "qwen-image", null, null));
        ProviderJob.Failed editWithoutImage = (ProviderJob.Failed) provider.submit(request(AssetType.IMAGE,
                "instagram/feed_square", "qwen-image-edit", null, null));
        ProviderJob.Failed unknownModel = (ProviderJob.Failed) provider.submit(request(AssetType.IMAGE,
                "instagram/feed_square", "flux-kontext-pro", null, null));
        ProviderJob.Failed copy = (ProviderJob.Failed) provider.submit(request(AssetType.TEXT,
                "instagram/caption", null, null, null));

        assertThat(List.of(bigImage, noKeyFrame, notAnImage, shortAvatar, avatarWithoutFace, longScript, noCanvas,
                editWithoutImage, unknownModel, copy)).allSatisfy(failed -> assertThat(failed.retryable()).isFalse());
        assertThat(bigImage.reason()).contains("at most 10 MB", "10.0 MB");
        assertThat(noKeyFrame.reason()).contains("key frame");
        assertThat(notAnImage.reason()).contains("no readable image");
        assertThat(shortAvatar.reason()).contains("at least 5 s");
        assertThat(avatarWithoutFace.reason()).contains("key frame");
        assertThat(longScript.reason()).contains("10,000 characters");
        assertThat(noCanvas.reason()).contains("canvas");
        assertThat(editWithoutImage.reason()).contains("key frame");
        assertThat(unknownModel.reason()).contains("flux-kontext-pro");
        assertThat(stub.calls()).isEmpty();
        assertThat(provider.httpCalls()).isZero();
    }

    @Test
    void keepsTheKeyOutOfReasonsLogLinesHandlesAndDescriptions() {
        List<LogRecord> records = new ArrayList<>();
        Logger logger = Logger.getLogger("dev.pms.providers.wavespeed");
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level previousLevel = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);
        try {
            stub.then(Reply.json(500, WaveSpeedStub.refused(500, "upstream saw Bearer " + KEY)))
                    .then(Reply.json(400, WaveSpeedStub.refused(400, "bad header Bearer " + KEY)))
                    .then(Reply.json(401, WaveSpeedStub.refused(401, "invalid key " + KEY)))
                    .then(Reply.ok(stub.created("k1", "x")))
                    .then(Reply.ok(stub.failed("k1", "x", "worker saw token " + KEY)));
            WaveSpeedProvider provider = provider(3);

            ProviderJob.Failed echoed = (ProviderJob.Failed) provider.submit(imageRequest());
            ProviderJob.Failed rejected = (ProviderJob.Failed) provider.submit(imageRequest());
            ProviderJob.Pending pending = (ProviderJob.Pending) provider.submit(imageRequest());
            ProviderJob.Failed failed = (ProviderJob.Failed) provider.poll(pending.handle());

            SimpleFormatter formatter = new SimpleFormatter();
            List<String> lines = records.stream().map(formatter::formatMessage).toList();
            assertThat(lines).hasSizeGreaterThanOrEqualTo(4)
                    .anySatisfy(line -> assertThat(line).contains(Redactor.MASK))
                    .allSatisfy(line -> assertThat(line).doesNotContain(KEY));
            assertThat(List.of(echoed.reason(), rejected.reason(), failed.reason(), pending.handle(),
                    provider.toString(), config(3).toString(), echoed.toString()))
                    .allSatisfy(text -> assertThat(text).doesNotContain(KEY));
            assertThat(echoed.reason()).contains(Redactor.MASK);
            assertThat(rejected.reason()).isEqualTo("the API key was rejected (HTTP 401)");
            assertThat(failed.reason()).contains(Redactor.MASK);
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(previousLevel);
        }
    }

    @Test
    void needsAKeyBeforeAnyCall() {
        WaveSpeedProvider blank = new WaveSpeedProvider(WaveSpeedConfig.of(stub.baseUrl(), () -> " "),
                PriceTable.load(), recordingSleeper, Clock.systemUTC(), new Random(7));
        WaveSpeedProvider broken = new WaveSpeedProvider(WaveSpeedConfig.of(stub.baseUrl(), () -> {
            throw new IllegalStateException("SSM is down");
        }), PriceTable.load(), recordingSleeper, Clock.systemUTC(), new Random(7));

        ProviderJob.Failed none = (ProviderJob.Failed) blank.submit(imageRequest());
        ProviderJob.Failed unreadable = (ProviderJob.Failed) broken.poll("ws1|qwen-image|image|p1|1080x1350|0.00|0|1");

        assertThat(none.retryable()).isFalse();
        assertThat(none.reason()).contains("no API key");
        assertThat(unreadable.retryable()).isTrue();
        assertThat(unreadable.reason()).contains("IllegalStateException").doesNotContain("SSM is down");
        assertThat(stub.calls()).isEmpty();
    }

    @Test
    void refusesAHandleItDidNotWrite() {
        ProviderJob.Failed failed = (ProviderJob.Failed) provider(3).poll("op-123");

        assertThat(failed.retryable()).isFalse();
        assertThat(failed.reason()).contains("not a wavespeed job handle");
        assertThat(stub.calls()).isEmpty();
    }

    @Test
    void clonesAVoiceAndFinishesWithThePreview() throws Exception {
        String preview = stub.serve("preview.wav", wav(3), "audio/wav");
        stub.then(Reply.ok(stub.created("vc1", "minimax/voice-clone")))
                .then(Reply.ok(stub.completed("vc1", "minimax/voice-clone", preview)));
        WaveSpeedProvider provider = provider(3);

        ProviderJob.Pending pending = (ProviderJob.Pending) provider.cloneVoice(wav(12), "AcmeVoice01",
                "Hello from Acme Notes.");
        GeneratedMedia media = ((ProviderJob.Completed) provider.poll(pending.handle())).media();

        RecordedCall post = stub.calls().get(0);
        assertThat(post.path()).isEqualTo("/api/v3/minimax/voice-clone");
        JsonNode body = JSON.readTree(post.text());
        assertThat(body.path("custom_voice_id").asText()).isEqualTo("AcmeVoice01");
        assertThat(body.path("audio").asText()).startsWith("data:audio/wav;base64,");
        assertThat(body.path("text").asText()).isEqualTo("Hello from Acme Notes.");
        assertThat(media.model()).isEqualTo("voice-clone");
        assertThat(media.durationSeconds()).isEqualTo(3.0);
        assertThat(media.reportedCostUsd()).isEqualByComparingTo("0.50");
    }

    @Test
    void finishesAVoiceCloneThatCameWithoutAPreview() {
        stub.then(Reply.ok(stub.created("vc2", "minimax/voice-clone")))
                .then(Reply.ok(stub.envelopeWithoutOutputs("vc2", "minimax/voice-clone")));
        WaveSpeedProvider provider = provider(3);

        ProviderJob.Pending pending = (ProviderJob.Pending) provider.cloneVoice(wav(12), "AcmeVoice02", null);
        GeneratedMedia media = ((ProviderJob.Completed) provider.poll(pending.handle())).media();

        assertThat(stub.calls().get(0).text()).doesNotContain("\"text\"");
        assertThat(media.bytes()).isEmpty();
        assertThat(media.details()).containsEntry("preview", "none").containsEntry("http_calls", 2);
        assertThat(media.reportedCostUsd()).isEqualByComparingTo("0.50");
    }

    @Test
    void choosesTheSuitesModelForTheTierWhenTheRequestNamesNone() {
        GenerationRequest standard = request(AssetType.IMAGE, "instagram/feed_square", null, null, null);

        assertThat(RequestRefusals.modelFor(standard)).contains(WaveSpeedModel.QWEN_IMAGE);
        assertThat(RequestRefusals.modelFor(request(AssetType.AUDIO, null, null, null, SCRIPT)))
                .contains(WaveSpeedModel.SPEECH_02_HD);
        assertThat(RequestRefusals.modelFor(request(AssetType.VIDEO, "tiktok/video", "qwen-image", null, null)))
                .isEmpty();
    }

    private GenerationRequest imageRequest() {
        return request(AssetType.IMAGE, "instagram/feed_square", "qwen-image", null, null);
    }

    private WaveSpeedConfig config(int attempts) {
        return WaveSpeedConfig.of(stub.baseUrl(), () -> KEY).withRetries(attempts, BACKOFF_BASE, BACKOFF_CAP);
    }

    private WaveSpeedProvider provider(int attempts) {
        return new WaveSpeedProvider(config(attempts), PriceTable.load(), recordingSleeper,
                Clock.fixed(Instant.parse("2026-11-25T09:00:00Z"), ZoneOffset.UTC), new Random(7));
    }
}
