package dev.pms.devstack.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Evaluates Choice rules: comparisons (with their {@code *Path} forms), And / Or / Not, type tests. */
public final class ChoiceRules {

    private static final Set<String> COMPARISONS = Set.of(
            "StringEquals", "StringLessThan", "StringGreaterThan", "StringLessThanEquals",
            "StringGreaterThanEquals", "NumericEquals", "NumericLessThan", "NumericGreaterThan",
            "NumericLessThanEquals", "NumericGreaterThanEquals", "BooleanEquals", "TimestampEquals",
            "TimestampLessThan", "TimestampGreaterThan", "TimestampLessThanEquals", "TimestampGreaterThanEquals");
    private static final Set<String> TESTS = Set.of(
            "StringMatches", "IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp");

    private ChoiceRules() {
    }

    /** Matches a rule whose paths read only the input ({@code $…}). */
    public static boolean matches(JsonNode rule, JsonNode input) {
        return matches(rule, input, null);
    }

    /** Matches a rule; its paths may also read the context object ({@code $$…}) and variables ({@code $name…}). */
    public static boolean matches(JsonNode rule, JsonNode input, ContextObject context) {
        if (rule.has("And")) {
            for (JsonNode inner : rule.get("And")) {
                if (!matches(inner, input, context)) {
                    return false;
                }
            }
            return true;
        }
        if (rule.has("Or")) {
            for (JsonNode inner : rule.get("Or")) {
                if (matches(inner, input, context)) {
                    return true;
                }
            }
            return false;
        }
        if (rule.has("Not")) {
            return !matches(rule.get("Not"), input, context);
        }
        String variablePath = rule.get("Variable").textValue();
        String operator = operatorOf(rule);
        JsonNode operand = rule.get(operator);
        Optional<JsonNode> variable = read(variablePath, input, context);
        if (operator.equals("IsPresent")) {
            return variable.isPresent() == operand.booleanValue();
        }
        JsonNode value = variable.orElseThrow(() -> AslError.runtime(
                "Invalid path '" + variablePath + "': The choice state's condition path references an invalid value."));
        switch (operator) {
            case "IsNull":
                return value.isNull() == operand.booleanValue();
            case "IsNumeric":
                return value.isNumber() == operand.booleanValue();
            case "IsString":
                return value.isTextual() == operand.booleanValue();
            case "IsBoolean":
                return value.isBoolean() == operand.booleanValue();
            case "IsTimestamp":
                return (value.isTextual() && timestamp(value.textValue()) != null) == operand.booleanValue();
            case "StringMatches":
                return value.isTextual() && wildcardMatches(operand.textValue(), value.textValue());
            default:
                break;
        }
        String comparison = operator.endsWith("Path") ? operator.substring(0, operator.length() - 4) : operator;
        JsonNode expected = operand;
        if (operator.endsWith("Path")) {
            expected = read(operand.textValue(), input, context).orElseThrow(() -> AslError.runtime(
                    "Invalid path '" + operand.textValue()
                            + "': The choice state's condition path references an invalid value."));
        }
        return compare(comparison, value, expected);
    }

    private static Optional<JsonNode> read(String path, JsonNode input, ContextObject context) {
        return context == null ? JsonPaths.read(input, path) : JsonPaths.resolve(path, input, context);
    }

    private static boolean compare(String comparison, JsonNode value, JsonNode expected) {
        if (comparison.startsWith("String")) {
            if (!value.isTextual() || !expected.isTextual()) {
                return false;
            }
            return ordered(comparison.substring("String".length()),
                    value.textValue().compareTo(expected.textValue()));
        }
        if (comparison.startsWith("Numeric")) {
            if (!value.isNumber() || !expected.isNumber()) {
                return false;
            }
            return ordered(comparison.substring("Numeric".length()),
                    value.decimalValue().compareTo(expected.decimalValue()));
        }
        if (comparison.equals("BooleanEquals")) {
            return value.isBoolean() && expected.isBoolean() && value.booleanValue() == expected.booleanValue();
        }
        Instant left = value.isTextual() ? timestamp(value.textValue()) : null;
        Instant right = expected.isTextual() ? timestamp(expected.textValue()) : null;
        if (left == null || right == null) {
            return false;
        }
        return ordered(comparison.substring("Timestamp".length()), left.compareTo(right));
    }

    private static boolean ordered(String relation, int order) {
        switch (relation) {
            case "Equals":
                return order == 0;
            case "LessThan":
                return order < 0;
            case "GreaterThan":
                return order > 0;
            case "LessThanEquals":
                return order <= 0;
            case "GreaterThanEquals":
                return order >= 0;
            default:
                throw new IllegalStateException(relation);
        }
    }

    static Instant timestamp(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static boolean wildcardMatches(String pattern, String value) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '*') {
                regex.append(".*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return value.matches(regex.toString());
    }

    private static String operatorOf(JsonNode rule) {
        List<String> operators = new ArrayList<>();
        Iterator<String> names = rule.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            String base = name.endsWith("Path") ? name.substring(0, name.length() - 4) : name;
            if (COMPARISONS.contains(base) || TESTS.contains(name)) {
                operators.add(name);
            }
        }
        if (operators.size() != 1) {
            throw new InvalidDefinitionException("A Choice rule must have exactly one comparison operator, found "
                    + operators + " in " + Json.write(rule));
        }
        return operators.get(0);
    }

    /** Checks a rule at definition time; {@code topLevel} rules need a Next. */
    public static void check(JsonNode rule, String stateName, boolean topLevel) {
        if (!rule.isObject()) {
            throw new InvalidDefinitionException("Choice rules of state '" + stateName + "' must be objects");
        }
        if (topLevel && !rule.path("Next").isTextual()) {
            throw new InvalidDefinitionException("Choice rule of state '" + stateName + "' has no Next: "
                    + Json.write(rule));
        }
        if (rule.has("And") || rule.has("Or")) {
            JsonNode inner = rule.has("And") ? rule.get("And") : rule.get("Or");
            if (!inner.isArray() || inner.isEmpty()) {
                throw new InvalidDefinitionException("And/Or of state '" + stateName + "' must be a non-empty array");
            }
            inner.forEach(r -> check(r, stateName, false));
            return;
        }
        if (rule.has("Not")) {
            check(rule.get("Not"), stateName, false);
            return;
        }
        if (rule.has("Condition")) {
            throw new InvalidDefinitionException("Unsupported feature: JSONata 'Condition' in Choice state '"
                    + stateName + "'");
        }
        if (!rule.path("Variable").isTextual()) {
            throw new InvalidDefinitionException("Choice rule of state '" + stateName + "' has no Variable: "
                    + Json.write(rule));
        }
        JsonPaths.checkReadPath(rule.get("Variable").textValue(), "Variable", false);
        String operator = operatorOf(rule);
        JsonNode operand = rule.get(operator);
        if (operator.endsWith("Path") && !operator.equals("IsPresent")) {
            if (!operand.isTextual()) {
                throw new InvalidDefinitionException(operator + " of state '" + stateName + "' must be a path");
            }
            JsonPaths.checkReadPath(operand.textValue(), operator, false);
        } else if (operator.startsWith("Is") || operator.equals("BooleanEquals")) {
            if (!operand.isBoolean()) {
                throw new InvalidDefinitionException(operator + " of state '" + stateName + "' must be a boolean");
            }
        } else if (operator.startsWith("Numeric")) {
            if (!operand.isNumber()) {
                throw new InvalidDefinitionException(operator + " of state '" + stateName + "' must be a number");
            }
        } else if (!operand.isTextual()) {
            throw new InvalidDefinitionException(operator + " of state '" + stateName + "' must be a string");
        } else if (operator.startsWith("Timestamp") && timestamp(operand.textValue()) == null) {
            throw new InvalidDefinitionException(operator + " of state '" + stateName
                    + "' must be an RFC 3339 timestamp");
        }
    }
}
