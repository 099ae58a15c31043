package dev.pms.aws.http;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;

/**
 * The Lambda context of a priming request: the function's own name, version and memory from Lambda's reserved
 * variables, the priming caller as request id. With it, priming goes through the same per-invocation path a real
 * request takes (Micronaut's context registration, Powertools' logging context), not a shortcut for context-less calls.
 * Handlers of other events pass it to their own {@code handleRequest} when they prime through it.
 */
public final class PrimingContext implements Context {
    private static final int REMAINING_MILLIS = 30_000;

    private final String functionName;
    private final String functionVersion;
    private final int memoryMb;

    private PrimingContext(String functionName, String functionVersion, int memoryMb) {
        this.functionName = functionName;
        this.functionVersion = functionVersion;
        this.memoryMb = memoryMb;
    }

    /** The context of this function instance, from {@code AWS_LAMBDA_FUNCTION_*}. */
    public static PrimingContext ofThisFunction() {
        String memory = System.getenv("AWS_LAMBDA_FUNCTION_MEMORY_SIZE");
        return new PrimingContext(orDefault(System.getenv("AWS_LAMBDA_FUNCTION_NAME"), "priming"),
                orDefault(System.getenv("AWS_LAMBDA_FUNCTION_VERSION"), "$LATEST"),
                memory == null ? 0 : Integer.parseInt(memory));
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public String getAwsRequestId() {
        return ApiPriming.PRIMING_USER;
    }

    @Override
    public String getLogGroupName() {
        return System.getenv("AWS_LAMBDA_LOG_GROUP_NAME");
    }

    @Override
    public String getLogStreamName() {
        return System.getenv("AWS_LAMBDA_LOG_STREAM_NAME");
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return functionVersion;
    }

    @Override
    public String getInvokedFunctionArn() {
        return null;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return REMAINING_MILLIS;
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return LambdaRuntime.getLogger();
    }
}
