package dev.pms.devstack.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.micronaut.context.ApplicationContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test function for EventBridge schedules: records every event under its function's logical id and answers
 * {@code {"handled_by", "received"}}; fails while the event's {@code attempt} is below its {@code fail_until_attempt}.
 */
public class ScheduledHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Map<String, List<Map<String, Object>>> EVENTS_BY_FUNCTION = new ConcurrentHashMap<>();

    private final String function;

    public ScheduledHandler(ApplicationContext context) {
        this.function = context.getRequiredProperty("micronaut.application.name", String.class);
    }

    public static List<Map<String, Object>> eventsOf(String function) {
        List<Map<String, Object>> events = EVENTS_BY_FUNCTION.getOrDefault(function, List.of());
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context lambdaContext) {
        EVENTS_BY_FUNCTION.computeIfAbsent(function, key -> Collections.synchronizedList(new ArrayList<>())).add(event);
        Object failUntil = event.get("fail_until_attempt");
        if (failUntil != null) {
            int attempt = Integer.parseInt(String.valueOf(event.get("attempt")));
            if (attempt < Integer.parseInt(String.valueOf(failUntil))) {
                throw new IllegalStateException("attempt " + attempt + " fails on purpose");
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("handled_by", function);
        answer.put("received", event);
        return answer;
    }
}
