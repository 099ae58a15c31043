package dev.pms.devstack.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Checks a definition at CreateStateMachine / UpdateStateMachine; anything this engine cannot run is refused.
 * Each state is checked against the fields of its query language: JSONPath (InputPath, Parameters,
 * ResultSelector, ResultPath, OutputPath, {@code *Path}) or JSONata (Arguments, Output, {@code {% %}} values,
 * Items, Condition). Both have Assign. Every JSONata expression is compiled here, so an expression JSONata
 * cannot parse is refused, as on AWS.
 */
public final class DefinitionValidator {

    private static final Set<String> COMMON = Set.of("Type", "Comment", "QueryLanguage");
    private static final Set<String> FLOW = Set.of("Next", "End");
    private static final Set<String> IO = Set.of("InputPath", "OutputPath");
    private static final Set<String> RESULT = Set.of("ResultPath", "Parameters");
    private static final Set<String> ERRORS = Set.of("Retry", "Catch");
    private static final Set<String> TASK = Set.of("Resource", "TimeoutSeconds", "HeartbeatSeconds");
    private static final Set<String> MAP = Set.of("ItemProcessor", "Iterator", "ItemSelector", "MaxConcurrency",
            "ToleratedFailureCount", "ToleratedFailurePercentage", "Label");
    private static final Map<String, Set<String>> JSONPATH_FIELDS = Map.of(
            "Pass", union(COMMON, FLOW, IO, RESULT, Set.of("Result", "Assign")),
            "Task", union(COMMON, FLOW, IO, RESULT, ERRORS, TASK, Set.of("ResultSelector", "TimeoutSecondsPath",
                    "HeartbeatSecondsPath", "Assign")),
            "Choice", union(COMMON, IO, Set.of("Choices", "Default", "Assign")),
            "Wait", union(COMMON, FLOW, IO, Set.of("Seconds", "Timestamp", "SecondsPath", "TimestampPath",
                    "Assign")),
            "Succeed", union(COMMON, IO),
            "Fail", union(COMMON, Set.of("Error", "Cause", "ErrorPath", "CausePath")),
            "Parallel", union(COMMON, FLOW, IO, RESULT, ERRORS, Set.of("Branches", "ResultSelector", "Assign")),
            "Map", union(COMMON, FLOW, IO, RESULT, ERRORS, MAP, Set.of("ItemsPath", "ResultSelector",
                    "MaxConcurrencyPath", "Assign")));
    private static final Map<String, Set<String>> JSONATA_FIELDS = Map.of(
            "Pass", union(COMMON, FLOW, Set.of("Output", "Assign")),
            "Task", union(COMMON, FLOW, ERRORS, TASK, Set.of("Arguments", "Output", "Assign")),
            "Choice", union(COMMON, Set.of("Choices", "Default", "Output", "Assign")),
            "Wait", union(COMMON, FLOW, Set.of("Seconds", "Timestamp", "Output", "Assign")),
            "Succeed", union(COMMON, Set.of("Output")),
            "Fail", union(COMMON, Set.of("Error", "Cause")),
            "Parallel", union(COMMON, FLOW, ERRORS, Set.of("Branches", "Arguments", "Output", "Assign")),
            "Map", union(COMMON, FLOW, ERRORS, MAP, Set.of("Items", "Output", "Assign")));
    /** Fields of the other language: naming the language in the refusal helps more than "not supported". */
    private static final Set<String> JSONPATH_ONLY = Set.of("InputPath", "OutputPath", "Parameters", "ResultPath",
            "ResultSelector", "Result", "ItemsPath", "SecondsPath", "TimestampPath", "TimeoutSecondsPath",
            "HeartbeatSecondsPath", "MaxConcurrencyPath", "ErrorPath", "CausePath");
    private static final Set<String> JSONATA_ONLY = Set.of("Arguments", "Output", "Items");
    private static final Set<String> UNSUPPORTED_FEATURES = Set.of("ItemReader", "ItemBatcher", "ResultWriter",
            "Credentials", "ToleratedFailureCountPath", "ToleratedFailurePercentagePath");
    private static final Set<String> RETRY_FIELDS = Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts",
            "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment");
    private static final Set<String> JSONPATH_CATCH_FIELDS = Set.of("ErrorEquals", "Next", "ResultPath", "Assign",
            "Comment");
    private static final Set<String> JSONATA_CATCH_FIELDS = Set.of("ErrorEquals", "Next", "Output", "Assign",
            "Comment");
    /** AWS: "SCHEMA_VALIDATION_FAILED: Maximum value is 99999999 at /States/Wait/Seconds". */
    private static final long MAX_WAIT_SECONDS = 99_999_999L;

    private DefinitionValidator() {
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }

    /** Parses and checks; returns the definition as JSON. */
    public static JsonNode parseAndCheck(String definitionText) {
        JsonNode definition;
        try {
            definition = Json.parse(definitionText);
        } catch (IllegalArgumentException e) {
            throw new InvalidDefinitionException("Invalid State Machine Definition: 'MALFORMED_JSON: "
                    + e.getMessage() + "'");
        }
        if (!definition.isObject()) {
            throw new InvalidDefinitionException("Invalid State Machine Definition: the definition is not an object");
        }
        boolean jsonata = language(definition.get("QueryLanguage"), "the state machine");
        if (definition.has("TimeoutSeconds") && !definition.get("TimeoutSeconds").canConvertToInt()) {
            throw new InvalidDefinitionException("Top-level TimeoutSeconds must be a positive integer");
        }
        checkStates(definition, "the state machine", jsonata);
        return definition;
    }

    /** True for JSONata; refuses a language other than JSONPath and JSONata. */
    private static boolean language(JsonNode value, String where) {
        if (value == null) {
            return false;
        }
        if (!value.isTextual() || !Set.of("JSONPath", "JSONata").contains(value.textValue())) {
            throw new InvalidDefinitionException("SCHEMA_VALIDATION_FAILED: QueryLanguage of " + where
                    + " must be JSONPath or JSONata, got " + value);
        }
        return value.textValue().equals("JSONata");
    }

    private static void checkStates(JsonNode machine, String where, boolean machineJsonata) {
        JsonNode startAt = machine.get("StartAt");
        JsonNode states = machine.get("States");
        if (startAt == null || !startAt.isTextual()) {
            throw new InvalidDefinitionException("SCHEMA_VALIDATION_FAILED: StartAt is missing in " + where);
        }
        if (states == null || !states.isObject() || states.isEmpty()) {
            throw new InvalidDefinitionException("SCHEMA_VALIDATION_FAILED: States is missing or empty in " + where);
        }
        if (!states.has(startAt.textValue())) {
            throw new InvalidDefinitionException("MISSING_TRANSITION_TARGET: StartAt '" + startAt.textValue()
                    + "' is not a state of " + where);
        }
        Iterator<Map.Entry<String, JsonNode>> entries = states.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            checkState(entry.getKey(), entry.getValue(), states, machineJsonata);
        }
    }

    private static void checkState(String name, JsonNode state, JsonNode siblings, boolean machineJsonata) {
        if (name.isEmpty() || name.length() > 80) {
            throw new InvalidDefinitionException("State names must be 1 to 80 characters: '" + name + "'");
        }
        if (!state.isObject() || !state.path("Type").isTextual()) {
            throw new InvalidDefinitionException("SCHEMA_VALIDATION_FAILED: state '" + name + "' has no Type");
        }
        String type = state.get("Type").textValue();
        boolean jsonata = state.has("QueryLanguage") ? language(state.get("QueryLanguage"), "state '" + name + "'")
                : machineJsonata;
        if (machineJsonata && !jsonata) {
            throw new InvalidDefinitionException("SCHEMA_VALIDATION_FAILED: state '" + name + "' cannot use JSONPath "
                    + "in a state machine whose QueryLanguage is JSONata");
        }
        Set<String> allowed = (jsonata ? JSONATA_FIELDS : JSONPATH_FIELDS).get(type);
        if (allowed == null) {
            throw new InvalidDefinitionException("SCHEMA_VALIDATION_FAILED: unknown Type '" + type + "' of state '"
                    + name + "'");
        }
        Iterator<String> fieldNames = state.fieldNames();
        while (fieldNames.hasNext()) {
            String field = fieldNames.next();
            if (UNSUPPORTED_FEATURES.contains(field)) {
                throw new InvalidDefinitionException("Unsupported feature: field '" + field + "' in state '" + name
                        + "' is not supported by the devstack Step Functions engine");
            }
            if (!allowed.contains(field)) {
                String hint = jsonata && JSONPATH_ONLY.contains(field) ? " (a JSONPath field; this state uses JSONata)"
                        : !jsonata && JSONATA_ONLY.contains(field) ? " (a JSONata field; set QueryLanguage to JSONata)"
                        : "";
                throw new InvalidDefinitionException("SCHEMA_VALIDATION_FAILED: Field '" + field
                        + "' is not supported by state type " + type + " (state '" + name + "')" + hint);
            }
        }
        if (allowed.contains("Next")) {
            boolean hasNext = state.has("Next");
            boolean end = state.path("End").asBoolean(false);
            if (hasNext == end) {
                throw new InvalidDefinitionException("SCHEMA_VALIDATION_FAILED: state '" + name
                        + "' must have exactly one of Next or End: true");
            }
            if (hasNext) {
                target(state.get("Next"), siblings, name);
            }
        }
        if (jsonata) {
            checkJsonataFields(name, state);
        } else {
            checkJsonPathFields(state);
        }
        checkAssign(state.get("Assign"), jsonata, "Assign");
        checkErrorHandling(name, state, siblings, jsonata);
        switch (type) {
            case "Task" -> checkTask(name, state, jsonata);
            case "Choice" -> checkChoice(name, state, siblings, jsonata);
            case "Wait" -> checkWait(name, state, jsonata);
            case "Fail" -> checkFail(name, state, jsonata);
            case "Parallel" -> checkParallel(name, state, machineJsonata);
            case "Map" -> checkMap(name, state, jsonata, machineJsonata);
            default -> {
            }
        }
    }

    private static void checkJsonPathFields(JsonNode state) {
        for (String pathField : new String[]{"InputPath", "OutputPath"}) {
            JsonNode path = state.get(pathField);
            if (path != null && !path.isNull()) {
                JsonPaths.checkReadPath(path.asText(), pathField, false);
            }
        }
        JsonNode resultPath = state.get("ResultPath");
        if (resultPath != null && !resultPath.isNull()) {
            JsonPaths.checkSyntax(resultPath.asText(), "ResultPath", true);
        }
        for (String templateField : new String[]{"Parameters", "ResultSelector", "ItemSelector"}) {
            if (state.has(templateField)) {
                PayloadTemplate.check(state.get(templateField), templateField);
            }
        }
        for (String pathField : new String[]{"TimeoutSecondsPath", "HeartbeatSecondsPath", "ItemsPath",
                "MaxConcurrencyPath", "SecondsPath", "TimestampPath"}) {
            if (state.has(pathField)) {
                JsonPaths.checkReadPath(state.get(pathField).asText(), pathField, true);
            }
        }
    }

    /** Compiles every {@code {% %}} value of the JSONata fields. */
    private static void checkJsonataFields(String name, JsonNode state) {
        for (String field : new String[]{"Arguments", "Output", "Items", "ItemSelector", "TimeoutSeconds",
                "HeartbeatSeconds", "Seconds", "Timestamp", "MaxConcurrency", "ToleratedFailureCount",
                "ToleratedFailurePercentage", "Error", "Cause"}) {
            if (state.has(field)) {
                checkJsonataTemplate(state.get(field), field);
            }
        }
        JsonNode items = state.get("Items");
        if (items != null && !items.isArray() && !JsonataExpressions.isExpression(items)) {
            throw new InvalidDefinitionException("SCHEMA_VALIDATION_FAILED: Items of Map state '" + name
                    + "' must be an array or a JSONata expression");
        }
    }

    static void checkJsonataTemplate(JsonNode template, String field) {
        if (template.isTextual()) {
            if (JsonataExpressions.isExpression(template.textValue())) {
                JsonataExpressions.compile(template.textValue(), field);
            }
        } else if (template.isObject()) {
            template.fields().forEachRemaining(entry -> checkJsonataTemplate(entry.getValue(),
                    field + "/" + entry.getKey()));
        } else if (template.isArray()) {
            for (int i = 0; i < template.size(); i++) {
                checkJsonataTemplate(template.get(i), field + "[" + i + "]");
            }
        }
    }

    /** Assign: an object of variable names; values are templates (JSONPath {@code name.$}) or JSONata values. */
    private static void checkAssign(JsonNode assign, boolean jsonata, String field) {
        if (assign == null) {
            return;
        }
        if (!assign.isObject()) {
            throw new InvalidDefinitionException("SCHEMA_VALIDATION_FAILED: " + field + " must be an object");
        }
        Iterator<Map.Entry<String, JsonNode>> variables = assign.fields();
        while (variables.hasNext()) {
            Map.Entry<String, JsonNode> variable = variables.next();
            String variableName = !jsonata && variable.getKey().endsWith(".$")
                    ? variable.getKey().substring(0, variable.getKey().length() - 2) : variable.getKey();
            if (!Variables.isValidName(variableName)) {
                throw new InvalidDefinitionException("SCHEMA_VALIDATION_FAILED: '" + variableName + "' in " + field
                        + " is not a valid variable name (letters, digits and underscores, not starting with a "
                        + "digit, at most " + Variables.MAX_NAME_LENGTH + " characters, not 'states')");
            }
            if (jsonata) {
                checkJsonataTemplate(variable.getValue(), field + "/" + variable.getKey());
            }
        }
        if (!jsonata) {
            PayloadTemplate.check(assign, field);
        }
    }

    private static void target(JsonNode next, JsonNode siblings, String from) {
        if (next == null || !next.isTextual() || !siblings.has(next.textValue())) {
            throw new InvalidDefinitionException("MISSING_TRANSITION_TARGET: Missing 'Next' target: "
                    + (next == null ? null : next.asText()) + " (from state '" + from + "')");
        }
    }

    private static void checkErrorHandling(String name, JsonNode state, JsonNode siblings, boolean jsonata) {
        for (String field : new String[]{"Retry", "Catch"}) {
            JsonNode handlers = state.get(field);
            if (handlers == null) {
                continue;
            }
            if (!handlers.isArray()) {
                throw new InvalidDefinitionException(field + " of state '" + name + "' must be an array");
            }
            Set<String> allowed = field.equals("Retry") ? RETRY_FIELDS
                    : jsonata ? JSONATA_CATCH_FIELDS : JSONPATH_CATCH_FIELDS;
            for (int i = 0; i < handlers.size(); i++) {
                JsonNode handler = handlers.get(i);
                handler.fieldNames().forEachRemaining(f -> {
                    if (!allowed.contains(f)) {
                        throw new InvalidDefinitionException("SCHEMA_VALIDATION_FAILED: Field '" + f
                                + "' is not supported in " + field + " of state '" + name + "'");
                    }
                });
                JsonNode errors = handler.get("ErrorEquals");
                if (errors == null || !errors.isArray() || errors.isEmpty()) {
                    throw new InvalidDefinitionException(field + " of state '" + name + "' needs ErrorEquals");
                }
                for (JsonNode error : errors) {
                    if (AslError.ALL.equals(error.asText()) && (errors.size() > 1 || i != handlers.size() - 1)) {
                        throw new InvalidDefinitionException("States.ALL must appear alone in the last " + field
                                + " of state '" + name + "'");
                    }
                }
                if (field.equals("Catch")) {
                    checkCatcher(name, handler, i, siblings, jsonata);
                } else {
                    checkRetrier(name, handler);
                }
            }
        }
    }

    private static void checkCatcher(String name, JsonNode catcher, int index, JsonNode siblings, boolean jsonata) {
        target(catcher.get("Next"), siblings, name);
        String prefix = "Catch[" + index + "]/";
        if (jsonata) {
            if (catcher.has("Output")) {
                checkJsonataTemplate(catcher.get("Output"), prefix + "Output");
            }
        } else {
            JsonNode resultPath = catcher.get("ResultPath");
            if (resultPath != null && !resultPath.isNull()) {
                JsonPaths.checkSyntax(resultPath.asText(), "ResultPath", true);
            }
        }
        checkAssign(catcher.get("Assign"), jsonata, prefix + "Assign");
    }

    private static void checkRetrier(String name, JsonNode retrier) {
        JsonNode jitter = retrier.get("JitterStrategy");
        if (jitter != null && !Set.of("FULL", "NONE").contains(jitter.asText())) {
            throw new InvalidDefinitionException("JitterStrategy must be FULL or NONE in state '" + name + "'");
        }
        if (retrier.has("BackoffRate") && retrier.get("BackoffRate").asDouble() < 1.0) {
            throw new InvalidDefinitionException("BackoffRate must be at least 1.0 in state '" + name + "'");
        }
    }

    private static void checkTask(String name, JsonNode state, boolean jsonata) {
        JsonNode resource = state.get("Resource");
        if (resource == null || !resource.isTextual()) {
            throw new InvalidDefinitionException("Task state '" + name + "' has no Resource");
        }
        TaskResource parsed = TaskResource.parse(resource.textValue());
        if (parsed == null) {
            throw new InvalidDefinitionException("Unsupported feature: Resource '" + resource.textValue()
                    + "' of state '" + name + "'. Supported: arn:aws:states:::lambda:invoke[.waitForTaskToken], "
                    + "Lambda function ARNs, arn:aws:states:::sqs:sendMessage[.waitForTaskToken], "
                    + "arn:aws:states:::states:startExecution[.sync|.sync:2|.waitForTaskToken]");
        }
        String argumentsField = jsonata ? "Arguments" : "Parameters";
        JsonNode arguments = state.path(argumentsField);
        String token = jsonata ? "$states.context.Task.Token" : "$$.Task.Token";
        if (parsed.waitForTaskToken() && !Json.write(arguments).contains(token)) {
            throw new InvalidDefinitionException("The field '" + argumentsField + "' of state '" + name
                    + "' must pass " + token + " for a .waitForTaskToken resource");
        }
        String required = switch (parsed.integration()) {
            case LAMBDA_INVOKE -> "FunctionName";
            case SQS_SEND -> "QueueUrl";
            case START_EXECUTION -> "StateMachineArn";
            case LAMBDA_FUNCTION -> null;
        };
        if (required != null && !arguments.has(required) && !arguments.has(required + ".$")
                && !JsonataExpressions.isExpression(arguments)) {
            throw new InvalidDefinitionException("The field '" + required + "' is required in " + argumentsField
                    + " of state '" + name + "'");
        }
        for (String field : new String[]{"TimeoutSeconds", "HeartbeatSeconds"}) {
            JsonNode value = state.get(field);
            if (value != null && !(jsonata && JsonataExpressions.isExpression(value))
                    && (!value.canConvertToInt() || value.asInt() <= 0)) {
                throw new InvalidDefinitionException(field + " of state '" + name + "' must be a positive integer");
            }
        }
        if (state.path("TimeoutSeconds").isIntegralNumber() && state.path("HeartbeatSeconds").isIntegralNumber()
                && state.get("HeartbeatSeconds").asInt() >= state.get("TimeoutSeconds").asInt()) {
            throw new InvalidDefinitionException("HeartbeatSeconds must be smaller than TimeoutSeconds in state '"
                    + name + "'");
        }
    }

    private static void checkChoice(String name, JsonNode state, JsonNode siblings, boolean jsonata) {
        JsonNode choices = state.get("Choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            throw new InvalidDefinitionException("Choice state '" + name + "' needs a non-empty Choices array");
        }
        for (int i = 0; i < choices.size(); i++) {
            JsonNode rule = choices.get(i);
            String prefix = "Choices[" + i + "]/";
            if (jsonata) {
                checkJsonataRule(name, rule, prefix);
            } else {
                ChoiceRules.check(rule, name, true);
            }
            target(rule.get("Next"), siblings, name);
            checkAssign(rule.get("Assign"), jsonata, prefix + "Assign");
        }
        if (state.has("Default")) {
            target(state.get("Default"), siblings, name);
        }
    }

    private static void checkJsonataRule(String name, JsonNode rule, String prefix) {
        if (!rule.isObject()) {
            throw new InvalidDefinitionException("Choice rules of state '" + name + "' must be objects");
        }
        rule.fieldNames().forEachRemaining(field -> {
            if (!Set.of("Condition", "Next", "Assign", "Output", "Comment").contains(field)) {
                throw new InvalidDefinitionException("SCHEMA_VALIDATION_FAILED: Field '" + field + "' is not "
                        + "supported in a Choice rule of the JSONata state '" + name + "' (use Condition)");
            }
        });
        JsonNode condition = rule.get("Condition");
        if (condition == null || !(condition.isBoolean() || JsonataExpressions.isExpression(condition))) {
            throw new InvalidDefinitionException("SCHEMA_VALIDATION_FAILED: a Choice rule of the JSONata state '"
                    + name + "' needs a Condition ({% … %})");
        }
        checkJsonataTemplate(condition, prefix + "Condition");
        if (rule.has("Output")) {
            checkJsonataTemplate(rule.get("Output"), prefix + "Output");
        }
    }

    private static void checkWait(String name, JsonNode state, boolean jsonata) {
        int count = 0;
        for (String field : new String[]{"Seconds", "Timestamp", "SecondsPath", "TimestampPath"}) {
            if (state.has(field)) {
                count++;
            }
        }
        if (count != 1) {
            throw new InvalidDefinitionException("Wait state '" + name
                    + "' needs exactly one of Seconds, Timestamp, SecondsPath, TimestampPath");
        }
        JsonNode seconds = state.get("Seconds");
        if (seconds != null && !(jsonata && JsonataExpressions.isExpression(seconds))) {
            if (!seconds.canConvertToLong() || seconds.asLong() < 0) {
                throw new InvalidDefinitionException("Seconds of Wait state '" + name
                        + "' must be a non-negative integer");
            }
            if (seconds.asLong() > MAX_WAIT_SECONDS) {
                throw new InvalidDefinitionException("SCHEMA_VALIDATION_FAILED: Maximum value is " + MAX_WAIT_SECONDS
                        + " at /States/" + name + "/Seconds");
            }
        }
        JsonNode timestamp = state.get("Timestamp");
        if (timestamp != null && !(jsonata && JsonataExpressions.isExpression(timestamp))
                && ChoiceRules.timestamp(timestamp.asText()) == null) {
            throw new InvalidDefinitionException("Timestamp of Wait state '" + name + "' must be RFC 3339");
        }
    }

    private static void checkFail(String name, JsonNode state, boolean jsonata) {
        if (state.has("Error") && state.has("ErrorPath") || state.has("Cause") && state.has("CausePath")) {
            throw new InvalidDefinitionException("Fail state '" + name
                    + "' may have Error or ErrorPath, Cause or CausePath, not both");
        }
        if (jsonata) {
            return;
        }
        for (String field : new String[]{"ErrorPath", "CausePath"}) {
            if (state.has(field)) {
                String value = state.get(field).asText();
                if (value.startsWith("$")) {
                    JsonPaths.checkReadPath(value, field, false);
                } else {
                    IntrinsicFunctions.check(value, field);
                }
            }
        }
    }

    /** The states of a branch or an item processor inherit the machine's QueryLanguage, as top-level ones do. */
    private static void checkParallel(String name, JsonNode state, boolean machineJsonata) {
        JsonNode branches = state.get("Branches");
        if (branches == null || !branches.isArray() || branches.isEmpty()) {
            throw new InvalidDefinitionException("Parallel state '" + name + "' needs a non-empty Branches array");
        }
        for (JsonNode branch : branches) {
            checkStates(branch, "a branch of Parallel state '" + name + "'", machineJsonata);
        }
    }

    private static void checkMap(String name, JsonNode state, boolean jsonata, boolean machineJsonata) {
        JsonNode processor = state.has("ItemProcessor") ? state.get("ItemProcessor") : state.get("Iterator");
        if (processor == null || state.has("ItemProcessor") && state.has("Iterator")) {
            throw new InvalidDefinitionException("Map state '" + name + "' needs exactly one of ItemProcessor or "
                    + "Iterator");
        }
        JsonNode config = processor.path("ProcessorConfig");
        if (!config.isMissingNode() && config.has("Mode") && !"INLINE".equals(config.get("Mode").asText())) {
            throw new InvalidDefinitionException("Unsupported feature: Map ProcessorConfig Mode "
                    + config.get("Mode").asText() + " in state '" + name + "' (only INLINE is supported)");
        }
        if (state.has("ItemSelector") && state.has("Parameters")) {
            throw new InvalidDefinitionException("Map state '" + name
                    + "' may not have both ItemSelector and Parameters");
        }
        JsonNode maxConcurrency = state.get("MaxConcurrency");
        if (maxConcurrency != null && !(jsonata && JsonataExpressions.isExpression(maxConcurrency))
                && (!maxConcurrency.canConvertToInt() || maxConcurrency.asInt() < 0)) {
            throw new InvalidDefinitionException("MaxConcurrency of state '" + name
                    + "' must be a non-negative integer");
        }
        if (state.has("MaxConcurrency") && state.has("MaxConcurrencyPath")) {
            throw new InvalidDefinitionException("Map state '" + name
                    + "' may not have both MaxConcurrency and MaxConcurrencyPath");
        }
        checkStates(processor, "the ItemProcessor of Map state '" + name + "'", machineJsonata);
    }
}
