package dev.pms.aws.workflow;

import dev.pms.core.inventory.ImportWorkflow;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** The inventory import workflow on Step Functions ({@code INVENTORY_STATE_MACHINE_ARN}). */
@Singleton
public class SfnImportWorkflow extends StateMachineWorkflow implements ImportWorkflow {
    public SfnImportWorkflow(SfnClient sfn, @Value("${inventory.state.machine.arn:}") String stateMachineArn) {
        super(sfn, stateMachineArn, "INVENTORY_STATE_MACHINE_ARN");
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
