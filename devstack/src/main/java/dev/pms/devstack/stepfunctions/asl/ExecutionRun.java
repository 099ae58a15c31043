package dev.pms.devstack.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pms.devstack.stepfunctions.TaskFailedException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one execution. States run one after another in a loop while their results are at hand; a state
 * that has to wait (task, Wait, retry back-off, Map, Parallel) returns a pending future and the loop
 * resumes on the engine's workers when it completes, so no thread blocks while an execution waits.
 */
final class ExecutionRun {

    private record Transition(String next, JsonNode output) {
        static Transition after(JsonNode state, JsonNode output) {
            return new Transition(state.path("End").asBoolean(false) ? null : state.get("Next").textValue(), output);
        }
    }

    /** A sequence of states: the machine itself, a Parallel branch or a Map iteration. */
    private static final class Branch {
        final String path;
        final CancelScope scope;
        final JsonNode states;
        final Map<String, Integer> visits = new HashMap<>();
        final CompletableFuture<JsonNode> result = new CompletableFuture<>();
        volatile long lastEventId;

        Branch(String path, CancelScope scope, JsonNode states, long lastEventId) {
            this.path = path;
            this.scope = scope;
            this.states = states;
            this.lastEventId = lastEventId;
        }

        int visit(String state) {
            return visits.merge(state, 1, Integer::sum);
        }
    }

    private final StepFunctionsEngine engine;
    private final ExecutionRecord record;
    private final ExecutionJournal journal;
    private final ContextObject context;
    private final TaskIntegrations integrations;
    private final CancelScope rootScope = new CancelScope();
    private volatile ScheduledFuture<?> executionTimeout;

    ExecutionRun(StepFunctionsEngine engine, ExecutionRecord record, ExecutionJournal journal) {
        this.engine = engine;
        this.record = record;
        this.journal = journal;
        this.integrations = new TaskIntegrations(engine);
        this.context = ContextObject.forExecution(record.executionArn(), record.name(), Json.parse(record.input()),
                record.roleArn(), iso(record.startDate()), record.stateMachineArn(), record.stateMachineName());
    }

    ExecutionRecord record() {
        return record;
    }

    void start() {
        JsonNode definition = record.definition();
        ObjectNode started = Json.object();
        started.put("input", record.input());
        started.putObject("inputDetails").put("truncated", false);
        started.put("roleArn", record.roleArn());
        long startedId = record.history().record("exec:started", "ExecutionStarted", 0,
                "executionStartedEventDetails", started);
        if (definition.has("TimeoutSeconds")) {
            long remaining = record.startDate().toEpochMilli() + definition.get("TimeoutSeconds").asLong() * 1000
                    - System.currentTimeMillis();
            executionTimeout = engine.timers.schedule(() -> end("TIMED_OUT", null, AslError.TIMEOUT,
                            "The execution timed out after " + definition.get("TimeoutSeconds").asLong() + " seconds"),
                    Math.max(0, remaining), TimeUnit.MILLISECONDS);
        }
        Branch root = new Branch("", rootScope, definition.get("States"), startedId);
        root.result.whenComplete((output, failure) -> {
            if (failure == null) {
                finishSucceeded(root, output);
            } else {
                Throwable cause = unwrap(failure);
                if (cause instanceof AslError error) {
                    finishFailed(root, error);
                } else if (!(cause instanceof CancelScope.Cancelled)) {
                    finishFailed(root, AslError.runtime("Internal error: " + cause));
                }
            }
        });
        drive(root, definition.get("StartAt").textValue(), Json.parse(record.input()));
    }

    void stop(String error, String cause) {
        end("ABORTED", null, error, cause);
    }

    private void finishSucceeded(Branch root, JsonNode output) {
        synchronized (record) {
            if (ExecutionRecord.RUNNING.equals(record.status())) {
                ObjectNode details = Json.object();
                details.put("output", Json.write(output));
                details.putObject("outputDetails").put("truncated", false);
                record.history().record("exec:succeeded", "ExecutionSucceeded", root.lastEventId,
                        "executionSucceededEventDetails", details);
                record.finish("SUCCEEDED", Json.write(output), null, null);
                engine.recordEnded(record);
            }
        }
        record.announceEnd();
        ended();
    }

    private void finishFailed(Branch root, AslError error) {
        synchronized (record) {
            if (ExecutionRecord.RUNNING.equals(record.status())) {
                record.history().record("exec:failed", "ExecutionFailed", root.lastEventId,
                        "executionFailedEventDetails", errorDetails(error.error(), error.errorCause()));
                record.finish("FAILED", null, error.error(), error.errorCause());
                engine.recordEnded(record);
            }
        }
        record.announceEnd();
        ended();
    }

    private void end(String status, String output, String error, String cause) {
        boolean ended = false;
        synchronized (record) {
            if (ExecutionRecord.RUNNING.equals(record.status())) {
                String type = status.equals("ABORTED") ? "ExecutionAborted" : "ExecutionTimedOut";
                String field = status.equals("ABORTED") ? "executionAbortedEventDetails"
                        : "executionTimedOutEventDetails";
                record.history().record("exec:" + type, type, record.history().size(), field,
                        errorDetails(error, cause));
                ended = record.finish(status, output, error, cause);
                engine.recordEnded(record);
            }
        }
        if (ended) {
            record.announceEnd();
            rootScope.cancel();
            ended();
        }
    }

    private void ended() {
        ScheduledFuture<?> timeout = executionTimeout;
        if (timeout != null) {
            timeout.cancel(false);
        }
        engine.ended(this);
    }

    // ---- the state loop

    private void drive(Branch branch, String stateName, JsonNode input) {
        String name = stateName;
        JsonNode current = input;
        while (true) {
            if (branch.scope.isCancelled()) {
                branch.result.completeExceptionally(CancelScope.Cancelled.INSTANCE);
                return;
            }
            CompletableFuture<Transition> step;
            try {
                step = executeState(branch, name, current);
            } catch (AslError | CancelScope.Cancelled e) {
                branch.result.completeExceptionally(e);
                return;
            } catch (RuntimeException e) {
                branch.result.completeExceptionally(AslError.runtime("Internal error in state '" + name + "': " + e));
                return;
            }
            if (!step.isDone()) {
                step.whenCompleteAsync((transition, failure) -> {
                    if (failure != null) {
                        branch.result.completeExceptionally(unwrap(failure));
                    } else if (transition.next() == null) {
                        branch.result.complete(transition.output());
                    } else {
                        drive(branch, transition.next(), transition.output());
                    }
                }, engine.workers);
                return;
            }
            Transition transition;
            try {
                transition = step.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                branch.result.completeExceptionally(e);
                return;
            } catch (ExecutionException e) {
                branch.result.completeExceptionally(unwrap(e.getCause()));
                return;
            }
            if (transition.next() == null) {
                branch.result.complete(transition.output());
                return;
            }
            name = transition.next();
            current = transition.output();
        }
    }

    private CompletableFuture<JsonNode> runBranch(Branch branch, String startAt, JsonNode input) {
        drive(branch, startAt, input);
        return branch.result;
    }

    private CompletableFuture<Transition> executeState(Branch branch, String name, JsonNode input) {
        JsonNode state = branch.states.get(name);
        String type = state.get("Type").textValue();
        String stateKey = branch.path + "/" + name + "#" + branch.visit(name);
        Instant entered = Instant.now();
        event(branch, stateKey + ":entered", type + "StateEntered", "stateEnteredEventDetails",
                nameAndData(name, "input", input));
        ContextObject stateContext = context.inState(name, iso(entered), 0);
        switch (type) {
            case "Pass": {
                JsonNode effective = DataFlow.inputPath(state, input);
                if (state.has("Parameters")) {
                    effective = PayloadTemplate.evaluate(state.get("Parameters"), effective, stateContext);
                }
                JsonNode result = state.has("Result") ? state.get("Result") : effective;
                JsonNode output = DataFlow.resultPath(state.get("ResultPath"), state.has("ResultPath"), input,
                        result);
                return exited(branch, stateKey, name, type,
                        Transition.after(state, DataFlow.outputPath(state, output)));
            }
            case "Choice": {
                JsonNode effective = DataFlow.inputPath(state, input);
                String next = null;
                for (JsonNode rule : state.get("Choices")) {
                    if (ChoiceRules.matches(rule, effective)) {
                        next = rule.get("Next").textValue();
                        break;
                    }
                }
                if (next == null) {
                    if (!state.has("Default")) {
                        throw new AslError(AslError.NO_CHOICE_MATCHED, "No Matches!");
                    }
                    next = state.get("Default").textValue();
                }
                return exited(branch, stateKey, name, type,
                        new Transition(next, DataFlow.outputPath(state, effective)));
            }
            case "Succeed":
                return exited(branch, stateKey, name, type,
                        new Transition(null, DataFlow.outputPath(state, DataFlow.inputPath(state, input))));
            case "Fail":
                throw new AslError(failField(state, "Error", input, stateContext),
                        failField(state, "Cause", input, stateContext));
            case "Wait":
                return waitState(branch, stateKey, name, state, input);
            default:
                return withErrorHandling(branch, stateKey, name, type, state, input, entered);
        }
    }

    private CompletableFuture<Transition> exited(Branch branch, String stateKey, String name, String type,
                                                 Transition transition) {
        event(branch, stateKey + ":exited", type + "StateExited", "stateExitedEventDetails",
                nameAndData(name, "output", transition.output()));
        return CompletableFuture.completedFuture(transition);
    }

    private String failField(JsonNode state, String field, JsonNode input, ContextObject stateContext) {
        if (state.has(field)) {
            return state.get(field).asText();
        }
        if (!state.has(field + "Path")) {
            return null;
        }
        String expression = state.get(field + "Path").asText();
        JsonNode value;
        if (expression.startsWith("$$")) {
            value = JsonPaths.require(stateContext.node(), expression.substring(1), field + "Path");
        } else if (expression.startsWith("$")) {
            value = JsonPaths.require(input, expression, field + "Path");
        } else {
            value = IntrinsicFunctions.evaluate(expression, input, stateContext);
        }
        if (!value.isTextual()) {
            throw AslError.runtime("The value of " + field + "Path '" + expression + "' must be a string, got "
                    + Json.write(value));
        }
        return value.textValue();
    }

    private CompletableFuture<Transition> waitState(Branch branch, String stateKey, String name, JsonNode state,
                                                    JsonNode input) {
        JsonNode effective = DataFlow.inputPath(state, input);
        String deadlineKey = stateKey + ":deadline";
        long deadline;
        Optional<JsonNode> journaled = journal.get(deadlineKey);
        if (journaled.isPresent()) {
            deadline = journaled.get().asLong();
        } else {
            deadline = System.currentTimeMillis() + waitMillis(state, effective);
            journal.put(deadlineKey, Json.NODES.numberNode(deadline));
        }
        Transition transition = Transition.after(state, DataFlow.outputPath(state, effective));
        long delay = deadline - System.currentTimeMillis();
        if (delay <= 0) {
            return exited(branch, stateKey, name, "Wait", transition);
        }
        CompletableFuture<Transition> waited = new CompletableFuture<>();
        Runnable[] hook = new Runnable[1];
        ScheduledFuture<?> timer = engine.timers.schedule(() -> {
            branch.scope.removeHook(hook[0]);
            if (!waited.isDone()) {
                exited(branch, stateKey, name, "Wait", transition);
                waited.complete(transition);
            }
        }, delay, TimeUnit.MILLISECONDS);
        hook[0] = () -> {
            timer.cancel(false);
            waited.completeExceptionally(CancelScope.Cancelled.INSTANCE);
        };
        branch.scope.onCancel(hook[0]);
        return waited;
    }

    private static long waitMillis(JsonNode state, JsonNode effective) {
        if (state.has("Seconds")) {
            return state.get("Seconds").asLong() * 1000;
        }
        if (state.has("Timestamp")) {
            return ChoiceRules.timestamp(state.get("Timestamp").asText()).toEpochMilli() - System.currentTimeMillis();
        }
        if (state.has("SecondsPath")) {
            String path = state.get("SecondsPath").asText();
            JsonNode seconds = JsonPaths.require(effective, path, "SecondsPath");
            if (!seconds.canConvertToLong() || !seconds.isIntegralNumber() || seconds.asLong() < 0) {
                throw AslError.runtime("The SecondsPath parameter does not reference a valid non-negative integer: "
                        + Json.write(seconds));
            }
            return seconds.asLong() * 1000;
        }
        String path = state.get("TimestampPath").asText();
        JsonNode timestamp = JsonPaths.require(effective, path, "TimestampPath");
        Instant at = timestamp.isTextual() ? ChoiceRules.timestamp(timestamp.textValue()) : null;
        if (at == null) {
            throw AslError.runtime("The TimestampPath parameter does not reference a valid ISO-8601 timestamp: "
                    + Json.write(timestamp));
        }
        return at.toEpochMilli() - System.currentTimeMillis();
    }

    // ---- Task, Parallel, Map: attempts, Retry and Catch

    private CompletableFuture<Transition> withErrorHandling(Branch branch, String stateKey, String name, String type,
                                                            JsonNode state, JsonNode input, Instant entered) {
        CompletableFuture<Transition> outcome = new CompletableFuture<>();
        JsonNode retriers = state.path("Retry");
        int[] retryCounts = new int[retriers.size()];
        attempt(branch, stateKey, name, type, state, input, entered, 0, retryCounts, outcome);
        return outcome;
    }

    private void attempt(Branch branch, String stateKey, String name, String type, JsonNode state, JsonNode input,
                         Instant entered, int attemptNumber, int[] retryCounts, CompletableFuture<Transition> outcome) {
        if (branch.scope.isCancelled()) {
            outcome.completeExceptionally(CancelScope.Cancelled.INSTANCE);
            return;
        }
        String attemptKey = stateKey + "@" + attemptNumber;
        ContextObject stateContext = context.inState(name, iso(entered), attemptNumber);
        CompletableFuture<JsonNode> result;
        try {
            JsonNode effective = DataFlow.inputPath(state, input);
            switch (type) {
                case "Task" -> result = taskAttempt(branch, attemptKey, state, effective, stateContext);
                case "Parallel" -> result = parallelAttempt(branch, attemptKey, state, effective, stateContext);
                case "Map" -> result = mapAttempt(branch, attemptKey, name, state, effective, stateContext);
                default -> throw new IllegalStateException(type);
            }
        } catch (AslError e) {
            result = CompletableFuture.failedFuture(e);
        }
        result.whenComplete((value, failure) -> {
            if (failure == null) {
                try {
                    JsonNode selected = state.has("ResultSelector")
                            ? PayloadTemplate.evaluate(state.get("ResultSelector"), value, stateContext) : value;
                    JsonNode output = DataFlow.outputPath(state,
                            DataFlow.resultPath(state.get("ResultPath"), state.has("ResultPath"), input, selected));
                    exited(branch, stateKey, name, type, Transition.after(state, output));
                    outcome.complete(Transition.after(state, output));
                } catch (AslError e) {
                    handleError(branch, stateKey, name, type, state, input, entered, attemptNumber, retryCounts,
                            outcome, e);
                }
                return;
            }
            Throwable cause = unwrap(failure);
            if (cause instanceof AslError error) {
                handleError(branch, stateKey, name, type, state, input, entered, attemptNumber, retryCounts, outcome,
                        error);
            } else {
                outcome.completeExceptionally(cause);
            }
        });
    }

    private void handleError(Branch branch, String stateKey, String name, String type, JsonNode state,
                             JsonNode input, Instant entered, int attemptNumber, int[] retryCounts,
                             CompletableFuture<Transition> outcome, AslError error) {
        if (branch.scope.isCancelled()) {
            outcome.completeExceptionally(CancelScope.Cancelled.INSTANCE);
            return;
        }
        JsonNode retriers = state.path("Retry");
        for (int i = 0; i < retriers.size(); i++) {
            JsonNode retrier = retriers.get(i);
            if (!errorMatches(retrier.get("ErrorEquals"), error.error(), type)) {
                continue;
            }
            if (retryCounts[i] < retrier.path("MaxAttempts").asInt(3)) {
                double delaySeconds = retrier.path("IntervalSeconds").asDouble(1)
                        * Math.pow(retrier.path("BackoffRate").asDouble(2.0), retryCounts[i]);
                if (retrier.has("MaxDelaySeconds")) {
                    delaySeconds = Math.min(delaySeconds, retrier.get("MaxDelaySeconds").asDouble());
                }
                if ("FULL".equals(retrier.path("JitterStrategy").asText())) {
                    delaySeconds = ThreadLocalRandom.current().nextDouble() * delaySeconds;
                }
                retryCounts[i]++;
                Runnable[] hook = new Runnable[1];
                ScheduledFuture<?> timer = engine.timers.schedule(() -> {
                    branch.scope.removeHook(hook[0]);
                    engine.workers.execute(() -> attempt(branch, stateKey, name, type, state, input, entered,
                            attemptNumber + 1, retryCounts, outcome));
                }, (long) (delaySeconds * 1000), TimeUnit.MILLISECONDS);
                hook[0] = () -> {
                    timer.cancel(false);
                    outcome.completeExceptionally(CancelScope.Cancelled.INSTANCE);
                };
                branch.scope.onCancel(hook[0]);
                return;
            }
            break;
        }
        for (JsonNode catcher : state.path("Catch")) {
            if (errorMatches(catcher.get("ErrorEquals"), error.error(), type)) {
                ObjectNode errorOutput = Json.object();
                errorOutput.put("Error", error.error());
                errorOutput.put("Cause", error.errorCause());
                try {
                    JsonNode output = DataFlow.resultPath(catcher.get("ResultPath"), catcher.has("ResultPath"), input,
                            errorOutput);
                    Transition transition = new Transition(catcher.get("Next").textValue(), output);
                    exited(branch, stateKey, name, type, transition);
                    outcome.complete(transition);
                } catch (AslError e) {
                    outcome.completeExceptionally(e);
                }
                return;
            }
        }
        outcome.completeExceptionally(error);
    }

    static boolean errorMatches(JsonNode errorEquals, String error, String stateType) {
        for (JsonNode candidate : errorEquals) {
            String name = candidate.asText();
            if (name.equals(error)) {
                return true;
            }
            boolean terminal = AslError.RUNTIME.equals(error) || "States.DataLimitExceeded".equals(error);
            if (name.equals(AslError.ALL) && !terminal) {
                return true;
            }
            if (name.equals(AslError.TASK_FAILED) && stateType.equals("Task") && !terminal
                    && !AslError.TIMEOUT.equals(error) && !AslError.HEARTBEAT_TIMEOUT.equals(error)) {
                return true;
            }
        }
        return false;
    }

    private CompletableFuture<JsonNode> taskAttempt(Branch branch, String attemptKey, JsonNode state,
                                                    JsonNode effective, ContextObject stateContext) {
        TaskResource resource = TaskResource.parse(state.get("Resource").textValue());
        boolean lambdaFunction = resource.integration() == TaskResource.Integration.LAMBDA_FUNCTION;
        String token = null;
        ContextObject taskContext = stateContext;
        if (resource.waitForTaskToken()) {
            token = journal.get(attemptKey + ":token").map(JsonNode::textValue)
                    .orElseGet(() -> TaskTokens.newToken(record.executionArn()));
            taskContext = stateContext.withTaskToken(token);
        }
        JsonNode parameters = state.has("Parameters")
                ? PayloadTemplate.evaluate(state.get("Parameters"), effective, taskContext) : effective;
        long timeoutSeconds = seconds(state, "TimeoutSeconds", effective);
        long heartbeatSeconds = seconds(state, "HeartbeatSeconds", effective);

        Optional<JsonNode> journaled = journal.get(attemptKey + ":outcome");
        if (journaled.isPresent()) {
            JsonNode entry = journaled.get();
            return entry.has("result") ? CompletableFuture.completedFuture(entry.get("result"))
                    : CompletableFuture.failedFuture(new AslError(entry.path("error").textValue(),
                    entry.path("cause").textValue()));
        }

        if (lambdaFunction) {
            ObjectNode details = Json.object();
            details.put("resource", resource.functionArn());
            details.put("input", Json.write(parameters));
            details.putObject("inputDetails").put("truncated", false);
            if (timeoutSeconds > 0) {
                details.put("timeoutInSeconds", timeoutSeconds);
            }
            event(branch, attemptKey + ":scheduled", "LambdaFunctionScheduled",
                    "lambdaFunctionScheduledEventDetails", details);
        } else {
            ObjectNode details = TaskIntegrations.taskDetails(resource);
            details.put("region", engine.region);
            details.put("parameters", Json.write(parameters));
            if (timeoutSeconds > 0) {
                details.put("timeoutInSeconds", timeoutSeconds);
            }
            if (heartbeatSeconds > 0) {
                details.put("heartbeatInSeconds", heartbeatSeconds);
            }
            event(branch, attemptKey + ":scheduled", "TaskScheduled", "taskScheduledEventDetails", details);
        }

        CompletableFuture<JsonNode> attemptResult = new CompletableFuture<>();
        Runnable cancelHook = () -> attemptResult.completeExceptionally(CancelScope.Cancelled.INSTANCE);
        branch.scope.onCancel(cancelHook);
        ScheduledFuture<?> timeoutTimer = timeoutSeconds <= 0 ? null : engine.timers.schedule(
                () -> attemptResult.completeExceptionally(new AslError(AslError.TIMEOUT,
                        "The task did not finish within " + timeoutSeconds + " seconds")),
                timeoutSeconds, TimeUnit.SECONDS);
        boolean alreadySent = false;
        if (token != null) {
            alreadySent = journal.get(attemptKey + ":token").isPresent();
            TaskTokens.Pending pending = engine.tokens.register(token, heartbeatSeconds,
                    () -> attemptResult.completeExceptionally(new AslError(AslError.HEARTBEAT_TIMEOUT,
                            "No heartbeat within " + heartbeatSeconds + " seconds")));
            pending.result.whenComplete((value, failure) -> {
                if (failure == null) {
                    attemptResult.complete(value);
                } else {
                    attemptResult.completeExceptionally(unwrap(failure));
                }
            });
            journal.put(attemptKey + ":token", Json.NODES.textNode(token));
        }
        String issuedToken = token;
        if (!alreadySent) {
            engine.taskCalls.execute(
                    () -> invoke(branch, attemptKey, resource, parameters, issuedToken, attemptResult));
        }
        return attemptResult.whenComplete((value, failure) -> {
            if (timeoutTimer != null) {
                timeoutTimer.cancel(false);
            }
            branch.scope.removeHook(cancelHook);
            Throwable cause = failure == null ? null : unwrap(failure);
            if (issuedToken != null) {
                engine.tokens.close(issuedToken, cause instanceof AslError e
                        && (AslError.TIMEOUT.equals(e.error()) || AslError.HEARTBEAT_TIMEOUT.equals(e.error())));
            }
            if (cause instanceof CancelScope.Cancelled) {
                return;
            }
            ObjectNode journalEntry = Json.object();
            if (failure == null) {
                journalEntry.set("result", value);
                if (lambdaFunction) {
                    ObjectNode details = Json.object();
                    details.put("output", Json.write(value));
                    details.putObject("outputDetails").put("truncated", false);
                    event(branch, attemptKey + ":done", "LambdaFunctionSucceeded",
                            "lambdaFunctionSucceededEventDetails", details);
                } else {
                    ObjectNode details = TaskIntegrations.taskDetails(resource);
                    details.put("output", Json.write(value));
                    details.putObject("outputDetails").put("truncated", false);
                    event(branch, attemptKey + ":done", "TaskSucceeded", "taskSucceededEventDetails", details);
                }
            } else if (cause instanceof AslError error) {
                journalEntry.put("error", error.error());
                journalEntry.put("cause", error.errorCause());
                boolean timedOut = AslError.TIMEOUT.equals(error.error())
                        || AslError.HEARTBEAT_TIMEOUT.equals(error.error());
                ObjectNode details = lambdaFunction ? Json.object() : TaskIntegrations.taskDetails(resource);
                details.put("error", error.error());
                details.put("cause", error.errorCause());
                String type = lambdaFunction ? (timedOut ? "LambdaFunctionTimedOut" : "LambdaFunctionFailed")
                        : (timedOut ? "TaskTimedOut" : "TaskFailed");
                event(branch, attemptKey + ":done", type,
                        Character.toLowerCase(type.charAt(0)) + type.substring(1) + "EventDetails", details);
            }
            journal.put(attemptKey + ":outcome", journalEntry);
        });
    }

    private void invoke(Branch branch, String attemptKey, TaskResource resource, JsonNode parameters, String token,
                        CompletableFuture<JsonNode> attemptResult) {
        if (attemptResult.isDone()) {
            return;
        }
        boolean lambdaFunction = resource.integration() == TaskResource.Integration.LAMBDA_FUNCTION;
        if (lambdaFunction) {
            event(branch, attemptKey + ":started", "LambdaFunctionStarted", null, null);
        } else {
            event(branch, attemptKey + ":started", "TaskStarted", "taskStartedEventDetails",
                    TaskIntegrations.taskDetails(resource));
        }
        try {
            if (resource.integration() == TaskResource.Integration.START_EXECUTION
                    && (resource.pattern() == TaskResource.Pattern.SYNC
                    || resource.pattern() == TaskResource.Pattern.SYNC_JSON)) {
                runChildExecution(branch, resource, parameters, attemptResult);
                return;
            }
            JsonNode response = switch (resource.integration()) {
                case LAMBDA_FUNCTION -> TaskIntegrations.parseResult(engine.runtime.invokeLambda(resource.functionArn(),
                        Json.write(parameters)));
                case LAMBDA_INVOKE -> integrations.lambdaInvoke(parameters);
                case SQS_SEND -> integrations.sqsSend(parameters);
                case START_EXECUTION -> TaskIntegrations.executionSummary(integrations.startChild(parameters), false,
                        false);
            };
            if (token == null) {
                attemptResult.complete(response);
            } else {
                ObjectNode details = TaskIntegrations.taskDetails(resource);
                details.put("output", Json.write(response));
                details.putObject("outputDetails").put("truncated", false);
                event(branch, attemptKey + ":submitted", "TaskSubmitted", "taskSubmittedEventDetails", details);
            }
        } catch (TaskFailedException e) {
            attemptResult.completeExceptionally(new AslError(e.getError(), e.getErrorCause()));
        } catch (AslError e) {
            attemptResult.completeExceptionally(e);
        } catch (RuntimeException e) {
            attemptResult.completeExceptionally(new AslError(e.getClass().getSimpleName(),
                    e.getMessage() == null ? "" : e.getMessage()));
        }
    }

    /** {@code .sync} / {@code .sync:2}: the task ends when the child execution ends, with its description. */
    private void runChildExecution(Branch branch, TaskResource resource, JsonNode parameters,
                                   CompletableFuture<JsonNode> attemptResult) {
        ExecutionRecord child = integrations.startChild(parameters);
        Runnable stopChild = () -> engine.nested().stop(child.executionArn(), "States.Aborted",
                "the parent execution's task was cancelled");
        branch.scope.onCancel(stopChild);
        attemptResult.whenComplete((value, failure) -> {
            branch.scope.removeHook(stopChild);
            if (failure != null && !child.finished().isDone()) {
                stopChild.run();
            }
        });
        boolean parseOutput = resource.pattern() == TaskResource.Pattern.SYNC_JSON;
        child.finished().whenComplete((ended, failure) -> {
            if ("SUCCEEDED".equals(ended.status())) {
                attemptResult.complete(TaskIntegrations.executionSummary(ended, true, parseOutput));
            } else {
                attemptResult.completeExceptionally(new AslError(AslError.TASK_FAILED,
                        Json.write(TaskIntegrations.executionSummary(ended, true, parseOutput))));
            }
        });
    }

    private static long seconds(JsonNode state, String field, JsonNode effective) {
        if (state.has(field)) {
            return state.get(field).asLong();
        }
        if (state.has(field + "Path")) {
            JsonNode value = JsonPaths.require(effective, state.get(field + "Path").asText(), field + "Path");
            if (!value.isIntegralNumber() || value.asLong() <= 0) {
                throw AslError.runtime(field + "Path must reference a positive integer, got " + Json.write(value));
            }
            return value.asLong();
        }
        return 0;
    }

    private CompletableFuture<JsonNode> parallelAttempt(Branch branch, String attemptKey, JsonNode state,
                                                        JsonNode effective, ContextObject stateContext) {
        JsonNode input = state.has("Parameters")
                ? PayloadTemplate.evaluate(state.get("Parameters"), effective, stateContext) : effective;
        event(branch, attemptKey + ":started", "ParallelStateStarted", null, null);
        JsonNode branches = state.get("Branches");
        CancelScope scope = branch.scope.child();
        CompletableFuture<JsonNode> all = new CompletableFuture<>();
        JsonNode[] results = new JsonNode[branches.size()];
        AtomicInteger remaining = new AtomicInteger(branches.size());
        for (int i = 0; i < branches.size(); i++) {
            int index = i;
            JsonNode definition = branches.get(i);
            Branch child = new Branch(attemptKey + "[" + i + "]", scope, definition.get("States"), branch.lastEventId);
            engine.workers.execute(() -> runBranch(child, definition.get("StartAt").textValue(), input)
                    .whenComplete((value, failure) -> {
                        if (failure == null) {
                            results[index] = value;
                            if (remaining.decrementAndGet() == 0) {
                                ArrayNode array = Json.NODES.arrayNode();
                                for (JsonNode result : results) {
                                    array.add(result);
                                }
                                all.complete(array);
                            }
                        } else {
                            all.completeExceptionally(unwrap(failure));
                            scope.cancel();
                        }
                    }));
        }
        return all.whenComplete((value, failure) -> {
            branch.scope.release(scope);
            if (failure == null) {
                event(branch, attemptKey + ":succeeded", "ParallelStateSucceeded", null, null);
            } else if (unwrap(failure) instanceof AslError) {
                event(branch, attemptKey + ":failed", "ParallelStateFailed", null, null);
            }
        });
    }

    private CompletableFuture<JsonNode> mapAttempt(Branch branch, String attemptKey, String name, JsonNode state,
                                                   JsonNode effective, ContextObject stateContext) {
        JsonNode items = state.has("ItemsPath")
                ? JsonPaths.require(effective, state.get("ItemsPath").asText(), "ItemsPath") : effective;
        if (!items.isArray()) {
            throw AslError.runtime("Map state '" + name + "': the items are not an array: " + Json.write(items));
        }
        JsonNode processor = state.has("ItemProcessor") ? state.get("ItemProcessor") : state.get("Iterator");
        JsonNode selector = state.has("ItemSelector") ? state.get("ItemSelector") : state.get("Parameters");
        int size = items.size();
        int maxConcurrency = state.path("MaxConcurrency").asInt(0);
        if (state.has("MaxConcurrencyPath")) {
            JsonNode value = JsonPaths.require(effective, state.get("MaxConcurrencyPath").asText(),
                    "MaxConcurrencyPath");
            if (!value.isIntegralNumber() || value.asInt() < 0) {
                throw AslError.runtime("MaxConcurrencyPath must reference a non-negative integer, got "
                        + Json.write(value));
            }
            maxConcurrency = value.asInt();
        }
        int limit = maxConcurrency <= 0 ? size : Math.min(maxConcurrency, size);
        long toleratedCount = state.has("ToleratedFailureCount") ? state.get("ToleratedFailureCount").asLong()
                : -1;
        double toleratedPercentage = state.has("ToleratedFailurePercentage")
                ? state.get("ToleratedFailurePercentage").asDouble() : -1;
        ObjectNode startedDetails = Json.object();
        startedDetails.put("length", size);
        event(branch, attemptKey + ":started", "MapStateStarted", "mapStateStartedEventDetails", startedDetails);

        CancelScope scope = branch.scope.child();
        CompletableFuture<JsonNode> all = new CompletableFuture<>();
        JsonNode[] results = new JsonNode[size];
        AtomicInteger nextIndex = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        Runnable[] launchNext = new Runnable[1];
        launchNext[0] = () -> {
            int index = nextIndex.getAndIncrement();
            if (index >= size || all.isDone()) {
                return;
            }
            JsonNode item = items.get(index);
            JsonNode itemInput;
            try {
                itemInput = selector == null ? item
                        : PayloadTemplate.evaluate(selector, effective, stateContext.withMapItem(index, item));
            } catch (AslError e) {
                all.completeExceptionally(e);
                scope.cancel();
                return;
            }
            Branch child = new Branch(attemptKey + "[" + index + "]", scope, processor.get("States"),
                    branch.lastEventId);
            ObjectNode iteration = Json.object();
            iteration.put("name", name);
            iteration.put("index", index);
            event(child, child.path + ":iterationStarted", "MapIterationStarted", "mapIterationStartedEventDetails",
                    iteration);
            runBranch(child, processor.get("StartAt").textValue(), itemInput).whenComplete((value, failure) -> {
                Throwable cause = failure == null ? null : unwrap(failure);
                if (cause instanceof CancelScope.Cancelled) {
                    event(child, child.path + ":iterationAborted", "MapIterationAborted",
                            "mapIterationAbortedEventDetails", iteration);
                    all.completeExceptionally(cause);
                    return;
                }
                if (failure == null) {
                    results[index] = value;
                    event(child, child.path + ":iterationSucceeded", "MapIterationSucceeded",
                            "mapIterationSucceededEventDetails", iteration);
                } else {
                    event(child, child.path + ":iterationFailed", "MapIterationFailed",
                            "mapIterationFailedEventDetails", iteration);
                    AslError error = cause instanceof AslError e ? e
                            : AslError.runtime("Internal error in a Map iteration: " + cause);
                    int failed = failures.incrementAndGet();
                    boolean tolerated = toleratedCount >= 0 && failed <= toleratedCount
                            || toleratedPercentage >= 0 && failed * 100.0 / size <= toleratedPercentage;
                    if (!tolerated) {
                        all.completeExceptionally(toleratedCount >= 0 || toleratedPercentage >= 0
                                ? new AslError(AslError.TOLERATED_FAILURE,
                                "The specified tolerated failure threshold was exceeded")
                                : error);
                        scope.cancel();
                        return;
                    }
                    ObjectNode failedItem = Json.object();
                    failedItem.put("Error", error.error());
                    failedItem.put("Cause", error.errorCause());
                    results[index] = failedItem;
                }
                if (finished.incrementAndGet() == size) {
                    ArrayNode array = Json.NODES.arrayNode();
                    for (JsonNode result : results) {
                        array.add(result);
                    }
                    all.complete(array);
                } else {
                    engine.workers.execute(launchNext[0]);
                }
            });
        };
        if (size == 0) {
            all.complete(Json.NODES.arrayNode());
        }
        for (int i = 0; i < limit; i++) {
            engine.workers.execute(launchNext[0]);
        }
        return all.whenComplete((value, failure) -> {
            branch.scope.release(scope);
            if (failure == null) {
                event(branch, attemptKey + ":succeeded", "MapStateSucceeded", null, null);
            } else if (unwrap(failure) instanceof AslError) {
                event(branch, attemptKey + ":failed", "MapStateFailed", null, null);
            }
        });
    }

    // ---- history

    private void event(Branch branch, String logicalKey, String type, String detailsField, JsonNode details) {
        branch.lastEventId = record.history().record(logicalKey, type, branch.lastEventId, detailsField, details);
    }

    private static ObjectNode nameAndData(String name, String field, JsonNode data) {
        ObjectNode details = Json.object();
        details.put("name", name);
        details.put(field, Json.write(data));
        details.putObject(field + "Details").put("truncated", false);
        return details;
    }

    private static ObjectNode errorDetails(String error, String cause) {
        ObjectNode details = Json.object();
        if (error != null) {
            details.put("error", error);
        }
        if (cause != null) {
            details.put("cause", cause);
        }
        return details;
    }

    static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
