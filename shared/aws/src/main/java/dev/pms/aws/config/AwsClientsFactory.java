package dev.pms.aws.config;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.util.List;

/**
 * SDK clients for every AWS service the suite uses. Each honours
 * {@code aws.services.<service>.endpoint-override} (and the SDK's own {@code AWS_ENDPOINT_URL*}
 * variables), so the same build runs against the devstack, LocalStack or a real account.
 * Local credentials are used only when {@code aws.local-credentials.*} is set; otherwise the
 * default chain (the Lambda role in AWS).
 */
@Factory
public class AwsClientsFactory {

    private final Region region;
    private final AwsCredentialsProvider credentials;

    public AwsClientsFactory(@Nullable @Value("${aws.region:}") String configuredRegion,
                             @Nullable @Value("${aws.local-credentials.access-key-id:}") String localAccessKey,
                             @Nullable @Value("${aws.local-credentials.secret-access-key:}") String localSecretKey) {
        this.region = isBlank(configuredRegion)
                ? new DefaultAwsRegionProviderChain().getRegion()
                : Region.of(configuredRegion);
        this.credentials = credentials(localAccessKey, localSecretKey);
    }

    /** The local pair when one is configured (the devstack), else the default chain (the Lambda role in AWS). */
    public static AwsCredentialsProvider credentials(String localAccessKey, String localSecretKey) {
        return isBlank(localAccessKey)
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(localAccessKey, localSecretKey));
    }

    /** {@code interceptors}: SDK interceptors registered as beans, none in a deployment (a benchmark's meter locally). */
    @Singleton
    DynamoDbClient dynamoDbClient(@Nullable @Value("${aws.services.dynamodb.endpoint-override:}") String endpoint,
                                  List<ExecutionInterceptor> interceptors) {
        return configure(DynamoDbClient.builder(), endpoint)
                .overrideConfiguration(override -> {
                    override.retryStrategy(DynamoDbRetries.strategy());
                    interceptors.forEach(override::addExecutionInterceptor);
                })
                .build();
    }

    @Singleton
    S3Client s3Client(@Nullable @Value("${aws.services.s3.endpoint-override:}") String endpoint,
                      @Value("${aws.s3.path-style-access:false}") boolean pathStyle) {
        return configure(S3Client.builder(), endpoint)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build())
                .build();
    }

    @Singleton
    S3Presigner s3Presigner(@Nullable @Value("${aws.services.s3.endpoint-override:}") String endpoint,
                            @Value("${aws.s3.path-style-access:false}") boolean pathStyle) {
        S3Presigner.Builder builder = S3Presigner.builder()
                .region(region)
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build());
        if (!isBlank(endpoint)) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    @Singleton
    SqsClient sqsClient(@Nullable @Value("${aws.services.sqs.endpoint-override:}") String endpoint) {
        return configure(SqsClient.builder(), endpoint).build();
    }

    @Singleton
    SfnClient sfnClient(@Nullable @Value("${aws.services.sfn.endpoint-override:}") String endpoint) {
        return configure(SfnClient.builder(), endpoint).build();
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, String endpoint) {
        builder.region(region).credentialsProvider(credentials);
        if (builder instanceof AwsSyncClientBuilder<?, ?> sync) {
            sync.httpClientBuilder(UrlConnectionHttpClient.builder());
        }
        if (!isBlank(endpoint)) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
