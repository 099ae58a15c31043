package dev.pms.core.inventory;

/** Port of the workflow that runs imports (the inventory import state machine on Step Functions). */
public interface ImportWorkflow {

    /** Starts an execution named {@code executionName} with {@code inputJson}; returns its id (ARN). */
    String start(String executionName, String inputJson);

    /** Whether the execution is still running; false for one that ended in any way or does not exist. */
    boolean running(String executionId);
}
