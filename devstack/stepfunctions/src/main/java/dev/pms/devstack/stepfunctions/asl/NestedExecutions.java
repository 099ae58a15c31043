package dev.pms.devstack.stepfunctions.asl;

/** Starts and stops executions for {@code arn:aws:states:::states:startExecution} tasks. */
public interface NestedExecutions {

    /**
     * Starts an execution of another state machine.
     *
     * @throws ApiError as StartExecution would (e.g. StateMachineDoesNotExist)
     */
    ExecutionRecord start(String stateMachineArn, String nameOrNull, String inputJson);

    void stop(String executionArn, String error, String cause);
}
