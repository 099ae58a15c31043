package dev.pms.devstack.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** Checks a definition at CreateStateMachine / UpdateStateMachine; anything this engine cannot run is refused. */
public final class DefinitionValidator {

    private static final Set<String> COMMON = Set.of("Type", "Comment");
    private static final Set<String> FLOW = Set.of("Next", "End");
    private static final Set<String> IO = Set.of("InputPath", "OutputPath");
    private static final Set<String> RESULT = Set.of("ResultPath", "Parameters");
    private static final Set<String> ERRORS = Set.of("Retry", "Catch", "ResultSelector");
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "Pass", union(COMMON, FLOW, IO, RESULT, Set.of("Result")),
            "Task", union(COMMON, FLOW, IO, RESULT, ERRORS, Set.of("Resource", "TimeoutSeconds",
                    "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath")),
            "Choice", union(COMMON, IO, Set.of("Choices", "Default")),
            "Wait", union(COMMON, FLOW, IO, Set.of("Seconds", "Timestamp", "SecondsPath", "TimestampPath")),
            "Succeed", union(COMMON, IO),
            "Fail", union(COMMON, Set.of("Error", "Cause", "ErrorPath", "CausePath")),
            "Parallel", union(COMMON, FLOW, IO, RESULT, ERRORS, Set.of("Branches")),
            "Map", union(COMMON, FLOW, IO, RESULT, ERRORS, Set.of("ItemProcessor", "Iterator", "ItemsPath",
                    "ItemSelector", "MaxConcurrency", "MaxConcurrencyPath", "ToleratedFailureCount",
                    "ToleratedFailurePercentage", "Label")));
    private static final Set<String> UNSUPPORTED_FEATURES = Set.of("Assign", "Output", "Arguments", "Items",
            "QueryLanguage", "ItemReader", "ItemBatcher", "ResultWriter", "Credentials",
            "ToleratedFailureCountPath", "ToleratedFailurePercentagePath");
    private static final Set<String> RETRY_FIELDS = Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts",
            "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment");
    private static final Set<String> CATCH_FIELDS = Set.of("ErrorEquals", "Next", "ResultPath", "Comment");

    private DefinitionValidator() {
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        java.util.HashSet<String> all = new java.util.HashSet<>();
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
        JsonNode language = definition.get("QueryLanguage");
        if (language != null && !"JSONPath".equals(language.asText())) {
            throw new InvalidDefinitionException("Unsupported feature: QueryLanguage " + language.asText()
                    + " (only JSONPath is supported)");
        }
        for (String field : Set.of("TimeoutSeconds")) {
            if (definition.has(field) && !definition.get(field).canConvertToInt()) {
                throw new InvalidDefinitionException("Top-level " + field + " must be a positive integer");
            }
        }
        checkStates(definition, "the state machine");
        return definition;
    }

    private static void checkStates(JsonNode machine, String where) {
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
            checkState(entry.getKey(), entry.getValue(), states);
        }
    }

    private static void checkState(String name, JsonNode state, JsonNode siblings) {
        if (name.isEmpty() || name.length() > 80) {
            throw new InvalidDefinitionException("State names must be 1 to 80 characters: '" + name + "'");
        }
        if (!state.isObject() || !state.path("Type").isTextual()) {
            throw new InvalidDefinitionException("SCHEMA_VALIDATION_FAILED: state '" + name + "' has no Type");
        }
        String type = state.get("Type").textValue();
        Set<String> allowed = FIELDS.get(type);
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
                throw new InvalidDefinitionException("SCHEMA_VALIDATION_FAILED: Field '" + field
                        + "' is not supported by state type " + type + " (state '" + name + "')");
            }
        }
        if (FIELDS.get(type).contains("Next")) {
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
        for (String pathField : new String[]{"InputPath", "OutputPath"}) {
            JsonNode path = state.get(pathField);
            if (path != null && !path.isNull()) {
                JsonPaths.checkSyntax(path.asText(), pathField, false);
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
        checkErrorHandling(name, state, siblings);
        switch (type) {
            case "Task" -> checkTask(name, state);
            case "Choice" -> checkChoice(name, state, siblings);
            case "Wait" -> checkWait(name, state);
            case "Fail" -> checkFail(name, state);
            case "Parallel" -> checkParallel(name, state);
            case "Map" -> checkMap(name, state);
            default -> {
            }
        }
    }

    private static void target(JsonNode next, JsonNode siblings, String from) {
        if (!next.isTextual() || !siblings.has(next.textValue())) {
            throw new InvalidDefinitionException("MISSING_TRANSITION_TARGET: Missing 'Next' target: "
                    + next.asText() + " (from state '" + from + "')");
        }
    }

    private static void checkErrorHandling(String name, JsonNode state, JsonNode siblings) {
        for (String field : new String[]{"Retry", "Catch"}) {
            JsonNode handlers = state.get(field);
            if (handlers == null) {
                continue;
            }
            if (!handlers.isArray()) {
                throw new InvalidDefinitionException(field + " of state '" + name + "' must be an array");
            }
            Set<String> allowed = field.equals("Retry") ? RETRY_FIELDS : CATCH_FIELDS;
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
                    target(handler.path("Next"), siblings, name);
                    JsonNode resultPath = handler.get("ResultPath");
                    if (resultPath != null && !resultPath.isNull()) {
                        JsonPaths.checkSyntax(resultPath.asText(), "ResultPath", true);
                    }
                } else {
                    JsonNode jitter = handler.get("JitterStrategy");
                    if (jitter != null && !Set.of("FULL", "NONE").contains(jitter.asText())) {
                        throw new InvalidDefinitionException("JitterStrategy must be FULL or NONE in state '"
                                + name + "'");
                    }
                    if (handler.has("BackoffRate") && handler.get("BackoffRate").asDouble() < 1.0) {
                        throw new InvalidDefinitionException("BackoffRate must be at least 1.0 in state '"
                                + name + "'");
                    }
                }
            }
        }
    }

    private static void checkTask(String name, JsonNode state) {
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
        if (parsed.waitForTaskToken() && !Json.write(state.path("Parameters")).contains("$$.Task.Token")) {
            throw new InvalidDefinitionException("The field 'Parameters' of state '" + name
                    + "' must pass $$.Task.Token for a .waitForTaskToken resource");
        }
        if (parsed.integration() == TaskResource.Integration.LAMBDA_INVOKE
                && !state.path("Parameters").has("FunctionName")
                && !state.path("Parameters").has("FunctionName.$")) {
            throw new InvalidDefinitionException("The field 'FunctionName' is required in Parameters of state '"
                    + name + "'");
        }
        if (parsed.integration() == TaskResource.Integration.SQS_SEND
                && !(state.path("Parameters").has("QueueUrl") || state.path("Parameters").has("QueueUrl.$"))) {
            throw new InvalidDefinitionException("The field 'QueueUrl' is required in Parameters of state '"
                    + name + "'");
        }
        if (parsed.integration() == TaskResource.Integration.START_EXECUTION
                && !(state.path("Parameters").has("StateMachineArn")
                || state.path("Parameters").has("StateMachineArn.$"))) {
            throw new InvalidDefinitionException("The field 'StateMachineArn' is required in Parameters of state '"
                    + name + "'");
        }
        for (String field : new String[]{"TimeoutSeconds", "HeartbeatSeconds"}) {
            if (state.has(field) && (!state.get(field).canConvertToInt() || state.get(field).asInt() <= 0)) {
                throw new InvalidDefinitionException(field + " of state '" + name + "' must be a positive integer");
            }
        }
        if (state.has("TimeoutSeconds") && state.has("HeartbeatSeconds")
                && state.get("HeartbeatSeconds").asInt() >= state.get("TimeoutSeconds").asInt()) {
            throw new InvalidDefinitionException("HeartbeatSeconds must be smaller than TimeoutSeconds in state '"
                    + name + "'");
        }
    }

    private static void checkChoice(String name, JsonNode state, JsonNode siblings) {
        JsonNode choices = state.get("Choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            throw new InvalidDefinitionException("Choice state '" + name + "' needs a non-empty Choices array");
        }
        for (JsonNode rule : choices) {
            ChoiceRules.check(rule, name, true);
            target(rule.get("Next"), siblings, name);
        }
        if (state.has("Default")) {
            target(state.get("Default"), siblings, name);
        }
    }

    private static void checkWait(String name, JsonNode state) {
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
        if (state.has("Seconds") && (!state.get("Seconds").canConvertToLong() || state.get("Seconds").asLong() < 0)) {
            throw new InvalidDefinitionException("Seconds of Wait state '" + name + "' must be a non-negative integer");
        }
        if (state.has("Timestamp") && ChoiceRules.timestamp(state.get("Timestamp").asText()) == null) {
            throw new InvalidDefinitionException("Timestamp of Wait state '" + name + "' must be RFC 3339");
        }
        for (String field : new String[]{"SecondsPath", "TimestampPath"}) {
            if (state.has(field)) {
                JsonPaths.checkSyntax(state.get(field).asText(), field, true);
            }
        }
    }

    private static void checkFail(String name, JsonNode state) {
        if (state.has("Error") && state.has("ErrorPath") || state.has("Cause") && state.has("CausePath")) {
            throw new InvalidDefinitionException("Fail state '" + name
                    + "' may have Error or ErrorPath, Cause or CausePath, not both");
        }
        for (String field : new String[]{"ErrorPath", "CausePath"}) {
            if (state.has(field)) {
                String value = state.get(field).asText();
                if (value.startsWith("$") && !value.startsWith("$$")) {
                    JsonPaths.checkSyntax(value, field, false);
                } else if (value.startsWith("$$")) {
                    JsonPaths.checkSyntax(value.substring(1), field, false);
                } else {
                    IntrinsicFunctions.check(value, field);
                }
            }
        }
    }

    private static void checkParallel(String name, JsonNode state) {
        JsonNode branches = state.get("Branches");
        if (branches == null || !branches.isArray() || branches.isEmpty()) {
            throw new InvalidDefinitionException("Parallel state '" + name + "' needs a non-empty Branches array");
        }
        for (JsonNode branch : branches) {
            checkStates(branch, "a branch of Parallel state '" + name + "'");
        }
    }

    private static void checkMap(String name, JsonNode state) {
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
        if (state.has("ItemsPath")) {
            JsonPaths.checkSyntax(state.get("ItemsPath").asText(), "ItemsPath", true);
        }
        if (state.has("MaxConcurrency") && (!state.get("MaxConcurrency").canConvertToInt()
                || state.get("MaxConcurrency").asInt() < 0)) {
            throw new InvalidDefinitionException("MaxConcurrency of state '" + name
                    + "' must be a non-negative integer");
        }
        if (state.has("MaxConcurrency") && state.has("MaxConcurrencyPath")) {
            throw new InvalidDefinitionException("Map state '" + name
                    + "' may not have both MaxConcurrency and MaxConcurrencyPath");
        }
        if (state.has("MaxConcurrencyPath")) {
            JsonPaths.checkSyntax(state.get("MaxConcurrencyPath").asText(), "MaxConcurrencyPath", true);
        }
        checkStates(processor, "the ItemProcessor of Map state '" + name + "'");
    }
}
