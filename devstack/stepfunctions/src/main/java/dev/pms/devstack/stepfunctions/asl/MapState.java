package dev.pms.devstack.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/** One attempt of an inline Map state: its items as iterations, at most MaxConcurrency at a time, with tolerated failures. */
final class MapState {
    private final StepFunctionsEngine engine;
    private final ExecutionRun run;
    private final BranchHistory history;

    MapState(StepFunctionsEngine engine, ExecutionRun run, BranchHistory history) {
        this.engine = engine;
        this.run = run;
        this.history = history;
    }

    CompletableFuture<JsonNode> attempt(ExecutionBranch branch, String attemptKey, String name, JsonNode state,
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
        history.event(branch, attemptKey + ":started", "MapStateStarted", "mapStateStartedEventDetails", startedDetails);

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
            ExecutionBranch child = new ExecutionBranch(attemptKey + "[" + index + "]", scope, processor.get("States"),
                    branch.variables.inner(), branch.lastEventId);
            ObjectNode iteration = Json.object();
            iteration.put("name", name);
            iteration.put("index", index);
            history.event(child, child.path + ":iterationStarted", "MapIterationStarted", "mapIterationStartedEventDetails",
                    iteration);
            run.runBranch(child, processor.get("StartAt").textValue(), itemInput).whenComplete((value, failure) -> {
                Throwable cause = failure == null ? null : ExecutionRun.unwrap(failure);
                if (cause instanceof CancelScope.Cancelled) {
                    history.event(child, child.path + ":iterationAborted", "MapIterationAborted",
                            "mapIterationAbortedEventDetails", iteration);
                    all.completeExceptionally(cause);
                    return;
                }
                if (failure == null) {
                    results[index] = value;
                    history.event(child, child.path + ":iterationSucceeded", "MapIterationSucceeded",
                            "mapIterationSucceededEventDetails", iteration);
                } else {
                    history.event(child, child.path + ":iterationFailed", "MapIterationFailed",
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
                history.event(branch, attemptKey + ":succeeded", "MapStateSucceeded", null, null);
            }
        });
    }
}
