package dev.pms.journeys.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pms.devstack.stepfunctions.FakeTaskRuntime;
import dev.pms.devstack.stepfunctions.SfnTestSupport;
import dev.pms.devstack.stepfunctions.StateMachineDefinitions;
import dev.pms.devstack.stepfunctions.StepFunctionsService;
import dev.pms.devstack.stepfunctions.TaskFailedException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of statemachines/campaign-generation.asl.json (DESIGN.md): preflight Lambda, approval by
 * task token, then a Map over the approved proposals where each item is an SQS job completed by a worker
 * with SendTaskSuccess or SendTaskFailure, failures caught per item, then a finalize Lambda.
 */
class StepFunctionsCampaignFlowEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String DEFINITION = """
            {"StartAt":"Preflight","States":{
              "Preflight":{"Type":"Task","Resource":"${PreflightFunctionArn}",
                "Retry":[{"ErrorEquals":["Lambda.TooManyRequestsException"],"IntervalSeconds":1,"MaxAttempts":2}],
                "ResultPath":"$.quote","Next":"Approval"},
              "Approval":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
                "Parameters":{"FunctionName":"${NotifyFunctionArn}",
                  "Payload":{"campaignId.$":"$.campaignId","taskToken.$":"$$.Task.Token"}},
                "ResultPath":"$.approved","Next":"Generate"},
              "Generate":{"Type":"Map","ItemsPath":"$.approved.proposals","MaxConcurrency":2,
                "ItemSelector":{"campaignId.$":"$.campaignId","proposal.$":"$$.Map.Item.Value"},
                "ItemProcessor":{"StartAt":"Enqueue","States":{
                  "Enqueue":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                    "Parameters":{"QueueUrl":"${ProviderJobsQueueUrl}",
                      "MessageBody":{"campaignId.$":"$.campaignId","proposal.$":"$.proposal",
                        "taskToken.$":"$$.Task.Token"}},
                    "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.failure","Next":"RecordFailure"}],
                    "End":true},
                  "RecordFailure":{"Type":"Pass","Parameters":{"proposal.$":"$.proposal.id",
                    "status":"FAILED","reason.$":"$.failure.Error"},"End":true}}},
                "ResultPath":"$.items","Next":"Finalize"},
              "Finalize":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                "Parameters":{"FunctionName":"${FinalizeFunctionArn}","Payload.$":"$"},
                "OutputPath":"$.Payload","End":true}}}""";

    @Test
    void everyItemEndsGeneratedOrFailedWithReason() throws Exception {
        FakeTaskRuntime runtime = new FakeTaskRuntime();
        List<String> approvalTokens = new ArrayList<>();
        runtime.lambda("preflight", payload -> "{\"total\":1.25}");
        runtime.lambda("notify", payload -> {
            synchronized (approvalTokens) {
                approvalTokens.add(readUnchecked(payload).path("taskToken").asText());
            }
            return "{}";
        });
        runtime.lambda("finalize", payload -> {
            JsonNode state = readUnchecked(payload);
            long failed = 0;
            for (JsonNode item : state.path("items")) {
                if ("FAILED".equals(item.path("status").asText())) {
                    failed++;
                }
            }
            return "{\"generated\":" + (state.path("items").size() - failed) + ",\"failed\":" + failed + "}";
        });
        String definition = StateMachineDefinitions.substitute(DEFINITION, Map.of(
                "PreflightFunctionArn", "arn:aws:lambda:us-east-1:000000000000:function:preflight",
                "NotifyFunctionArn", "notify",
                "FinalizeFunctionArn", "arn:aws:lambda:us-east-1:000000000000:function:finalize",
                "ProviderJobsQueueUrl", "http://127.0.0.1:9324/000000000000/provider-jobs"));

        try (StepFunctionsService service = StepFunctionsService.start(0, null, runtime);
             SfnClient starter = SfnTestSupport.client(service.endpoint());
             SfnClient worker = SfnTestSupport.client(service.endpoint())) {
            String machine = service.deployStateMachine("campaign-generation", definition,
                    "arn:aws:iam::000000000000:role/sfn");
            String arn = starter.startExecution(b -> b.stateMachineArn(machine).name("campaign-42")
                    .input("{\"campaignId\":\"c-42\"}")).executionArn();

            SfnTestSupport.awaitTrue("the approval request", Duration.ofSeconds(10), () -> {
                synchronized (approvalTokens) {
                    return !approvalTokens.isEmpty();
                }
            });
            String approval;
            synchronized (approvalTokens) {
                approval = approvalTokens.get(0);
            }
            worker.sendTaskSuccess(b -> b.taskToken(approval).output(
                    "{\"proposals\":[{\"id\":\"p1\"},{\"id\":\"p2\"},{\"id\":\"p3\"}]}"));

            for (int i = 0; i < 3; i++) {
                JsonNode job = JSON.readTree(runtime.nextMessage(10, TimeUnit.SECONDS).body());
                String token = job.path("taskToken").asText();
                String proposal = job.path("proposal").path("id").asText();
                if (proposal.equals("p2")) {
                    worker.sendTaskFailure(b -> b.taskToken(token).error("ProviderRejected").cause("policy"));
                } else {
                    worker.sendTaskSuccess(b -> b.taskToken(token).output(
                            "{\"proposal\":\"" + proposal + "\",\"status\":\"GENERATED\"}"));
                }
            }

            DescribeExecutionResponse done = SfnTestSupport.awaitEnd(starter, arn, Duration.ofSeconds(20));
            assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(JSON.readTree(done.output())).isEqualTo(JSON.readTree("{\"generated\":2,\"failed\":1}"));
            JsonNode finalizeInput = JSON.readTree(runtime.invocations().get(runtime.invocations().size() - 1)
                    .payload());
            assertThat(finalizeInput.path("items")).isEqualTo(JSON.readTree("""
                    [{"proposal":"p1","status":"GENERATED"},
                     {"proposal":"p2","status":"FAILED","reason":"ProviderRejected"},
                     {"proposal":"p3","status":"GENERATED"}]"""));
            assertThat(finalizeInput.path("quote")).isEqualTo(JSON.readTree("{\"total\":1.25}"));
        }
    }

    private static JsonNode readUnchecked(String json) throws TaskFailedException {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new TaskFailedException("BadPayload", e.getMessage());
        }
    }
}
