package dev.pms.devstack.eventsources;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BatchItemFailuresTest {

    private static final Set<String> BATCH = Set.of("m1", "m2", "m3");

    @Test
    void noAnswerOrNoFailuresIsACompleteSuccess() {
        for (Object response : new Object[] {null, new SQSBatchResponse(), new SQSBatchResponse(List.of()),
                Map.of(), Map.of("batchItemFailures", List.of()), "", "{}"}) {
            BatchItemFailures read = BatchItemFailures.read(response, BATCH);
            assertThat(read.wholeBatchFailed()).as("%s", response).isFalse();
            assertThat(read.failedMessageIds()).as("%s", response).isEmpty();
        }
    }

    @Test
    void namedItemsFailAloneFromABatchResponseAMapOrJsonText() {
        assertThat(BatchItemFailures.read(new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure("m2"))),
                BATCH).failedMessageIds()).containsExactly("m2");
        assertThat(BatchItemFailures.read(Map.of("batchItemFailures", List.of(Map.of("itemIdentifier", "m1"),
                Map.of("itemIdentifier", "m3"))), BATCH).failedMessageIds()).containsExactlyInAnyOrder("m1", "m3");
        BatchItemFailures fromJson = BatchItemFailures.read("{\"batchItemFailures\":[{\"itemIdentifier\":\"m3\"}]}", BATCH);
        assertThat(fromJson.wholeBatchFailed()).isFalse();
        assertThat(fromJson.failedMessageIds()).containsExactly("m3");
    }

    @Test
    void anAnswerLambdaCannotReadFailsTheWholeBatch() {
        for (Object response : new Object[] {
                new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure("not-in-batch"))),
                new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure(""))),
                new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure(null))),
                Map.of("batchItemFailures", List.of(Map.of("ItemIdentifier", "m1"))),
                Map.of("batchItemFailures", "m1"),
                "not json"}) {
            BatchItemFailures read = BatchItemFailures.read(response, BATCH);
            assertThat(read.wholeBatchFailed()).as("%s", response).isTrue();
            assertThat(read.reason()).isNotBlank();
        }
    }
}
