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

    /** A sequence of states: the machine itself, a Parallel branch or a Map iteration, with its variables. */
    private static final class Branch {
        final String path;
        final CancelScope scope;
        final JsonNode states;
        final Variables variables;
        final Map<String, Integer> visits = new HashMap<>();
        final CompletableFuture<JsonNode> result = new CompletableFuture<>();
        volatile long lastEventId;

        Branch(String path, CancelScope scope, JsonNode states, Variables variables, long lastEventId) {
            this.path = path;
            this.scope = scope;
            this.states = states;
            this.variables = variables;
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
    private final QueryLanguage machineLanguage;
    private final CancelScope rootScope = new CancelScope();
    private volatile ScheduledFuture<?> executionTimeout;

    ExecutionRun(StepFunctionsEngine engine, ExecutionRecord record, ExecutionJournal journal) {
        this.engine = engine;
        this.record = record;
        this.journal = journal;
        this.integrations = new TaskIntegrations(engine);
        this.machineLanguage = QueryLanguage.of(record.definition(), QueryLanguage.JSONPATH);
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
            // AWS: the ExecutionTimedOut event carries States.Timeout and no cause.
            executionTimeout = engine.timers.schedule(() -> end("TIMED_OUT", AslError.TIMEOUT, null),
                    Math.max(0, remaining), TimeUnit.MILLISECONDS);
        }
        Branch root = new Branch("", rootScope, definition.get("States"), context.variables(), startedId);
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
        end("ABORTED", error, cause);
    }

    private void finishSucceeded(Branch root, JsonNode output) {
        synchronized (record) {
            if (ExecutionRecord.RUNNING.equals(record.status())) {
                String outputJson = Json.write(output);
                ObjectNode details = Json.object();
                details.put("output", outputJson);
                details.putObject("outputDetails").put("truncated", false);
                record.history().record("exec:succeeded", "ExecutionSucceeded", root.lastEventId,
                        "executionSucceededEventDetails", details);
                record.finish("SUCCEEDED", outputJson, null, null);
                engine.recordEnded(record);
            }
        }
        record.announceEnd();
        ended();
    }

    private void finishFailed(Branch root, AslError error) {
        synchronized (record) {
            if (ExecutionRecord.RUNNING.equals(record.status())) {
                String cause = error.executionCause();
                record.history().record("exec:failed", "ExecutionFailed", root.lastEventId,
                        "executionFailedEventDetails", errorDetails(error.error(), cause));
                record.finish("FAILED", null, error.error(), cause);
                engine.recordEnded(record);
            }
        }
        record.announceEnd();
        ended();
    }

    /**
     * Ends the execution from outside its states: StopExecution (ABORTED, with the caller's error and cause) or
     * the machine's TimeoutSeconds (TIMED_OUT). As on AWS, the event's previousEventId is 0 and a TIMED_OUT
     * execution is described without error or cause (States.Timeout is only in the event).
     */
    private void end(String status, String error, String cause) {
        boolean ended = false;
        synchronized (record) {
            if (ExecutionRecord.RUNNING.equals(record.status())) {
                boolean aborted = status.equals("ABORTED");
                String type = aborted ? "ExecutionAborted" : "ExecutionTimedOut";
                String field = aborted ? "executionAbortedEventDetails" : "executionTimedOutEventDetails";
                record.history().record("exec:" + type, type, 0, field, errorDetails(error, cause));
                ended = aborted ? record.finish(status, null, error, cause) : record.finish(status, null, null, null);
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
                nameAndData(name, "input", Json.write(input)));
        long enteredEventId = branch.lastEventId;
        QueryLanguage language = QueryLanguage.of(state, machineLanguage);
        try {
            ContextObject stateContext = context.inState(name, iso(entered), ContextObject.NO_RETRY_COUNT,
                    branch.variables);
            switch (type) {
                case "Pass":
                    return exited(branch, stateKey, name, type, next(state), language.pass(state, input, stateContext));
                case "Choice": {
                    QueryLanguage.Choice choice = language.choose(state, input, stateContext);
                    return exited(branch, stateKey, name, type, choice.next(), choice.outcome());
                }
                case "Succeed":
                    return exited(branch, stateKey, name, type, null, language.passThrough(state, input,
                            language.effectiveInput(state, input, stateContext), stateContext));
                case "Fail":
                    throw new AslError(language.failField(state, "Error", input, stateContext),
                            language.failField(state, "Cause", input, stateContext));
                case "Wait":
                    return waitState(branch, stateKey, name, state, input, language, stateContext, enteredEventId);
                default:
                    return withErrorHandling(new Attempts(branch, stateKey, name, type, state, input, entered,
                            enteredEventId, language));
            }
        } catch (AslError e) {
            e.arising(name, enteredEventId);
            evaluationFailed(branch, stateKey, e);
            throw e;
        }
    }

    private static String next(JsonNode state) {
        return state.path("End").asBoolean(false) ? null : state.get("Next").textValue();
    }

    /**
     * Ends a state: checks the output's size, applies the state's assignments and records the exit. Throws the
     * AslError that fails the state instead (States.DataLimitExceeded, an outer-scope assignment).
     */
    private CompletableFuture<Transition> exited(Branch branch, String stateKey, String name, String type,
                                                 String next, QueryLanguage.Outcome outcome) {
        String output = Json.write(outcome.output());
        if (PayloadLimits.exceeds(output)) {
            throw PayloadLimits.resultTooLarge(name);
        }
        ObjectNode details = nameAndData(name, "output", output);
        if (outcome.assigned() != null) {
            branch.variables.assign(outcome.assigned());
            ObjectNode assigned = details.putObject("assignedVariables");
            outcome.assigned().fields().forEachRemaining(variable ->
                    assigned.put(variable.getKey(), Json.write(variable.getValue())));
            details.putObject("assignedVariablesDetails").put("truncated", false);
        }
        event(branch, stateKey + ":exited", type + "StateExited", "stateExitedEventDetails", details);
        return CompletableFuture.completedFuture(new Transition(next, outcome.output()));
    }

    /** AWS records an EvaluationFailed event when a JSONata expression fails, once per failure. */
    private void evaluationFailed(Branch branch, String key, AslError error) {
        if (!error.claimEvaluationEvent()) {
            return;
        }
        ObjectNode details = Json.object();
        details.put("error", error.error());
        details.put("cause", error.executionCause());
        details.put("location", error.location());
        details.put("state", error.originState());
        event(branch, key + ":evaluationFailed", "EvaluationFailed", "evaluationFailedEventDetails", details);
    }

    private CompletableFuture<Transition> waitState(Branch branch, String stateKey, String name, JsonNode state,
                                                    JsonNode input, QueryLanguage language,
                                                    ContextObject stateContext, long enteredEventId) {
        JsonNode effective = language.effectiveInput(state, input, stateContext);
        String deadlineKey = stateKey + ":deadline";
        long deadline;
        Optional<JsonNode> journaled = journal.get(deadlineKey);
        if (journaled.isPresent()) {
            deadline = journaled.get().asLong();
        } else {
            deadline = System.currentTimeMillis() + language.waitMillis(state, effective, stateContext);
            long executionEnd = record.startDate().plus(PayloadLimits.MAX_EXECUTION_TIME).toEpochMilli();
            if (deadline > executionEnd) {
                throw new AslError(AslError.TIMEOUT, "The Wait state '" + name + "' would end at "
                        + Instant.ofEpochMilli(deadline) + ", after the execution's maximum duration of one year ("
                        + Instant.ofEpochMilli(executionEnd) + ")");
            }
            journal.put(deadlineKey, Json.NODES.numberNode(deadline));
        }
        QueryLanguage.Outcome outcome = language.passThrough(state, input, effective, stateContext);
        long delay = deadline - System.currentTimeMillis();
        if (delay <= 0) {
            return exited(branch, stateKey, name, "Wait", next(state), outcome);
        }
        CompletableFuture<Transition> waited = new CompletableFuture<>();
        Runnable[] hook = new Runnable[1];
        ScheduledFuture<?> timer = engine.timers.schedule(() -> {
            branch.scope.removeHook(hook[0]);
            if (!waited.isDone()) {
                try {
                    waited.complete(exited(branch, stateKey, name, "Wait", next(state), outcome).join());
                } catch (AslError e) {
                    waited.completeExceptionally(e.arising(name, enteredEventId));
                }
            }
        }, delay, TimeUnit.MILLISECONDS);
        hook[0] = () -> {
            timer.cancel(false);
            waited.completeExceptionally(CancelScope.Cancelled.INSTANCE);
        };
        branch.scope.onCancel(hook[0]);
        return waited;
    }

    // ---- Task, Parallel, Map: attempts, Retry and Catch

    /** One visit of a Task, Parallel or Map state, over its attempts. */
    private record Attempts(Branch branch, String stateKey, String name, String type, JsonNode state,
                            JsonNode input, Instant entered, long enteredEventId, QueryLanguage language) {
        ContextObject context(ContextObject execution, int attemptNumber) {
            return execution.inState(name, iso(entered), attemptNumber, branch.variables);
        }
    }

    private CompletableFuture<Transition> withErrorHandling(Attempts attempts) {
        CompletableFuture<Transition> outcome = new CompletableFuture<>();
        int[] retryCounts = new int[attempts.state().path("Retry").size()];
        attempt(attempts, 0, retryCounts, outcome);
        return outcome;
    }

    private void attempt(Attempts attempts, int attemptNumber, int[] retryCounts,
                         CompletableFuture<Transition> outcome) {
        Branch branch = attempts.branch();
        if (branch.scope.isCancelled()) {
            outcome.completeExceptionally(CancelScope.Cancelled.INSTANCE);
            return;
        }
        String attemptKey = attempts.stateKey() + "@" + attemptNumber;
        JsonNode state = attempts.state();
        QueryLanguage language = attempts.language();
        ContextObject stateContext = attempts.context(context, attemptNumber);
        CompletableFuture<JsonNode> result;
        try {
            JsonNode effective = language.effectiveInput(state, attempts.input(), stateContext);
            switch (attempts.type()) {
                case "Task" -> result = taskAttempt(branch, attemptKey, attempts.name(), state, effective,
                        stateContext, language);
                case "Parallel" -> result = parallelAttempt(branch, attemptKey, state, effective, stateContext,
                        language);
                case "Map" -> result = mapAttempt(branch, attemptKey, attempts.name(), state, effective,
                        stateContext, language);
                default -> throw new IllegalStateException(attempts.type());
            }
        } catch (AslError e) {
            result = CompletableFuture.failedFuture(e);
        }
        result.whenComplete((value, failure) -> {
            if (failure == null) {
                try {
                    QueryLanguage.Outcome success = language.succeeded(state, attempts.input(), value, stateContext);
                    outcome.complete(exited(branch, attempts.stateKey(), attempts.name(), attempts.type(),
                            next(state), success).join());
                } catch (AslError e) {
                    handleError(attempts, attemptNumber, retryCounts, outcome, e);
                }
                return;
            }
            Throwable cause = unwrap(failure);
            if (cause instanceof AslError error) {
                handleError(attempts, attemptNumber, retryCounts, outcome, error);
            } else {
                outcome.completeExceptionally(cause);
            }
        });
    }

    private void handleError(Attempts attempts, int attemptNumber, int[] retryCounts,
                             CompletableFuture<Transition> outcome, AslError error) {
        Branch branch = attempts.branch();
        if (branch.scope.isCancelled()) {
            outcome.completeExceptionally(CancelScope.Cancelled.INSTANCE);
            return;
        }
        error.arising(attempts.name(), attempts.enteredEventId());
        evaluationFailed(branch, attempts.stateKey() + "@" + attemptNumber, error);
        JsonNode state = attempts.state();
        JsonNode retriers = state.path("Retry");
        for (int i = 0; i < retriers.size(); i++) {
            JsonNode retrier = retriers.get(i);
            if (!errorMatches(retrier.get("ErrorEquals"), error.error(), attempts.type())) {
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
                    engine.workers.execute(() -> attempt(attempts, attemptNumber + 1, retryCounts, outcome));
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
        // No further attempt: a Parallel or Map state records its failure once, not once per attempt.
        if (!attempts.type().equals("Task")) {
            event(branch, attempts.stateKey() + ":failed", attempts.type() + "StateFailed", null, null);
        }
        JsonNode catchers = state.path("Catch");
        for (int i = 0; i < catchers.size(); i++) {
            JsonNode catcher = catchers.get(i);
            if (errorMatches(catcher.get("ErrorEquals"), error.error(), attempts.type())) {
                ObjectNode errorOutput = Json.object();
                errorOutput.put("Error", error.error());
                errorOutput.put("Cause", error.errorCause());
                try {
                    QueryLanguage.Outcome caught = attempts.language().caught(catcher, i, attempts.input(),
                            errorOutput, attempts.context(context, attemptNumber));
                    outcome.complete(exited(branch, attempts.stateKey(), attempts.name(), attempts.type(),
                            catcher.get("Next").textValue(), caught).join());
                } catch (AslError e) {
                    e.arising(attempts.name(), attempts.enteredEventId());
                    evaluationFailed(branch, attempts.stateKey() + ":catch", e);
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
            boolean terminal = AslError.RUNTIME.equals(error) || AslError.DATA_LIMIT_EXCEEDED.equals(error);
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

    private CompletableFuture<JsonNode> taskAttempt(Branch branch, String attemptKey, String name, JsonNode state,
                                                    JsonNode effective, ContextObject stateContext,
                                                    QueryLanguage language) {
        TaskResource resource = TaskResource.parse(state.get("Resource").textValue());
        boolean lambdaFunction = resource.integration() == TaskResource.Integration.LAMBDA_FUNCTION;
        String token = null;
        ContextObject taskContext = stateContext;
        if (resource.waitForTaskToken()) {
            token = journal.get(attemptKey + ":token").map(JsonNode::textValue)
                    .orElseGet(() -> TaskTokens.newToken(record.executionArn()));
            taskContext = stateContext.withTaskToken(token);
        }
        JsonNode parameters = language.arguments(state, effective, taskContext);
        String parametersJson = Json.write(parameters);
        if (PayloadLimits.exceeds(parametersJson)) {
            throw PayloadLimits.inputTooLarge(name);
        }
        long timeoutSeconds = language.seconds(state, "TimeoutSeconds", effective, stateContext);
        long heartbeatSeconds = language.seconds(state, "HeartbeatSeconds", effective, stateContext);

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
            details.put("input", parametersJson);
            details.putObject("inputDetails").put("truncated", false);
            if (timeoutSeconds > 0) {
                details.put("timeoutInSeconds", timeoutSeconds);
            }
            event(branch, attemptKey + ":scheduled", "LambdaFunctionScheduled",
                    "lambdaFunctionScheduledEventDetails", details);
        } else {
            ObjectNode details = TaskIntegrations.taskDetails(resource);
            details.put("region", engine.region);
            details.put("parameters", parametersJson);
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
                    completeResult(attemptResult, value, resource);
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
                completeResult(attemptResult, response, resource);
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

    /** Completes a task attempt with its result, or States.DataLimitExceeded when the result is over 256 KiB. */
    private static void completeResult(CompletableFuture<JsonNode> attemptResult, JsonNode result,
                                       TaskResource resource) {
        if (PayloadLimits.exceeds(Json.write(result))) {
            attemptResult.completeExceptionally(PayloadLimits.resultTooLarge(resource.dataLimitName()));
        } else {
            attemptResult.complete(result);
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
                completeResult(attemptResult, TaskIntegrations.executionSummary(ended, true, parseOutput), resource);
            } else {
                attemptResult.completeExceptionally(new AslError(AslError.TASK_FAILED,
                        Json.write(TaskIntegrations.executionSummary(ended, true, parseOutput))));
            }
        });
    }

    private CompletableFuture<JsonNode> parallelAttempt(Branch branch, String attemptKey, JsonNode state,
                                                        JsonNode effective, ContextObject stateContext,
                                                        QueryLanguage language) {
        JsonNode input = language.arguments(state, effective, stateContext);
        event(branch, attemptKey + ":started", "ParallelStateStarted", null, null);
        JsonNode branches = state.get("Branches");
        CancelScope scope = branch.scope.child();
        CompletableFuture<JsonNode> all = new CompletableFuture<>();
        JsonNode[] results = new JsonNode[branches.size()];
        AtomicInteger remaining = new AtomicInteger(branches.size());
        for (int i = 0; i < branches.size(); i++) {
            int index = i;
            JsonNode definition = branches.get(i);
            Branch child = new Branch(attemptKey + "[" + i + "]", scope, definition.get("States"),
                    branch.variables.inner(), branch.lastEventId);
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
            }
        });
    }

    private CompletableFuture<JsonNode> mapAttempt(Branch branch, String attemptKey, String name, JsonNode state,
                                                   JsonNode effective, ContextObject stateContext,
                                                   QueryLanguage language) {
        JsonNode items = language.mapItems(state, effective, stateContext);
        JsonNode processor = state.has("ItemProcessor") ? state.get("ItemProcessor") : state.get("Iterator");
        int size = items.size();
        int maxConcurrency = language.maxConcurrency(state, effective, stateContext);
        int limit = maxConcurrency <= 0 ? size : Math.min(maxConcurrency, size);
        long toleratedCount = (long) language.tolerated(state, "ToleratedFailureCount", effective, stateContext);
        double toleratedPercentage = language.tolerated(state, "ToleratedFailurePercentage", effective,
                stateContext);
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
                itemInput = language.mapItemInput(state, effective, stateContext.withMapItem(index, item), item);
            } catch (AslError e) {
                all.completeExceptionally(e);
                scope.cancel();
                return;
            }
            Branch child = new Branch(attemptKey + "[" + index + "]", scope, processor.get("States"),
                    branch.variables.inner(), branch.lastEventId);
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
            }
        });
    }

    // ---- history

    private void event(Branch branch, String logicalKey, String type, String detailsField, JsonNode details) {
        branch.lastEventId = record.history().record(logicalKey, type, branch.lastEventId, detailsField, details);
    }

    private static ObjectNode nameAndData(String name, String field, String json) {
        ObjectNode details = Json.object();
        details.put("name", name);
        details.put(field, json);
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
