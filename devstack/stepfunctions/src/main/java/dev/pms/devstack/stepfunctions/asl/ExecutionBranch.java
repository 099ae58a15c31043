package dev.pms.devstack.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** A sequence of states: the machine itself, a Parallel branch or a Map iteration, with its variables. */
final class ExecutionBranch {
    final String path;
    final CancelScope scope;
    final JsonNode states;
    final Variables variables;
    final Map<String, Integer> visits = new HashMap<>();
    final CompletableFuture<JsonNode> result = new CompletableFuture<>();
    volatile long lastEventId;

    ExecutionBranch(String path, CancelScope scope, JsonNode states, Variables variables, long lastEventId) {
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
