package dev.pms.devstack.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test SQS worker: records every message it gets under the test named in the body
 * ({@code test:action:id}) and fails it as the action says: {@code ok}, {@code fail-once} (reported as a batch
 * item failure on its first receive), {@code fail-always}, {@code throw-once} (the whole invocation throws
 * on the message's first receive).
 */
public class SqsBatchHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** One message as one invocation received it; {@code batchId} is the invocation's request id. */
    public record Delivery(String batchId, int batchSize, String id, String action, int receiveCount,
                           Instant receivedAt, SQSEvent.SQSMessage message) {
    }

    private static final Map<String, List<Delivery>> DELIVERIES_BY_TEST = new ConcurrentHashMap<>();

    public SqsBatchHandler(ApplicationContext context) {
        // the devstack's handler contract: every handler is built with its function's context
    }

    public static String body(String test, String action, String id) {
        return test + ":" + action + ":" + id;
    }

    /** What this test's messages were delivered as, in the order they arrived. */
    public static List<Delivery> deliveriesOf(String test) {
        List<Delivery> deliveries = DELIVERIES_BY_TEST.getOrDefault(test, List.of());
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context lambdaContext) {
        Instant now = Instant.now();
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        boolean throwBatch = false;
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            String[] parts = message.getBody().split(":", 3);
            String action = parts[1];
            int receiveCount = Integer.parseInt(message.getAttributes().get("ApproximateReceiveCount"));
            List<Delivery> deliveries = DELIVERIES_BY_TEST.computeIfAbsent(parts[0],
                    test -> Collections.synchronizedList(new ArrayList<>()));
            deliveries.add(new Delivery(lambdaContext.getAwsRequestId(), event.getRecords().size(), parts[2], action,
                    receiveCount, now, message));
            boolean firstReceive = receiveCount == 1;
            if (action.equals("fail-always") || (action.equals("fail-once") && firstReceive)) {
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
            throwBatch |= action.equals("throw-once") && firstReceive;
        }
        if (throwBatch) {
            throw new IllegalStateException("asked to fail the whole batch");
        }
        return new SQSBatchResponse(failures);
    }
}
