package dev.pms.providers.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.generation.GeneratedMedia;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.ProviderJob;
import dev.pms.core.json.Json;
import dev.pms.core.media.MediaStore;
import dev.pms.core.media.MediaTooLargeException;
import dev.pms.core.media.PresignedDownload;
import dev.pms.core.media.PresignedUpload;
import dev.pms.core.pricing.QualityTier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

/** The Bedrock provider against a local Bedrock runtime that verifies every request's SigV4 signature. */
class BedrockProviderTest {
    private static final String BUCKET = "media-bucket";

    private final BucketStore bucket = new BucketStore();
    private final BedrockRuntimeStub stub = new BedrockRuntimeStub((uri, bytes) -> {
        assertThat(uri).startsWith("s3://" + BUCKET + "/");
        bucket.put(uri.substring(("s3://" + BUCKET + "/").length()), bytes, "application/octet-stream");
    });

    @AfterEach
    void stop() {
        stub.close();
    }

    private BedrockProvider provider(String secret) {
        BedrockConfig config = BedrockConfig.of(Region.of(BedrockRuntimeStub.REGION), BUCKET)
                .withEndpoint(stub.endpoint(), StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(BedrockRuntimeStub.ACCESS_KEY_ID, secret)))
                .withAttempts(2);
        return new BedrockProvider(config, bucket);
    }

    private BedrockProvider provider() {
        return provider(BedrockRuntimeStub.SECRET_ACCESS_KEY);
    }

    private static GenerationRequest request(AssetType type, String placement, byte[] keyFrame) {
        return new GenerationRequest("job-7f3a", "asset-1", type, ChannelCatalog.load().requirePlacement(placement),
                "A matte-black water bottle on a sunlit desk, soft shadows", "Stay cold all day",
                "The bottle that keeps drinks cold for 24 hours", Map.of("product_name", "Acme Bottle"),
                List.of("#1A1A1A"), List.of("cheapest"), "bedrock", null, QualityTier.STANDARD, keyFrame, null);
    }

    @Test
    void copyIsWrittenThroughConverseWithTheConfiguredModelAndPricedFromItsTokens() {
        ProviderJob job = provider().submit(request(AssetType.TEXT, "instagram/caption", null));

        assertThat(job).isInstanceOf(ProviderJob.Completed.class);
        GeneratedMedia media = ((ProviderJob.Completed) job).media();
        assertThat(media.provider()).isEqualTo("bedrock");
        assertThat(media.model()).isEqualTo("amazon.nova-lite-v1:0");
        assertThat(media.mimeType()).isEqualTo("application/json");
        assertThat(media.textContent()).contains("Bright launch copy");
        // 812 input tokens at $0.06 per million + 143 output tokens at $0.24 per million
        assertThat(media.reportedCostUsd()).isEqualByComparingTo(new BigDecimal("0.00008304"));
        BedrockRuntimeStub.Call call = stub.calls().get(0);
        assertThat(call.operation()).isEqualTo("Converse");
        assertThat(call.modelId()).isEqualTo("amazon.nova-lite-v1:0");
        assertThat(call.body().path("system").path(0).path("text").asText()).contains("cheapest");
        assertThat(call.body().path("messages").path(0).path("content").path(0).path("text").asText())
                .contains("A matte-black water bottle");
        assertThat(stub.signatureProblems()).isEmpty();
    }

    @Test
    void copyUsesTheNovaModelTheProposalChoseByTier() {
        GenerationRequest draft = request(AssetType.TEXT, "instagram/caption", null);
        draft = new GenerationRequest(draft.jobId(), draft.assetId(), draft.assetType(), draft.placement(),
                draft.prompt(), draft.hook(), draft.conceptSummary(), draft.productContext(), draft.brandPalette(),
                draft.forbiddenPhrases(), "bedrock", "amazon.nova-micro-v1:0", QualityTier.DRAFT, null, null);

        GeneratedMedia media = ((ProviderJob.Completed) provider().submit(draft)).media();

        assertThat(stub.calls().get(0).modelId()).isEqualTo("amazon.nova-micro-v1:0");
        assertThat(media.model()).isEqualTo("amazon.nova-micro-v1:0");
        // 812 input tokens at $0.035 per million + 143 output tokens at $0.14 per million
        assertThat(media.reportedCostUsd()).isEqualByComparingTo(new BigDecimal("0.00004844"));
    }

    @Test
    void aContentFilteredAnswerIsARefusalNotARetry() {
        stub.stopReason("content_filtered");

        ProviderJob job = provider().submit(request(AssetType.TEXT, "instagram/caption", null));

        assertThat(job).isEqualTo(new ProviderJob.Failed(
                BedrockProvider.REFUSED + " (stop reason content_filtered)", false));
    }

    @Test
    void imagesAreNovaCanvasRendersAtAnAllowedSizeOfThePlacementsShapeCutToTheExactCanvas() throws IOException {
        ProviderJob job = provider().submit(request(AssetType.IMAGE, "instagram/story", null));

        assertThat(job).isInstanceOf(ProviderJob.Completed.class);
        GeneratedMedia media = ((ProviderJob.Completed) job).media();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(media.bytes()));
        assertThat(image.getWidth()).isEqualTo(1080);
        assertThat(image.getHeight()).isEqualTo(1920);
        assertThat(media.model()).isEqualTo("amazon.nova-canvas-v1:0");
        assertThat(media.reportedCostUsd()).isEqualByComparingTo("0.06");
        JsonNode body = stub.calls().get(0).body();
        assertThat(stub.calls().get(0).operation()).isEqualTo("InvokeModel");
        assertThat(body.path("taskType").asText()).isEqualTo("TEXT_IMAGE");
        int width = body.path("imageGenerationConfig").path("width").asInt();
        int height = body.path("imageGenerationConfig").path("height").asInt();
        assertThat(width % 16).isZero();
        assertThat(height % 16).isZero();
        assertThat((double) width / height).isCloseTo(1080.0 / 1920, offset(0.02));
        assertThat(body.path("imageGenerationConfig").path("quality").asText()).isEqualTo("standard");
        assertThat(stub.signatureProblems()).isEmpty();
    }

    @Test
    void novaCanvasSizesKeepEveryRuleForEveryShape() {
        for (int[] canvas : new int[][]{{1080, 1920}, {1200, 628}, {1080, 1080}, {4000, 500}, {100, 100},
                {3000, 3000}, {1584, 396}}) {
            NovaCanvasSize size = NovaCanvasSize.forCanvas(canvas[0], canvas[1]);
            assertThat(size.width() % 16).isZero();
            assertThat(size.height() % 16).isZero();
            assertThat(size.width()).isBetween(320, 4096);
            assertThat(size.height()).isBetween(320, 4096);
            assertThat((long) size.width() * size.height()).isLessThanOrEqualTo(4_194_304L);
            assertThat(Math.max(size.width(), size.height())).isLessThanOrEqualTo(4 * Math.min(size.width(), size.height()));
        }
        assertThat(NovaCanvasSize.forCanvas(1080, 1080)).isEqualTo(new NovaCanvasSize(1088, 1088));
    }

    @Test
    void aVideoStartsANovaReelJobIntoTheMediaBucketAndIsCollectedWhenItCompletes() throws IOException {
        BedrockProvider provider = provider();
        ProviderJob started = provider.submit(request(AssetType.VIDEO, "instagram/reel", png(1080, 1920)));

        assertThat(started).isInstanceOf(ProviderJob.Pending.class);
        String handle = ((ProviderJob.Pending) started).handle();
        assertThat(handle).startsWith("bedrock:arn:aws:bedrock:us-east-1:123456789012:async-invoke/");
        JsonNode start = stub.calls().get(0).body();
        assertThat(start.path("modelId").asText()).isEqualTo("amazon.nova-reel-v1:1");
        assertThat(start.path("outputDataConfig").path("s3OutputDataConfig").path("s3Uri").asText())
                .isEqualTo("s3://media-bucket/bedrock-output/job-7f3a");
        assertThat(start.path("clientRequestToken").asText()).isEqualTo("job-7f3a");
        JsonNode firstFrame = start.path("modelInput").path("textToVideoParams").path("images").path(0);
        BufferedImage frame = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(firstFrame.path("source").path("bytes").asText())));
        assertThat(frame.getWidth()).isEqualTo(1280);
        assertThat(frame.getHeight()).isEqualTo(720);

        ProviderJob stillRunning = provider.poll(handle);
        assertThat(stillRunning).isEqualTo(new ProviderJob.Pending(handle, Duration.ofSeconds(30)));

        ProviderJob done = provider.poll(handle);
        assertThat(done).isInstanceOf(ProviderJob.Completed.class);
        GeneratedMedia video = ((ProviderJob.Completed) done).media();
        assertThat(video.bytes()).isEqualTo(BedrockRuntimeStub.mp4());
        assertThat(video.mimeType()).isEqualTo("video/mp4");
        assertThat(video.durationSeconds()).isEqualTo(6.0);
        assertThat(video.reportedCostUsd()).isEqualByComparingTo("0.48");
        assertThat(bucket.keys()).as("Nova Reel's output is removed once collected").isEmpty();
        assertThat(stub.calls()).extracting(BedrockRuntimeStub.Call::operation)
                .containsExactly("StartAsyncInvoke", "GetAsyncInvoke", "GetAsyncInvoke");
        assertThat(stub.signatureProblems()).isEmpty();
    }

    @Test
    void throttlingIsRetriedByTheSdkThenReportedRetryable() {
        stub.failNext(new BedrockRuntimeStub.Failure(429, "ThrottlingException", "Too many requests"),
                new BedrockRuntimeStub.Failure(429, "ThrottlingException", "Too many requests"));

        ProviderJob job = provider().submit(request(AssetType.IMAGE, "instagram/feed_square", null));

        assertThat(job).isInstanceOf(ProviderJob.Failed.class);
        assertThat(((ProviderJob.Failed) job).retryable()).isTrue();
        assertThat(stub.calls()).hasSize(2);
    }

    @Test
    void oneThrottleIsAbsorbedByTheSdkRetry() {
        stub.failNext(new BedrockRuntimeStub.Failure(429, "ThrottlingException", "Too many requests"));

        ProviderJob job = provider().submit(request(AssetType.IMAGE, "instagram/feed_square", null));

        assertThat(job).isInstanceOf(ProviderJob.Completed.class);
        assertThat(stub.calls()).hasSize(2);
    }

    @Test
    void aContentFilterRefusalEndsTheJobAtOnce() {
        stub.failNext(new BedrockRuntimeStub.Failure(400, "ValidationException",
                "This request has been blocked by our content filters."));

        ProviderJob job = provider().submit(request(AssetType.IMAGE, "instagram/feed_square", null));

        assertThat(job).isEqualTo(new ProviderJob.Failed(BedrockProvider.REFUSED + " (HTTP 400)", false));
        assertThat(stub.calls()).hasSize(1);
    }

    @Test
    void aRequestSignedWithTheWrongSecretIsRejectedByTheStubsSignatureCheck() {
        ProviderJob job = provider("not-the-secret").submit(request(AssetType.IMAGE, "instagram/feed_square", null));

        assertThat(job).isInstanceOf(ProviderJob.Failed.class);
        assertThat(((ProviderJob.Failed) job).retryable()).isFalse();
        assertThat(stub.signatureProblems()).containsExactly("signature does not match");
        assertThat(((ProviderJob.Failed) job).reason()).doesNotContain("not-the-secret");
    }

    @Test
    void anUnknownHandleAndAnUnsupportedTypeFailWithoutACall() {
        BedrockProvider provider = provider();
        assertThat(provider.poll("stability:x")).isInstanceOf(ProviderJob.Failed.class);
        assertThat(provider.submit(request(AssetType.AUDIO, "instagram/reel", null)))
                .isInstanceOf(ProviderJob.Failed.class);
        assertThat(stub.calls()).isEmpty();
    }

    @Test
    void theConfigurationNeverPrintsCredentials() {
        BedrockConfig config = BedrockConfig.of(Region.US_EAST_1, BUCKET).withEndpoint(stub.endpoint(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDPRINT", "very-secret")));
        assertThat(config.toString()).doesNotContain("very-secret").doesNotContain("AKIDPRINT");
        assertThatThrownBy(() -> config.withModels(" ", "a", "b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("textModelId");
    }

    private static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    /** The media bucket, in memory. */
    private static final class BucketStore implements MediaStore {
        private final Map<String, byte[]> objects = new ConcurrentHashMap<>();

        Set<String> keys() {
            return objects.keySet();
        }

        @Override
        public PresignedUpload presignUpload(String key, String mimeType, long bytes, Duration ttl) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<byte[]> read(String key, long maxBytes) {
            byte[] bytes = objects.get(key);
            if (bytes != null && bytes.length > maxBytes) {
                throw new MediaTooLargeException(key + " is larger than " + maxBytes + " bytes");
            }
            return Optional.ofNullable(bytes);
        }

        @Override
        public void put(String key, byte[] bytes, String mimeType) {
            objects.put(key, bytes);
        }

        @Override
        public void delete(String key) {
            objects.remove(key);
        }

        @Override
        public PresignedDownload presignDownload(String key, Duration ttl) {
            throw new UnsupportedOperationException();
        }
    }
}
