package dev.pms.devstack.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.micronaut.context.ApplicationContext;

/** Test Lambda that answers with the {@link StringBuilder} bean its application context holds, or "none". */
public class ContextBeanHandler implements RequestHandler<String, String> {
    private final ApplicationContext context;

    public ContextBeanHandler(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public String handleRequest(String input, Context lambdaContext) {
        return context.findBean(StringBuilder.class).map(StringBuilder::toString).orElse("none");
    }
}
