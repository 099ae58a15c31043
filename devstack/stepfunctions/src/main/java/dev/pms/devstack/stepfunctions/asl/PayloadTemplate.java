package dev.pms.devstack.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/**
 * Parameters, ResultSelector, ItemSelector and (JSONPath) Assign: payload templates whose {@code "key.$"}
 * fields are evaluated as a path ({@code $…}, {@code $$…}, {@code $variable…}) or an intrinsic function.
 */
public final class PayloadTemplate {

    private PayloadTemplate() {
    }

    public static JsonNode evaluate(JsonNode template, JsonNode input, ContextObject context) {
        if (template.isObject()) {
            ObjectNode result = Json.object();
            Iterator<Map.Entry<String, JsonNode>> fields = template.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = field.getKey();
                if (key.endsWith(".$")) {
                    result.set(key.substring(0, key.length() - 2),
                            evaluateExpression(field.getValue().asText(), key, input, context));
                } else {
                    result.set(key, evaluate(field.getValue(), input, context));
                }
            }
            return result;
        }
        if (template.isArray()) {
            ArrayNode result = Json.NODES.arrayNode();
            for (JsonNode element : template) {
                result.add(evaluate(element, input, context));
            }
            return result;
        }
        return template;
    }

    private static JsonNode evaluateExpression(String expression, String key, JsonNode input, ContextObject context) {
        if (expression.startsWith("$$")) {
            return JsonPaths.resolve(expression, input, context).orElseThrow(() -> AslError.runtime(
                    "The JSONPath '" + expression + "' specified for the field '" + key
                            + "' could not be found in the context object"));
        }
        if (JsonPaths.variableNameEnd(expression) > 0) {
            return JsonPaths.resolve(expression, input, context).orElseThrow(() -> AslError.runtime(
                    "The JSONPath '" + expression + "' specified for the field '" + key
                            + "' could not be found: the variable is not assigned or has no such field"));
        }
        if (expression.startsWith("$")) {
            return JsonPaths.read(input, expression).orElseThrow(() -> AslError.runtime(
                    "The JSONPath '" + expression + "' specified for the field '" + key
                            + "' could not be found in the input '" + Json.write(input) + "'"));
        }
        return IntrinsicFunctions.evaluate(expression, input, context);
    }

    /** Checks every {@code .$} expression of a template at definition time. */
    public static void check(JsonNode template, String fieldName) {
        if (template.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = template.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = field.getKey();
                if (key.endsWith(".$")) {
                    if (!field.getValue().isTextual()) {
                        throw new InvalidDefinitionException("The value for the field '" + key + "' in "
                                + fieldName + " must be a STRING that contains a JSONPath or an intrinsic function");
                    }
                    String expression = field.getValue().textValue();
                    if (expression.startsWith("$")) {
                        JsonPaths.checkReadPath(expression, key, false);
                    } else if (IntrinsicFunctions.looksLikeCall(expression)) {
                        IntrinsicFunctions.check(expression, key);
                    } else {
                        throw new InvalidDefinitionException("The value for the field '" + key + "' in "
                                + fieldName + " must be a valid JSONPath or intrinsic function: " + expression);
                    }
                } else {
                    check(field.getValue(), fieldName);
                }
            }
        } else if (template.isArray()) {
            template.forEach(element -> check(element, fieldName));
        }
    }
}
