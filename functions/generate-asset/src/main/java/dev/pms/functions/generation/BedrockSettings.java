package dev.pms.functions.generation;

import dev.pms.aws.config.AwsClientsFactory;
import dev.pms.providers.bedrock.BedrockConfig;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import software.amazon.awssdk.regions.Region;

import java.net.URI;

/**
 * The Bedrock provider's configuration: region ({@code BEDROCK_REGION}, else the function's), the model ids
 * ({@code BEDROCK_TEXT_MODEL_ID}, {@code BEDROCK_IMAGE_MODEL_ID}, {@code BEDROCK_VIDEO_MODEL_ID}), the media bucket
 * Nova Reel writes into, and locally a runtime endpoint ({@code BEDROCK_ENDPOINT}) signed with the local credentials.
 */
@Singleton
public class BedrockSettings {
    private final BedrockConfig config;

    public BedrockSettings(@Nullable @Value("${bedrock.region:}") String bedrockRegion,
                           @Nullable @Value("${aws.region:}") String awsRegion,
                           @Nullable @Value("${bedrock.endpoint:}") String endpoint,
                           @Value("${bedrock.text.model.id:" + BedrockConfig.DEFAULT_TEXT_MODEL_ID + "}") String textModel,
                           @Value("${bedrock.image.model.id:" + BedrockConfig.DEFAULT_IMAGE_MODEL_ID + "}") String imageModel,
                           @Value("${bedrock.video.model.id:" + BedrockConfig.DEFAULT_VIDEO_MODEL_ID + "}") String videoModel,
                           @Value("${media.bucket}") String mediaBucket,
                           @Nullable @Value("${aws.local-credentials.access-key-id:}") String localAccessKey,
                           @Nullable @Value("${aws.local-credentials.secret-access-key:}") String localSecretKey) {
        String region = firstSet(bedrockRegion, awsRegion, System.getenv("AWS_REGION"), "us-east-1");
        BedrockConfig configured = BedrockConfig.of(Region.of(region), mediaBucket)
                .withModels(textModel, imageModel, videoModel);
        URI runtime = endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint);
        this.config = configured.withEndpoint(runtime, AwsClientsFactory.credentials(localAccessKey, localSecretKey));
    }

    public BedrockConfig config() {
        return config;
    }

    private static String firstSet(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        throw new IllegalStateException("no region is configured");
    }
}
