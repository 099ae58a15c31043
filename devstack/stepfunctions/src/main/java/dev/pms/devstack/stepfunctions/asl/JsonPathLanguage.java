package dev.pms.devstack.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * JSONPath states: InputPath, Parameters, ResultSelector, ResultPath and OutputPath, the {@code *Path} fields,
 * and Assign, whose {@code "name.$"} values read the state's result ({@code $}), the context object
 * ({@code $$}) and the variables as they were when the state was entered.
 */
final class JsonPathLanguage implements QueryLanguage {

    @Override
    public JsonNode effectiveInput(JsonNode state, JsonNode input, ContextObject context) {
        return DataFlow.inputPath(state, input, context);
    }

    @Override
    public Outcome pass(JsonNode state, JsonNode input, ContextObject context) {
        JsonNode effective = DataFlow.inputPath(state, input, context);
        if (state.has("Parameters")) {
            effective = PayloadTemplate.evaluate(state.get("Parameters"), effective, context);
        }
        JsonNode result = state.has("Result") ? state.get("Result") : effective;
        ObjectNode assigned = assign(state.get("Assign"), result, context);
        JsonNode output = DataFlow.resultPath(state.get("ResultPath"), state.has("ResultPath"), input, result);
        return new Outcome(DataFlow.outputPath(state, output, context), assigned);
    }

    @Override
    public Choice choose(JsonNode state, JsonNode input, ContextObject context) {
        JsonNode effective = DataFlow.inputPath(state, input, context);
        String next = null;
        JsonNode assign = null;
        for (JsonNode rule : state.get("Choices")) {
            if (ChoiceRules.matches(rule, effective, context)) {
                next = rule.get("Next").textValue();
                assign = rule.get("Assign");
                break;
            }
        }
        if (next == null) {
            next = defaultChoice(state);
            assign = state.get("Assign");
        }
        ObjectNode assigned = assign(assign, effective, context);
        return new Choice(next, new Outcome(DataFlow.outputPath(state, effective, context), assigned));
    }

    static String defaultChoice(JsonNode state) {
        if (!state.has("Default")) {
            throw new AslError(AslError.NO_CHOICE_MATCHED, "No Matches!");
        }
        return state.get("Default").textValue();
    }

    @Override
    public Outcome passThrough(JsonNode state, JsonNode input, JsonNode effective, ContextObject context) {
        ObjectNode assigned = assign(state.get("Assign"), effective, context);
        return new Outcome(DataFlow.outputPath(state, effective, context), assigned);
    }

    @Override
    public long waitMillis(JsonNode state, JsonNode effective, ContextObject context) {
        if (state.has("Seconds")) {
            return state.get("Seconds").asLong() * 1000;
        }
        if (state.has("Timestamp")) {
            return ChoiceRules.timestamp(state.get("Timestamp").asText()).toEpochMilli() - System.currentTimeMillis();
        }
        if (state.has("SecondsPath")) {
            JsonNode seconds = JsonPaths.resolveRequired(state.get("SecondsPath").asText(), effective, context,
                    "SecondsPath");
            if (!seconds.canConvertToLong() || !seconds.isIntegralNumber() || seconds.asLong() < 0) {
                throw AslError.runtime("The SecondsPath parameter does not reference a valid non-negative integer: "
                        + Json.write(seconds));
            }
            return seconds.asLong() * 1000;
        }
        JsonNode timestamp = JsonPaths.resolveRequired(state.get("TimestampPath").asText(), effective, context,
                "TimestampPath");
        Instant at = timestamp.isTextual() ? ChoiceRules.timestamp(timestamp.textValue()) : null;
        if (at == null) {
            throw AslError.runtime("The TimestampPath parameter does not reference a valid ISO-8601 extended offset "
                    + "date-time format string: " + Json.write(timestamp));
        }
        return at.toEpochMilli() - System.currentTimeMillis();
    }

    @Override
    public String failField(JsonNode state, String field, JsonNode input, ContextObject context) {
        if (state.has(field)) {
            return state.get(field).asText();
        }
        if (!state.has(field + "Path")) {
            return null;
        }
        String expression = state.get(field + "Path").asText();
        JsonNode value = expression.startsWith("$")
                ? JsonPaths.resolveRequired(expression, input, context, field + "Path")
                : IntrinsicFunctions.evaluate(expression, input, context);
        if (!value.isTextual()) {
            throw AslError.runtime("The value of " + field + "Path '" + expression + "' must be a string, got "
                    + Json.write(value));
        }
        return value.textValue();
    }

    @Override
    public JsonNode arguments(JsonNode state, JsonNode effective, ContextObject context) {
        return state.has("Parameters") ? PayloadTemplate.evaluate(state.get("Parameters"), effective, context)
                : effective;
    }

    @Override
    public long seconds(JsonNode state, String field, JsonNode effective, ContextObject context) {
        if (state.has(field)) {
            return state.get(field).asLong();
        }
        if (state.has(field + "Path")) {
            JsonNode value = JsonPaths.resolveRequired(state.get(field + "Path").asText(), effective, context,
                    field + "Path");
            if (!value.isIntegralNumber() || value.asLong() <= 0) {
                throw AslError.runtime(field + "Path must reference a positive integer, got " + Json.write(value));
            }
            return value.asLong();
        }
        return 0;
    }

    @Override
    public Outcome succeeded(JsonNode state, JsonNode input, JsonNode result, ContextObject context) {
        ObjectNode assigned = assign(state.get("Assign"), result, context);
        JsonNode selected = state.has("ResultSelector")
                ? PayloadTemplate.evaluate(state.get("ResultSelector"), result, context) : result;
        JsonNode output = DataFlow.resultPath(state.get("ResultPath"), state.has("ResultPath"), input, selected);
        return new Outcome(DataFlow.outputPath(state, output, context), assigned);
    }

    @Override
    public Outcome caught(JsonNode catcher, int index, JsonNode input, ObjectNode errorOutput,
                          ContextObject context) {
        ObjectNode assigned = assign(catcher.get("Assign"), errorOutput, context);
        return new Outcome(DataFlow.resultPath(catcher.get("ResultPath"), catcher.has("ResultPath"), input,
                errorOutput), assigned);
    }

    @Override
    public JsonNode mapItems(JsonNode state, JsonNode effective, ContextObject context) {
        JsonNode items = state.has("ItemsPath")
                ? JsonPaths.resolveRequired(state.get("ItemsPath").asText(), effective, context, "ItemsPath")
                : effective;
        if (!items.isArray()) {
            throw AslError.runtime("Map state '" + context.stateName() + "': the items are not an array: "
                    + Json.write(items));
        }
        return items;
    }

    @Override
    public JsonNode mapItemInput(JsonNode state, JsonNode effective, ContextObject itemContext, JsonNode item) {
        JsonNode selector = state.has("ItemSelector") ? state.get("ItemSelector") : state.get("Parameters");
        return selector == null ? item : PayloadTemplate.evaluate(selector, effective, itemContext);
    }

    @Override
    public int maxConcurrency(JsonNode state, JsonNode effective, ContextObject context) {
        if (state.has("MaxConcurrencyPath")) {
            JsonNode value = JsonPaths.resolveRequired(state.get("MaxConcurrencyPath").asText(), effective, context,
                    "MaxConcurrencyPath");
            if (!value.isIntegralNumber() || value.asInt() < 0) {
                throw AslError.runtime("MaxConcurrencyPath must reference a non-negative integer, got "
                        + Json.write(value));
            }
            return value.asInt();
        }
        return state.path("MaxConcurrency").asInt(0);
    }

    @Override
    public double tolerated(JsonNode state, String field, JsonNode effective, ContextObject context) {
        return state.has(field) ? state.get(field).asDouble() : -1;
    }

    /** The variables an Assign template assigns; null without Assign. */
    static ObjectNode assign(JsonNode template, JsonNode data, ContextObject context) {
        if (template == null) {
            return null;
        }
        return (ObjectNode) PayloadTemplate.evaluate(template, data, context);
    }
}
