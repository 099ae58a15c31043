package dev.pms.providers.wavespeed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pms.core.channel.AssetType;
import dev.pms.core.generation.GeneratedMedia;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.ProviderJob;
import dev.pms.core.generation.StudioBrief;
import dev.pms.core.pricing.PriceTable;
import dev.pms.providers.http.Sleeper;
import dev.pms.providers.wavespeed.WaveSpeedStub.RecordedCall;
import dev.pms.providers.wavespeed.WaveSpeedStub.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

import static dev.pms.providers.wavespeed.WaveSpeedFixtures.SCRIPT;
import static dev.pms.providers.wavespeed.WaveSpeedFixtures.STUDIO_PROMPT;
import static dev.pms.providers.wavespeed.WaveSpeedFixtures.animation;
import static dev.pms.providers.wavespeed.WaveSpeedFixtures.explainer;
import static dev.pms.providers.wavespeed.WaveSpeedFixtures.mp3;
import static dev.pms.providers.wavespeed.WaveSpeedFixtures.mp4;
import static dev.pms.providers.wavespeed.WaveSpeedFixtures.photoshoot;
import static dev.pms.providers.wavespeed.WaveSpeedFixtures.png;
import static dev.pms.providers.wavespeed.WaveSpeedFixtures.productVideo;
import static dev.pms.providers.wavespeed.WaveSpeedFixtures.scenes;
import static dev.pms.providers.wavespeed.WaveSpeedFixtures.studioRequest;
import static dev.pms.providers.wavespeed.WaveSpeedFixtures.transparentPng;
import static dev.pms.providers.wavespeed.WaveSpeedFixtures.wav;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The product studio's four operations on the WaveSpeed client, against the local stub of the
 * predictions protocol: the exact requests sent, the finished media decoded back, and every failure mapped.
 */
class WaveSpeedStudioTest {
    private static final String KEY = "ws-studio-0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String I2V = "alibaba/wan-2.5/image-to-video";
    private static final String T2V = "alibaba/wan-2.5/text-to-video";

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

    // Photoshoot

    @Test
    void photoshootAsksQwenForTheNearestSizeAndFitsTheImageExactlyToTheCanvas() throws Exception {
        stub.prediction("ph1", "wavespeed-ai/qwen-image/text-to-image", 1,
                stub.serve("shoot.png", png(1024, 1280), "image/png"));
        WaveSpeedProvider provider = provider();

        GeneratedMedia media = finish(provider, provider.submit(studioRequest(photoshoot("white"), AssetType.IMAGE,
                1080, 1350, "qwen-image", null, null)));

        assertThat(stub.requestLines()).containsExactly("POST /api/v3/wavespeed-ai/qwen-image/text-to-image",
                "GET /api/v3/predictions/ph1/result", "GET /api/v3/predictions/ph1/result", "GET /files/shoot.png");
        JsonNode body = json(stub.calls().get(0));
        assertThat(body.path("prompt").asText()).as("the studio's prompt, nothing added").isEqualTo(STUDIO_PROMPT);
        assertThat(body.path("size").asText()).isEqualTo("1080*1352");
        assertThat(body.path("seed").asInt()).as("a fresh seed per variation").isEqualTo(-1);
        BufferedImage image = decode(media.bytes());
        assertThat(image.getWidth()).isEqualTo(1080);
        assertThat(image.getHeight()).isEqualTo(1350);
        assertThat(media.mimeType()).isEqualTo("image/png");
        assertThat(media.reportedCostUsd()).isEqualByComparingTo("0.03");
        assertThat(media.details()).containsEntry("source", "studio").containsEntry("studio_operation", "photoshoot")
                .containsEntry("studio_preset", "photoshoot").containsEntry("generated_size", "1024x1280")
                .containsEntry("http_calls", 4).doesNotContainKey("background_note");
    }

    @Test
    void photoshootOnIdeogramAsksTheNearestAspectRatioAndFitsExactly() throws Exception {
        stub.prediction("ph2", "ideogram-ai/ideogram-v3-turbo", 0,
                stub.serve("wide.png", png(1344, 768), "image/png"));
        WaveSpeedProvider provider = provider();

        GeneratedMedia media = finish(provider, provider.submit(studioRequest(photoshoot("lifestyle"), AssetType.IMAGE,
                1280, 720, "ideogram-v3-turbo", null, null)));

        JsonNode body = json(stub.calls().get(0));
        assertThat(stub.calls().get(0).path()).isEqualTo("/api/v3/ideogram-ai/ideogram-v3-turbo");
        assertThat(body.path("aspect_ratio").asText()).isEqualTo("16:9");
        assertThat(body.path("prompt").asText()).isEqualTo(STUDIO_PROMPT);
        BufferedImage image = decode(media.bytes());
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(720);
        assertThat(media.details()).containsEntry("http_calls", 3);
    }

    @Test
    void aTransparentPhotoshootSaysTheModelMadeNoAlphaInsteadOfPretending() throws Exception {
        stub.prediction("ph3", "wavespeed-ai/qwen-image/text-to-image", 0,
                stub.serve("opaque.png", png(1024, 1024), "image/png"));
        WaveSpeedProvider provider = provider();

        GeneratedMedia media = finish(provider, provider.submit(studioRequest(photoshoot("transparent"),
                AssetType.IMAGE, 1024, 1024, "qwen-image", null, null)));

        assertThat(decode(media.bytes()).getColorModel().hasAlpha()).isFalse();
        assertThat(media.details()).containsEntry("has_alpha", false);
        assertThat((String) media.details().get("background_note")).contains("qwen-image makes no alpha channel",
                "opaque");
    }

    @Test
    void aTransparentPhotoshootKeepsAnAlphaChannelTheModelDidMake() throws Exception {
        stub.prediction("ph4", "wavespeed-ai/qwen-image/text-to-image", 0,
                stub.serve("cutout.png", transparentPng(1024, 1024), "image/png"));
        WaveSpeedProvider provider = provider();

        GeneratedMedia media = finish(provider, provider.submit(studioRequest(photoshoot("transparent"),
                AssetType.IMAGE, 1080, 1080, "qwen-image", null, null)));

        BufferedImage image = decode(media.bytes());
        assertThat(image.getWidth()).isEqualTo(1080);
        assertThat(image.getColorModel().hasAlpha()).isTrue();
        assertThat(image.getRGB(0, 0) >>> 24).as("the corner stays transparent").isZero();
        assertThat(media.details()).containsEntry("has_alpha", true)
                .containsEntry("background_note", "transparent background: the model's alpha channel is kept");
    }

    // Animate

    @Test
    void animateSendsTheKeyFrameShapedLikeTheCanvasWithThePresetsMotionAndTheAskedLength() throws Exception {
        stub.prediction("an1", I2V, 1, stub.serve("turn.mp4", mp4(10.0, 1280, 720), "video/mp4"));
        WaveSpeedProvider provider = provider();

        ProviderJob submitted = provider.submit(studioRequest(animation("rotation", 10), AssetType.VIDEO, 1280, 720,
                "wan-2.5-i2v-720p", png(1000, 1000), null));
        assertThat(((ProviderJob.Pending) submitted).pollAfter()).isEqualTo(Duration.ofSeconds(20));
        assertThat(((ProviderJob.Pending) submitted).handle()).contains("|st=animate");
        GeneratedMedia media = finish(provider, submitted);

        assertThat(stub.requestLines()).containsExactly("POST /api/v3/" + I2V, "GET /api/v3/predictions/an1/result",
                "GET /api/v3/predictions/an1/result", "GET /files/turn.mp4");
        JsonNode body = json(stub.calls().get(0));
        assertThat(body.path("prompt").asText()).startsWith(STUDIO_PROMPT + " Camera motion: ")
                .contains("turntable rotation");
        assertThat(body.path("resolution").asText()).isEqualTo("720p");
        assertThat(body.path("duration").asInt()).isEqualTo(10);
        assertThat(body.path("negative_prompt").asText()).isEqualTo("game changer, revolutionary");
        assertThat(body.has("audio")).isFalse();
        String image = body.path("image").asText();
        assertThat(image).startsWith("data:image/png;base64,");
        BufferedImage sent = decode(Base64.getDecoder().decode(image.substring(image.indexOf(',') + 1)));
        assertThat(sent.getWidth()).as("the square photo cropped to 16:9").isEqualTo(1000);
        assertThat(sent.getHeight()).isEqualTo(563);

        assertThat(media.mimeType()).isEqualTo("video/mp4");
        assertThat(media.durationSeconds()).isEqualTo(10.0);
        assertThat(media.width()).isEqualTo(1280);
        assertThat(media.height()).isEqualTo(720);
        assertThat(media.model()).isEqualTo("wan-2.5-i2v-720p");
        assertThat(media.reportedCostUsd()).isEqualByComparingTo("1.0");
        assertThat(media.details()).containsEntry("studio_operation", "animate").containsEntry("studio_preset",
                "rotation").containsEntry("frame_matches_canvas", true).containsEntry("http_calls", 4);
        assertThat((String) media.details().get("key_frame_fit")).contains("1000x1000", "1000x563");
    }

    @Test
    void animateSendsAKeyFrameThatAlreadyHasTheCanvasShapeByteForByte() throws Exception {
        byte[] frame = png(1280, 720);
        stub.prediction("an2", I2V, 0, stub.serve("reveal.mp4", mp4(5.0, 832, 480), "video/mp4"));
        WaveSpeedProvider provider = provider();

        GeneratedMedia media = finish(provider, provider.submit(studioRequest(animation("reveal", 5), AssetType.VIDEO,
                1280, 720, "wan-2.5-i2v-480p", frame, null)));

        JsonNode body = json(stub.calls().get(0));
        assertThat(body.path("image").asText().equals("data:image/png;base64,"
                + Base64.getEncoder().encodeToString(frame))).as("the key frame is sent unchanged").isTrue();
        assertThat(body.path("prompt").asText()).contains("slow push-in");
        assertThat(body.path("duration").asInt()).isEqualTo(5);
        assertThat(media.reportedCostUsd()).isEqualByComparingTo("0.25");
        assertThat(media.details()).doesNotContainKey("key_frame_fit").containsEntry("http_calls", 3)
                .containsEntry("frame_matches_canvas", false);
    }

    @Test
    void animatePutsAVoiceTheCallerSentUnderTheClip() throws Exception {
        stub.prediction("an3", I2V, 0, stub.serve("voiced.mp4", mp4(5.0, 1280, 720), "video/mp4"));
        StudioBrief voiced = new StudioBrief(StudioBrief.Operation.ANIMATE, "demo", null, 5, null, mp3(6.0),
                "audio/mpeg", 1, 1);
        WaveSpeedProvider provider = provider();

        GeneratedMedia media = finish(provider, provider.submit(studioRequest(voiced, AssetType.VIDEO, 1280, 720,
                "wan-2.5-i2v-720p", png(1280, 720), null)));

        JsonNode body = json(stub.calls().get(0));
        assertThat(body.path("audio").asText()).startsWith("data:audio/mpeg;base64,SUQz");
        assertThat(body.path("duration").asInt()).isEqualTo(5);
        assertThat(body.path("prompt").asText()).contains("in use");
        assertThat(media.reportedCostUsd()).as("billed on the asked 5 s").isEqualByComparingTo("0.5");
        assertThat(media.details()).containsEntry("voice", "the caller's audio");
    }

    // Product video

    @Test
    void productVideoAsksTextToVideoForTheCanvasFrameAndLengthWithTheScenesAsItsStoryline() throws Exception {
        stub.prediction("pv1", T2V, 2, stub.serve("launch.mp4", mp4(5.0, 1080, 1920), "video/mp4"));
        WaveSpeedProvider provider = provider();

        GeneratedMedia media = finish(provider, provider.submit(studioRequest(productVideo("launch", 5, scenes()),
                AssetType.VIDEO, 1080, 1920, "wan-2.5-t2v-1080p", null, null)));

        assertThat(stub.requestLines()).containsExactly("POST /api/v3/" + T2V, "GET /api/v3/predictions/pv1/result",
                "GET /api/v3/predictions/pv1/result", "GET /api/v3/predictions/pv1/result", "GET /files/launch.mp4");
        JsonNode body = json(stub.calls().get(0));
        assertThat(body.path("size").asText()).isEqualTo("1080*1920");
        assertThat(body.path("duration").asInt()).isEqualTo(5);
        assertThat(body.path("prompt").asText()).isEqualTo(STUDIO_PROMPT
                + " Storyline: 1 (hook) Your meeting ends and the notes are already done."
                + " 2 (feature) Every next step lands where your team works. 3 (cta) Try Acme Notes free today.");
        assertThat(body.path("negative_prompt").asText()).isEqualTo("game changer, revolutionary");
        assertThat(body.has("image")).as("text-to-video takes no image").isFalse();
        assertThat(body.has("resolution")).as("the size names the resolution").isFalse();
        assertThat(body.path("enable_prompt_expansion").asBoolean(true)).isFalse();

        assertThat(media.durationSeconds()).isEqualTo(5.0);
        assertThat(media.width()).isEqualTo(1080);
        assertThat(media.height()).isEqualTo(1920);
        assertThat(media.model()).isEqualTo("wan-2.5-t2v-1080p");
        assertThat(media.reportedCostUsd()).isEqualByComparingTo("0.75");
        assertThat(media.details()).containsEntry("studio_operation", "product_video")
                .containsEntry("requested_size", "1080*1920").containsEntry("storyline_scenes", 3)
                .containsEntry("frame_matches_canvas", true).containsEntry("http_calls", 5);
    }

    @Test
    void productVideoAt480pServesASixteenByNineCanvasAndSaysTheFrameMustBeScaled() throws Exception {
        stub.prediction("pv2", T2V, 0, stub.serve("demo.mp4", mp4(10.0, 832, 480), "video/mp4"));
        WaveSpeedProvider provider = provider();

        GeneratedMedia media = finish(provider, provider.submit(studioRequest(productVideo("demo", 10, scenes()),
                AssetType.VIDEO, 1280, 720, "wan-2.5-t2v-480p", null, null)));

        assertThat(json(stub.calls().get(0)).path("size").asText()).isEqualTo("832*480");
        assertThat(media.reportedCostUsd()).isEqualByComparingTo("0.5");
        assertThat(media.details()).containsEntry("frame_matches_canvas", false);
        assertThat((String) media.details().get("fit")).contains("832x480", "1280x720");
    }

    @Test
    void productVideoTellsOnlyTheScenesThatFitInWansPrompt() throws Exception {
        stub.prediction("pv3", T2V, 0, stub.serve("long.mp4", mp4(5.0, 1280, 720), "video/mp4"));
        List<StudioBrief.Scene> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(new StudioBrief.Scene("beat", "Beat " + i, "Scene number " + i + " says a fairly long line "
                    + "about what the notebook does for the team."));
        }
        WaveSpeedProvider provider = provider();

        GeneratedMedia media = finish(provider, provider.submit(studioRequest(productVideo("storytelling", 5, many),
                AssetType.VIDEO, 1280, 720, "wan-2.5-t2v-720p", null, null)));

        String prompt = json(stub.calls().get(0)).path("prompt").asText();
        assertThat(prompt.length()).isLessThanOrEqualTo(StudioInputs.WAN_PROMPT_MAX_CHARS);
        assertThat(prompt).endsWith("for the team.");
        assertThat((Integer) media.details().get("storyline_scenes")).isBetween(1, 39);
    }

    // Avatar explainer

    @Test
    void explainerWithTheCallersWavLipSyncsInOnePredictionAndMeasuresTheWav() throws Exception {
        stub.prediction("av1", "wavespeed-ai/infinitetalk", 0,
                stub.serve("talk.mp4", mp4(6.5, 720, 1280), "video/mp4"));
        WaveSpeedProvider provider = provider();

        GeneratedMedia media = finish(provider, provider.submit(studioRequest(explainer(wav(6.5), "audio/wav"),
                AssetType.AVATAR, 720, 1280, "infinitetalk-720p", png(720, 1280), null)));

        assertThat(stub.requestLines()).containsExactly("POST /api/v3/wavespeed-ai/infinitetalk",
                "GET /api/v3/predictions/av1/result", "GET /files/talk.mp4");
        JsonNode body = json(stub.calls().get(0));
        assertThat(body.path("audio").asText()).startsWith("data:audio/wav;base64,UklGR");
        assertThat(body.path("image").asText()).startsWith("data:image/png;base64,");
        assertThat(body.path("resolution").asText()).isEqualTo("720p");
        assertThat(media.durationSeconds()).isEqualTo(6.5);
        assertThat(media.reportedCostUsd()).as("7 started seconds at $0.06").isEqualByComparingTo("0.42");
        assertThat(media.details()).containsEntry("studio_operation", "avatar_explainer")
                .containsEntry("voice", "the caller's audio").containsEntry("http_calls", 3)
                .doesNotContainKey("voice_model");
    }

    @Test
    void explainerWithTheCallersMp3MeasuresItsFrames() throws Exception {
        stub.prediction("av2", "wavespeed-ai/infinitetalk", 1,
                stub.serve("talk.mp4", mp4(8.0, 480, 854), "video/mp4"));
        WaveSpeedProvider provider = provider();

        GeneratedMedia media = finish(provider, provider.submit(studioRequest(explainer(mp3(8.0), "audio/mpeg"),
                AssetType.AVATAR, 480, 854, "infinitetalk-480p", png(480, 854), null)));

        assertThat(json(stub.calls().get(0)).path("audio").asText()).startsWith("data:audio/mpeg;base64,SUQz");
        assertThat(media.durationSeconds()).isEqualTo(8.0);
        assertThat(media.reportedCostUsd()).isEqualByComparingTo("0.24");
        assertThat(media.details()).containsEntry("http_calls", 4);
    }

    @Test
    void explainerWithAScriptSpeaksItWithMinimaxThenAnimatesTheUploadedPortrait() throws Exception {
        byte[] portrait = png(720, 1280);
        stub.then(Reply.ok(stub.uploadCreated("key-frame.png")));
        String voice = stub.serve("voice.wav", wav(10.4), "audio/wav");
        stub.prediction("sp1", "minimax/speech-02-hd", 0, voice);
        stub.prediction("it1", "wavespeed-ai/infinitetalk", 0, stub.serve("talk.mp4", mp4(10.4, 480, 854),
                "video/mp4"));
        WaveSpeedProvider provider = provider();

        ProviderJob.Pending voicing = (ProviderJob.Pending) provider.submit(studioRequest(explainer(null, null),
                AssetType.AVATAR, 480, 854, "infinitetalk-480p", portrait, SCRIPT));
        assertThat(voicing.handle()).startsWith("ws1|speech-02-hd|audio|sp1|480x854|").contains("|st=avatar_explainer");
        GeneratedMedia media = finish(provider, voicing);

        assertThat(stub.requestLines()).containsExactly("POST /api/v3/media/uploads", "PUT /uploads/key-frame.png",
                "POST /api/v3/minimax/speech-02-hd", "GET /api/v3/predictions/sp1/result",
                "POST /api/v3/wavespeed-ai/infinitetalk", "GET /api/v3/predictions/it1/result",
                "GET /files/talk.mp4");
        assertThat(stub.uploaded("key-frame.png")).isEqualTo(portrait);
        assertThat(json(stub.calls().get(2)).path("text").asText()).isEqualTo(SCRIPT);
        JsonNode animate = json(stub.calls().get(4));
        assertThat(animate.path("image").asText()).isEqualTo(stub.baseUrl() + "/files/key-frame.png");
        assertThat(animate.path("audio").asText()).isEqualTo(voice);
        assertThat(animate.path("resolution").asText()).isEqualTo("480p");
        assertThat(media.durationSeconds()).isEqualTo(10.4);
        assertThat(media.details()).containsEntry("studio_operation", "avatar_explainer")
                .containsEntry("voice_model", "speech-02-hd").containsEntry("http_calls", 7);
    }

    @Test
    void measuresMp3AndWavLengths() {
        assertThat(MediaProbe.mp3Seconds(mp3(8.0))).hasValueSatisfying(seconds ->
                assertThat(seconds).isCloseTo(8.0, within(0.03)));
        assertThat(MediaProbe.audioSeconds(mp3(3.2))).hasValueSatisfying(seconds ->
                assertThat(seconds).isCloseTo(3.2, within(0.03)));
        assertThat(MediaProbe.audioSeconds(wav(6.5))).contains(6.5);
        assertThat(MediaProbe.audioSeconds(new byte[] {1, 2, 3, 4, 5})).isEmpty();
        assertThat(MediaProbe.mp3Seconds(new byte[] {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0})).isEmpty();
    }

    // Refused before any call

    @Test
    void refusesWhatTheStudioModelsWouldRefuseWithoutAnyCall() {
        WaveSpeedProvider provider = provider();
        List<ProviderJob.Failed> refused = new ArrayList<>();
        List<String> reasons = List.of("5 or 10 s", "not made with", "key frame", "has neither shape", "5 or 10 s",
                "neither", "WAV or MP3", "at least 5 s", "3 to 30 s", "prompt the studio built", "photoshoot takes no");

        refused.add(failed(provider.submit(studioRequest(animation("demo", 7), AssetType.VIDEO, 1280, 720,
                "wan-2.5-i2v-720p", png(1000, 1000), null))));
        refused.add(failed(provider.submit(studioRequest(animation("demo", 5), AssetType.VIDEO, 1280, 720,
                "wan-2.5-t2v-720p", png(1000, 1000), null))));
        refused.add(failed(provider.submit(studioRequest(animation("demo", 5), AssetType.VIDEO, 1280, 720,
                "wan-2.5-i2v-720p", null, null))));
        refused.add(failed(provider.submit(studioRequest(productVideo("demo", 5, scenes()), AssetType.VIDEO, 1080,
                1080, "wan-2.5-t2v-720p", null, null))));
        refused.add(failed(provider.submit(studioRequest(productVideo("demo", 15, scenes()), AssetType.VIDEO, 1280,
                720, "wan-2.5-t2v-720p", null, null))));
        refused.add(failed(provider.submit(studioRequest(explainer(null, null), AssetType.AVATAR, 720, 1280,
                "infinitetalk-720p", png(720, 1280), null))));
        refused.add(failed(provider.submit(studioRequest(explainer(new byte[] {1, 2, 3, 4, 5, 6}, "audio/wav"),
                AssetType.AVATAR, 720, 1280, "infinitetalk-720p", png(720, 1280), null))));
        refused.add(failed(provider.submit(studioRequest(explainer(mp3(3.0), "audio/mpeg"), AssetType.AVATAR, 720,
                1280, "infinitetalk-720p", png(720, 1280), null))));
        StudioBrief voicedAnimation = new StudioBrief(StudioBrief.Operation.ANIMATE, "demo", null, 5, null, wav(2),
                "audio/wav", 1, 1);
        refused.add(failed(provider.submit(studioRequest(voicedAnimation, AssetType.VIDEO, 1280, 720,
                "wan-2.5-i2v-720p", png(1280, 720), null))));
        GenerationRequest noPrompt = studioRequest(photoshoot("white"), AssetType.IMAGE, 1080, 1080, "qwen-image",
                null, null);
        refused.add(failed(provider.submit(withPrompt(noPrompt, " "))));
        StudioBrief voicedShoot = new StudioBrief(StudioBrief.Operation.PHOTOSHOOT, "photoshoot", null, 0, null,
                wav(4), "audio/wav", 1, 1);
        refused.add(failed(provider.submit(studioRequest(voicedShoot, AssetType.IMAGE, 1080, 1080, "qwen-image",
                null, null))));

        for (int i = 0; i < refused.size(); i++) {
            assertThat(refused.get(i).retryable()).as(reasons.get(i)).isFalse();
            assertThat(refused.get(i).reason()).as("refusal %d", i).contains(reasons.get(i));
        }
        assertThat(stub.calls()).isEmpty();
        assertThat(provider.httpCalls()).isZero();
    }

    // Failures mapped as the client maps every call

    static Stream<Arguments> studioAssets() {
        return Stream.of(
                Arguments.of("photoshoot", (Function<Void, GenerationRequest>) none -> studioRequest(
                        photoshoot("white"), AssetType.IMAGE, 1080, 1350, "qwen-image", null, null)),
                Arguments.of("animate", (Function<Void, GenerationRequest>) none -> studioRequest(
                        animation("demo", 5), AssetType.VIDEO, 1280, 720, "wan-2.5-i2v-720p", png(640, 360), null)),
                Arguments.of("product video", (Function<Void, GenerationRequest>) none -> studioRequest(
                        productVideo("demo", 5, scenes()), AssetType.VIDEO, 1280, 720, "wan-2.5-t2v-720p", null,
                        null)),
                Arguments.of("explainer with audio", (Function<Void, GenerationRequest>) none -> studioRequest(
                        explainer(wav(6), "audio/wav"), AssetType.AVATAR, 720, 1280, "infinitetalk-720p",
                        png(720, 1280), null)),
                Arguments.of("explainer with a script", (Function<Void, GenerationRequest>) none -> studioRequest(
                        explainer(null, null), AssetType.AVATAR, 720, 1280, "infinitetalk-720p", png(720, 1280),
                        SCRIPT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("studioAssets")
    void aRejectedFirstCallFailsForGoodAtOnce(String name, Function<Void, GenerationRequest> request) {
        stub.then(Reply.json(400, WaveSpeedStub.refused(400, "invalid parameter")));

        ProviderJob.Failed failed = failed(provider().submit(request.apply(null)));

        assertThat(failed.retryable()).isFalse();
        assertThat(failed.reason()).contains("HTTP 400", "invalid parameter");
        assertThat(stub.calls()).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("studioAssets")
    void rateLimitsAreRetriedThenReportedRetryable(String name, Function<Void, GenerationRequest> request) {
        stub.repeat(Reply.withHeader(429, "Retry-After", "1", WaveSpeedStub.refused(429, "Too many requests")), 3);

        ProviderJob.Failed failed = failed(provider().submit(request.apply(null)));

        assertThat(failed.retryable()).isTrue();
        assertThat(failed.reason()).contains("HTTP 429", "gave up after 3 attempts");
        assertThat(stub.calls()).hasSize(3);
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("studioAssets")
    void serverErrorsAreRetriedThenReportedRetryable(String name, Function<Void, GenerationRequest> request) {
        stub.repeat(Reply.json(503, WaveSpeedStub.refused(503, "busy")), 3);

        ProviderJob.Failed failed = failed(provider().submit(request.apply(null)));

        assertThat(failed.retryable()).isTrue();
        assertThat(failed.reason()).contains("HTTP 503");
        assertThat(stub.calls()).hasSize(3);
        assertThat(waits).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("studioAssets")
    void aRejectedKeyIsFinalAndNeverInTheReason(String name, Function<Void, GenerationRequest> request) {
        stub.then(Reply.json(401, WaveSpeedStub.refused(401, "invalid key " + KEY)));

        ProviderJob.Failed failed = failed(provider().submit(request.apply(null)));

        assertThat(failed.retryable()).isFalse();
        assertThat(failed.reason()).isEqualTo("the API key was rejected (HTTP 401)").doesNotContain(KEY);
    }

    @Test
    void aFailedStudioPredictionIsRetryableAndAContentRefusalIsNot() {
        stub.then(Reply.ok(stub.created("f1", T2V))).then(Reply.ok(stub.failed("f1", T2V, "GPU worker crashed")))
                .then(Reply.ok(stub.created("f2", I2V)))
                .then(Reply.ok(stub.failed("f2", I2V, "input image violates the content policy")));
        WaveSpeedProvider provider = provider();

        ProviderJob.Pending video = (ProviderJob.Pending) provider.submit(studioRequest(productVideo("demo", 5,
                scenes()), AssetType.VIDEO, 1280, 720, "wan-2.5-t2v-720p", null, null));
        ProviderJob.Failed crashed = failed(provider.poll(video.handle()));
        ProviderJob.Pending animation = (ProviderJob.Pending) provider.submit(studioRequest(animation("demo", 5),
                AssetType.VIDEO, 1280, 720, "wan-2.5-i2v-720p", png(1280, 720), null));
        ProviderJob.Failed refused = failed(provider.poll(animation.handle()));

        assertThat(crashed.retryable()).isTrue();
        assertThat(crashed.reason()).contains("f1", "failed", "GPU worker crashed");
        assertThat(refused.retryable()).isFalse();
        assertThat(refused.reason()).startsWith(WaveSpeedProvider.REFUSED);
    }

    private static GenerationRequest withPrompt(GenerationRequest r, String prompt) {
        return new GenerationRequest(r.jobId(), r.assetId(), r.assetType(), r.placement(), prompt, r.hook(),
                r.conceptSummary(), r.productContext(), r.brandPalette(), r.forbiddenPhrases(), r.provider(),
                r.model(), r.tier(), r.keyFrame(), r.script(), r.presenter(), r.copyBrief(), r.productPhoto(),
                r.studio());
    }

    /** The worker's loop: poll until the job is no longer pending (the queue's delay is not waited here). */
    private static GeneratedMedia finish(WaveSpeedProvider provider, ProviderJob job) {
        int polls = 0;
        while (job instanceof ProviderJob.Pending pending) {
            assertThat(++polls).as("polls").isLessThan(50);
            job = provider.poll(pending.handle());
        }
        assertThat(job).isInstanceOf(ProviderJob.Completed.class);
        return ((ProviderJob.Completed) job).media();
    }

    private static ProviderJob.Failed failed(ProviderJob job) {
        assertThat(job).isInstanceOf(ProviderJob.Failed.class);
        return (ProviderJob.Failed) job;
    }

    private static JsonNode json(RecordedCall call) throws IOException {
        return JSON.readTree(call.text());
    }

    private static BufferedImage decode(byte[] bytes) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(bytes));
    }

    private WaveSpeedProvider provider() {
        return new WaveSpeedProvider(WaveSpeedConfig.of(stub.baseUrl(), () -> KEY)
                .withRetries(3, Duration.ofMillis(100), Duration.ofSeconds(5)), PriceTable.load(), recordingSleeper,
                Clock.fixed(Instant.parse("2026-12-03T09:00:00Z"), ZoneOffset.UTC), new Random(7));
    }
}
