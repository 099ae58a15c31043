package dev.pms.devstack.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one execution. States run one after another in a loop while their results are at hand; a state
 * that has to wait (task, Wait, retry back-off, Map, Parallel) returns a pending future and the loop
 * resumes on the engine's workers when it completes, so no thread blocks while an execution waits.
 */
final class ExecutionRun {

    private final StepFunctionsEngine engine;
    private final ExecutionRecord record;
    private final ExecutionJournal journal;
    private final ContextObject context;
    private final QueryLanguage machineLanguage;
    private final BranchHistory history;
    private final InstantStates instantStates;
    private final WaitState waits;
    private final RetryAndCatch attempts;
    private final CancelScope rootScope = new CancelScope();
    private volatile ScheduledFuture<?> executionTimeout;

    ExecutionRun(StepFunctionsEngine engine, ExecutionRecord record, ExecutionJournal journal) {
        this.engine = engine;
        this.record = record;
        this.journal = journal;
        this.machineLanguage = QueryLanguage.of(record.definition(), QueryLanguage.JSONPATH);
        this.context = ContextObject.forExecution(record.executionArn(), record.name(), Json.parse(record.input()),
                record.roleArn(), iso(record.startDate()), record.stateMachineArn(), record.stateMachineName());
        this.history = new BranchHistory(record);
        this.instantStates = new InstantStates(history);
        this.waits = new WaitState(engine, record, journal, history);
        this.attempts = new RetryAndCatch(engine, context, history, new TaskState(engine, record, journal, history),
                new ParallelState(engine, this, history), new MapState(engine, this, history));
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
        ExecutionBranch root = new ExecutionBranch("", rootScope, definition.get("States"), context.variables(), startedId);
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

    private void finishSucceeded(ExecutionBranch root, JsonNode output) {
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

    private void finishFailed(ExecutionBranch root, AslError error) {
        synchronized (record) {
            if (ExecutionRecord.RUNNING.equals(record.status())) {
                String cause = error.executionCause();
                record.history().record("exec:failed", "ExecutionFailed", root.lastEventId,
                        "executionFailedEventDetails", BranchHistory.errorDetails(error.error(), cause));
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
                record.history().record("exec:" + type, type, 0, field, BranchHistory.errorDetails(error, cause));
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

    private void drive(ExecutionBranch branch, String stateName, JsonNode input) {
        String name = stateName;
        JsonNode current = input;
        while (true) {
            if (branch.scope.isCancelled()) {
                branch.result.completeExceptionally(CancelScope.Cancelled.INSTANCE);
                return;
            }
            CompletableFuture<StateTransition> step;
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
            StateTransition transition;
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

    CompletableFuture<JsonNode> runBranch(ExecutionBranch branch, String startAt, JsonNode input) {
        drive(branch, startAt, input);
        return branch.result;
    }

    private CompletableFuture<StateTransition> executeState(ExecutionBranch branch, String name, JsonNode input) {
        JsonNode state = branch.states.get(name);
        String type = state.get("Type").textValue();
        String stateKey = branch.path + "/" + name + "#" + branch.visit(name);
        Instant entered = Instant.now();
        history.event(branch, stateKey + ":entered", type + "StateEntered", "stateEnteredEventDetails",
                BranchHistory.nameAndData(name, "input", Json.write(input)));
        long enteredEventId = branch.lastEventId;
        QueryLanguage language = QueryLanguage.of(state, machineLanguage);
        try {
            ContextObject stateContext = context.inState(name, iso(entered), ContextObject.NO_RETRY_COUNT,
                    branch.variables);
            if (InstantStates.handles(type)) {
                return instantStates.execute(branch, stateKey, name, type, state, input, language, stateContext);
            }
            if (type.equals("Wait")) {
                return waits.execute(branch, stateKey, name, state, input, language, stateContext, enteredEventId);
            }
            return attempts.run(new RetryAndCatch.Attempts(branch, stateKey, name, type, state, input, entered,
                    enteredEventId, language));
        } catch (AslError e) {
            e.arising(name, enteredEventId);
            history.evaluationFailed(branch, stateKey, e);
            throw e;
        }
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
