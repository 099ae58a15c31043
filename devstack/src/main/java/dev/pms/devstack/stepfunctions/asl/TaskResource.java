package dev.pms.devstack.stepfunctions.asl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Task state's Resource, as far as this engine can run it. */
public record TaskResource(Integration integration, boolean waitForTaskToken, String functionArn) {

    public enum Integration { LAMBDA_INVOKE, LAMBDA_FUNCTION, SQS_SEND }

    private static final Pattern LAMBDA_ARN =
            Pattern.compile("arn:aws[a-z-]*:lambda:[a-z0-9-]+:[0-9]+:function:[A-Za-z0-9_-]+(:[A-Za-z0-9$_-]+)?");
    private static final Pattern OPTIMIZED =
            Pattern.compile("arn:aws[a-z-]*:states:::(lambda:invoke|sqs:sendMessage)(\\.waitForTaskToken)?");

    /** Null when the resource is not supported. */
    public static TaskResource parse(String resource) {
        Matcher optimized = OPTIMIZED.matcher(resource);
        if (optimized.matches()) {
            Integration integration = optimized.group(1).equals("lambda:invoke")
                    ? Integration.LAMBDA_INVOKE : Integration.SQS_SEND;
            return new TaskResource(integration, optimized.group(2) != null, null);
        }
        if (LAMBDA_ARN.matcher(resource).matches()) {
            return new TaskResource(Integration.LAMBDA_FUNCTION, false, resource);
        }
        return null;
    }

    /** {@code resourceType} of task history events. */
    public String resourceType() {
        return integration == Integration.SQS_SEND ? "sqs" : "lambda";
    }

    /** {@code resource} of task history events. */
    public String resourceName() {
        String base = integration == Integration.SQS_SEND ? "sendMessage" : "invoke";
        return waitForTaskToken ? base + ".waitForTaskToken" : base;
    }
}
