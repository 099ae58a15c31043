package dev.pms.devstack.stepfunctions;

import java.util.Map;

/** What the Step Functions engine calls to run Task states against the devstack's services. */
public interface TaskRuntime {

    /**
     * Invoke a Lambda (by function name or ARN) with a JSON payload; return the JSON result.
     * Throw {@link TaskFailedException} for a function error (error = e.g. the exception's simple name).
     */
    String invokeLambda(String functionNameOrArn, String payloadJson) throws TaskFailedException;

    /** Send an SQS message to the queue URL; returns {"MessageId":..} style JSON. */
    String sendSqsMessage(String queueUrl, String messageBody, Map<String, Object> otherParameters)
            throws TaskFailedException;
}
