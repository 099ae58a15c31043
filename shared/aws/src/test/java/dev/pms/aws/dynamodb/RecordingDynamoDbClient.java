package dev.pms.aws.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link DynamoDbClient} that records the writes it is sent and answers them without storing anything: reads (a get, or a query
 * finding it alone) return {@link #stored}, and {@link #failWritesWith} makes every write throw (a failed condition, a cancelled transaction).
 * Any other operation is unsupported, so a test sees when an adapter starts to call one.
 */
final class RecordingDynamoDbClient implements DynamoDbClient {
    private final List<Object> writes = new ArrayList<>();
    private Map<String, AttributeValue> stored = Map.of();
    private RuntimeException writeFailure;

    void store(Map<String, AttributeValue> item) {
        stored = item;
    }

    void failWritesWith(RuntimeException failure) {
        writeFailure = failure;
    }

    /** The only write sent, which must be of {@code type}. */
    <T> T onlyWrite(Class<T> type) {
        if (writes.size() != 1) {
            throw new AssertionError("expected one write, got " + writes);
        }
        return type.cast(writes.get(0));
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        return GetItemResponse.builder().item(stored).build();
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        return QueryResponse.builder().items(stored.isEmpty() ? List.of() : List.of(stored)).build();
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        record(request);
        return PutItemResponse.builder().build();
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request) {
        record(request);
        return UpdateItemResponse.builder().attributes(stored).build();
    }

    @Override
    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
        record(request);
        return TransactWriteItemsResponse.builder().build();
    }

    private void record(Object request) {
        writes.add(request);
        if (writeFailure != null) {
            throw writeFailure;
        }
    }

    @Override
    public String serviceName() {
        return "dynamodb";
    }

    @Override
    public void close() {
    }
}
