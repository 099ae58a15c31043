package dev.pms.devstack.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * JSONata states: Arguments and Output, Assign, Items and ItemSelector, Condition, and every field that takes a
 * {@code "{% … %}"} expression instead of a constant. Expressions see {@code $states.input} (the state's
 * input), {@code $states.result} (after a Task, Parallel or Map succeeded), {@code $states.errorOutput} (in a
 * Catch), {@code $states.context} and the variables as they were when the state was entered.
 */
final class JsonataLanguage implements QueryLanguage {

    @Override
    public JsonNode effectiveInput(JsonNode state, JsonNode input, ContextObject context) {
        return input;
    }

    @Override
    public Outcome pass(JsonNode state, JsonNode input, ContextObject context) {
        return passThrough(state, input, input, context);
    }

    @Override
    public Choice choose(JsonNode state, JsonNode input, ContextObject context) {
        JsonataBindings bindings = JsonataBindings.forInput(input, context);
        JsonNode rules = state.get("Choices");
        for (int i = 0; i < rules.size(); i++) {
            JsonNode rule = rules.get(i);
            String field = "Choices[" + i + "]";
            JsonNode condition = rule.get("Condition");
            JsonNode matched = value(condition, field + "/Condition", bindings);
            if (!matched.isBoolean()) {
                throw JsonataExpressions.unexpectedType(condition.textValue(), field + "/Condition", "boolean",
                        matched);
            }
            if (matched.booleanValue()) {
                return new Choice(rule.get("Next").textValue(), outcome(rule, field + "/", input, input, bindings));
            }
        }
        String next = JsonPathLanguage.defaultChoice(state);
        return new Choice(next, outcome(state, "", input, input, bindings));
    }

    @Override
    public Outcome passThrough(JsonNode state, JsonNode input, JsonNode effective, ContextObject context) {
        return outcome(state, "", input, input, JsonataBindings.forInput(input, context));
    }

    @Override
    public long waitMillis(JsonNode state, JsonNode effective, ContextObject context) {
        JsonataBindings bindings = JsonataBindings.forInput(effective, context);
        if (state.has("Seconds")) {
            return nonNegativeInteger(state.get("Seconds"), "Seconds", bindings) * 1000;
        }
        JsonNode timestamp = value(state.get("Timestamp"), "Timestamp", bindings);
        Instant at = timestamp.isTextual() ? ChoiceRules.timestamp(timestamp.textValue()) : null;
        if (at == null) {
            throw AslError.runtime("The Timestamp parameter does not reference a valid ISO-8601 extended offset "
                    + "date-time format string: " + Json.write(timestamp));
        }
        return at.toEpochMilli() - System.currentTimeMillis();
    }

    @Override
    public String failField(JsonNode state, String field, JsonNode input, ContextObject context) {
        JsonNode declared = state.get(field);
        if (declared == null) {
            return null;
        }
        JsonNode value = value(declared, field, JsonataBindings.forInput(input, context));
        if (!value.isTextual()) {
            throw JsonataExpressions.unexpectedType(declared.textValue(), field, "string", value);
        }
        return value.textValue();
    }

    @Override
    public JsonNode arguments(JsonNode state, JsonNode effective, ContextObject context) {
        JsonNode arguments = state.get("Arguments");
        return arguments == null ? effective
                : template(arguments, "Arguments", JsonataBindings.forInput(effective, context));
    }

    @Override
    public long seconds(JsonNode state, String field, JsonNode effective, ContextObject context) {
        JsonNode declared = state.get(field);
        if (declared == null) {
            return 0;
        }
        long seconds = nonNegativeInteger(declared, field, JsonataBindings.forInput(effective, context));
        if (seconds <= 0) {
            throw JsonataExpressions.unexpectedType(declared.asText(), field, "positive integer",
                    Json.NODES.numberNode(seconds));
        }
        return seconds;
    }

    @Override
    public Outcome succeeded(JsonNode state, JsonNode input, JsonNode result, ContextObject context) {
        return outcome(state, "", input, result, JsonataBindings.forInput(input, context).withResult(result));
    }

    @Override
    public Outcome caught(JsonNode catcher, int index, JsonNode input, ObjectNode errorOutput,
                          ContextObject context) {
        return outcome(catcher, "Catch[" + index + "]/", input, errorOutput,
                JsonataBindings.forInput(input, context).withErrorOutput(errorOutput));
    }

    @Override
    public JsonNode mapItems(JsonNode state, JsonNode effective, ContextObject context) {
        JsonNode declared = state.get("Items");
        if (declared == null) {
            if (!effective.isArray()) {
                throw AslError.queryEvaluation("Map state input must be an array but was: "
                        + JsonataValues.typeName(effective), "Items");
            }
            return effective;
        }
        JsonNode items = value(declared, "Items", JsonataBindings.forInput(effective, context));
        if (!items.isArray()) {
            throw JsonataExpressions.unexpectedType(declared.asText(), "Items", "array", items);
        }
        return items;
    }

    @Override
    public JsonNode mapItemInput(JsonNode state, JsonNode effective, ContextObject itemContext, JsonNode item) {
        JsonNode selector = state.get("ItemSelector");
        return selector == null ? item
                : template(selector, "ItemSelector", JsonataBindings.forInput(effective, itemContext));
    }

    @Override
    public int maxConcurrency(JsonNode state, JsonNode effective, ContextObject context) {
        JsonNode declared = state.get("MaxConcurrency");
        if (declared == null) {
            return 0;
        }
        return (int) Math.min(Integer.MAX_VALUE,
                nonNegativeInteger(declared, "MaxConcurrency", JsonataBindings.forInput(effective, context)));
    }

    @Override
    public double tolerated(JsonNode state, String field, JsonNode effective, ContextObject context) {
        JsonNode declared = state.get(field);
        if (declared == null) {
            return -1;
        }
        JsonNode value = value(declared, field, JsonataBindings.forInput(effective, context));
        if (!value.isNumber() || value.asDouble() < 0) {
            throw JsonataExpressions.unexpectedType(declared.asText(), field, "non-negative number", value);
        }
        return value.asDouble();
    }

    /**
     * The Assign and Output of a state, a Choice rule or a Catch ({@code prefix} names it in causes). Both see
     * the variables as they were when the state was entered.
     */
    private static Outcome outcome(JsonNode holder, String prefix, JsonNode input, JsonNode defaultOutput,
                                   JsonataBindings bindings) {
        ObjectNode assigned = assign(holder.get("Assign"), prefix + "Assign", bindings);
        JsonNode output = holder.has("Output") ? template(holder.get("Output"), prefix + "Output", bindings)
                : defaultOutput;
        return new Outcome(output, assigned);
    }

    private static ObjectNode assign(JsonNode declarations, String field, JsonataBindings bindings) {
        if (declarations == null) {
            return null;
        }
        ObjectNode assigned = Json.object();
        Iterator<Map.Entry<String, JsonNode>> fields = declarations.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> declaration = fields.next();
            assigned.set(declaration.getKey(), template(declaration.getValue(), field + "/" + declaration.getKey(),
                    bindings));
        }
        return assigned;
    }

    /** A value whose strings {@code "{% … %}"} are evaluated, at any depth; {@code field} names it in causes. */
    static JsonNode template(JsonNode template, String field, JsonataBindings bindings) {
        if (template.isTextual()) {
            return JsonataExpressions.isExpression(template.textValue())
                    ? JsonataExpressions.evaluate(template.textValue(), field, bindings) : template;
        }
        if (template.isObject()) {
            ObjectNode result = Json.object();
            Iterator<Map.Entry<String, JsonNode>> fields = template.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> entry = fields.next();
                result.set(entry.getKey(), template(entry.getValue(), field + "/" + entry.getKey(), bindings));
            }
            return result;
        }
        if (template.isArray()) {
            ArrayNode result = Json.NODES.arrayNode();
            for (int i = 0; i < template.size(); i++) {
                result.add(template(template.get(i), field + "[" + i + "]", bindings));
            }
            return result;
        }
        return template;
    }

    private static JsonNode value(JsonNode declared, String field, JsonataBindings bindings) {
        return template(declared, field, bindings);
    }

    private static long nonNegativeInteger(JsonNode declared, String field, JsonataBindings bindings) {
        JsonNode value = value(declared, field, bindings);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw JsonataExpressions.unexpectedType(declared.asText(), field, "integer", value);
        }
        return value.asLong();
    }
}
