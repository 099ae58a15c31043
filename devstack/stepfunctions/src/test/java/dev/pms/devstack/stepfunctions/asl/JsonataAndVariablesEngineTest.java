package dev.pms.devstack.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pms.devstack.stepfunctions.FakeTaskRuntime;
import dev.pms.devstack.stepfunctions.TaskFailedException;
import dev.pms.devstack.stepfunctions.api.StepFunctionsBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine in-process on what the moto comparison cannot reach: JSONata and variables around Task states,
 * the history AWS records for them, payload limits of task results, and the states:startExecution result.
 */
class JsonataAndVariablesEngineTest {

    private final FakeTaskRuntime runtime = new FakeTaskRuntime();
    private final StepFunctionsBackend backend = new StepFunctionsBackend(runtime, null);
    private final AtomicInteger machines = new AtomicInteger();

    @AfterEach
    void close() {
        backend.close();
    }

    private String deploy(String definition) {
        return backend.deploy("m" + machines.incrementAndGet(), definition, "arn:aws:iam::000000000000:role/r");
    }

    private ExecutionRecord run(String definition, String input) throws Exception {
        return start(deploy(definition), input).finished().get(20, TimeUnit.SECONDS);
    }

    private ExecutionRecord start(String machineArn, String input) {
        ObjectNode start = Json.object();
        start.put("stateMachineArn", machineArn);
        start.put("input", input);
        String executionArn = backend.handle("StartExecution", start).get("executionArn").textValue();
        return backend.execution(executionArn).orElseThrow();
    }

    private static List<ObjectNode> events(ExecutionRecord record, String type) {
        return record.history().snapshot().stream().filter(e -> e.get("type").textValue().equals(type)).toList();
    }

    @Test
    void jsonataTaskSendsItsArgumentsAndShapesTheResult() throws Exception {
        runtime.lambda("price", payload -> "{\"net\":" + Json.parse(payload).get("qty").asInt() * 5 + "}");
        ExecutionRecord record = run("""
                {"QueryLanguage":"JSONata","StartAt":"Price","States":{
                  "Price":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                    "Arguments":{"FunctionName":"price","Payload":{"qty":"{% $states.input.qty %}"}},
                    "TimeoutSeconds":"{% 10 + 5 %}",
                    "Assign":{"net":"{% $states.result.Payload.net %}"},
                    "Output":{"total":"{% $states.result.Payload.net * 1.2 %}","status":"{% $states.result.StatusCode %}"},
                    "Next":"Read"},
                  "Read":{"Type":"Pass","Output":{"net":"{% $net %}","total":"{% $states.input.total %}"},"End":true}}}""",
                "{\"qty\":3}");

        assertThat(record.status()).as(record.cause()).isEqualTo("SUCCEEDED");
        assertThat(Json.parse(record.output())).isEqualTo(Json.parse("{\"net\":15,\"total\":18}"));
        assertThat(runtime.invocations().get(0).payload()).isEqualTo("{\"qty\":3}");
        ObjectNode scheduled = events(record, "TaskScheduled").get(0);
        assertThat(scheduled.at("/taskScheduledEventDetails/timeoutInSeconds").asLong()).isEqualTo(15);
        ObjectNode exited = events(record, "TaskStateExited").get(0);
        assertThat(exited.at("/stateExitedEventDetails/assignedVariables"))
                .as("AWS records each assigned variable as JSON text").isEqualTo(Json.parse("{\"net\":\"15\"}"));
        assertThat(exited.at("/stateExitedEventDetails/assignedVariablesDetails/truncated").asBoolean()).isFalse();
    }

    @Test
    void jsonataCatchSeesTheErrorOutputAndTheStateInput() throws Exception {
        runtime.lambda("boom", payload -> {
            throw new TaskFailedException("Orders.Rejected", "stock is empty");
        });
        ExecutionRecord record = run("""
                {"QueryLanguage":"JSONata","StartAt":"Call","States":{
                  "Call":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:000000000000:function:boom",
                    "Catch":[{"ErrorEquals":["Orders.Rejected"],"Next":"Handle",
                      "Assign":{"reason":"{% $states.errorOutput.Cause %}"},
                      "Output":{"error":"{% $states.errorOutput.Error %}","order":"{% $states.input.order %}"}}],
                    "End":true},
                  "Handle":{"Type":"Pass","Output":{"error":"{% $states.input.error %}","order":"{% $states.input.order %}",
                    "reason":"{% $reason %}"},"End":true}}}""", "{\"order\":\"o-7\"}");

        assertThat(Json.parse(record.output())).isEqualTo(Json.parse(
                "{\"error\":\"Orders.Rejected\",\"order\":\"o-7\",\"reason\":\"stock is empty\"}"));
    }

    @Test
    void jsonataCallbackTaskPassesTheTokenFromTheContext() throws Exception {
        String machine = deploy("""
                {"QueryLanguage":"JSONata","StartAt":"Wait","States":{
                  "Wait":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                    "Arguments":{"QueueUrl":"q","MessageBody":{"token":"{% $states.context.Task.Token %}"}},
                    "Output":{"answer":"{% $states.result.answer %}"},"End":true}}}""");
        ExecutionRecord record = start(machine, "{}");
        String token = Json.parse(runtime.nextMessage(10, TimeUnit.SECONDS).body()).get("token").textValue();
        ObjectNode success = Json.object();
        success.put("taskToken", token);
        success.put("output", "{\"answer\":42}");
        backend.handle("SendTaskSuccess", success);

        assertThat(record.finished().get(10, TimeUnit.SECONDS).output()).isEqualTo("{\"answer\":42}");
    }

    @Test
    void aFailingExpressionIsRecordedAsAnEvaluationFailedEvent() throws Exception {
        ExecutionRecord record = run("""
                {"QueryLanguage":"JSONata","StartAt":"P","States":{
                  "P":{"Type":"Pass","Output":{"v":"{% $states.input.missing %}"},"End":true}}}""", "{}");

        ObjectNode failed = events(record, "EvaluationFailed").get(0);
        JsonNode details = failed.get("evaluationFailedEventDetails");
        assertThat(details.get("error").asText()).isEqualTo("States.QueryEvaluationError");
        assertThat(details.get("location").asText()).isEqualTo("Output/v");
        assertThat(details.get("state").asText()).isEqualTo("P");
        assertThat(details.get("cause").asText()).startsWith(
                "An error occurred while executing the state 'P' (entered at the event id #2).");
        assertThat(record.history().snapshot().stream().map(e -> e.get("type").textValue()))
                .containsExactly("ExecutionStarted", "PassStateEntered", "EvaluationFailed", "ExecutionFailed");
    }

    @Test
    void aParallelRecordsItsFailureOnceAfterTheRetriesRunOut() throws Exception {
        ExecutionRecord record = run("""
                {"StartAt":"Par","States":{"Par":{"Type":"Parallel","Branches":[
                    {"StartAt":"Bad","States":{"Bad":{"Type":"Fail","Error":"Flaky","Cause":"again"}}}],
                  "Retry":[{"ErrorEquals":["Flaky"],"IntervalSeconds":0,"MaxAttempts":2}],
                  "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Done"}],"End":true},
                  "Done":{"Type":"Pass","End":true}}}""", "{}");

        assertThat(record.status()).isEqualTo("SUCCEEDED");
        assertThat(events(record, "ParallelStateStarted")).hasSize(3);
        assertThat(events(record, "ParallelStateFailed")).as("once, not once per attempt").hasSize(1);
    }

    @Test
    void aMapRecordsItsFailureOnceAfterTheRetriesRunOut() throws Exception {
        ExecutionRecord record = run("""
                {"StartAt":"Each","States":{"Each":{"Type":"Map","ItemsPath":"$.xs",
                  "ItemProcessor":{"StartAt":"Bad","States":{"Bad":{"Type":"Fail","Error":"Flaky"}}},
                  "Retry":[{"ErrorEquals":["Flaky"],"IntervalSeconds":0,"MaxAttempts":1}],"End":true}}}""",
                "{\"xs\":[1]}");

        assertThat(record.status()).isEqualTo("FAILED");
        assertThat(events(record, "MapStateStarted")).hasSize(2);
        assertThat(events(record, "MapStateFailed")).hasSize(1);
    }

    @Test
    void retryCountCountsTheAttemptsOfATask() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        runtime.lambda("flaky", payload -> {
            if (calls.incrementAndGet() < 3) {
                throw new TaskFailedException("Transient", "try again");
            }
            return payload;
        });
        ExecutionRecord record = run("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                  "Parameters":{"FunctionName":"flaky","Payload":{"retry.$":"$$.State.RetryCount"}},
                  "Retry":[{"ErrorEquals":["Transient"],"IntervalSeconds":0,"MaxAttempts":3}],
                  "OutputPath":"$.Payload","End":true}}}""", "{}");

        assertThat(record.output()).isEqualTo("{\"retry\":2}");
    }

    @Test
    void aTaskResultOver256KiBIsDataLimitExceededWhichStatesAllDoesNotCatch() throws Exception {
        String big = "x".repeat(PayloadLimits.MAX_PAYLOAD_BYTES);
        runtime.lambda("big", payload -> "\"" + big + "\"");
        ExecutionRecord record = run("""
                {"StartAt":"T","States":{
                  "T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:000000000000:function:big",
                    "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Caught"}],"End":true},
                  "Caught":{"Type":"Succeed"}}}""", "{}");

        assertThat(record.status()).isEqualTo("FAILED");
        assertThat(record.error()).isEqualTo("States.DataLimitExceeded");
        assertThat(record.cause()).isEqualTo("The state/task 'arn:aws:lambda:us-east-1:000000000000:function:big' "
                + "returned a result with a size exceeding the maximum number of bytes service limit.");
    }

    @Test
    void startExecutionRequestResponseReturnsTheSdkShapeAndANullInputStartsWithBraces() throws Exception {
        String child = deploy("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}");
        ExecutionRecord record = run("""
                {"StartAt":"S","States":{"S":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution",
                  "Parameters":{"StateMachineArn":"%s","Input":null,"Name":"kid"},"End":true}}}""".formatted(child),
                "{}");

        JsonNode output = Json.parse(record.output());
        assertThat(output.fieldNames()).toIterable()
                .containsExactly("ExecutionArn", "SdkHttpMetadata", "SdkResponseMetadata", "StartDate");
        assertThat(output.at("/SdkHttpMetadata/HttpStatusCode").asInt()).isEqualTo(200);
        assertThat(output.at("/SdkResponseMetadata/RequestId").asText())
                .isEqualTo(output.at("/SdkHttpMetadata/HttpHeaders/x-amzn-RequestId").asText());
        assertThat(output.get("StartDate").isIntegralNumber()).as("epoch milliseconds").isTrue();
        ExecutionRecord kid = backend.execution(output.get("ExecutionArn").asText()).orElseThrow();
        assertThat(kid.finished().get(10, TimeUnit.SECONDS).input()).isEqualTo("{}");
    }

    @Test
    void startExecutionSyncReturnsTheChildDescriptionWithItsRedriveFields() throws Exception {
        String child = deploy("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Result\":{\"ok\":1},\"End\":true}}}");
        ExecutionRecord record = run("""
                {"StartAt":"S","States":{"S":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync",
                  "Parameters":{"StateMachineArn":"%s","Input":{"a":1}},"End":true}}}""".formatted(child), "{}");

        JsonNode output = Json.parse(record.output());
        assertThat(output.get("Status").asText()).isEqualTo("SUCCEEDED");
        assertThat(output.get("Output").asText()).isEqualTo("{\"ok\":1}");
        assertThat(output.get("Input").asText()).isEqualTo("{\"a\":1}");
        assertThat(output.get("RedriveCount").asInt()).isZero();
        assertThat(output.get("RedriveStatus").asText()).isEqualTo("NOT_REDRIVABLE");
        assertThat(output.get("RedriveStatusReason").asText()).isEqualTo("Execution is SUCCEEDED and cannot be redriven");
        assertThat(output.get("StopDate").isIntegralNumber()).isTrue();
    }

    @Test
    void executionNamesFollowAwsRulesAndInputsAreLimitedTo256KiB() {
        String machine = deploy("{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}");
        for (String bad : new String[]{"has space", "a/b", "a:b", "{x}", "*", "a".repeat(81)}) {
            ObjectNode start = Json.object();
            start.put("stateMachineArn", machine);
            start.put("name", bad);
            assertThatThrownBy(() -> backend.handle("StartExecution", start)).as(bad)
                    .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo("InvalidName"));
        }
        ObjectNode start = Json.object();
        start.put("stateMachineArn", machine);
        start.put("name", "v1.2_release-β");
        assertThat(backend.handle("StartExecution", start).get("executionArn").asText()).endsWith(":v1.2_release-β");

        ObjectNode tooLarge = Json.object();
        tooLarge.put("stateMachineArn", machine);
        tooLarge.put("input", "\"" + "x".repeat(PayloadLimits.MAX_PAYLOAD_BYTES) + "\"");
        assertThatThrownBy(() -> backend.handle("StartExecution", tooLarge))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code()).isEqualTo("ValidationException"));
    }
}
