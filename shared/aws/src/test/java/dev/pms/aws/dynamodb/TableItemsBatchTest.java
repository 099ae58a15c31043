package dev.pms.aws.dynamodb;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one unprocessed-items retry of batch reads and writes. The emulator never leaves items unprocessed, so only a
 * client that does (here: the last item of every first request) shows that nothing is dropped.
 */
class TableItemsBatchTest {
    private static final String TABLE = "app-table";

    @Test
    void writesInBatchesOf25AndSendsAgainWhatWasLeftUnprocessed() {
        List<Integer> requestSizes = new ArrayList<>();
        DynamoDbClient dynamo = new BatchOnlyClient() {
            private int calls;

            @Override
            public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
                List<WriteRequest> sent = request.requestItems().get(TABLE);
                requestSizes.add(sent.size());
                boolean throttled = calls++ == 0;
                return BatchWriteItemResponse.builder().unprocessedItems(throttled
                        ? Map.of(TABLE, List.of(sent.get(sent.size() - 1))) : Map.of()).build();
            }
        };
        List<WriteRequest> puts = IntStream.range(0, 30).mapToObj(i -> WriteRequest.builder()
                .putRequest(put -> put.item(TableItems.key("USER#u1", "ITEM#" + i))).build()).toList();

        new TableItems(dynamo, new AppTable(TABLE)).batchWrite(puts, "test items");

        // 25, then the one item left unprocessed, then the remaining 5
        assertThat(requestSizes).containsExactly(25, 1, 5);
    }

    @Test
    void readsInBatchesOf100AndAsksAgainForUnprocessedKeys() {
        List<Integer> requestSizes = new ArrayList<>();
        DynamoDbClient dynamo = new BatchOnlyClient() {
            private int calls;

            @Override
            public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
                KeysAndAttributes sent = request.requestItems().get(TABLE);
                requestSizes.add(sent.keys().size());
                assertThat(sent.consistentRead()).isTrue();
                List<Map<String, AttributeValue>> keys = sent.keys();
                boolean throttled = calls++ == 0;
                List<Map<String, AttributeValue>> answered = throttled ? keys.subList(0, keys.size() - 1) : keys;
                BatchGetItemResponse.Builder response = BatchGetItemResponse.builder()
                        .responses(Map.of(TABLE, answered));
                if (throttled) {
                    response.unprocessedKeys(Map.of(TABLE, sent.toBuilder().keys(keys.get(keys.size() - 1)).build()));
                }
                return response.build();
            }
        };
        List<Map<String, AttributeValue>> keys = IntStream.range(0, 101)
                .mapToObj(i -> TableItems.key("USER#u1", "ITEM#" + i)).toList();

        List<Map<String, AttributeValue>> found = new TableItems(dynamo, new AppTable(TABLE)).batchGet(keys, "test items");

        assertThat(found).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(requestSizes).containsExactly(100, 1, 1);
    }

    /** A client that answers only what a test overrides. */
    private abstract static class BatchOnlyClient implements DynamoDbClient {
        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }
}
