package dev.pms.devstack.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pms.devstack.Devstack;
import dev.pms.devstack.testing.DevstackExtension;
import dev.pms.devstack.testing.DevstackTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The devstack creates the template's state machine, whose Lambda task runs the in-process
 * function and whose callback task goes through ElasticMQ and comes back with SendTaskSuccess.
 */
@ExtendWith(DevstackExtension.class)
@DevstackTemplate("classpath:devstack-test-template.yaml")
class StepFunctionsDevstackEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void templateStateMachineRunsLambdaAndCallbackTasks(Devstack devstack) throws Exception {
        URI endpoint = URI.create(devstack.endpoints().get("stepfunctions"));
        try (SfnClient sfn = SfnClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y"))).build();
             SqsClient sqs = devstack.localAws().sqsClient()) {
            List<StateMachineListItem> machines = sfn.listStateMachines(r -> { }).stateMachines();
            String arn = devstack.resources().get("ScoringStateMachine").ref();
            assertThat(machines).extracting(StateMachineListItem::stateMachineArn).contains(arn);

            String execution = sfn.startExecution(r -> r.stateMachineArn(arn).input("{\"points\": 37}")).executionArn();

            Message message = awaitValue(() -> sqs.receiveMessage(r -> r.queueUrl(devstack.queues().get("JobsQueue"))
                    .waitTimeSeconds(1)).messages().stream().findFirst().orElse(null));
            JsonNode body = JSON.readTree(message.body());
            assertThat(body.get("score").asInt()).isEqualTo(42);
            sfn.sendTaskSuccess(r -> r.taskToken(body.get("token").asText()).output("{\"approved\": true}"));

            DescribeExecutionResponse done = awaitValue(() -> {
                DescribeExecutionResponse described = sfn.describeExecution(r -> r.executionArn(execution));
                return described.status() == ExecutionStatus.RUNNING ? null : described;
            });
            assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            JsonNode output = JSON.readTree(done.output());
            assertThat(output.get("scored").get("score").asInt()).isEqualTo(42);
            assertThat(output.get("review").get("approved").asBoolean()).isTrue();

            String failing = sfn.startExecution(r -> r.stateMachineArn(arn).input("{\"points\": \"many\"}")).executionArn();
            DescribeExecutionResponse failed = awaitValue(() -> {
                DescribeExecutionResponse described = sfn.describeExecution(r -> r.executionArn(failing));
                return described.status() == ExecutionStatus.RUNNING ? null : described;
            });
            assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(failed.error()).isEqualTo("IllegalArgumentException");
        }
    }

    private static <T> T awaitValue(Supplier<T> probe) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("nothing arrived within 30 s");
    }
}
