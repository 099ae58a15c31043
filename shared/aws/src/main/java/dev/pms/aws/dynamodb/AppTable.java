package dev.pms.aws.dynamodb;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * The single application table. Partition key {@code pk} is the tenant ({@code USER#<sub>}),
 * sort key {@code sk} the item; local index {@code lsi1} orders a tenant's items by {@code lsi1sk}; the sparse global
 * index {@code gsi1} lists items across tenants by {@code gsi1pk}/{@code gsi1sk}.
 */
@Singleton
public class AppTable {
    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String LSI1 = "lsi1";
    public static final String LSI1_SK = "lsi1sk";
    /** Global index {@code gsi1}: a sparse, keys-only index across tenants (active campaigns). */
    public static final String GSI1 = "gsi1";
    public static final String GSI1_PK = "gsi1pk";
    public static final String GSI1_SK = "gsi1sk";
    public static final String VERSION = "version";
    public static final String DOCUMENT = "doc";
    public static final String TYPE = "item_type";
    /** The table's time-to-live attribute: epoch seconds after which DynamoDB deletes the item. */
    public static final String EXPIRES_AT = "expires_at";

    private static final int BATCH_WRITE_LIMIT = 25;
    private static final int MAX_BATCH_ATTEMPTS = 8;

    private final String name;

    public AppTable(@Value("${table.name}") String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public static String tenantKey(String userId) {
        return "USER#" + userId;
    }

    /**
     * Deletes every item of the partition whose sort key starts with {@code prefix}, a page at a time, and returns
     * how many there were.
     */
    int deleteAllWithPrefix(DynamoDbClient dynamo, String partition, String prefix) {
        Map<String, AttributeValue> startKey = null;
        int deleted = 0;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(name)
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                    .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                    .expressionAttributeValues(Map.of(":pk", Attr.s(partition), ":prefix", Attr.s(prefix)))
                    .projectionExpression("#pk, #sk")
                    .limit(BATCH_WRITE_LIMIT);
            if (startKey != null) {
                query.exclusiveStartKey(startKey);
            }
            QueryResponse page = dynamo.query(query.build());
            batchWrite(dynamo, page.items().stream()
                    .map(item -> WriteRequest.builder().deleteRequest(d -> d.key(item)).build()).toList(), prefix);
            deleted += page.items().size();
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return deleted;
    }

    /**
     * Writes the requests in batches of 25, retrying what DynamoDB leaves unprocessed with a growing pause.
     *
     * @param what names the items in the failure message
     */
    void batchWrite(DynamoDbClient dynamo, List<WriteRequest> requests, String what) {
        for (int from = 0; from < requests.size(); from += BATCH_WRITE_LIMIT) {
            List<WriteRequest> batch = requests.subList(from, Math.min(requests.size(), from + BATCH_WRITE_LIMIT));
            Map<String, List<WriteRequest>> pending = Map.of(name, batch);
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt == MAX_BATCH_ATTEMPTS) {
                    throw new IllegalStateException("DynamoDB kept items of " + what + " unprocessed");
                }
                if (attempt > 0) {
                    LockSupport.parkNanos(Duration.ofMillis(50L << attempt).toNanos());
                }
                Map<String, List<WriteRequest>> request = pending;
                pending = dynamo.batchWriteItem(write -> write.requestItems(request)).unprocessedItems();
            }
        }
    }
}
