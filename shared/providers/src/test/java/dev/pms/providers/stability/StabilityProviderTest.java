package dev.pms.providers.stability;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.generation.GeneratedMedia;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.ProviderJob;
import dev.pms.core.pricing.PriceTable;
import dev.pms.core.pricing.QualityTier;
import dev.pms.providers.http.Sleeper;
import dev.pms.providers.stability.StabilityStub.RecordedCall;
import dev.pms.providers.stability.StabilityStub.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.text.MessageFormat;
import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

class StabilityProviderTest {
    private static final String KEY = "sk-stab-9f8e7d6c5b4a39281706f5e4d3c2b1a0";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration BACKOFF_BASE = Duration.ofMillis(100);
    private static final Duration BACKOFF_CAP = Duration.ofSeconds(5);
    private static final Duration POLL_AFTER = Duration.ofSeconds(7);
    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private static final String GENERATION_ID = "a6dc6c6e20acda010fe14d71f180658f2896ed9b4ec25aa99a6ff06c796987c4";

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

    @Test
    void generatesWithCoreInOneCallAtTheNearestAspectRatioAndFitsTheReelCanvasExactly() throws Exception {
        stub.then(Reply.image(png(768, 1344, Color.BLUE), "SUCCESS"));
        StabilityProvider provider = provider(3);

        GeneratedMedia media = completed(provider.submit(request("instagram/story", null, null)));

        assertThat(media.mimeType()).isEqualTo("image/png");
        assertThat(media.provider()).isEqualTo("stability");
        assertThat(media.model()).isEqualTo("stable-image-core");
        assertThat(media.width()).isEqualTo(1080);
        assertThat(media.height()).isEqualTo(1920);
        BufferedImage decoded = decode(media.bytes());
        assertThat(decoded.getWidth()).isEqualTo(1080);
        assertThat(decoded.getHeight()).isEqualTo(1920);
        assertThat(media.reportedCostUsd()).isEqualByComparingTo(new BigDecimal("0.04"));
        assertThat(media.details())
                .containsEntry("requested_aspect_ratio", "9:16")
                .containsEntry("provider_size", "768x1344")
                .containsEntry("fitted", true)
                .containsEntry("fit", "cover-crop and scale to 1080x1920")
                .containsEntry("finish_reason", "SUCCESS")
                .containsEntry("seed", "343940597")
                .containsEntry("http_calls", 1)
                .containsEntry("cost_source", "price-table")
                .containsEntry("placement", "instagram/story");
        assertThat(provider.httpCalls()).isEqualTo(1);

        RecordedCall call = stub.calls().get(0);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo("/v2beta/stable-image/generate/core");
        assertThat(call.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(call.header("Accept")).isEqualTo("image/*");
        assertThat(call.header("Content-Type")).startsWith("multipart/form-data; boundary=");
        assertThat(call.fields()).containsEntry("prompt", "A launch visual for Acme Notes on a clean desk")
                .containsEntry("aspect_ratio", "9:16")
                .containsEntry("output_format", "png")
                .containsEntry("negative_prompt", "game changer");
        assertThat(waits).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "instagram/feed_portrait, 4:5, 1080, 1350",
            "instagram/feed_square, 1:1, 1080, 1080",
            "instagram/feed_landscape, 16:9, 1080, 566",
            "twitter/post_image, 16:9, 1200, 675",
            "pinterest/pin, 2:3, 1000, 1500",
            "amazon/aplus_banner, 21:9, 970, 300",
            "amazon/aplus_comparison_chart, 9:16, 150, 300",
            "shopify/product_image, 1:1, 2048, 2048"})
    void everyOutputIsExactlyThePlacementCanvas(String placement, String ratio, int width, int height) throws Exception {
        stub.then(Reply.image(png(1024, 1024, Color.GREEN), "SUCCESS"));

        GeneratedMedia media = completed(provider(1).submit(request(placement, null, null)));

        assertThat(stub.calls().get(0).fields()).containsEntry("aspect_ratio", ratio);
        BufferedImage decoded = decode(media.bytes());
        assertThat(decoded.getWidth()).isEqualTo(width);
        assertThat(decoded.getHeight()).isEqualTo(height);
        assertThat(media.width()).isEqualTo(width);
        assertThat(media.height()).isEqualTo(height);
        assertThat(new Color(decoded.getRGB(width / 2, height / 2)).getGreen()).isGreaterThan(200);
    }

    @Test
    void coverCropKeepsTheCentreAndCutsTheOverflow() {
        BufferedImage source = new BufferedImage(300, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = source.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 100, 100);
        g.setColor(Color.GREEN);
        g.fillRect(100, 0, 100, 100);
        g.setColor(Color.BLUE);
        g.fillRect(200, 0, 100, 100);
        g.dispose();

        BufferedImage fitted = CanvasFit.cover(source, 50, 50);

        assertThat(fitted.getWidth()).isEqualTo(50);
        assertThat(fitted.getHeight()).isEqualTo(50);
        Color centre = new Color(fitted.getRGB(25, 25));
        assertThat(centre.getGreen()).isGreaterThan(200);
        assertThat(centre.getRed()).isLessThan(60);
    }

    @Test
    void readsTheBase64JsonAnswerToo() throws Exception {
        String body = "{\"image\":\"" + Base64.getEncoder().encodeToString(png(1024, 1024, Color.RED))
                + "\",\"finish_reason\":\"SUCCESS\",\"seed\":42}";
        stub.then(Reply.json(200, body));

        GeneratedMedia media = completed(provider(1).submit(request("instagram/feed_square", null, null)));

        assertThat(media.details()).containsEntry("seed", "42").containsEntry("finish_reason", "SUCCESS");
        assertThat(decode(media.bytes()).getWidth()).isEqualTo(1080);
    }

    @Test
    void creativeUpscaleIsPendingUntilTheResultIsReadyAndNeverWaits() throws Exception {
        stub.then(Reply.json(200, "{\"id\":\"" + GENERATION_ID + "\"}"))
                .then(Reply.json(202, "{\"id\":\"" + GENERATION_ID + "\",\"status\":\"in-progress\"}"))
                .then(Reply.image(png(2048, 2048, Color.ORANGE), "SUCCESS"));
        StabilityProvider provider = provider(3);

        ProviderJob started = provider.submit(request("instagram/feed_portrait", "upscale-creative", png(512, 640, Color.ORANGE)));

        assertThat(started).isInstanceOf(ProviderJob.Pending.class);
        ProviderJob.Pending pending = (ProviderJob.Pending) started;
        assertThat(pending.handle())
                .isEqualTo("stability:upscale-creative:1080x1350:instagram/feed_portrait:" + GENERATION_ID);
        assertThat(pending.pollAfter()).isEqualTo(POLL_AFTER);
        RecordedCall start = stub.calls().get(0);
        assertThat(start.path()).isEqualTo("/v2beta/stable-image/upscale/creative");
        assertThat(start.header("Accept")).isEqualTo("application/json");
        assertThat(start.files()).containsKey("image");
        assertThat(decode(start.files().get("image")).getWidth()).isEqualTo(512);
        assertThat(start.fields()).containsKey("prompt").doesNotContainKey("aspect_ratio");

        StabilityProvider anotherInstance = provider(3);
        ProviderJob inProgress = anotherInstance.poll(pending.handle());
        assertThat(inProgress).isEqualTo(new ProviderJob.Pending(pending.handle(), POLL_AFTER));

        GeneratedMedia media = completed(anotherInstance.poll(pending.handle()));
        assertThat(media.model()).isEqualTo("upscale-creative");
        assertThat(decode(media.bytes()).getWidth()).isEqualTo(1080);
        assertThat(decode(media.bytes()).getHeight()).isEqualTo(1350);
        assertThat(media.details()).containsEntry("provider_size", "2048x2048").containsEntry("placement", "instagram/feed_portrait")
                .containsEntry("cost_source", "unpriced");
        assertThat(media.reportedCostUsd()).isNull();
        RecordedCall poll = stub.calls().get(2);
        assertThat(poll.method()).isEqualTo("GET");
        assertThat(poll.path()).isEqualTo("/v2beta/results/" + GENERATION_ID);
        assertThat(poll.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(provider.httpCalls() + anotherInstance.httpCalls()).isEqualTo(3);
        assertThat(waits).isEmpty();
    }

    @Test
    void fastUpscaleIsSynchronous() throws Exception {
        stub.then(Reply.image(png(2048, 2560, Color.CYAN), "SUCCESS"));

        GeneratedMedia media = completed(provider(1).submit(request("instagram/feed_portrait", "upscale-fast", png(512, 640, Color.CYAN))));

        assertThat(stub.calls().get(0).path()).isEqualTo("/v2beta/stable-image/upscale/fast");
        assertThat(stub.calls().get(0).fields()).containsEntry("output_format", "png").doesNotContainKey("prompt");
        assertThat(decode(media.bytes()).getHeight()).isEqualTo(1350);
    }

    @Test
    void removeBackgroundSendsTheKeyFrameAndKeepsTransparency() throws Exception {
        stub.then(Reply.image(png(512, 512, new Color(0, 0, 0, 0)), "SUCCESS"));

        GeneratedMedia media = completed(provider(1).submit(request("email/product", "remove-background", png(512, 512, Color.WHITE))));

        assertThat(stub.calls().get(0).path()).isEqualTo("/v2beta/stable-image/edit/remove-background");
        BufferedImage decoded = decode(media.bytes());
        assertThat(decoded.getWidth()).isEqualTo(600);
        assertThat(decoded.getColorModel().hasAlpha()).isTrue();
    }

    @Test
    void searchAndReplaceSendsWhatToReplaceAndWithWhat() throws Exception {
        stub.then(Reply.image(png(1024, 1024, Color.PINK), "SUCCESS"));
        GenerationRequest base = request("email/product", "search-and-replace", png(600, 600, Color.WHITE));
        GenerationRequest request = new GenerationRequest(base.jobId(), base.assetId(), base.assetType(), base.placement(),
                "a green ceramic mug", base.hook(), base.conceptSummary(), Map.of("search_prompt", "coffee cup"),
                base.brandPalette(), base.forbiddenPhrases(), base.provider(), base.model(), base.tier(), base.keyFrame(), null);

        GeneratedMedia media = completed(provider(1).submit(request));

        RecordedCall call = stub.calls().get(0);
        assertThat(call.path()).isEqualTo("/v2beta/stable-image/edit/search-and-replace");
        assertThat(call.fields()).containsEntry("prompt", "a green ceramic mug").containsEntry("search_prompt", "coffee cup")
                .containsEntry("output_format", "png");
        assertThat(call.files()).containsKey("image");
        assertThat(media.model()).isEqualTo("search-and-replace");
        assertThat(decode(media.bytes()).getWidth()).isEqualTo(600);
    }

    @Test
    void searchAndReplaceWithoutASearchPromptFailsWithoutACall() {
        ProviderJob job = provider(1).submit(request("email/product", "search-and-replace", png(64, 64, Color.WHITE)));

        assertThat(job).isInstanceOfSatisfying(ProviderJob.Failed.class, failed -> assertThat(failed.reason()).contains("search_prompt"));
        assertThat(stub.calls()).isEmpty();
    }

    @Test
    void aPollThatMeetsA5xxRetriesThenReadsTheResult() throws Exception {
        stub.then(Reply.error(502, "bad_gateway", "upstream"))
                .then(Reply.image(png(1024, 1024, Color.ORANGE), "SUCCESS"));

        GeneratedMedia media = completed(provider(3).poll("stability:upscale-creative:1080x1080:instagram/feed_square:" + GENERATION_ID));

        assertThat(stub.calls()).hasSize(2).allSatisfy(call -> assertThat(call.method()).isEqualTo("GET"));
        assertThat(waits).hasSize(1);
        assertThat(media.details()).containsEntry("http_calls", 2);
        assertThat(decode(media.bytes()).getHeight()).isEqualTo(1080);
    }

    @Test
    void editsWithoutAKeyFrameFailWithoutACall() {
        ProviderJob job = provider(3).submit(request("email/product", "erase", null));

        assertThat(job).isInstanceOfSatisfying(ProviderJob.Failed.class, failed -> {
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.reason()).contains("key frame");
        });
        assertThat(stub.calls()).isEmpty();
    }

    @Test
    void waitsWhatRetryAfterAsksOn429ThenSucceeds() throws Exception {
        stub.then(Reply.jsonWithHeader(429, "Retry-After", "2", "{\"id\":\"rate_limit_exceeded\",\"name\":\"rate_limit_exceeded\","
                        + "\"errors\":[\"You have exceeded the rate limit of 150 requests within a 10 second period\"]}"))
                .then(Reply.image(png(1024, 1024, Color.BLUE), "SUCCESS"));
        StabilityProvider provider = provider(3);

        GeneratedMedia media = completed(provider.submit(request("instagram/feed_square", null, null)));

        assertThat(waits).containsExactly(Duration.ofSeconds(2));
        assertThat(media.details()).containsEntry("http_calls", 2);
        assertThat(provider.httpCalls()).isEqualTo(2);
    }

    @Test
    void aRetryAfterBeyondTheCapEndsTheAttemptsAsRetryable() {
        stub.then(Reply.jsonWithHeader(429, "Retry-After", "60", "{\"name\":\"rate_limit_exceeded\",\"errors\":[\"slow down\"]}"));

        ProviderJob job = provider(3).submit(request("instagram/feed_square", null, null));

        assertThat(job).isInstanceOfSatisfying(ProviderJob.Failed.class, failed -> {
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.reason()).contains("HTTP 429", "60 s");
        });
        assertThat(stub.calls()).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void retriesA500WithBackoffThenSucceeds() throws Exception {
        stub.then(Reply.error(500, "internal_error", "An unexpected server error has occurred"))
                .then(Reply.image(png(1024, 1024, Color.BLUE), "SUCCESS"));

        completed(provider(3).submit(request("instagram/feed_square", null, null)));

        assertThat(stub.calls()).hasSize(2);
        assertThat(waits).hasSize(1);
        assertThat(waits.get(0)).isBetween(BACKOFF_BASE.dividedBy(2), BACKOFF_BASE);
    }

    @Test
    void givesUpOnRepeated5xxAsRetryable() {
        for (int i = 0; i < 3; i++) {
            stub.then(Reply.error(503, "unavailable", "try later"));
        }

        ProviderJob job = provider(3).submit(request("instagram/feed_square", null, null));

        assertThat(job).isInstanceOfSatisfying(ProviderJob.Failed.class, failed -> {
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.reason()).contains("HTTP 503", "gave up after 3 attempts");
        });
        assertThat(waits).hasSize(2);
    }

    @Test
    void retriesATimeout() {
        stub.then(Reply.silence()).then(Reply.silence());
        StabilityProvider provider = new StabilityProvider(new StabilityConfig(stub.baseUrl(), () -> KEY, Duration.ofMillis(300), 2,
                BACKOFF_BASE, BACKOFF_CAP, POLL_AFTER), PriceTable.load(), recordingSleeper, clock(), new Random(7));

        ProviderJob job = provider.submit(request("instagram/feed_square", null, null));

        assertThat(job).isInstanceOfSatisfying(ProviderJob.Failed.class, failed -> {
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.reason()).contains("did not answer within 300 ms", "gave up after 2 attempts");
        });
        assertThat(provider.httpCalls()).isEqualTo(2);
    }

    @Test
    void doesNotRetryA400() {
        stub.then(Reply.error(400, "bad_request", "aspect_ratio: must be one of 16:9, 1:1"));

        ProviderJob job = provider(3).submit(request("instagram/feed_square", null, null));

        assertThat(job).isInstanceOfSatisfying(ProviderJob.Failed.class, failed -> {
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.reason()).contains("HTTP 400", "bad_request", "aspect_ratio: must be one of");
        });
        assertThat(stub.calls()).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void aContentModerationRefusalIsFinal() {
        stub.then(Reply.error(403, "content_moderation",
                "Your request was flagged by our content moderation system, as a result your request was denied"));

        ProviderJob job = provider(3).submit(request("instagram/feed_square", null, null));

        assertThat(job).isInstanceOfSatisfying(ProviderJob.Failed.class, failed -> {
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.reason()).contains("content policy", "HTTP 403");
        });
        assertThat(stub.calls()).hasSize(1);
    }

    @Test
    void aBlurredContentFilteredResultIsARefusal() {
        stub.then(Reply.image(png(1024, 1024, Color.GRAY), "CONTENT_FILTERED"));

        ProviderJob job = provider(3).submit(request("instagram/feed_square", null, null));

        assertThat(job).isInstanceOfSatisfying(ProviderJob.Failed.class, failed -> {
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.reason()).contains("content policy", "CONTENT_FILTERED");
        });
        assertThat(stub.calls()).hasSize(1);
    }

    @Test
    void aContentFilteredJsonAnswerIsARefusal() {
        stub.then(Reply.json(200, "{\"image\":\"" + Base64.getEncoder().encodeToString(png(64, 64, Color.GRAY))
                + "\",\"finish_reason\":\"CONTENT_FILTERED\",\"seed\":1}"));

        ProviderJob job = provider(3).submit(request("instagram/feed_square", null, null));

        assertThat(job).isInstanceOfSatisfying(ProviderJob.Failed.class, failed -> assertThat(failed.reason()).contains("content policy"));
    }

    @Test
    void aBodyThatIsNoImageIsMalformedAndNotRetried() {
        stub.then(new Reply(200, "image/png", Map.of("finish-reason", "SUCCESS"), "<html>oops</html>".getBytes(StandardCharsets.UTF_8),
                false));

        ProviderJob job = provider(3).submit(request("instagram/feed_square", null, null));

        assertThat(job).isInstanceOfSatisfying(ProviderJob.Failed.class, failed -> {
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.reason()).contains("malformed", "not a readable PNG or JPEG image");
        });
        assertThat(stub.calls()).hasSize(1);
    }

    @Test
    void aJsonAnswerWithoutAnImageIsMalformed() {
        stub.then(Reply.json(200, "{\"finish_reason\":\"SUCCESS\"}"));

        ProviderJob job = provider(3).submit(request("instagram/feed_square", null, null));

        assertThat(job).isInstanceOfSatisfying(ProviderJob.Failed.class, failed -> {
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.reason()).contains("malformed", "no image");
        });
    }

    @Test
    void anAsyncStartWithoutAnIdIsMalformed() {
        stub.then(Reply.json(200, "{\"status\":\"ok\"}"));

        ProviderJob job = provider(3).submit(request("instagram/feed_square", "upscale-creative", png(64, 64, Color.RED)));

        assertThat(job).isInstanceOfSatisfying(ProviderJob.Failed.class, failed -> {
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.reason()).contains("malformed", "generation id");
        });
    }

    @Test
    void anExpiredResultFailsForGood() {
        stub.then(Reply.error(404, "not_found", "id: the generation either does not exist or has expired"));

        ProviderJob job = provider(3).poll("stability:upscale-creative:1080x1080:instagram/feed_square:" + GENERATION_ID);

        assertThat(job).isInstanceOfSatisfying(ProviderJob.Failed.class, failed -> {
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.reason()).contains("HTTP 404", "expired");
        });
    }

    @Test
    void anUnreadableHandleFailsWithoutACall() {
        ProviderJob job = provider(3).poll("wavespeed:abc");

        assertThat(job).isInstanceOf(ProviderJob.Failed.class);
        assertThat(stub.calls()).isEmpty();
    }

    @Test
    void theKeyNeverAppearsInAReasonOrALogLine() {
        List<String> logged = new ArrayList<>();
        Logger logger = Logger.getLogger(StabilityProvider.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(MessageFormat.format(record.getMessage(), record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level previous = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(capture);
        try {
            stub.then(Reply.error(500, "internal_error", "bad key " + KEY))
                    .then(Reply.error(401, "unauthorized", "the key " + KEY + " is not valid"));
            ProviderJob unauthorized = provider(3).submit(request("instagram/feed_square", null, null));
            stub.then(Reply.error(400, "bad_request", "Authorization: Bearer " + KEY + " rejected"));
            ProviderJob badRequest = provider(3).submit(request("instagram/feed_square", null, null));
            stub.then(Reply.error(403, "content_moderation", "flagged for " + KEY));
            ProviderJob refused = provider(3).submit(request("instagram/feed_square", null, null));

            for (ProviderJob job : List.of(unauthorized, badRequest, refused)) {
                assertThat(job).isInstanceOfSatisfying(ProviderJob.Failed.class,
                        failed -> assertThat(failed.reason()).doesNotContain(KEY));
            }
            assertThat(((ProviderJob.Failed) badRequest).reason()).contains("[redacted]");
            assertThat(logged).isNotEmpty().allSatisfy(line -> assertThat(line).doesNotContain(KEY));
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(previous);
        }
    }

    @Test
    void theConfigurationNeverPrintsTheKey() {
        assertThat(StabilityConfig.of(() -> KEY).toString()).doesNotContain(KEY).contains("https://api.stability.ai");
    }

    @Test
    void withoutAKeyNothingIsSent() {
        StabilityProvider provider = new StabilityProvider(StabilityConfig.of(stub.baseUrl(), () -> " "), PriceTable.load(),
                recordingSleeper, clock(), new Random(7));

        ProviderJob job = provider.submit(request("instagram/feed_square", null, null));

        assertThat(job).isInstanceOfSatisfying(ProviderJob.Failed.class, failed -> assertThat(failed.retryable()).isFalse());
        assertThat(stub.calls()).isEmpty();
    }

    @Test
    void aKeySupplierThatFailsIsARetryableFailureThatNamesNoSecret() {
        StabilityProvider provider = new StabilityProvider(StabilityConfig.of(stub.baseUrl(), () -> {
            throw new IllegalStateException("SSM parameter " + KEY + " unreachable");
        }), PriceTable.load(), recordingSleeper, clock(), new Random(7));

        ProviderJob job = provider.submit(request("instagram/feed_square", null, null));

        assertThat(job).isInstanceOfSatisfying(ProviderJob.Failed.class, failed -> {
            assertThat(failed.retryable()).isTrue();
            assertThat(failed.reason()).contains("could not be read").doesNotContain(KEY);
        });
        assertThat(stub.calls()).isEmpty();
    }

    @Test
    void anUnknownModelOrANonImageAssetFails() {
        assertThat(provider(1).submit(request("instagram/feed_square", "sdxl-9000", null)))
                .isInstanceOfSatisfying(ProviderJob.Failed.class, failed -> assertThat(failed.reason()).contains("stable-image-core"));
        GenerationRequest video = new GenerationRequest("job-1", "asset-1", AssetType.VIDEO,
                ChannelCatalog.load().requirePlacement("instagram/reel"), "prompt", null, null, null, null, null, "stability",
                null, QualityTier.STANDARD, null, null);
        assertThat(provider(1).submit(video)).isInstanceOf(ProviderJob.Failed.class);
        assertThat(provider(1).supports(AssetType.IMAGE)).isTrue();
        assertThat(provider(1).supports(AssetType.VIDEO)).isFalse();
        assertThat(stub.calls()).isEmpty();
    }

    @Test
    void picksTheNearestSupportedAspectRatio() {
        assertThat(AspectRatios.nearest(1080, 1920)).isEqualTo("9:16");
        assertThat(AspectRatios.nearest(1080, 1350)).isEqualTo("4:5");
        assertThat(AspectRatios.nearest(1080, 1440)).isEqualTo("4:5");
        assertThat(AspectRatios.nearest(1200, 628)).isEqualTo("16:9");
        assertThat(AspectRatios.nearest(1200, 300)).isEqualTo("21:9");
        assertThat(AspectRatios.nearest(600, 450)).isEqualTo("5:4");
        assertThat(AspectRatios.nearest(1000, 1000)).isEqualTo("1:1");
    }

    private StabilityProvider provider(int maxAttempts) {
        return new StabilityProvider(new StabilityConfig(stub.baseUrl(), () -> KEY, TIMEOUT, maxAttempts, BACKOFF_BASE, BACKOFF_CAP,
                POLL_AFTER), PriceTable.load(), recordingSleeper, clock(), new Random(7));
    }

    private static Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    private static GenerationRequest request(String placement, String model, byte[] keyFrame) {
        return new GenerationRequest("job-1", "asset-1", AssetType.IMAGE, ChannelCatalog.load().requirePlacement(placement),
                "A launch visual for Acme Notes on a clean desk", "Write less, remember more", "Notes that write themselves",
                Map.of("product_name", "Acme Notes"), List.of("#1F6FEB"), List.of("game changer"), "stability", model,
                QualityTier.STANDARD, keyFrame, null);
    }

    private static GeneratedMedia completed(ProviderJob job) {
        assertThat(job).isInstanceOf(ProviderJob.Completed.class);
        return ((ProviderJob.Completed) job).media();
    }

    private static byte[] png(int width, int height, Color colour) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static BufferedImage decode(byte[] bytes) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image).isNotNull();
        return image;
    }
}
