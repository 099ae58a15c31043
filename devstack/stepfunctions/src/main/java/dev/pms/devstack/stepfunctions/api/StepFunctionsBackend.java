package dev.pms.devstack.stepfunctions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pms.devstack.stepfunctions.TaskRuntime;
import dev.pms.devstack.stepfunctions.asl.ApiError;
import dev.pms.devstack.stepfunctions.asl.DefinitionValidator;
import dev.pms.devstack.stepfunctions.asl.ExecutionJournal;
import dev.pms.devstack.stepfunctions.asl.ExecutionRecord;
import dev.pms.devstack.stepfunctions.asl.InvalidDefinitionException;
import dev.pms.devstack.stepfunctions.asl.Json;
import dev.pms.devstack.stepfunctions.asl.NestedExecutions;
import dev.pms.devstack.stepfunctions.asl.PayloadLimits;
import dev.pms.devstack.stepfunctions.asl.StepFunctionsEngine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.Collections;

/** The Step Functions API actions, on JSON requests and responses as the JSON 1.0 protocol carries them. */
public final class StepFunctionsBackend implements AutoCloseable {

    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "000000000000";

    /**
     * AWS: 1 to 80 characters; none of white space, {@code < > { } [ ]}, {@code ? *},
     * {@code " # % \ ^ | ~ ` $ & , ; : /}, or control characters (U+0000-001F, U+007F-009F). Dots are fine.
     */
    private static final Pattern NAME = Pattern.compile(
            "[^\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\x00-\\x1F\\x7F-\\x9F]{1,80}");
    private static final Pattern STATE_MACHINE_ARN =
            Pattern.compile("arn:aws[a-z-]*:states:[a-z0-9-]+:[0-9]{12}:stateMachine:[^:]+");
    private static final Pattern EXECUTION_ARN =
            Pattern.compile("arn:aws[a-z-]*:states:[a-z0-9-]+:[0-9]{12}:execution:[^:]+:[^:]+");

    private final StepFunctionsEngine engine;
    private final Persistence persistence;
    private final Map<String, StateMachine> machines = new ConcurrentHashMap<>();
    private final Map<String, ExecutionRecord> executions = new ConcurrentHashMap<>();
    private final Map<String, ExecutionJournal> journals = new ConcurrentHashMap<>();

    public StepFunctionsBackend(TaskRuntime runtime, Path dataDirOrNull) {
        this.engine = new StepFunctionsEngine(runtime, REGION);
        this.persistence = dataDirOrNull == null ? null : new Persistence(dataDirOrNull);
        engine.onEnded(record -> {
            journals.remove(record.executionArn());
            if (persistence != null) {
                persistence.saveExecution(record, new ExecutionJournal(false));
            }
        });
        engine.nestedExecutions(new NestedExecutions() {
            @Override
            public ExecutionRecord start(String stateMachineArn, String nameOrNull, String inputJson) {
                ObjectNode request = Json.object();
                request.put("stateMachineArn", stateMachineArn);
                if (nameOrNull != null) {
                    request.put("name", nameOrNull);
                }
                request.put("input", inputJson);
                String executionArn = startExecution(request).get("executionArn").textValue();
                return executions.get(executionArn);
            }

            @Override
            public void stop(String executionArn, String error, String cause) {
                engine.stop(executionArn, error, cause);
            }
        });
        if (persistence != null) {
            recover();
        }
    }

    /** Dispatches one API action. */
    public JsonNode handle(String action, JsonNode request) {
        return switch (action) {
            case "CreateStateMachine" -> createStateMachine(request);
            case "UpdateStateMachine" -> updateStateMachine(request);
            case "DescribeStateMachine" -> describeStateMachine(request);
            case "ListStateMachines" -> listStateMachines(request);
            case "DeleteStateMachine" -> deleteStateMachine(request);
            case "StartExecution" -> startExecution(request);
            case "DescribeExecution" -> describeExecution(request);
            case "DescribeStateMachineForExecution" -> describeStateMachineForExecution(request);
            case "ListExecutions" -> listExecutions(request);
            case "StopExecution" -> stopExecution(request);
            case "GetExecutionHistory" -> getExecutionHistory(request);
            case "SendTaskSuccess" -> sendTaskSuccess(request);
            case "SendTaskFailure" -> sendTaskFailure(request);
            case "SendTaskHeartbeat" -> sendTaskHeartbeat(request);
            case "ListTagsForResource" -> listTagsForResource(request);
            default -> throw new ApiError("UnknownOperationException", "Unsupported action: " + action);
        };
    }

    /** Creates the state machine, or updates it when one of that name exists; returns its ARN. */
    public String deploy(String name, String definition, String roleArn) {
        String arn = stateMachineArn(name);
        StateMachine existing = machines.get(arn);
        if (existing == null) {
            ObjectNode request = Json.object();
            request.put("name", name);
            request.put("definition", definition);
            request.put("roleArn", roleArn);
            return createStateMachine(request).get("stateMachineArn").textValue();
        }
        ObjectNode request = Json.object();
        request.put("stateMachineArn", arn);
        request.put("definition", definition);
        request.put("roleArn", roleArn);
        updateStateMachine(request);
        return arn;
    }

    public static String stateMachineArn(String name) {
        return "arn:aws:states:" + REGION + ":" + ACCOUNT + ":stateMachine:" + name;
    }

    /** The execution record, for in-process callers (tests, benchmark). */
    public Optional<ExecutionRecord> execution(String executionArn) {
        return Optional.ofNullable(executions.get(executionArn));
    }

    private JsonNode createStateMachine(JsonNode request) {
        String name = required(request, "name");
        if (!NAME.matcher(name).matches()) {
            throw new ApiError("InvalidName", "Invalid Name: '" + name + "'");
        }
        String definitionText = required(request, "definition");
        String roleArn = required(request, "roleArn");
        String type = request.path("type").asText("STANDARD");
        JsonNode definition = validate(definitionText);
        String arn = stateMachineArn(name);
        StateMachine created = new StateMachine(arn, name, type, Instant.now(), definitionText, definition, roleArn);
        StateMachine existing = machines.putIfAbsent(arn, created);
        if (existing != null) {
            if (existing.definitionText.equals(definitionText) && existing.roleArn.equals(roleArn)) {
                created = existing;
            } else {
                throw new ApiError("StateMachineAlreadyExists", "State Machine Already Exists: '" + arn + "'");
            }
        } else if (persistence != null) {
            persistence.saveMachine(created);
        }
        ObjectNode response = Json.object();
        response.put("stateMachineArn", arn);
        response.put("creationDate", epochSeconds(created.creationDate));
        return response;
    }

    private static JsonNode validate(String definitionText) {
        try {
            return DefinitionValidator.parseAndCheck(definitionText);
        } catch (InvalidDefinitionException e) {
            throw new ApiError("InvalidDefinition", e.getMessage());
        }
    }

    private JsonNode updateStateMachine(JsonNode request) {
        StateMachine machine = machine(required(request, "stateMachineArn"));
        if (!request.hasNonNull("definition") && !request.hasNonNull("roleArn")) {
            throw new ApiError("MissingRequiredParameter", "Either the definition or the roleArn must be specified");
        }
        synchronized (machine) {
            if (request.hasNonNull("definition")) {
                String definitionText = request.get("definition").textValue();
                machine.definition = validate(definitionText);
                machine.definitionText = definitionText;
            }
            if (request.hasNonNull("roleArn")) {
                machine.roleArn = request.get("roleArn").textValue();
            }
            machine.updateDate = Instant.now();
        }
        if (persistence != null) {
            persistence.saveMachine(machine);
        }
        ObjectNode response = Json.object();
        response.put("updateDate", epochSeconds(machine.updateDate));
        response.put("revisionId", UUID.randomUUID().toString());
        return response;
    }

    private JsonNode describeStateMachine(JsonNode request) {
        return describe(machine(required(request, "stateMachineArn")));
    }

    private JsonNode describe(StateMachine machine) {
        ObjectNode response = Json.object();
        response.put("stateMachineArn", machine.arn);
        response.put("name", machine.name);
        response.put("status", "ACTIVE");
        response.put("definition", machine.definitionText);
        response.put("roleArn", machine.roleArn);
        response.put("type", machine.type);
        response.put("creationDate", epochSeconds(machine.creationDate));
        ObjectNode logging = response.putObject("loggingConfiguration");
        logging.put("level", "OFF");
        logging.put("includeExecutionData", false);
        return response;
    }

    private JsonNode listStateMachines(JsonNode request) {
        List<StateMachine> all = new ArrayList<>(machines.values());
        all.sort(Comparator.comparing((StateMachine m) -> m.creationDate).thenComparing(m -> m.name));
        ObjectNode response = Json.object();
        ArrayNode items = response.putArray("stateMachines");
        int[] window = page(request, all.size(), 100);
        for (int i = window[0]; i < window[1]; i++) {
            StateMachine machine = all.get(i);
            ObjectNode item = items.addObject();
            item.put("stateMachineArn", machine.arn);
            item.put("name", machine.name);
            item.put("type", machine.type);
            item.put("creationDate", epochSeconds(machine.creationDate));
        }
        nextToken(response, window[1], all.size());
        return response;
    }

    private JsonNode deleteStateMachine(JsonNode request) {
        String arn = required(request, "stateMachineArn");
        checkStateMachineArn(arn);
        if (machines.remove(arn) != null && persistence != null) {
            persistence.deleteMachine(arn);
        }
        return Json.object();
    }

    private JsonNode startExecution(JsonNode request) {
        StateMachine machine = machine(required(request, "stateMachineArn"));
        String name = request.hasNonNull("name") ? request.get("name").textValue() : UUID.randomUUID().toString();
        if (!NAME.matcher(name).matches()) {
            throw new ApiError("InvalidName", "Invalid Name: '" + name + "'");
        }
        String input = request.hasNonNull("input") ? request.get("input").textValue() : "{}";
        if (PayloadLimits.exceeds(input)) {
            throw new ApiError("ValidationException", "1 validation error detected: Value at 'input' failed to "
                    + "satisfy constraint: Member must have length less than or equal to "
                    + PayloadLimits.MAX_PAYLOAD_BYTES);
        }
        try {
            Json.parse(input);
        } catch (IllegalArgumentException e) {
            throw new ApiError("InvalidExecutionInput", "Invalid State Machine Execution Input: '"
                    + e.getMessage() + "'");
        }
        String executionArn = "arn:aws:states:" + REGION + ":" + ACCOUNT + ":execution:" + machine.name + ":" + name;
        ExecutionRecord record;
        JsonNode definition;
        String roleArn;
        synchronized (machine) {
            definition = machine.definition;
            roleArn = machine.roleArn;
        }
        record = new ExecutionRecord(executionArn, machine.arn, machine.name, name, roleArn, input, Instant.now(),
                definition);
        ExecutionRecord existing = executions.putIfAbsent(executionArn, record);
        if (existing != null) {
            if (ExecutionRecord.RUNNING.equals(existing.status()) && existing.input().equals(input)) {
                return startResponse(existing);
            }
            throw new ApiError("ExecutionAlreadyExists", "Execution Already Exists: '" + executionArn + "'");
        }
        ExecutionJournal journal = journalFor(record, null);
        engine.start(record, journal);
        return startResponse(record);
    }

    private ExecutionJournal journalFor(ExecutionRecord record, JsonNode persistedJournal) {
        ExecutionJournal journal = new ExecutionJournal(persistence != null);
        if (persistedJournal != null) {
            journal.restore(persistedJournal);
        }
        if (persistence != null) {
            journals.put(record.executionArn(), journal);
            journal.onChange(() -> persistence.saveExecution(record, journal));
            persistence.saveExecution(record, journal);
        }
        return journal;
    }

    private static JsonNode startResponse(ExecutionRecord record) {
        ObjectNode response = Json.object();
        response.put("executionArn", record.executionArn());
        response.put("startDate", epochSeconds(record.startDate()));
        return response;
    }

    private JsonNode describeExecution(JsonNode request) {
        ExecutionRecord record = execution(request);
        ObjectNode response = Json.object();
        synchronized (record) {
            response.put("executionArn", record.executionArn());
            response.put("stateMachineArn", record.stateMachineArn());
            response.put("name", record.name());
            response.put("status", record.status());
            response.put("startDate", epochSeconds(record.startDate()));
            if (record.stopDate() != null) {
                response.put("stopDate", epochSeconds(record.stopDate()));
            }
            response.put("input", record.input());
            response.putObject("inputDetails").put("included", true);
            if (record.output() != null) {
                response.put("output", record.output());
                response.putObject("outputDetails").put("included", true);
            }
            if (record.error() != null) {
                response.put("error", record.error());
            }
            if (record.cause() != null) {
                response.put("cause", record.cause());
            }
            response.put("redriveCount", 0);
            response.put("redriveStatus", "NOT_REDRIVABLE");
            if ("SUCCEEDED".equals(record.status())) {
                response.put("redriveStatusReason", "Execution is SUCCEEDED and cannot be redriven");
            }
        }
        return response;
    }

    private JsonNode describeStateMachineForExecution(JsonNode request) {
        ExecutionRecord record = execution(request);
        StateMachine machine = machines.get(record.stateMachineArn());
        ObjectNode response = Json.object();
        response.put("stateMachineArn", record.stateMachineArn());
        response.put("name", record.stateMachineName());
        response.put("definition", Json.write(record.definition()));
        response.put("roleArn", record.roleArn());
        response.put("updateDate", epochSeconds(machine != null ? machine.updateDate : record.startDate()));
        return response;
    }

    private JsonNode listExecutions(JsonNode request) {
        String machineArn = required(request, "stateMachineArn");
        machine(machineArn);
        String statusFilter = request.hasNonNull("statusFilter") ? request.get("statusFilter").textValue() : null;
        List<ExecutionRecord> matching = new ArrayList<>();
        for (ExecutionRecord record : executions.values()) {
            if (record.stateMachineArn().equals(machineArn)
                    && (statusFilter == null || statusFilter.equals(record.status()))) {
                matching.add(record);
            }
        }
        matching.sort(Comparator.comparing(ExecutionRecord::startDate).reversed()
                .thenComparing(ExecutionRecord::name));
        ObjectNode response = Json.object();
        ArrayNode items = response.putArray("executions");
        int[] window = page(request, matching.size(), 100);
        for (int i = window[0]; i < window[1]; i++) {
            ExecutionRecord record = matching.get(i);
            ObjectNode item = items.addObject();
            item.put("executionArn", record.executionArn());
            item.put("stateMachineArn", record.stateMachineArn());
            item.put("name", record.name());
            item.put("status", record.status());
            item.put("startDate", epochSeconds(record.startDate()));
            if (record.stopDate() != null) {
                item.put("stopDate", epochSeconds(record.stopDate()));
            }
        }
        nextToken(response, window[1], matching.size());
        return response;
    }

    private JsonNode stopExecution(JsonNode request) {
        ExecutionRecord record = execution(request);
        String error = request.hasNonNull("error") ? request.get("error").textValue() : null;
        String cause = request.hasNonNull("cause") ? request.get("cause").textValue() : null;
        engine.stop(record.executionArn(), error, cause);
        ObjectNode response = Json.object();
        Instant stopped = record.stopDate() != null ? record.stopDate() : Instant.now();
        response.put("stopDate", epochSeconds(stopped));
        return response;
    }

    private JsonNode getExecutionHistory(JsonNode request) {
        ExecutionRecord record = execution(request);
        List<ObjectNode> events = record.history().snapshot();
        if (request.path("reverseOrder").asBoolean(false)) {
            Collections.reverse(events);
        }
        boolean includeData = request.path("includeExecutionData").asBoolean(true);
        ObjectNode response = Json.object();
        ArrayNode items = response.putArray("events");
        int[] window = page(request, events.size(), 100);
        for (int i = window[0]; i < window[1]; i++) {
            ObjectNode event = events.get(i);
            if (!includeData) {
                event = event.deepCopy();
                stripData(event);
            }
            items.add(event);
        }
        nextToken(response, window[1], events.size());
        return response;
    }

    private static void stripData(ObjectNode event) {
        event.fields().forEachRemaining(field -> {
            if (field.getValue().isObject()) {
                ObjectNode details = (ObjectNode) field.getValue();
                details.remove(List.of("input", "output", "parameters"));
            }
        });
    }

    private JsonNode sendTaskSuccess(JsonNode request) {
        String token = required(request, "taskToken");
        String output = required(request, "output");
        JsonNode parsed;
        try {
            parsed = Json.parse(output);
        } catch (IllegalArgumentException e) {
            throw new ApiError("InvalidOutput", "Invalid Output: '" + e.getMessage() + "'");
        }
        engine.tokens().succeed(token, parsed);
        return Json.object();
    }

    private JsonNode sendTaskFailure(JsonNode request) {
        String token = required(request, "taskToken");
        engine.tokens().fail(token, request.path("error").textValue(), request.path("cause").textValue());
        return Json.object();
    }

    private JsonNode sendTaskHeartbeat(JsonNode request) {
        engine.tokens().heartbeat(required(request, "taskToken"));
        return Json.object();
    }

    private JsonNode listTagsForResource(JsonNode request) {
        required(request, "resourceArn");
        ObjectNode response = Json.object();
        response.putArray("tags");
        return response;
    }

    // ---- helpers

    private StateMachine machine(String arn) {
        checkStateMachineArn(arn);
        StateMachine machine = machines.get(arn);
        if (machine == null) {
            throw new ApiError("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + arn + "'");
        }
        return machine;
    }

    private static void checkStateMachineArn(String arn) {
        if (!STATE_MACHINE_ARN.matcher(arn).matches()) {
            throw new ApiError("InvalidArn", "Invalid Arn: 'Resource type not valid in this context: " + arn + "'");
        }
    }

    private ExecutionRecord execution(JsonNode request) {
        String arn = required(request, "executionArn");
        if (!EXECUTION_ARN.matcher(arn).matches()) {
            throw new ApiError("InvalidArn", "Invalid Arn: 'Resource type not valid in this context: " + arn + "'");
        }
        ExecutionRecord record = executions.get(arn);
        if (record == null) {
            throw new ApiError("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
        }
        return record;
    }

    private static String required(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull() || !value.isTextual()) {
            throw new ApiError("ValidationException", "1 validation error detected: Value null at '" + field
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value.textValue();
    }

    private static int[] page(JsonNode request, int size, int defaultPageSize) {
        int maxResults = request.path("maxResults").asInt(0);
        int pageSize = maxResults <= 0 ? defaultPageSize : Math.min(maxResults, 1000);
        int start = 0;
        if (request.hasNonNull("nextToken")) {
            try {
                start = Integer.parseInt(new String(Base64.getUrlDecoder().decode(request.get("nextToken").asText()),
                        StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new ApiError("InvalidToken", "Invalid Token: '" + request.get("nextToken").asText() + "'");
            }
        }
        start = Math.max(0, Math.min(start, size));
        return new int[]{start, Math.min(size, start + pageSize)};
    }

    private static void nextToken(ObjectNode response, int end, int size) {
        if (end < size) {
            response.put("nextToken", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(Integer.toString(end).getBytes(StandardCharsets.UTF_8)));
        }
    }

    static double epochSeconds(Instant instant) {
        return instant.toEpochMilli() / 1000.0;
    }

    private void recover() {
        for (JsonNode node : persistence.loadMachines()) {
            String definitionText = node.get("definition").textValue();
            StateMachine machine = new StateMachine(node.get("arn").textValue(), node.get("name").textValue(),
                    node.path("type").asText("STANDARD"), Instant.ofEpochMilli(node.get("creationDate").asLong()),
                    definitionText, DefinitionValidator.parseAndCheck(definitionText), node.get("roleArn").textValue());
            machine.updateDate = Instant.ofEpochMilli(node.path("updateDate").asLong(node.get("creationDate").asLong()));
            machines.put(machine.arn, machine);
        }
        for (JsonNode node : persistence.loadExecutions()) {
            ExecutionRecord record = new ExecutionRecord(node.get("executionArn").textValue(),
                    node.get("stateMachineArn").textValue(), node.get("stateMachineName").textValue(),
                    node.get("name").textValue(), node.get("roleArn").textValue(), node.get("input").textValue(),
                    Instant.ofEpochMilli(node.get("startDate").asLong()), node.get("definition"));
            List<ObjectNode> history = new ArrayList<>();
            node.get("history").forEach(event -> history.add((ObjectNode) event));
            record.history().restore(history);
            executions.put(record.executionArn(), record);
            String status = node.get("status").textValue();
            if (ExecutionRecord.RUNNING.equals(status)) {
                engine.start(record, journalFor(record, node.path("journal")));
            } else {
                record.restoreEnded(status, node.hasNonNull("stopDate")
                                ? Instant.ofEpochMilli(node.get("stopDate").asLong()) : record.startDate(),
                        node.path("output").textValue(), node.path("error").textValue(),
                        node.path("cause").textValue());
            }
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
