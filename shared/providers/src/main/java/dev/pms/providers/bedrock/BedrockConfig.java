package dev.pms.providers.bedrock;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import static dev.pms.providers.http.ProviderConfigs.requireHttpUrl;
import static dev.pms.providers.http.ProviderConfigs.requirePositive;
import static dev.pms.providers.http.ProviderConfigs.requireText;

/**
 * Where and how to call the Amazon Bedrock runtime. There is no key: requests are signed (SigV4) with the
 * function's IAM credentials.
 *
 * @param region             the Bedrock region
 * @param endpointOverride   another runtime endpoint (a stub in tests), or null for the region's own
 * @param credentials        the SDK's default chain in AWS (the function's role); fixed test credentials in tests
 * @param textModelId        the Converse model every copy job is written with, e.g. {@value #DEFAULT_TEXT_MODEL_ID}
 * @param imageModelId       the Nova Canvas model images are made with
 * @param videoModelId       the Nova Reel model videos are made with (asynchronously)
 * @param videoOutputBucket  the media bucket Nova Reel writes its {@code output.mp4} into
 * @param requestTimeout     the longest wait for one API call
 * @param maxAttempts        calls per request, the first included, before a throttle or 5xx is reported retryable
 * @param maxOutputTokens    the most tokens one copy answer may use
 */
public record BedrockConfig(
        Region region,
        URI endpointOverride,
        AwsCredentialsProvider credentials,
        String textModelId,
        String imageModelId,
        String videoModelId,
        String videoOutputBucket,
        Duration requestTimeout,
        int maxAttempts,
        int maxOutputTokens) {

    public static final String PROVIDER = "bedrock";
    public static final String DEFAULT_TEXT_MODEL_ID = "amazon.nova-lite-v1:0";
    public static final String DEFAULT_IMAGE_MODEL_ID = "amazon.nova-canvas-v1:0";
    public static final String DEFAULT_VIDEO_MODEL_ID = "amazon.nova-reel-v1:1";
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final int DEFAULT_MAX_OUTPUT_TOKENS = 1_200;

    public BedrockConfig {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(credentials, "credentials");
        if (endpointOverride != null) {
            requireHttpUrl(endpointOverride, "endpointOverride");
        }
        requireText(textModelId, "textModelId");
        requireText(imageModelId, "imageModelId");
        requireText(videoModelId, "videoModelId");
        requireText(videoOutputBucket, "videoOutputBucket");
        requirePositive(requestTimeout, "requestTimeout");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        if (maxOutputTokens < 1) {
            throw new IllegalArgumentException("maxOutputTokens must be at least 1, not " + maxOutputTokens);
        }
    }

    /** The region's runtime with the function's credentials, the default models and limits. */
    public static BedrockConfig of(Region region, String videoOutputBucket) {
        return new BedrockConfig(region, null, DefaultCredentialsProvider.builder().build(), DEFAULT_TEXT_MODEL_ID,
                DEFAULT_IMAGE_MODEL_ID, DEFAULT_VIDEO_MODEL_ID, videoOutputBucket, DEFAULT_REQUEST_TIMEOUT,
                DEFAULT_MAX_ATTEMPTS, DEFAULT_MAX_OUTPUT_TOKENS);
    }

    public BedrockConfig withEndpoint(URI endpoint, AwsCredentialsProvider signingCredentials) {
        return new BedrockConfig(region, endpoint, signingCredentials, textModelId, imageModelId, videoModelId,
                videoOutputBucket, requestTimeout, maxAttempts, maxOutputTokens);
    }

    public BedrockConfig withModels(String text, String image, String video) {
        return new BedrockConfig(region, endpointOverride, credentials, text, image, video, videoOutputBucket,
                requestTimeout, maxAttempts, maxOutputTokens);
    }

    public BedrockConfig withAttempts(int attempts) {
        return new BedrockConfig(region, endpointOverride, credentials, textModelId, imageModelId, videoModelId,
                videoOutputBucket, requestTimeout, attempts, maxOutputTokens);
    }

    /** The S3 folder Nova Reel writes one job's video into (it adds a folder named after the invocation). */
    String videoOutputUri(String jobId) {
        return "s3://" + videoOutputBucket + "/" + videoOutputPrefix(jobId);
    }

    static String videoOutputPrefix(String jobId) {
        return "bedrock-output/" + jobId;
    }

    /** Names no credential, so that printing the configuration can never print one. */
    @Override
    public String toString() {
        return "BedrockConfig[region=" + region + ", endpoint=" + (endpointOverride == null ? "default" : endpointOverride)
                + ", text=" + textModelId + ", image=" + imageModelId + ", video=" + videoModelId
                + ", bucket=" + videoOutputBucket + "]";
    }
}
