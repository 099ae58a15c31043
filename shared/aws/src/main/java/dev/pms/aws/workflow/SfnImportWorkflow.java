package dev.pms.aws.workflow;

import dev.pms.core.inventory.ImportWorkflow;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** The inventory import workflow on Step Functions ({@code INVENTORY_STATE_MACHINE_ARN}). */
@Singleton
public class SfnImportWorkflow implements ImportWorkflow {
    private final SfnClient sfn;
    private final String stateMachineArn;

    public SfnImportWorkflow(SfnClient sfn, @Value("${inventory.state.machine.arn:}") String stateMachineArn) {
        this.sfn = sfn;
        this.stateMachineArn = stateMachineArn;
    }

    @Override
    public String start(String executionName, String inputJson) {
        if (stateMachineArn == null || stateMachineArn.isBlank()) {
            throw new IllegalStateException("INVENTORY_STATE_MACHINE_ARN is not set for this function");
        }
        try {
            return sfn.startExecution(start -> start.stateMachineArn(stateMachineArn).name(executionName)
                    .input(inputJson)).executionArn();
        } catch (ExecutionAlreadyExistsException e) {
            throw new IllegalStateException("execution " + executionName + " exists already", e);
        }
    }

    @Override
    public boolean running(String executionId) {
        try {
            return sfn.describeExecution(describe -> describe.executionArn(executionId)).status()
                    == ExecutionStatus.RUNNING;
        } catch (ExecutionDoesNotExistException e) {
            return false;
        }
    }
}
