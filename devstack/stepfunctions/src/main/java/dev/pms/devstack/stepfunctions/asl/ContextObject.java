package dev.pms.devstack.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a state's expressions can see besides its input: the {@code $$} context object (built on demand,
 * because most states never read it) and the workflow variables of the state's scope.
 */
public final class ContextObject {

    /** {@code retryCount} of a state that has no {@code RetryCount} in its context (all but Task, Parallel, Map). */
    public static final int NO_RETRY_COUNT = -1;

    private final ObjectNode execution;
    private final ObjectNode stateMachine;
    private final String stateName;
    private final String enteredTime;
    private final int retryCount;
    private final String taskToken;
    private final int mapIndex;
    private final JsonNode mapValue;
    private final Variables variables;

    private ContextObject(ObjectNode execution, ObjectNode stateMachine, String stateName, String enteredTime,
                          int retryCount, String taskToken, int mapIndex, JsonNode mapValue, Variables variables) {
        this.execution = execution;
        this.stateMachine = stateMachine;
        this.stateName = stateName;
        this.enteredTime = enteredTime;
        this.retryCount = retryCount;
        this.taskToken = taskToken;
        this.mapIndex = mapIndex;
        this.mapValue = mapValue;
        this.variables = variables;
    }

    public static ContextObject forExecution(String executionArn, String executionName, JsonNode input,
                                             String roleArn, String startTime, String stateMachineArn,
                                             String stateMachineName) {
        ObjectNode execution = Json.object();
        execution.put("Id", executionArn);
        execution.set("Input", input);
        execution.put("Name", executionName);
        execution.put("RoleArn", roleArn);
        execution.put("StartTime", startTime);
        execution.put("RedriveCount", 0);
        ObjectNode stateMachine = Json.object();
        stateMachine.put("Id", stateMachineArn);
        stateMachine.put("Name", stateMachineName);
        return new ContextObject(execution, stateMachine, null, null, NO_RETRY_COUNT, null, -1, null,
                Variables.root());
    }

    /**
     * The context of a state: {@code retries} is its {@code $$.State.RetryCount}, or {@link #NO_RETRY_COUNT}
     * for the state types whose context has none (AWS sets it for Task, Parallel and Map states only).
     */
    public ContextObject inState(String name, String entered, int retries, Variables scope) {
        return new ContextObject(execution, stateMachine, name, entered, retries, null, -1, null, scope);
    }

    public ContextObject inState(String name, String entered, int retries) {
        return inState(name, entered, retries, variables);
    }

    public ContextObject withTaskToken(String token) {
        return new ContextObject(execution, stateMachine, stateName, enteredTime, retryCount, token, mapIndex,
                mapValue, variables);
    }

    public ContextObject withMapItem(int index, JsonNode value) {
        return new ContextObject(execution, stateMachine, stateName, enteredTime, retryCount, taskToken, index,
                value, variables);
    }

    /** The workflow variables visible to the state. */
    public Variables variables() {
        return variables;
    }

    public String stateName() {
        return stateName;
    }

    public ObjectNode node() {
        ObjectNode node = Json.object();
        node.set("Execution", execution);
        node.set("StateMachine", stateMachine);
        if (stateName != null) {
            ObjectNode state = node.putObject("State");
            state.put("EnteredTime", enteredTime);
            state.put("Name", stateName);
            if (retryCount != NO_RETRY_COUNT) {
                state.put("RetryCount", retryCount);
            }
        }
        if (taskToken != null) {
            node.putObject("Task").put("Token", taskToken);
        }
        if (mapIndex >= 0) {
            ObjectNode item = node.putObject("Map").putObject("Item");
            item.put("Index", mapIndex);
            item.set("Value", mapValue);
        }
        return node;
    }
}
