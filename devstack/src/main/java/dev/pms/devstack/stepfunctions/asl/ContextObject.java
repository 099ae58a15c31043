package dev.pms.devstack.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The {@code $$} context object; built on demand because most states never read it. */
public final class ContextObject {

    private final ObjectNode execution;
    private final ObjectNode stateMachine;
    private final String stateName;
    private final String enteredTime;
    private final int retryCount;
    private final String taskToken;
    private final int mapIndex;
    private final JsonNode mapValue;

    private ContextObject(ObjectNode execution, ObjectNode stateMachine, String stateName, String enteredTime,
                          int retryCount, String taskToken, int mapIndex, JsonNode mapValue) {
        this.execution = execution;
        this.stateMachine = stateMachine;
        this.stateName = stateName;
        this.enteredTime = enteredTime;
        this.retryCount = retryCount;
        this.taskToken = taskToken;
        this.mapIndex = mapIndex;
        this.mapValue = mapValue;
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
        return new ContextObject(execution, stateMachine, null, null, 0, null, -1, null);
    }

    public ContextObject inState(String name, String entered, int retries) {
        return new ContextObject(execution, stateMachine, name, entered, retries, null, -1, null);
    }

    public ContextObject withTaskToken(String token) {
        return new ContextObject(execution, stateMachine, stateName, enteredTime, retryCount, token, mapIndex,
                mapValue);
    }

    public ContextObject withMapItem(int index, JsonNode value) {
        return new ContextObject(execution, stateMachine, stateName, enteredTime, retryCount, taskToken, index,
                value);
    }

    public ObjectNode node() {
        ObjectNode node = Json.object();
        node.set("Execution", execution);
        node.set("StateMachine", stateMachine);
        if (stateName != null) {
            ObjectNode state = node.putObject("State");
            state.put("EnteredTime", enteredTime);
            state.put("Name", stateName);
            state.put("RetryCount", retryCount);
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
