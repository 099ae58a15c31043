package dev.pms.devstack.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test function taking the aws-lambda-java-events {@link ScheduledEvent}; answers with its source and detail type. */
public class ScheduledEventHandler implements RequestHandler<ScheduledEvent, String> {

    public static final List<ScheduledEvent> EVENTS = new CopyOnWriteArrayList<>();

    public ScheduledEventHandler(ApplicationContext context) {
        // the devstack's handler contract: every handler is built with its function's context
    }

    @Override
    public String handleRequest(ScheduledEvent event, Context lambdaContext) {
        EVENTS.add(event);
        return event.getSource() + " " + event.getDetailType();
    }
}
