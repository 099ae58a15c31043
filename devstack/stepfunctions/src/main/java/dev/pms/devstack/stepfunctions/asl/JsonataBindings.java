package dev.pms.devstack.stepfunctions.asl;

import com.dashjoin.jsonata.Functions;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the JSONata expressions of one state see: {@code $states} ({@code input}, {@code result} after a
 * successful Task, Parallel or Map, {@code errorOutput} in a Catch, {@code context}), the workflow variables of
 * the state's scope as they were when it was entered, and {@code $now()}/{@code $millis()} fixed per evaluation.
 * Values are converted for the JSONata port once per state and only when an expression mentions them.
 */
final class JsonataBindings {

    private final JsonNode input;
    private final JsonNode result;
    private final JsonNode errorOutput;
    private final ContextObject context;
    private Map<String, Object> states;
    private boolean statesHoldNull;
    private final Map<String, Object> variables = new HashMap<>();

    private JsonataBindings(JsonNode input, JsonNode result, JsonNode errorOutput, ContextObject context) {
        this.input = input;
        this.result = result;
        this.errorOutput = errorOutput;
        this.context = context;
    }

    static JsonataBindings forInput(JsonNode input, ContextObject context) {
        return new JsonataBindings(input, null, null, context);
    }

    JsonataBindings withResult(JsonNode stateResult) {
        return new JsonataBindings(input, stateResult, null, context);
    }

    JsonataBindings withErrorOutput(JsonNode stateErrorOutput) {
        return new JsonataBindings(input, null, stateErrorOutput, context);
    }

    JsonataBindings withContext(ContextObject stateContext) {
        return new JsonataBindings(input, result, errorOutput, stateContext);
    }

    ContextObject context() {
        return context;
    }

    void bind(Jsonata.Frame frame, Set<String> names) {
        for (String name : names) {
            if (name.equals("states")) {
                frame.bind("states", states());
                continue;
            }
            JsonNode variable = context.variables().get(name);
            if (variable != null) {
                frame.bind(name, variable(name, variable));
            } else if (name.equals("now")) {
                long millis = System.currentTimeMillis();
                frame.bind("now", Jsonata.function("now", (Jsonata.Fn2<String, String, Object>) (picture, zone) ->
                        Functions.dateTimeFromMillis(millis, picture, zone), "<s?s?:s>"));
            } else if (name.equals("millis")) {
                long millis = System.currentTimeMillis();
                frame.bind("millis", Jsonata.function("millis", (Jsonata.Fn0<Object>) () -> millis, "<:n>"));
            }
        }
    }

    private Map<String, Object> states() {
        if (states != null && !statesHoldNull) {
            return states;
        }
        Map<String, Object> bound = new LinkedHashMap<>();
        boolean holdsNull = false;
        JsonataValues.Converted converted = JsonataValues.toJava(input);
        bound.put("input", converted.value());
        holdsNull |= converted.holdsNull();
        if (result != null) {
            converted = JsonataValues.toJava(result);
            bound.put("result", converted.value());
            holdsNull |= converted.holdsNull();
        }
        if (errorOutput != null) {
            converted = JsonataValues.toJava(errorOutput);
            bound.put("errorOutput", converted.value());
            holdsNull |= converted.holdsNull();
        }
        converted = JsonataValues.toJava(context.node());
        bound.put("context", converted.value());
        holdsNull |= converted.holdsNull();
        // The port rewrites JSON nulls in place after an evaluation, so a value holding one is converted afresh.
        states = bound;
        statesHoldNull = holdsNull;
        return bound;
    }

    private Object variable(String name, JsonNode value) {
        Object cached = variables.get(name);
        if (cached != null) {
            return cached;
        }
        JsonataValues.Converted converted = JsonataValues.toJava(value);
        if (!converted.holdsNull()) {
            variables.put(name, converted.value());
        }
        return converted.value();
    }
}
