package dev.pms.devstack.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.concurrent.CompletableFuture;

/** The execution's history as its states write it (each event follows the branch's previous one), and state exits. */
final class BranchHistory {
    private final ExecutionRecord record;

    BranchHistory(ExecutionRecord record) {
        this.record = record;
    }

    void event(ExecutionBranch branch, String logicalKey, String type, String detailsField, JsonNode details) {
        branch.lastEventId = record.history().record(logicalKey, type, branch.lastEventId, detailsField, details);
    }

    /**
     * Ends a state: checks the output's size, applies the state's assignments and records the exit. Throws the
     * AslError that fails the state instead (States.DataLimitExceeded, an outer-scope assignment).
     */
    CompletableFuture<StateTransition> exited(ExecutionBranch branch, String stateKey, String name, String type,
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
        return CompletableFuture.completedFuture(new StateTransition(next, outcome.output()));
    }

    /** AWS records an EvaluationFailed event when a JSONata expression fails, once per failure. */
    void evaluationFailed(ExecutionBranch branch, String key, AslError error) {
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

    static ObjectNode nameAndData(String name, String field, String json) {
        ObjectNode details = Json.object();
        details.put("name", name);
        details.put(field, json);
        details.putObject(field + "Details").put("truncated", false);
        return details;
    }

    static ObjectNode errorDetails(String error, String cause) {
        ObjectNode details = Json.object();
        if (error != null) {
            details.put("error", error);
        }
        if (cause != null) {
            details.put("cause", cause);
        }
        return details;
    }
}
