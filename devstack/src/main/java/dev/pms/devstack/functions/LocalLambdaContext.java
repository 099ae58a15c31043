package dev.pms.devstack.functions;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Lambda {@link Context} handed to an in-process handler: names, request id, memory and deadline. */
public final class LocalLambdaContext implements Context {

    private final FunctionDefinition function;
    private final String requestId;
    private final long deadlineMillis;
    private final LambdaLogger logger;

    public LocalLambdaContext(FunctionDefinition function, String requestId) {
        this.function = function;
        this.requestId = requestId;
        this.deadlineMillis = System.currentTimeMillis() + function.timeoutSeconds() * 1000L;
        this.logger = new Slf4jLambdaLogger(LoggerFactory.getLogger("lambda." + function.logicalId()));
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + function.functionName();
    }

    @Override
    public String getLogStreamName() {
        return "devstack/[$LATEST]" + function.logicalId();
    }

    @Override
    public String getFunctionName() {
        return function.functionName();
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return function.functionArn();
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
        return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return function.memorySizeMb();
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    private record Slf4jLambdaLogger(Logger log) implements LambdaLogger {
        @Override
        public void log(String message) {
            log.info(message == null ? "null" : message.stripTrailing());
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    }
}
