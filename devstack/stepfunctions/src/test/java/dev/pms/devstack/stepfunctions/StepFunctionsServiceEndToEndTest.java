package dev.pms.devstack.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.ListExecutionsResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static dev.pms.devstack.stepfunctions.SfnTestSupport.awaitEnd;
import static dev.pms.devstack.stepfunctions.SfnTestSupport.eventTypes;
import static dev.pms.devstack.stepfunctions.SfnTestSupport.history;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The unchanged SDK {@link SfnClient} against the service's port. */
class StepFunctionsServiceEndToEndTest {

    private static final String ROLE = "arn:aws:iam::000000000000:role/sfn";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static final FakeTaskRuntime RUNTIME = new FakeTaskRuntime();
    private static final AtomicInteger FLAKY_CALLS = new AtomicInteger();
    private static StepFunctionsService service;
    private static SfnClient sfn;
    private static SfnClient callbackClient;

    @BeforeAll
    static void start() {
        RUNTIME.lambda("greet", payload -> {
            JsonNode in = read(payload);
            return "{\"greeting\":\"hello " + in.path("who").asText() + "\"}";
        });
        RUNTIME.lambda("flaky", payload -> {
            if (FLAKY_CALLS.incrementAndGet() < 3) {
                throw new TaskFailedException("ProviderBusyException", "try again");
            }
            return "{\"ok\":true}";
        });
        RUNTIME.lambda("broken", payload -> {
            throw new TaskFailedException("IllegalStateException", "always broken");
        });
        service = StepFunctionsService.start(0, null, RUNTIME);
        sfn = SfnTestSupport.client(service.endpoint());
        callbackClient = SfnTestSupport.client(service.endpoint());
    }

    @AfterAll
    static void stop() {
        sfn.close();
        callbackClient.close();
        service.close();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String run(String machine, String executionName, String input) {
        return sfn.startExecution(b -> b.stateMachineArn(service.stateMachineArn(machine)).name(executionName)
                .input(input)).executionArn();
    }

    @Test
    void lambdaTasksRunThroughOptimizedIntegrationAndFunctionArn() {
        service.deployStateMachine("lambdas", """
                {"StartAt":"Optimized","States":{
                  "Optimized":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                    "Parameters":{"FunctionName":"greet","Payload":{"who.$":"$.name"}},
                    "ResultSelector":{"text.$":"$.Payload.greeting"},"ResultPath":"$.optimized","Next":"Plain"},
                  "Plain":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:000000000000:function:greet",
                    "Parameters":{"who":"plain"},"ResultPath":"$.plain","End":true}}}""", ROLE);

        String arn = run("lambdas", "ada", "{\"name\":\"Ada\"}");
        DescribeExecutionResponse done = awaitEnd(sfn, arn, TIMEOUT);

        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(read(done.output())).isEqualTo(read(
                "{\"name\":\"Ada\",\"optimized\":{\"text\":\"hello Ada\"},\"plain\":{\"greeting\":\"hello plain\"}}"));
        assertThat(eventTypes(sfn, arn)).containsExactly("ExecutionStarted",
                "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded", "TaskStateExited",
                "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded",
                "TaskStateExited", "ExecutionSucceeded");
        HistoryEvent scheduled = history(sfn, arn).get(2);
        assertThat(scheduled.taskScheduledEventDetails().resourceType()).isEqualTo("lambda");
        assertThat(scheduled.taskScheduledEventDetails().resource()).isEqualTo("invoke");
        assertThat(scheduled.previousEventId()).isEqualTo(2L);
    }

    @Test
    void waitForTaskTokenTaskIsCompletedBySendTaskSuccessFromAnotherClient() throws Exception {
        service.deployStateMachine("callback", """
                {"StartAt":"Enqueue","States":{
                  "Enqueue":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                    "Parameters":{"QueueUrl":"http://127.0.0.1:9324/000000000000/jobs",
                      "MessageBody":{"job.$":"$.job","token.$":"$$.Task.Token"},"DelaySeconds":0},
                    "ResultPath":"$.result","End":true}}}""", ROLE);

        String arn = run("callback", "job-1", "{\"job\":\"render\"}");
        FakeTaskRuntime.SentMessage message = RUNTIME.nextMessage(10, TimeUnit.SECONDS);
        JsonNode body = read(message.body());
        assertThat(message.queueUrl()).isEqualTo("http://127.0.0.1:9324/000000000000/jobs");
        assertThat(message.otherParameters()).containsEntry("DelaySeconds", 0);
        assertThat(body.path("job").asText()).isEqualTo("render");
        assertThat(sfn.describeExecution(b -> b.executionArn(arn)).status()).isEqualTo(ExecutionStatus.RUNNING);

        String token = body.path("token").asText();
        callbackClient.sendTaskHeartbeat(b -> b.taskToken(token));
        callbackClient.sendTaskSuccess(b -> b.taskToken(token).output("{\"asset\":\"s3://media/1.png\"}"));

        DescribeExecutionResponse done = awaitEnd(sfn, arn, TIMEOUT);
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(read(done.output())).isEqualTo(read(
                "{\"job\":\"render\",\"result\":{\"asset\":\"s3://media/1.png\"}}"));
        assertThat(eventTypes(sfn, arn)).containsSubsequence("TaskScheduled", "TaskStarted", "TaskSubmitted",
                "TaskSucceeded", "ExecutionSucceeded");
        assertThatThrownBy(() -> callbackClient.sendTaskSuccess(b -> b.taskToken(token).output("{}")))
                .isInstanceOf(TaskDoesNotExistException.class);
    }

    @Test
    void sendTaskFailureIsCaught() throws Exception {
        service.deployStateMachine("callback-failure", """
                {"StartAt":"Enqueue","States":{
                  "Enqueue":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                    "Parameters":{"QueueUrl":"http://q/failures","MessageBody":{"token.$":"$$.Task.Token"}},
                    "Catch":[{"ErrorEquals":["ProviderRejected"],"ResultPath":"$.failure","Next":"Recorded"}],
                    "End":true},
                  "Recorded":{"Type":"Pass","End":true}}}""", ROLE);

        String arn = run("callback-failure", "job-2", "{\"job\":\"video\"}");
        String token = read(RUNTIME.nextMessage(10, TimeUnit.SECONDS).body()).path("token").asText();
        callbackClient.sendTaskFailure(b -> b.taskToken(token).error("ProviderRejected").cause("content policy"));

        DescribeExecutionResponse done = awaitEnd(sfn, arn, TIMEOUT);
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(read(done.output())).isEqualTo(read(
                "{\"job\":\"video\",\"failure\":{\"Error\":\"ProviderRejected\",\"Cause\":\"content policy\"}}"));
    }

    @Test
    void heartbeatTimeoutFailsTheTaskAndLateCallbacksAreRefused() throws Exception {
        service.deployStateMachine("heartbeat", """
                {"StartAt":"Enqueue","States":{
                  "Enqueue":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                    "HeartbeatSeconds":1,
                    "Parameters":{"QueueUrl":"http://q/heartbeat","MessageBody":{"token.$":"$$.Task.Token"}},
                    "End":true}}}""", ROLE);

        String arn = run("heartbeat", "silent-worker", "{}");
        String token = read(RUNTIME.nextMessage(10, TimeUnit.SECONDS).body()).path("token").asText();

        DescribeExecutionResponse done = awaitEnd(sfn, arn, TIMEOUT);
        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).isEqualTo("States.HeartbeatTimeout");
        assertThat(eventTypes(sfn, arn)).containsSubsequence("TaskSubmitted", "TaskTimedOut", "ExecutionFailed");
        assertThatThrownBy(() -> callbackClient.sendTaskSuccess(b -> b.taskToken(token).output("{}")))
                .isInstanceOf(TaskTimedOutException.class);
    }

    @Test
    void retryWithBackoffThenCatch() {
        service.deployStateMachine("retries", """
                {"StartAt":"Flaky","States":{
                  "Flaky":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                    "Parameters":{"FunctionName":"flaky"},"OutputPath":"$.Payload",
                    "Retry":[{"ErrorEquals":["ProviderBusyException"],"IntervalSeconds":1,"BackoffRate":1.5,
                              "MaxAttempts":3}],
                    "Next":"Broken"},
                  "Broken":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                    "Parameters":{"FunctionName":"broken"},
                    "Retry":[{"ErrorEquals":["States.TaskFailed"],"IntervalSeconds":1,"MaxAttempts":1}],
                    "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.error","Next":"Handled"}],
                    "End":true},
                  "Handled":{"Type":"Pass","End":true}}}""", ROLE);

        String arn = run("retries", "retry-1", "{}");
        DescribeExecutionResponse done = awaitEnd(sfn, arn, TIMEOUT);

        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(read(done.output())).isEqualTo(read(
                "{\"ok\":true,\"error\":{\"Error\":\"IllegalStateException\",\"Cause\":\"always broken\"}}"));
        List<HistoryEvent> events = history(sfn, arn);
        List<HistoryEvent> failures = events.stream().filter(e -> e.typeAsString().equals("TaskFailed")).toList();
        List<HistoryEvent> schedules = events.stream().filter(e -> e.typeAsString().equals("TaskScheduled")).toList();
        assertThat(failures).hasSize(4);
        assertThat(schedules).hasSize(5);
        long firstBackoff = schedules.get(1).timestamp().toEpochMilli() - failures.get(0).timestamp().toEpochMilli();
        long secondBackoff = schedules.get(2).timestamp().toEpochMilli() - failures.get(1).timestamp().toEpochMilli();
        assertThat(firstBackoff).isBetween(900L, 3000L);
        assertThat(secondBackoff).isBetween(1400L, 3500L);
    }

    @Test
    void apiErrorsAreTheModeledSdkExceptions() {
        String missing = service.stateMachineArn("does-not-exist");
        assertThatThrownBy(() -> sfn.startExecution(b -> b.stateMachineArn(missing)))
                .isInstanceOf(StateMachineDoesNotExistException.class);
        assertThatThrownBy(() -> sfn.describeStateMachine(b -> b.stateMachineArn("not-an-arn")))
                .isInstanceOf(InvalidArnException.class);
        assertThatThrownBy(() -> sfn.createStateMachine(b -> b.name("bad").roleArn(ROLE).definition(
                "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::glue:startJobRun\",\"End\":true}}}")))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("arn:aws:states:::glue:startJobRun");
        assertThatThrownBy(() -> sfn.createStateMachine(b -> b.name("jsonata").roleArn(ROLE).definition(
                "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Output\":\"{% $x[ %}\",\"End\":true}}}")))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("JSONata");
        assertThatThrownBy(() -> sfn.describeExecution(b -> b.executionArn(
                "arn:aws:states:us-east-1:000000000000:execution:lambdas:nope")))
                .isInstanceOf(ExecutionDoesNotExistException.class);
        assertThatThrownBy(() -> sfn.sendTaskSuccess(b -> b.taskToken("garbage").output("{}")))
                .isInstanceOf(InvalidTokenException.class);

        service.deployStateMachine("quick", "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Wait\",\"Seconds\":60,\"End\":true}}}", ROLE);
        run("quick", "once", "{\"a\":1}");
        assertThatThrownBy(() -> run("quick", "once", "{\"a\":2}"))
                .isInstanceOf(ExecutionAlreadyExistsException.class);
        sfn.stopExecution(b -> b.executionArn("arn:aws:states:us-east-1:000000000000:execution:quick:once")
                .error("Cancelled").cause("test over"));
    }

    @Test
    void stopExecutionAbortsAWaitingExecution() {
        service.deployStateMachine("long-wait", "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Wait\",\"Seconds\":3600,\"End\":true}}}", ROLE);
        String arn = run("long-wait", "stopped", "{}");
        SfnTestSupport.awaitTrue("the Wait state to be entered", TIMEOUT,
                () -> eventTypes(sfn, arn).contains("WaitStateEntered"));

        sfn.stopExecution(b -> b.executionArn(arn).error("UserCancelled").cause("no longer needed"));

        DescribeExecutionResponse done = sfn.describeExecution(b -> b.executionArn(arn));
        assertThat(done.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(done.error()).isEqualTo("UserCancelled");
        assertThat(eventTypes(sfn, arn)).endsWith("ExecutionAborted");
    }

    @Test
    void listExecutionsFiltersByStatusAndPages() throws Exception {
        String machine = service.deployStateMachine("listed", "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}", ROLE);
        for (int i = 0; i < 5; i++) {
            String arn = run("listed", "run-" + i, "{}");
            assertThat(service.awaitExecutionEnd(arn, TIMEOUT)).isEqualTo("SUCCEEDED");
        }
        ListExecutionsResponse firstPage = sfn.listExecutions(b -> b.stateMachineArn(machine).maxResults(2)
                .statusFilter(ExecutionStatus.SUCCEEDED));
        assertThat(firstPage.executions()).hasSize(2);
        assertThat(firstPage.nextToken()).isNotNull();
        long all = sfn.listExecutionsPaginator(b -> b.stateMachineArn(machine).maxResults(2)).executions()
                .stream().count();
        assertThat(all).isEqualTo(5);
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(machine).statusFilter(ExecutionStatus.RUNNING))
                .executions()).isEmpty();
    }

    @Test
    void historyPagesInBothOrders() throws Exception {
        service.deployStateMachine("history", """
                {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"C"},
                 "C":{"Type":"Succeed"}}}""", ROLE);
        String arn = run("history", "h1", "{}");
        service.awaitExecutionEnd(arn, TIMEOUT);

        GetExecutionHistoryResponse reversed = sfn.getExecutionHistory(b -> b.executionArn(arn).reverseOrder(true)
                .maxResults(3));
        assertThat(reversed.events()).extracting(HistoryEvent::typeAsString)
                .containsExactly("ExecutionSucceeded", "SucceedStateExited", "SucceedStateEntered");
        GetExecutionHistoryResponse rest = sfn.getExecutionHistory(b -> b.executionArn(arn).reverseOrder(true)
                .maxResults(100).nextToken(reversed.nextToken()));
        assertThat(rest.events()).extracting(HistoryEvent::id).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(rest.nextToken()).isNull();
    }

    @Test
    void rawProtocolErrorsHaveTheAwsJsonShape() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> noTarget = http.send(HttpRequest.newBuilder(service.endpoint())
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noTarget.statusCode()).isEqualTo(400);
        assertThat(read(noTarget.body()).path("__type").asText()).isEqualTo("UnknownOperationException");

        HttpResponse<String> missingArn = http.send(HttpRequest.newBuilder(service.endpoint())
                .header("X-Amz-Target", "AWSStepFunctions.DescribeExecution")
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(missingArn.statusCode()).isEqualTo(400);
        assertThat(missingArn.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
        assertThat(read(missingArn.body()).path("__type").asText()).isEqualTo("ValidationException");
        assertThat(read(missingArn.body()).path("message").asText()).contains("executionArn");
    }

    @Test
    void historyWithoutExecutionDataOmitsInputsAndOutputs() throws Exception {
        service.deployStateMachine("quiet-history", "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"End\":true}}}", ROLE);
        String arn = run("quiet-history", "q1", "{\"secret\":1}");
        service.awaitExecutionEnd(arn, TIMEOUT);
        List<HistoryEvent> events = sfn.getExecutionHistory(b -> b.executionArn(arn).includeExecutionData(false))
                .events();
        assertThat(events.get(0).executionStartedEventDetails().input()).isNull();
        assertThat(events.get(1).stateEnteredEventDetails().name()).isEqualTo("A");
        assertThat(events.get(1).stateEnteredEventDetails().input()).isNull();
    }

    @Test
    void deployStateMachineUpdatesByName() throws Exception {
        String first = service.deployStateMachine("versioned", "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Result\":1,\"End\":true}}}", ROLE);
        String second = service.deployStateMachine("versioned", "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Result\":2,\"End\":true}}}", ROLE);
        assertThat(second).isEqualTo(first);
        String arn = run("versioned", "v2", "{}");
        service.awaitExecutionEnd(arn, TIMEOUT);
        assertThat(sfn.describeExecution(b -> b.executionArn(arn)).output()).isEqualTo("2");
        assertThat(sfn.listStateMachines().stateMachines()).extracting(s -> s.name()).contains("versioned");
    }
}
