package dev.pms.core.generation;

/** Port of the workflow service that runs campaign generation (Step Functions in AWS). */
public interface WorkflowEngine {

    /** Starts the campaign generation workflow; returns the execution's id (ARN). */
    String start(String executionName, String inputJson);

    /** Stops the execution; a finished or unknown one is left alone. */
    void stop(String executionId, String reason);

    /** Completes the task waiting on {@code token}; false when the task no longer waits (stopped, timed out). */
    boolean succeed(String token, String outputJson);

    /** Fails the task waiting on {@code token}; false when the task no longer waits. */
    boolean fail(String token, String error, String cause);
}
