package dev.pms.aws.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.env.Environment;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Reads one SecureString from SSM Parameter Store with a SigV4-signed {@code AmazonSSM.GetParameter} call (the SSM
 * SDK module is not in this build's repository at the SDK's version, and one call does not need it). The value is
 * never logged and never part of an exception message.
 */
public final class SsmParameters {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final Region region;
    private final URI endpoint;

    public SsmParameters(SdkHttpClient http, AwsCredentialsProvider credentials, Region region, URI endpointOrNull) {
        this.http = http;
        this.credentials = credentials;
        this.region = region;
        this.endpoint = endpointOrNull != null ? endpointOrNull : URI.create("https://ssm." + region.id() + ".amazonaws.com");
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
        byte[] body = JSON.createObjectNode().put("Name", name).put("WithDecryption", true).toString()
                .getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "AmazonSSM.GetParameter")
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(sign -> sign
                .identity(credentials.resolveCredentials())
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ssm")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(ContentStreamProvider.fromByteArray(body)))
                    .build()).call();
            byte[] answer;
            if (response.responseBody().isEmpty()) {
                answer = new byte[0];
            } else {
                try (InputStream stream = response.responseBody().get()) {
                    answer = stream.readAllBytes();
                }
            }
            int status = response.httpResponse().statusCode();
            JsonNode json = answer.length == 0 ? JSON.createObjectNode() : JSON.readTree(answer);
            if (status != 200) {
                String type = json.path("__type").asText("unknown error");
                throw new IllegalStateException("SSM GetParameter " + name + " failed: HTTP " + status + " "
                        + type.substring(type.lastIndexOf('#') + 1));
            }
            JsonNode value = json.path("Parameter").path("Value");
            if (!value.isTextual()) {
                throw new IllegalStateException("SSM GetParameter " + name + " answered without a value");
            }
            return value.asText();
        } catch (IOException e) {
            throw new UncheckedIOException("SSM GetParameter " + name + " could not be read", e);
        }
    }
}
