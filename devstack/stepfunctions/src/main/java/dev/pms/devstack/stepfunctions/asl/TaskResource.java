package dev.pms.devstack.stepfunctions.asl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Task state's Resource, as far as this engine can run it. */
public record TaskResource(Integration integration, Pattern pattern, String functionArn) {

    public enum Integration { LAMBDA_INVOKE, LAMBDA_FUNCTION, SQS_SEND, START_EXECUTION }

    /** The service integration pattern: request-response, run a job (.sync / .sync:2), or callback. */
    public enum Pattern { REQUEST_RESPONSE, SYNC, SYNC_JSON, WAIT_FOR_TASK_TOKEN }

    private static final java.util.regex.Pattern LAMBDA_ARN = java.util.regex.Pattern.compile(
            "arn:aws[a-z-]*:lambda:[a-z0-9-]+:[0-9]+:function:[A-Za-z0-9_-]+(:[A-Za-z0-9$_-]+)?");
    private static final java.util.regex.Pattern OPTIMIZED = java.util.regex.Pattern.compile(
            "arn:aws[a-z-]*:states:::(lambda:invoke|sqs:sendMessage|states:startExecution)"
                    + "(\\.waitForTaskToken|\\.sync:2|\\.sync)?");

    /** Null when the resource is not supported. */
    public static TaskResource parse(String resource) {
        Matcher optimized = OPTIMIZED.matcher(resource);
        if (optimized.matches()) {
            Integration integration = switch (optimized.group(1)) {
                case "lambda:invoke" -> Integration.LAMBDA_INVOKE;
                case "sqs:sendMessage" -> Integration.SQS_SEND;
                default -> Integration.START_EXECUTION;
            };
            String suffix = optimized.group(2);
            Pattern pattern = suffix == null ? Pattern.REQUEST_RESPONSE
                    : suffix.equals(".waitForTaskToken") ? Pattern.WAIT_FOR_TASK_TOKEN
                    : suffix.equals(".sync:2") ? Pattern.SYNC_JSON : Pattern.SYNC;
            if (integration != Integration.START_EXECUTION
                    && (pattern == Pattern.SYNC || pattern == Pattern.SYNC_JSON)) {
                return null;
            }
            return new TaskResource(integration, pattern, null);
        }
        if (LAMBDA_ARN.matcher(resource).matches()) {
            return new TaskResource(Integration.LAMBDA_FUNCTION, Pattern.REQUEST_RESPONSE, resource);
        }
        return null;
    }

    public boolean waitForTaskToken() {
        return pattern == Pattern.WAIT_FOR_TASK_TOKEN;
    }

    /** {@code resourceType} of task history events. */
    public String resourceType() {
        return switch (integration) {
            case SQS_SEND -> "sqs";
            case START_EXECUTION -> "states";
            default -> "lambda";
        };
    }

    /** How AWS names the task in the cause of States.DataLimitExceeded: the integration, or the function ARN. */
    public String dataLimitName() {
        return integration == Integration.LAMBDA_FUNCTION ? functionArn : resourceType();
    }

    /** {@code resource} of task history events. */
    public String resourceName() {
        String base = switch (integration) {
            case SQS_SEND -> "sendMessage";
            case START_EXECUTION -> "startExecution";
            default -> "invoke";
        };
        return switch (pattern) {
            case REQUEST_RESPONSE -> base;
            case SYNC -> base + ".sync";
            case SYNC_JSON -> base + ".sync:2";
            case WAIT_FOR_TASK_TOKEN -> base + ".waitForTaskToken";
        };
    }
}
