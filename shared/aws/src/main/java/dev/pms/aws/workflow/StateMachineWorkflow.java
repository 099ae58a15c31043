package dev.pms.aws.workflow;

import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;

/**
 * A workflow run as executions of one Step Functions state machine, whose ARN a function reads from
 * {@code arnVariable} (unset where the function starts none).
 */
abstract class StateMachineWorkflow {
    protected final SfnClient sfn;
    private final String arn;
    private final String arnVariable;

    protected StateMachineWorkflow(SfnClient sfn, String arn, String arnVariable) {
        this.sfn = sfn;
        this.arn = arn;
        this.arnVariable = arnVariable;
    }

    /** Starts the named execution and returns its ARN; a name used before is an error. */
    public String start(String executionName, String inputJson) {
        if (arn == null || arn.isBlank()) {
            throw new IllegalStateException(arnVariable + " is not set for this function");
        }
        try {
            return sfn.startExecution(start -> start.stateMachineArn(arn).name(executionName).input(inputJson))
                    .executionArn();
        } catch (ExecutionAlreadyExistsException e) {
            throw new IllegalStateException("execution " + executionName + " exists already", e);
        }
    }
}
