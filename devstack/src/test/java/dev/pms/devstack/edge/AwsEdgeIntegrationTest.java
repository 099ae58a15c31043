package dev.pms.devstack.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.DevstackOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * LocalStack habits on the devstack: one endpoint ({@code endpoints.aws}) and the credentials {@code test}/{@code test}
 * drive DynamoDB, S3, SQS and Step Functions, from the Java SDK and from botocore (what the AWS CLI runs on) configured
 * only through {@code AWS_ENDPOINT_URL}; S3 still refuses a wrong secret.
 */
class AwsEdgeIntegrationTest {

    private static final StaticCredentialsProvider LOCALSTACK_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    private static Devstack devstack;
    private static URI edge;

    @BeforeAll
    static void start() throws Exception {
        Path template = Path.of(AwsEdgeIntegrationTest.class.getResource("/devstack-test-template.yaml").toURI());
        devstack = Devstack.start(DevstackOptions.defaults().withTemplate(template));
        edge = URI.create(devstack.endpoints().get("aws"));
    }

    @AfterAll
    static void stop() {
        devstack.close();
    }

    @Test
    void everyServiceAnswersOnTheOneEndpointWithLocalStackCredentials() {
        String table = devstack.endpoints().get("table");
        String bucket = devstack.endpoints().get("bucket");
        try (DynamoDbClient dynamoDb = DynamoDbClient.builder().endpointOverride(edge).region(Region.US_EAST_1)
                .credentialsProvider(LOCALSTACK_CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
             S3Client s3 = s3(LOCALSTACK_CREDENTIALS);
             SqsClient sqs = SqsClient.builder().endpointOverride(edge).region(Region.US_EAST_1)
                     .credentialsProvider(LOCALSTACK_CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
             SfnClient sfn = SfnClient.builder().endpointOverride(edge).region(Region.US_EAST_1)
                     .credentialsProvider(LOCALSTACK_CREDENTIALS).httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            assertThat(dynamoDb.listTables().tableNames()).contains(table);

            s3.putObject(put -> put.bucket(bucket).key("edge/hello.txt").contentType("text/plain"),
                    RequestBody.fromString("hello through the edge"));
            assertThat(s3.getObjectAsBytes(get -> get.bucket(bucket).key("edge/hello.txt")).asUtf8String())
                    .isEqualTo("hello through the edge");

            assertThat(sqs.listQueues().queueUrls()).isNotEmpty();
            assertThat(sfn.listStateMachines().stateMachines()).extracting(StateMachineListItem::stateMachineArn)
                    .isNotEmpty();
        }
    }

    @Test
    void presignedUrlsThroughTheEdgeAreVerifiedByS3() throws Exception {
        String bucket = devstack.endpoints().get("bucket");
        try (S3Client s3 = s3(LOCALSTACK_CREDENTIALS);
             S3Presigner presigner = S3Presigner.builder().endpointOverride(edge).region(Region.US_EAST_1)
                     .credentialsProvider(LOCALSTACK_CREDENTIALS)
                     .serviceConfiguration(S3Configuration.builder()
                             .pathStyleAccessEnabled(true).build())
                     .build()) {
            s3.putObject(put -> put.bucket(bucket).key("edge/signed.txt"), RequestBody.fromString("signed"));
            URI signed = presigner.presignGetObject(get -> get.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(object -> object.bucket(bucket).key("edge/signed.txt"))).url().toURI();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> fetched = http.send(HttpRequest.newBuilder(signed).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(fetched.statusCode()).isEqualTo(200);
            assertThat(fetched.body()).isEqualTo("signed");

            URI tampered = URI.create(signed.toString().replace("edge%2Fsigned.txt", "edge%2Fother.txt")
                    .replace("edge/signed.txt", "edge/other.txt"));
            assertThat(http.send(HttpRequest.newBuilder(tampered).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(403);
        }
    }

    @Test
    void s3StillRefusesAWrongSecret() {
        String bucket = devstack.endpoints().get("bucket");
        try (S3Client wrongSecret = s3(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "nope")))) {
            assertThatThrownBy(() -> wrongSecret.listObjectsV2(list -> list.bucket(bucket)))
                    .isInstanceOf(S3Exception.class)
                    .satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(403));
        }
    }

    @Test
    void botocoreConfiguredOnlyByEnvironmentDrivesEveryService(@TempDir Path work) throws Exception {
        Path script = work.resolve("drive.py");
        Files.writeString(script, """
                import json, boto3
                bucket, table = __import__("sys").argv[1:3]
                s3 = boto3.client("s3")
                s3.put_object(Bucket=bucket, Key="edge/from-botocore.txt", Body=b"from botocore")
                print(json.dumps({
                    "tables": boto3.client("dynamodb").list_tables()["TableNames"],
                    "object": s3.get_object(Bucket=bucket, Key="edge/from-botocore.txt")["Body"].read().decode(),
                    "queues": len(boto3.client("sqs").list_queues().get("QueueUrls", [])),
                    "state_machines": len(boto3.client("stepfunctions").list_state_machines()["stateMachines"]),
                }))
                """);
        List<String> command = new ArrayList<>(List.of(pythonWithBoto3(), script.toString(),
                devstack.endpoints().get("bucket"), devstack.endpoints().get("table")));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("AWS_"));
        environment.putAll(Map.of("AWS_ENDPOINT_URL", edge.toString(), "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test", "AWS_DEFAULT_REGION", "us-east-1",
                "AWS_CONFIG_FILE", work.resolve("none").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", work.resolve("none").toString()));
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("botocore script finished").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        JsonNode result = new ObjectMapper().readTree(output.lines().reduce((first, last) -> last).orElseThrow());
        assertThat(result.get("tables").toString()).contains(devstack.endpoints().get("table"));
        assertThat(result.get("object").asText()).isEqualTo("from botocore");
        assertThat(result.get("queues").asInt()).isPositive();
        assertThat(result.get("state_machines").asInt()).isPositive();
    }

    private static S3Client s3(StaticCredentialsProvider credentials) {
        return S3Client.builder().endpointOverride(edge).region(Region.US_EAST_1).credentialsProvider(credentials)
                .forcePathStyle(true).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    /** boto3 comes with moto, so the Python that runs moto_server has it; pyenv's shims first, as for moto_server. */
    private static String pythonWithBoto3() throws IOException, InterruptedException {
        List<String> candidates = new ArrayList<>();
        String pyenvRoot = System.getenv("PYENV_ROOT");
        if (pyenvRoot != null) {
            candidates.add(Path.of(pyenvRoot, "shims", "python3").toString());
        }
        candidates.add(Path.of(System.getProperty("user.home"), ".pyenv", "shims", "python3").toString());
        candidates.add("python3");
        Map<String, String> tried = new HashMap<>();
        for (String candidate : candidates) {
            try {
                Process probe = new ProcessBuilder(candidate, "-c", "import boto3").redirectErrorStream(true).start();
                if (probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                    return candidate;
                }
                tried.put(candidate, "exit " + probe.exitValue());
            } catch (IOException e) {
                tried.put(candidate, e.getMessage());
            }
        }
        throw new IllegalStateException("no Python with boto3 (it comes with moto): " + tried);
    }
}
