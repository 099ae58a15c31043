package dev.pms.devstack.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** One attempt of a Parallel state: every branch at once in a child scope; the first failure cancels the rest. */
final class ParallelState {
    private final StepFunctionsEngine engine;
    private final ExecutionRun run;
    private final BranchHistory history;

    ParallelState(StepFunctionsEngine engine, ExecutionRun run, BranchHistory history) {
        this.engine = engine;
        this.run = run;
        this.history = history;
    }

    CompletableFuture<JsonNode> attempt(ExecutionBranch branch, String attemptKey, JsonNode state,
                                                        JsonNode effective, ContextObject stateContext,
                                                        QueryLanguage language) {
        JsonNode input = language.arguments(state, effective, stateContext);
        history.event(branch, attemptKey + ":started", "ParallelStateStarted", null, null);
        JsonNode branches = state.get("Branches");
        CancelScope scope = branch.scope.child();
        CompletableFuture<JsonNode> all = new CompletableFuture<>();
        JsonNode[] results = new JsonNode[branches.size()];
        AtomicInteger remaining = new AtomicInteger(branches.size());
        for (int i = 0; i < branches.size(); i++) {
            int index = i;
            JsonNode definition = branches.get(i);
            ExecutionBranch child = new ExecutionBranch(attemptKey + "[" + i + "]", scope, definition.get("States"),
                    branch.variables.inner(), branch.lastEventId);
            engine.workers.execute(() -> run.runBranch(child, definition.get("StartAt").textValue(), input)
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
                            all.completeExceptionally(ExecutionRun.unwrap(failure));
                            scope.cancel();
                        }
                    }));
        }
        return all.whenComplete((value, failure) -> {
            branch.scope.release(scope);
            if (failure == null) {
                history.event(branch, attemptKey + ":succeeded", "ParallelStateSucceeded", null, null);
            }
        });
    }
}
