package dev.pms.devstack.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pms.devstack.stepfunctions.FakeTaskRuntime;
import dev.pms.devstack.stepfunctions.TaskFailedException;
import dev.pms.devstack.stepfunctions.api.StepFunctionsBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine in-process (no HTTP): concurrency, tolerated failures, timeouts, cancellation. */
class StepFunctionsEngineTest {

    private final FakeTaskRuntime runtime = new FakeTaskRuntime();
    private final StepFunctionsBackend backend = new StepFunctionsBackend(runtime, null);
    private final AtomicInteger machines = new AtomicInteger();

    @AfterEach
    void close() {
        backend.close();
    }

    private ExecutionRecord run(String definition, String input) throws Exception {
        String name = "m" + machines.incrementAndGet();
        String machineArn = backend.deploy(name, definition, "arn:aws:iam::000000000000:role/r");
        ObjectNode start = Json.object();
        start.put("stateMachineArn", machineArn);
        start.put("input", input);
        String executionArn = backend.handle("StartExecution", start).get("executionArn").textValue();
        return backend.execution(executionArn).orElseThrow().finished().get(20, TimeUnit.SECONDS);
    }

    private static List<String> types(ExecutionRecord record) {
        return record.history().snapshot().stream().map(e -> e.get("type").textValue()).toList();
    }

    @Test
    void mapRunsAtMostMaxConcurrencyIterationsAtOnce() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        CyclicBarrier pairs = new CyclicBarrier(2);
        runtime.lambda("pair", payload -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                pairs.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new TaskFailedException("BarrierBroken", String.valueOf(e));
            } finally {
                inFlight.decrementAndGet();
            }
            return payload;
        });

        ExecutionRecord record = run("""
                {"StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrencyPath":"$.limit","ItemsPath":"$.items",
                 "ItemProcessor":{"StartAt":"T","States":{"T":{"Type":"Task",
                   "Resource":"arn:aws:lambda:us-east-1:000000000000:function:pair","End":true}}},"End":true}}}""",
                "{\"limit\":2,\"items\":[1,2,3,4,5,6]}");

        assertThat(record.status()).as(record.error() + " " + record.cause()).isEqualTo("SUCCEEDED");
        assertThat(Json.parse(record.output())).isEqualTo(Json.parse("[1,2,3,4,5,6]"));
        assertThat(maxInFlight.get()).isEqualTo(2);
        assertThat(types(record).stream().filter("MapIterationSucceeded"::equals).count()).isEqualTo(6);
    }

    @Test
    void toleratedFailuresKeepTheMapGoingUntilTheThreshold() throws Exception {
        String definition = """
                {"StartAt":"M","States":{"M":{"Type":"Map","ToleratedFailureCount":1,
                 "ItemProcessor":{"StartAt":"C","States":{
                   "C":{"Type":"Choice","Choices":[{"Variable":"$","NumericLessThan":0,"Next":"Bad"}],"Default":"Ok"},
                   "Bad":{"Type":"Fail","Error":"Negative","Cause":"below zero"},
                   "Ok":{"Type":"Pass","End":true}}},"End":true}}}""";

        ExecutionRecord oneFailure = run(definition, "[1,-1,2]");
        assertThat(oneFailure.status()).isEqualTo("SUCCEEDED");
        assertThat(Json.parse(oneFailure.output()))
                .isEqualTo(Json.parse("[1,{\"Error\":\"Negative\",\"Cause\":\"below zero\"},2]"));

        ExecutionRecord twoFailures = run(definition, "[1,-1,-2]");
        assertThat(twoFailures.status()).isEqualTo("FAILED");
        assertThat(twoFailures.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
    }

    @Test
    void taskTimeoutIsStatesTimeoutAndCanBeCaught() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        runtime.lambda("slow", payload -> {
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "{}";
        });
        try {
            ExecutionRecord record = run("""
                    {"StartAt":"T","States":{
                     "T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","TimeoutSeconds":1,
                       "Parameters":{"FunctionName":"slow"},
                       "Retry":[{"ErrorEquals":["States.TaskFailed"],"MaxAttempts":3}],
                       "Catch":[{"ErrorEquals":["States.Timeout"],"Next":"TimedOut"}],"End":true},
                     "TimedOut":{"Type":"Pass","End":true}}}""", "{}");

            assertThat(record.status()).isEqualTo("SUCCEEDED");
            assertThat(Json.parse(record.output()).get("Error").asText()).isEqualTo("States.Timeout");
            assertThat(types(record)).containsSubsequence("TaskStarted", "TaskTimedOut", "TaskStateExited")
                    .as("States.TaskFailed does not retry a timeout").doesNotContain("TaskFailed");
            assertThat(types(record).stream().filter("TaskScheduled"::equals).count()).isEqualTo(1);
        } finally {
            release.countDown();
        }
    }

    @Test
    void executionTimeoutEndsTheExecution() throws Exception {
        ExecutionRecord record = run("""
                {"StartAt":"W","TimeoutSeconds":1,"States":{"W":{"Type":"Wait","Seconds":30,"End":true}}}""", "{}");
        assertThat(record.status()).isEqualTo("TIMED_OUT");
        assertThat(record.error()).as("AWS describes a TIMED_OUT execution without error or cause").isNull();
        assertThat(record.cause()).isNull();
        assertThat(types(record)).endsWith("ExecutionTimedOut");
        ObjectNode timedOut = record.history().snapshot().get(record.history().size() - 1);
        assertThat(timedOut.get("executionTimedOutEventDetails")).isEqualTo(Json.parse("{\"error\":\"States.Timeout\"}"));
        assertThat(timedOut.get("previousEventId").asLong()).isZero();
    }

    @Test
    void aFailingBranchCancelsItsSiblings() throws Exception {
        long started = System.nanoTime();
        ExecutionRecord record = run("""
                {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[
                  {"StartAt":"Slow","States":{"Slow":{"Type":"Wait","Seconds":60,"End":true}}},
                  {"StartAt":"Bad","States":{"Bad":{"Type":"Fail","Error":"Broken","Cause":"now"}}}]}}}""", "{}");

        assertThat(record.status()).isEqualTo("FAILED");
        assertThat(record.error()).isEqualTo("Broken");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(10);
        assertThat(types(record)).contains("ParallelStateFailed").doesNotContain("WaitStateExited");
    }

    @Test
    void waitSecondsPathWaitsOnTheTimerThread() throws Exception {
        ExecutionRecord record = run("""
                {"StartAt":"W","States":{"W":{"Type":"Wait","SecondsPath":"$.delay","End":true}}}""",
                "{\"delay\":1}");
        List<ObjectNode> events = record.history().snapshot();
        double entered = events.get(1).get("timestamp").asDouble();
        double exited = events.get(2).get("timestamp").asDouble();
        assertThat(record.status()).isEqualTo("SUCCEEDED");
        assertThat(exited - entered).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void nestedExecutionsRunToCompletionWithSync() throws Exception {
        String child = backend.deploy("child", """
                {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[
                  {"Variable":"$.ok","BooleanEquals":true,"Next":"Done"}],"Default":"Broken"},
                 "Done":{"Type":"Pass","Parameters":{"doubled.$":"States.MathAdd($.n, $.n)"},"End":true},
                 "Broken":{"Type":"Fail","Error":"ChildFailed","Cause":"not ok"}}}""",
                "arn:aws:iam::000000000000:role/r");

        ExecutionRecord record = run("""
                {"StartAt":"Json","States":{
                 "Json":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync:2",
                   "Parameters":{"StateMachineArn":"%s","Input":{"ok":true,"n.$":"$.n"}},
                   "ResultSelector":{"output.$":"$.Output","status.$":"$.Status"},"ResultPath":"$.json","Next":"Text"},
                 "Text":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync",
                   "Parameters":{"StateMachineArn":"%s","Input":{"ok":true,"n":1}},
                   "ResultSelector":{"output.$":"$.Output"},"ResultPath":"$.text","Next":"Failing"},
                 "Failing":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync:2",
                   "Parameters":{"StateMachineArn":"%s","Input":{"ok":false}},
                   "Catch":[{"ErrorEquals":["States.TaskFailed"],"ResultPath":"$.failure","Next":"FireAndForget"}],
                   "Next":"FireAndForget"},
                 "FireAndForget":{"Type":"Task","Resource":"arn:aws:states:::states:startExecution",
                   "Parameters":{"StateMachineArn":"%s","Input":{"ok":true,"n":0}},"ResultPath":"$.started",
                   "End":true}}}""".formatted(child, child, child, child), "{\"n\":21}");

        assertThat(record.status()).as(record.error() + " " + record.cause()).isEqualTo("SUCCEEDED");
        JsonNode output = Json.parse(record.output());
        assertThat(output.get("json")).isEqualTo(Json.parse("{\"output\":{\"doubled\":42},\"status\":\"SUCCEEDED\"}"));
        assertThat(output.at("/text/output").asText()).isEqualTo("{\"doubled\":2}");
        assertThat(output.at("/failure/Error").asText()).isEqualTo("States.TaskFailed");
        assertThat(Json.parse(output.at("/failure/Cause").asText()).get("Error").asText()).isEqualTo("ChildFailed");
        assertThat(output.at("/started/ExecutionArn").asText()).contains(":execution:child:");
    }

    @Test
    void contextObjectReachesTaskParameters() throws Exception {
        runtime.lambda("echo", payload -> payload);
        ExecutionRecord record = run("""
                {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                 "Parameters":{"FunctionName":"echo","Payload":{"execution.$":"$$.Execution.Name",
                   "machine.$":"$$.StateMachine.Name","state.$":"$$.State.Name","input.$":"$$.Execution.Input"}},
                 "OutputPath":"$.Payload","End":true}}}""", "{\"k\":1}");
        JsonNode output = Json.parse(record.output());
        assertThat(output.get("state").asText()).isEqualTo("T");
        assertThat(output.get("machine").asText()).startsWith("m");
        assertThat(output.get("input")).isEqualTo(Json.parse("{\"k\":1}"));
        assertThat(output.get("execution").asText()).isNotBlank();
    }
}
