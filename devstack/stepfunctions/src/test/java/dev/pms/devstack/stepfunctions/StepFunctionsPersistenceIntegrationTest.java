package dev.pms.devstack.stepfunctions;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;

import static org.assertj.core.api.Assertions.assertThat;

/** With a data directory, a waiting execution and its task token survive a restart of the service. */
class StepFunctionsPersistenceIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aWaitingTaskStaysWaitingAcrossARestart(@TempDir Path data) throws Exception {
        FakeTaskRuntime firstRuntime = new FakeTaskRuntime().lambda("prepare", payload -> "{\"prepared\":true}");
        String executionArn;
        String token;
        try (StepFunctionsService first = StepFunctionsService.start(0, data, firstRuntime);
             SfnClient sfn = SfnTestSupport.client(first.endpoint())) {
            String machine = first.deployStateMachine("durable", """
                    {"StartAt":"Prepare","States":{
                      "Prepare":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                        "Parameters":{"FunctionName":"prepare"},"ResultSelector":{"p.$":"$.Payload.prepared"},
                        "ResultPath":"$.prepare","Next":"Items"},
                      "Items":{"Type":"Map","ItemsPath":"$.items","ResultPath":"$.results","End":true,
                        "ItemProcessor":{"StartAt":"Generate","States":{"Generate":{"Type":"Task",
                          "Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                          "Parameters":{"QueueUrl":"http://q/jobs","MessageBody":{"item.$":"$","token.$":"$$.Task.Token"}},
                          "End":true}}}}}}""", "arn:aws:iam::000000000000:role/r");
            executionArn = sfn.startExecution(b -> b.stateMachineArn(machine).name("before-restart")
                    .input("{\"items\":[\"only\"]}")).executionArn();
            token = JSON.readTree(firstRuntime.nextMessage(10, TimeUnit.SECONDS).body()).path("token").asText();
        }

        FakeTaskRuntime secondRuntime = new FakeTaskRuntime().lambda("prepare", payload -> {
            throw new TaskFailedException("MustNotRunAgain", "the recorded result is reused");
        });
        try (StepFunctionsService second = StepFunctionsService.start(0, data, secondRuntime);
             SfnClient sfn = SfnTestSupport.client(second.endpoint())) {
            assertThat(sfn.describeExecution(b -> b.executionArn(executionArn)).status())
                    .isEqualTo(ExecutionStatus.RUNNING);
            SfnTestSupport.awaitTrue("the recovered task to wait for its token", Duration.ofSeconds(10), () -> {
                try {
                    sfn.sendTaskHeartbeat(b -> b.taskToken(token));
                    return true;
                } catch (TaskDoesNotExistException notYet) {
                    return false;
                }
            });

            sfn.sendTaskSuccess(b -> b.taskToken(token).output("{\"asset\":\"a-1\"}"));

            DescribeExecutionResponse done = SfnTestSupport.awaitEnd(sfn, executionArn, Duration.ofSeconds(20));
            assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(JSON.readTree(done.output())).isEqualTo(JSON.readTree(
                    "{\"items\":[\"only\"],\"prepare\":{\"p\":true},\"results\":[{\"asset\":\"a-1\"}]}"));
            assertThat(secondRuntime.invocations()).isEmpty();
            List<String> types = SfnTestSupport.eventTypes(sfn, executionArn);
            assertThat(types.stream().filter("TaskScheduled"::equals).count()).isEqualTo(2);
            assertThat(types.stream().filter("ExecutionStarted"::equals).count()).isEqualTo(1);
            assertThat(types).endsWith("ExecutionSucceeded");
        }
        try (StepFunctionsService third = StepFunctionsService.start(0, data, new FakeTaskRuntime());
             SfnClient sfn = SfnTestSupport.client(third.endpoint())) {
            assertThat(sfn.describeExecution(b -> b.executionArn(executionArn)).status())
                    .isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(sfn.listStateMachines().stateMachines()).hasSize(1);
        }
    }
}
