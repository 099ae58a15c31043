package dev.pms.providers.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Canvas;
import dev.pms.core.generation.GeneratedMedia;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.MediaProvider;
import dev.pms.core.generation.ProviderJob;
import dev.pms.core.json.Json;
import dev.pms.core.media.MediaStore;
import dev.pms.core.media.MediaTooLargeException;
import dev.pms.core.pricing.PriceTable;
import dev.pms.core.pricing.PriceUnit;
import dev.pms.core.pricing.QualityTier;
import dev.pms.providers.offline.OfflineImageRenderer;
import dev.pms.providers.openai.CopyWriting;
import dev.pms.providers.wavespeed.ImageSizing;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.model.AsyncInvokeOutputDataConfig;
import software.amazon.awssdk.services.bedrockruntime.model.AsyncInvokeS3OutputDataConfig;
import software.amazon.awssdk.services.bedrockruntime.model.AsyncInvokeStatus;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.GetAsyncInvokeResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.StartAsyncInvokeResponse;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Copy, images and videos from Amazon Bedrock, signed with the function's IAM credentials (no third-party key). Copy
 * is written through the Converse API by the Nova text model the proposal chose by tier, or the configured model when
 * it named none, and fitted to the placement like any chat model's;
 * images are Amazon Nova Canvas {@code TEXT_IMAGE} renders at the placement's shape (within Nova Canvas's allowed
 * sizes), cropped to the exact canvas; videos are Amazon Nova Reel clips of {@value #VIDEO_SECONDS} s at
 * {@value #VIDEO_DIMENSION}, started with {@code StartAsyncInvoke} into the media bucket and answered
 * {@link ProviderJob.Pending} with a {@code bedrock:<invocation ARN>} handle that {@link #poll} asks
 * {@code GetAsyncInvoke} about, reading (then removing) Nova Reel's {@code output.mp4} once it is complete.
 * <p>
 * Throttling, 5xx answers and connection failures are retried by the SDK up to the configured attempts, then
 * reported retryable; refusals (content filters, access, validation) end the job at once. The cost is the price
 * table's: tokens × the text model's prices, one image, {@value #VIDEO_SECONDS} s of video.
 */
public final class BedrockProvider implements MediaProvider {
    public static final String NAME = BedrockConfig.PROVIDER;
    static final String HANDLE_PREFIX = "bedrock:";
    static final String REFUSED = "refused by Amazon Bedrock's content filters";
    static final int VIDEO_SECONDS = 6;
    static final int VIDEO_WIDTH = 1280;
    static final int VIDEO_HEIGHT = 720;
    static final String VIDEO_DIMENSION = "1280x720";
    static final int IMAGE_PROMPT_MAX_CHARS = 1024;
    static final int VIDEO_PROMPT_MAX_CHARS = 512;
    static final Duration VIDEO_POLL_AFTER = Duration.ofSeconds(30);
    static final long MAX_VIDEO_BYTES = 200L * 1024 * 1024;
    static final float COPY_TEMPERATURE = 0.7f;
    static final double CFG_SCALE = 6.5;
    private static final int MAX_SEED = 858_993_459;
    private static final System.Logger LOG = System.getLogger(BedrockProvider.class.getName());
    private static final Set<AssetType> TYPES = EnumSet.of(AssetType.TEXT, AssetType.IMAGE, AssetType.VIDEO);

    private final BedrockConfig config;
    private final BedrockRuntimeClient runtime;
    private final MediaStore media;
    private final PriceTable prices;
    private final CopyWriting copyWriting = new CopyWriting();
    private final AtomicLong apiCalls = new AtomicLong();

    /** Production wiring: the suite's price table; {@code media} is the bucket Nova Reel writes into. */
    public BedrockProvider(BedrockConfig config, MediaStore media) {
        this(config, media, PriceTable.load());
    }

    public BedrockProvider(BedrockConfig config, MediaStore media, PriceTable prices) {
        this.config = Objects.requireNonNull(config, "config");
        this.media = Objects.requireNonNull(media, "media");
        this.prices = Objects.requireNonNull(prices, "prices");
        BedrockRuntimeClientBuilder builder = BedrockRuntimeClient.builder()
                .region(config.region())
                .credentialsProvider(config.credentials())
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(config.requestTimeout())
                        .socketTimeout(config.requestTimeout())
                        .build())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(config.maxAttempts()).build()));
        if (config.endpointOverride() != null) {
            builder.endpointOverride(config.endpointOverride());
        }
        this.runtime = builder.build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(AssetType type) {
        return TYPES.contains(type);
    }

    /** Bedrock API operations this provider has called (each counted once, whatever the SDK retried). */
    public long apiCalls() {
        return apiCalls.get();
    }

    @Override
    public ProviderJob submit(GenerationRequest request) {
        if (!supports(request.assetType())) {
            return new ProviderJob.Failed(NAME + " does not make " + request.assetType().code() + " assets", false);
        }
        if (request.assetType() != AssetType.TEXT && (request.prompt() == null || request.prompt().isBlank())) {
            return failed(request.jobId(), "a " + request.assetType().code() + " needs a prompt, and the request has none",
                    false);
        }
        try {
            return switch (request.assetType()) {
                case TEXT -> writeCopy(request);
                case IMAGE -> renderImage(request);
                default -> startVideo(request);
            };
        } catch (AwsServiceException e) {
            return failed(request.jobId(), refusal(e), retryable(e));
        } catch (SdkClientException e) {
            return failed(request.jobId(), "Amazon Bedrock could not be reached (" + rootCause(e) + ")", true);
        }
    }

    @Override
    public ProviderJob poll(String handle) {
        if (handle == null || !handle.startsWith(HANDLE_PREFIX + "arn:")) {
            return new ProviderJob.Failed(NAME + " has no pending job '" + handle + "'", false);
        }
        String invocationArn = handle.substring(HANDLE_PREFIX.length());
        GetAsyncInvokeResponse job;
        try {
            apiCalls.incrementAndGet();
            job = runtime.getAsyncInvoke(get -> get.invocationArn(invocationArn));
        } catch (AwsServiceException e) {
            return failed(invocationArn, refusal(e), retryable(e));
        } catch (SdkClientException e) {
            return failed(invocationArn, "Amazon Bedrock could not be reached (" + rootCause(e) + ")", true);
        }
        if (job.status() == AsyncInvokeStatus.IN_PROGRESS) {
            return new ProviderJob.Pending(handle, VIDEO_POLL_AFTER);
        }
        if (job.status() != AsyncInvokeStatus.COMPLETED) {
            return failed(invocationArn, "Nova Reel's job " + job.statusAsString().toLowerCase()
                    + (job.failureMessage() == null ? "" : ": " + job.failureMessage()), false);
        }
        return finishedVideo(invocationArn, job);
    }

    private ProviderJob writeCopy(GenerationRequest request) {
        String modelId = textModelFor(request);
        apiCalls.incrementAndGet();
        ConverseResponse answer = runtime.converse(converse -> converse
                .modelId(modelId)
                .system(SystemContentBlock.fromText(CopyWriting.systemMessage(request)))
                .messages(Message.builder().role(ConversationRole.USER)
                        .content(ContentBlock.fromText(CopyWriting.userMessage(request))).build())
                .inferenceConfig(inference -> inference.maxTokens(config.maxOutputTokens()).temperature(COPY_TEMPERATURE)));
        StopReason stop = answer.stopReason();
        if (stop == StopReason.CONTENT_FILTERED || stop == StopReason.GUARDRAIL_INTERVENED) {
            return failed(request.jobId(), REFUSED + " (stop reason " + answer.stopReasonAsString() + ")", false);
        }
        String content = answer.output() == null || answer.output().message() == null ? ""
                : answer.output().message().content().stream().map(ContentBlock::text).filter(Objects::nonNull)
                .collect(Collectors.joining());
        CopyWriting.Outcome copy = copyWriting.read(request, content, stop == StopReason.MAX_TOKENS,
                config.maxOutputTokens());
        if (copy instanceof CopyWriting.Outcome.Malformed malformed) {
            return failed(request.jobId(), malformed.reason(), true);
        }
        if (copy instanceof CopyWriting.Outcome.Cut cut) {
            return failed(request.jobId(), cut.reason(), false);
        }
        CopyWriting.Outcome.Written written = (CopyWriting.Outcome.Written) copy;
        long inputTokens = answer.usage() == null ? 0 : answer.usage().inputTokens();
        long outputTokens = answer.usage() == null ? 0 : answer.usage().outputTokens();
        Map<String, Object> details = new HashMap<>(written.details());
        details.put("finish_reason", answer.stopReasonAsString());
        details.put("prompt_tokens", inputTokens);
        details.put("completion_tokens", outputTokens);
        details.put("api_calls", 1);
        BigDecimal cost = answer.usage() == null ? null : BigDecimal.valueOf(inputTokens)
                .multiply(prices.unitPrice(NAME, modelId, PriceUnit.MILLION_INPUT_TOKENS))
                .add(BigDecimal.valueOf(outputTokens)
                        .multiply(prices.unitPrice(NAME, modelId, PriceUnit.MILLION_OUTPUT_TOKENS)))
                .movePointLeft(6).stripTrailingZeros();
        return new ProviderJob.Completed(new GeneratedMedia(written.json().getBytes(StandardCharsets.UTF_8),
                "application/json", written.json(), null, null, null, NAME, modelId, cost, details));
    }

    /** The Bedrock text model the proposal chose (one the price table bills copy on), else the configured one. */
    private String textModelFor(GenerationRequest request) {
        String named = request.model();
        boolean priced = named != null && prices.entries().stream().anyMatch(entry -> entry.provider().equals(NAME)
                && entry.model().equals(named) && entry.unit() == PriceUnit.MILLION_INPUT_TOKENS);
        return priced ? named : config.textModelId();
    }

    private ProviderJob renderImage(GenerationRequest request) {
        Canvas canvas = request.placement() == null ? null : request.placement().canvas();
        int canvasWidth = canvas == null ? 1024 : canvas.width();
        int canvasHeight = canvas == null ? 1024 : canvas.height();
        NovaCanvasSize size = NovaCanvasSize.forCanvas(canvasWidth, canvasHeight);
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("taskType", "TEXT_IMAGE");
        body.putObject("textToImageParams").put("text", clip(request.prompt(), IMAGE_PROMPT_MAX_CHARS));
        body.putObject("imageGenerationConfig")
                .put("numberOfImages", 1)
                .put("width", size.width())
                .put("height", size.height())
                .put("quality", request.tier() == QualityTier.PREMIUM ? "premium" : "standard")
                .put("cfgScale", CFG_SCALE)
                .put("seed", seed(request.jobId()));
        apiCalls.incrementAndGet();
        InvokeModelResponse response = runtime.invokeModel(invoke -> invoke
                .modelId(config.imageModelId())
                .contentType("application/json")
                .accept("application/json")
                .body(SdkBytes.fromUtf8String(body.toString())));
        JsonNode answer;
        try {
            answer = Json.mapper().readTree(response.body().asByteArray());
        } catch (IOException e) {
            return failed(request.jobId(), "Nova Canvas's answer was not JSON", true);
        }
        String error = answer.path("error").asText("");
        if (!error.isBlank()) {
            return failed(request.jobId(), error.toLowerCase().contains("content filter") ? REFUSED
                    : "Nova Canvas made no image: " + error, false);
        }
        JsonNode images = answer.path("images");
        if (!images.isArray() || images.isEmpty() || !images.get(0).isTextual()) {
            return failed(request.jobId(), "Nova Canvas's answer held no image", true);
        }
        BufferedImage made;
        try {
            made = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(images.get(0).asText())));
        } catch (IOException | IllegalArgumentException e) {
            made = null;
        }
        if (made == null) {
            return failed(request.jobId(), "Nova Canvas's image could not be decoded", true);
        }
        byte[] png = OfflineImageRenderer.png(ImageSizing.fitToCanvas(made, canvasWidth, canvasHeight));
        Map<String, Object> details = Map.of("requested_size", size.width() + "x" + size.height(),
                "made_size", made.getWidth() + "x" + made.getHeight(),
                "placement", request.placement() == null ? "none" : request.placement().key(),
                "api_calls", 1);
        return new ProviderJob.Completed(new GeneratedMedia(png, "image/png", null, canvasWidth, canvasHeight, null,
                NAME, config.imageModelId(), prices.unitPrice(NAME, config.imageModelId(), PriceUnit.IMAGE), details));
    }

    private ProviderJob startVideo(GenerationRequest request) {
        ObjectNode input = Json.mapper().createObjectNode();
        input.put("taskType", "TEXT_VIDEO");
        ObjectNode textToVideo = input.putObject("textToVideoParams");
        textToVideo.put("text", clip(request.prompt(), VIDEO_PROMPT_MAX_CHARS));
        byte[] firstFrame = firstFrame(request.keyFrame());
        if (firstFrame != null) {
            textToVideo.putArray("images").addObject().put("format", "png")
                    .putObject("source").put("bytes", Base64.getEncoder().encodeToString(firstFrame));
        }
        input.putObject("videoGenerationConfig")
                .put("durationSeconds", VIDEO_SECONDS)
                .put("fps", 24)
                .put("dimension", VIDEO_DIMENSION)
                .put("seed", seed(request.jobId()));
        apiCalls.incrementAndGet();
        StartAsyncInvokeResponse started = runtime.startAsyncInvoke(start -> start
                .modelId(config.videoModelId())
                .clientRequestToken(clientRequestToken(request.jobId()))
                .modelInput(JsonDocuments.of(input))
                .outputDataConfig(AsyncInvokeOutputDataConfig.fromS3OutputDataConfig(
                        AsyncInvokeS3OutputDataConfig.builder().s3Uri(config.videoOutputUri(request.jobId())).build())));
        LOG.log(System.Logger.Level.INFO, "bedrock job {0}: Nova Reel started ({1})", request.jobId(),
                started.invocationArn());
        return new ProviderJob.Pending(HANDLE_PREFIX + started.invocationArn(), VIDEO_POLL_AFTER);
    }

    private ProviderJob finishedVideo(String invocationArn, GetAsyncInvokeResponse job) {
        String folder = job.outputDataConfig() == null || job.outputDataConfig().s3OutputDataConfig() == null ? null
                : job.outputDataConfig().s3OutputDataConfig().s3Uri();
        String bucketPrefix = "s3://" + config.videoOutputBucket() + "/";
        if (folder == null || !folder.startsWith(bucketPrefix)) {
            return failed(invocationArn, "Nova Reel's output is not in the media bucket", false);
        }
        String folderKey = folder.substring(bucketPrefix.length()).replaceAll("/+$", "");
        String videoKey = folderKey + "/output.mp4";
        byte[] video;
        try {
            video = media.read(videoKey, MAX_VIDEO_BYTES).orElse(null);
        } catch (MediaTooLargeException e) {
            return failed(invocationArn, "Nova Reel's video is larger than " + MAX_VIDEO_BYTES + " bytes", false);
        }
        if (video == null) {
            return failed(invocationArn, "Nova Reel's job completed but its output.mp4 is not readable yet", true);
        }
        media.delete(videoKey);
        media.delete(folderKey + "/manifest.json");
        BigDecimal cost = prices.unitPrice(NAME, config.videoModelId(), PriceUnit.VIDEO_SECOND)
                .multiply(BigDecimal.valueOf(VIDEO_SECONDS));
        return new ProviderJob.Completed(new GeneratedMedia(video, "video/mp4", null, VIDEO_WIDTH, VIDEO_HEIGHT,
                (double) VIDEO_SECONDS, NAME, config.videoModelId(), cost,
                Map.of("invocation_arn", invocationArn, "api_calls", 1)));
    }

    /** The key frame made before the video, as the 1280x720 PNG Nova Reel takes as a first frame; null without one. */
    private static byte[] firstFrame(byte[] keyFrame) {
        if (keyFrame == null || keyFrame.length == 0) {
            return null;
        }
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(keyFrame));
            if (image == null) {
                return null;
            }
            BufferedImage opaque = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            opaque.createGraphics().drawImage(image, 0, 0, null);
            return OfflineImageRenderer.png(ImageSizing.fitToCanvas(opaque, VIDEO_WIDTH, VIDEO_HEIGHT));
        } catch (IOException e) {
            return null;
        }
    }

    private static String clip(String text, int maxChars) {
        String stripped = text.strip();
        if (stripped.length() <= maxChars) {
            return stripped;
        }
        int cut = stripped.lastIndexOf(' ', maxChars);
        return stripped.substring(0, cut > maxChars / 2 ? cut : maxChars).strip();
    }

    /** The same job asks for the same seed, so that a retried render makes the same picture. */
    static int seed(String jobId) {
        return Math.floorMod(Objects.hashCode(jobId), MAX_SEED + 1);
    }

    /** Bedrock's idempotency token for a job: letters, digits and single hyphens, at most 256 characters. */
    static String clientRequestToken(String jobId) {
        String token = String.valueOf(jobId).replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-+|-+$", "");
        token = token.isEmpty() ? "job" : token;
        return token.length() > 256 ? token.substring(0, 256) : token;
    }

    private static boolean retryable(AwsServiceException e) {
        return e.isThrottlingException() || e.statusCode() >= 500 || e.statusCode() == 408
                || e.statusCode() == 424 && "ModelNotReadyException".equals(errorCode(e));
    }

    private static String refusal(AwsServiceException e) {
        String code = errorCode(e);
        String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        if (message != null && message.toLowerCase().contains("content filter")) {
            return REFUSED + " (HTTP " + e.statusCode() + ")";
        }
        return switch (code) {
            case "AccessDeniedException" -> "the function's role may not use this Bedrock model, or the model is not"
                    + " enabled in the account (HTTP 403)";
            case "ResourceNotFoundException" -> "the Bedrock model or job was not found (HTTP 404)";
            case "ValidationException" -> "Amazon Bedrock rejected the request as invalid (HTTP 400)"
                    + (message == null ? "" : ": " + message);
            default -> "Amazon Bedrock answered " + code + " (HTTP " + e.statusCode() + ")";
        };
    }

    private static String errorCode(AwsServiceException e) {
        return e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? "an error"
                : e.awsErrorDetails().errorCode();
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }

    private static ProviderJob.Failed failed(String job, String reason, boolean retryable) {
        LOG.log(System.Logger.Level.WARNING, "bedrock job {0} failed{1}: {2}", job, retryable ? " (retryable)" : "",
                reason);
        return new ProviderJob.Failed(reason, retryable);
    }
}
