package dev.pms.devstack.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How a state's fields read its input, the context object and variables, and shape its output: JSONPath
 * (InputPath, Parameters, ResultSelector, ResultPath, OutputPath, the {@code *Path} fields) or JSONata
 * (Arguments, Output, {@code {% %}} values, {@code $states}). The engine runs the same flow for both.
 *
 * <p>{@code context} is the state's context: the {@code $$} object and the variables as they were when the
 * state was entered. Assignments are returned, not applied: the engine applies them when the state exits.
 */
sealed interface QueryLanguage permits JsonPathLanguage, JsonataLanguage {

    QueryLanguage JSONPATH = new JsonPathLanguage();
    QueryLanguage JSONATA = new JsonataLanguage();

    /** A state's own {@code QueryLanguage}, else the machine's. */
    static QueryLanguage of(JsonNode state, QueryLanguage machine) {
        JsonNode language = state.get("QueryLanguage");
        if (language == null) {
            return machine;
        }
        return "JSONata".equals(language.textValue()) ? JSONATA : JSONPATH;
    }

    /** A state's output and the variables it assigns (null when it assigns none). */
    record Outcome(JsonNode output, ObjectNode assigned) {
    }

    /** The rule a Choice state took: the next state, and its output and assignments. */
    record Choice(String next, Outcome outcome) {
    }

    /** The input a state works on: after InputPath (JSONPath); the state input itself (JSONata). */
    JsonNode effectiveInput(JsonNode state, JsonNode input, ContextObject context);

    Outcome pass(JsonNode state, JsonNode input, ContextObject context);

    Choice choose(JsonNode state, JsonNode input, ContextObject context);

    /** Wait and Succeed: the output once the state is done with its input. */
    Outcome passThrough(JsonNode state, JsonNode input, JsonNode effective, ContextObject context);

    /** Milliseconds a Wait state waits from now (negative when its timestamp is past). */
    long waitMillis(JsonNode state, JsonNode effective, ContextObject context);

    /** A Fail state's Error or Cause; null when absent. */
    String failField(JsonNode state, String field, JsonNode input, ContextObject context);

    /** What a Task sends or a Parallel gives each branch: Parameters / Arguments, else the effective input. */
    JsonNode arguments(JsonNode state, JsonNode effective, ContextObject context);

    /** A Task's TimeoutSeconds or HeartbeatSeconds (a positive integer); 0 when absent. */
    long seconds(JsonNode state, String field, JsonNode effective, ContextObject context);

    /** A Task, Parallel or Map state that got its result. */
    Outcome succeeded(JsonNode state, JsonNode input, JsonNode result, ContextObject context);

    /** The Catch {@code catcher} (at {@code index} in the state's Catch) took the error. */
    Outcome caught(JsonNode catcher, int index, JsonNode input, ObjectNode errorOutput, ContextObject context);

    /** The array a Map state iterates over. */
    JsonNode mapItems(JsonNode state, JsonNode effective, ContextObject context);

    /** The input of one Map iteration: ItemSelector (or legacy Parameters), else the item. */
    JsonNode mapItemInput(JsonNode state, JsonNode effective, ContextObject itemContext, JsonNode item);

    /** MaxConcurrency; 0 for no limit. */
    int maxConcurrency(JsonNode state, JsonNode effective, ContextObject context);

    /** ToleratedFailureCount or ToleratedFailurePercentage; negative when absent. */
    double tolerated(JsonNode state, String field, JsonNode effective, ContextObject context);
}
