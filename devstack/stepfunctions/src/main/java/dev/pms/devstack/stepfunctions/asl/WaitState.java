package dev.pms.devstack.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** The Wait state: its deadline is journaled, so a restarted execution waits until the same instant. */
final class WaitState {
    private final StepFunctionsEngine engine;
    private final ExecutionRecord record;
    private final ExecutionJournal journal;
    private final BranchHistory history;

    WaitState(StepFunctionsEngine engine, ExecutionRecord record, ExecutionJournal journal, BranchHistory history) {
        this.engine = engine;
        this.record = record;
        this.journal = journal;
        this.history = history;
    }

    CompletableFuture<StateTransition> execute(ExecutionBranch branch, String stateKey, String name, JsonNode state,
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
            return history.exited(branch, stateKey, name, "Wait", StateTransition.nextOf(state), outcome);
        }
        CompletableFuture<StateTransition> waited = new CompletableFuture<>();
        Runnable[] hook = new Runnable[1];
        ScheduledFuture<?> timer = engine.timers.schedule(() -> {
            branch.scope.removeHook(hook[0]);
            if (!waited.isDone()) {
                try {
                    waited.complete(history.exited(branch, stateKey, name, "Wait", StateTransition.nextOf(state), outcome).join());
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
}
