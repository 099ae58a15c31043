package dev.pms.aws.secrets;

import io.micronaut.context.env.Environment;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.SsmClientBuilder;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;

import java.net.URI;

/**
 * Reads one SecureString from SSM Parameter Store with the SDK's SSM client ({@code GetParameter} with decryption).
 * The value is never logged and never part of an exception message.
 */
public final class SsmParameters {
    private final SsmClient ssm;

    public SsmParameters(SdkHttpClient http, AwsCredentialsProvider credentials, Region region, URI endpointOrNull) {
        SsmClientBuilder builder = SsmClient.builder().httpClient(http).credentialsProvider(credentials).region(region);
        if (endpointOrNull != null) {
            builder.endpointOverride(endpointOrNull);
        }
        this.ssm = builder.build();
    }

    /**
     * A reader for the function's region ({@code aws.region}, else {@code AWS_REGION}) and endpoint
     * ({@code aws.services.ssm.endpoint-override} when set), with the default credentials.
     */
    public static SsmParameters of(Environment environment) {
        String region = environment.getProperty("aws.region", String.class)
                .orElseGet(() -> System.getenv().getOrDefault("AWS_REGION", "us-east-1"));
        URI endpoint = environment.getProperty("aws.services.ssm.endpoint-override", String.class)
                .filter(value -> !value.isBlank()).map(URI::create).orElse(null);
        return new SsmParameters(UrlConnectionHttpClient.create(), DefaultCredentialsProvider.builder().build(),
                Region.of(region), endpoint);
    }

    /** The decrypted value of the parameter. */
    public String secureString(String name) {
        GetParameterResponse answer;
        try {
            answer = ssm.getParameter(get -> get.name(name).withDecryption(true));
        } catch (AwsServiceException e) {
            String type = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? "unknown error"
                    : e.awsErrorDetails().errorCode();
            throw new IllegalStateException("SSM GetParameter " + name + " failed: HTTP " + e.statusCode() + " "
                    + type.substring(type.lastIndexOf('#') + 1));
        } catch (SdkClientException e) {
            throw new IllegalStateException("SSM GetParameter " + name + " could not be read ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (answer.parameter() == null || answer.parameter().value() == null) {
            throw new IllegalStateException("SSM GetParameter " + name + " answered without a value");
        }
        return answer.parameter().value();
    }
}
