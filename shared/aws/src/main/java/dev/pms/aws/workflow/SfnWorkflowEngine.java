package dev.pms.aws.workflow;

import dev.pms.core.generation.WorkflowEngine;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/** The campaign generation workflow on Step Functions ({@code GENERATION_STATE_MACHINE_ARN}). */
@Singleton
public class SfnWorkflowEngine extends StateMachineWorkflow implements WorkflowEngine {
    /** Step Functions' limits on a failure's error name and cause. */
    private static final int MAX_ERROR = 256;
    private static final int MAX_CAUSE = 32_768;

    public SfnWorkflowEngine(SfnClient sfn, @Value("${generation.state.machine.arn:}") String stateMachineArn) {
        super(sfn, stateMachineArn, "GENERATION_STATE_MACHINE_ARN");
    }

    @Override
    public void stop(String executionId, String reason) {
        try {
            sfn.stopExecution(stop -> stop.executionArn(executionId).cause(reason));
        } catch (ExecutionDoesNotExistException e) {
            // nothing left to stop
        }
    }

    @Override
    public boolean succeed(String token, String outputJson) {
        try {
            sfn.sendTaskSuccess(success -> success.taskToken(token).output(outputJson));
            return true;
        } catch (TaskTimedOutException | TaskDoesNotExistException | InvalidTokenException e) {
            return false;
        }
    }

    @Override
    public boolean fail(String token, String error, String cause) {
        try {
            sfn.sendTaskFailure(failure -> failure.taskToken(token).error(clip(error, MAX_ERROR))
                    .cause(clip(cause, MAX_CAUSE)));
            return true;
        } catch (TaskTimedOutException | TaskDoesNotExistException | InvalidTokenException e) {
            return false;
        }
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
