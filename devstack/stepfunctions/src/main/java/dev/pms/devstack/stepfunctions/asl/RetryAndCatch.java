package dev.pms.devstack.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** The attempts of a Task, Parallel or Map state: Retry with back-off, then Catch, then the state fails. */
final class RetryAndCatch {
    private final StepFunctionsEngine engine;
    private final ContextObject context;
    private final BranchHistory history;
    private final TaskState tasks;
    private final ParallelState parallels;
    private final MapState maps;

    RetryAndCatch(StepFunctionsEngine engine, ContextObject context, BranchHistory history, TaskState tasks,
                  ParallelState parallels, MapState maps) {
        this.engine = engine;
        this.context = context;
        this.history = history;
        this.tasks = tasks;
        this.parallels = parallels;
        this.maps = maps;
    }

    /** One visit of a Task, Parallel or Map state, over its attempts. */
    record Attempts(ExecutionBranch branch, String stateKey, String name, String type, JsonNode state,
                            JsonNode input, Instant entered, long enteredEventId, QueryLanguage language) {
        ContextObject context(ContextObject execution, int attemptNumber) {
            return execution.inState(name, ExecutionRun.iso(entered), attemptNumber, branch.variables);
        }
    }

    CompletableFuture<StateTransition> run(Attempts attempts) {
        CompletableFuture<StateTransition> outcome = new CompletableFuture<>();
        int[] retryCounts = new int[attempts.state().path("Retry").size()];
        attempt(attempts, 0, retryCounts, outcome);
        return outcome;
    }

    private void attempt(Attempts attempts, int attemptNumber, int[] retryCounts,
                         CompletableFuture<StateTransition> outcome) {
        ExecutionBranch branch = attempts.branch();
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
                case "Task" -> result = tasks.attempt(branch, attemptKey, attempts.name(), state, effective,
                        stateContext, language);
                case "Parallel" -> result = parallels.attempt(branch, attemptKey, state, effective, stateContext,
                        language);
                case "Map" -> result = maps.attempt(branch, attemptKey, attempts.name(), state, effective,
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
                    outcome.complete(history.exited(branch, attempts.stateKey(), attempts.name(), attempts.type(),
                            StateTransition.nextOf(state), success).join());
                } catch (AslError e) {
                    handleError(attempts, attemptNumber, retryCounts, outcome, e);
                }
                return;
            }
            Throwable cause = ExecutionRun.unwrap(failure);
            if (cause instanceof AslError error) {
                handleError(attempts, attemptNumber, retryCounts, outcome, error);
            } else {
                outcome.completeExceptionally(cause);
            }
        });
    }

    private void handleError(Attempts attempts, int attemptNumber, int[] retryCounts,
                             CompletableFuture<StateTransition> outcome, AslError error) {
        ExecutionBranch branch = attempts.branch();
        if (branch.scope.isCancelled()) {
            outcome.completeExceptionally(CancelScope.Cancelled.INSTANCE);
            return;
        }
        error.arising(attempts.name(), attempts.enteredEventId());
        history.evaluationFailed(branch, attempts.stateKey() + "@" + attemptNumber, error);
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
            history.event(branch, attempts.stateKey() + ":failed", attempts.type() + "StateFailed", null, null);
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
                    outcome.complete(history.exited(branch, attempts.stateKey(), attempts.name(), attempts.type(),
                            catcher.get("Next").textValue(), caught).join());
                } catch (AslError e) {
                    e.arising(attempts.name(), attempts.enteredEventId());
                    history.evaluationFailed(branch, attempts.stateKey() + ":catch", e);
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
}
