package dev.pms.devstack.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.micronaut.context.ApplicationContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test SQS worker that takes the event as Lambda's JSON ({@code Records}, {@code eventSourceARN}) in a Map,
 * records each record under the test named in its body ({@code test:action:id}), and always answers that
 * every message failed: which only counts when the event source reports batch item failures.
 */
public class SqsJsonHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Map<String, List<Map<String, Object>>> RECORDS_BY_TEST = new ConcurrentHashMap<>();

    public SqsJsonHandler(ApplicationContext context) {
        // the devstack's handler contract: every handler is built with its function's context
    }

    public static List<Map<String, Object>> recordsOf(String test) {
        List<Map<String, Object>> records = RECORDS_BY_TEST.getOrDefault(test, List.of());
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> handleRequest(Map<String, Object> event, Context lambdaContext) {
        List<Map<String, Object>> failures = new ArrayList<>();
        for (Map<String, Object> record : (List<Map<String, Object>>) event.get("Records")) {
            String test = String.valueOf(record.get("body")).split(":", 2)[0];
            RECORDS_BY_TEST.computeIfAbsent(test, key -> Collections.synchronizedList(new ArrayList<>())).add(record);
            failures.add(Map.of("itemIdentifier", record.get("messageId")));
        }
        return Map.of("batchItemFailures", failures);
    }
}
