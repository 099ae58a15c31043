package dev.pms.devstack.eventsources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A function's answer to a batch, read as Lambda reads it with {@code ReportBatchItemFailures}: no answer,
 * no {@code batchItemFailures} or an empty list is a complete success; each {@code itemIdentifier} names a
 * failed message; an answer Lambda cannot read (not JSON, an item without an identifier, an identifier
 * that is no message of the batch) fails the whole batch.
 *
 * @param wholeBatchFailed true when no message of the batch may be deleted
 * @param failedMessageIds the messages to keep (empty when the whole batch failed or nothing failed)
 * @param reason           why the whole batch failed, or null
 */
public record BatchItemFailures(boolean wholeBatchFailed, Set<String> failedMessageIds, String reason) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public BatchItemFailures {
        failedMessageIds = Set.copyOf(failedMessageIds);
    }

    /** {@code response}: what the handler returned (an {@code SQSBatchResponse}, a Map, any bean, or JSON text). */
    public static BatchItemFailures read(Object response, Set<String> messageIdsOfBatch) {
        JsonNode answer;
        try {
            answer = response instanceof String text ? JSON.readTree(text) : JSON.valueToTree(response);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return wholeBatch("the response is not valid JSON");
        }
        if (answer == null || answer.isNull() || answer.isMissingNode()) {
            return new BatchItemFailures(false, Set.of(), null);
        }
        JsonNode failures = answer.get("batchItemFailures");
        if (failures == null || failures.isNull()) {
            return new BatchItemFailures(false, Set.of(), null);
        }
        if (!failures.isArray()) {
            return wholeBatch("batchItemFailures is not a list");
        }
        Set<String> failed = new LinkedHashSet<>();
        for (JsonNode failure : failures) {
            JsonNode identifier = failure.get("itemIdentifier");
            if (identifier == null || !identifier.isTextual() || identifier.asText().isEmpty()) {
                return wholeBatch("a batchItemFailures entry has no itemIdentifier: " + failure);
            }
            if (!messageIdsOfBatch.contains(identifier.asText())) {
                return wholeBatch("itemIdentifier " + identifier.asText() + " is no message of the batch");
            }
            failed.add(identifier.asText());
        }
        return new BatchItemFailures(false, failed, null);
    }

    private static BatchItemFailures wholeBatch(String reason) {
        return new BatchItemFailures(true, Set.of(), reason);
    }
}
