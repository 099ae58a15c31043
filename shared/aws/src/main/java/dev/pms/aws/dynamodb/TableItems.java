package dev.pms.aws.dynamodb;

import dev.pms.core.common.Page;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.function.UnaryOperator;

/**
 * The item mechanics every repository of the {@link AppTable} shares: reads by key, prefix queries page after page
 * (all of them, the first n, or a listing continued by a {@link PageTokens} token), batch reads and writes that retry
 * what DynamoDB leaves unprocessed, and conditional writes whose failed condition is an answer, not an error.
 */
final class TableItems {
    private static final int BATCH_GET_LIMIT = 100;
    private static final int BATCH_WRITE_LIMIT = 25;
    private static final int MAX_BATCH_ATTEMPTS = 8;
    private static final Duration BATCH_RETRY_BASE = Duration.ofMillis(50);
    /** Items read per request when only the first n are wanted. */
    private static final int READ_PAGE = 100;
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";
    private static final String TRANSACTION_CONFLICT = "TransactionConflict";

    private final DynamoDbClient dynamo;
    private final String table;

    TableItems(DynamoDbClient dynamo, AppTable table) {
        this.dynamo = dynamo;
        this.table = table.name();
    }

    String tableName() {
        return table;
    }

    static Map<String, AttributeValue> key(String partition, String sortKey) {
        return Map.of(AppTable.PK, Attr.s(partition), AppTable.SK, Attr.s(sortKey));
    }

    /** A new item of {@code type} (its {@value AppTable#TYPE}) with this key, for the repository to add to. */
    static Map<String, AttributeValue> newItem(Map<String, AttributeValue> key, String type) {
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put(AppTable.TYPE, Attr.s(type));
        return item;
    }

    static Map<String, AttributeValue> newItem(String partition, String sortKey, String type) {
        return newItem(key(partition, sortKey), type);
    }

    /** The item with this key, read consistently. */
    Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /** Deletes the item with this key; whether there was one. */
    boolean delete(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> old = dynamo.deleteItem(delete -> delete.tableName(table).key(key)
                .returnValues(ReturnValue.ALL_OLD)).attributes();
        return old != null && !old.isEmpty();
    }

    /** A delete of the item with this key, for a transaction. */
    Delete deletion(Map<String, AttributeValue> key) {
        return Delete.builder().tableName(table).key(key).build();
    }

    /** Every item the query finds. */
    List<Map<String, AttributeValue>> all(PrefixQuery query) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        pages(null, startKey -> query.request(table, null, startKey), page -> {
            items.addAll(page.items());
            return true;
        });
        return items;
    }

    /** The first {@code max} items the query finds. */
    List<Map<String, AttributeValue>> first(PrefixQuery query, int max) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        pages(null, startKey -> query.request(table, Math.min(READ_PAGE, max - items.size()), startKey), page -> {
            items.addAll(page.items());
            return items.size() < max;
        });
        return items;
    }

    /**
     * One page of a listing of at most {@code limit} items, continued from {@code nextToken}; the token of the next
     * page is bound to the partition and to {@code listing}, which names the query and its filters.
     */
    <T> Page<T> page(PrefixQuery query, String listing, PageTokens tokens, int limit, String nextToken,
                     Function<Map<String, AttributeValue>, T> mapper) {
        return page(query, listing, tokens, limit, nextToken, mapper, item -> 0, 0);
    }

    /**
     * {@link #page(PrefixQuery, String, PageTokens, int, String, Function)} that also ends the page before the items'
     * summed {@code weight} would pass {@code budget} (a page holds at least one item, whatever it weighs).
     */
    <T> Page<T> page(PrefixQuery query, String listing, PageTokens tokens, int limit, String nextToken,
                     Function<Map<String, AttributeValue>, T> mapper, ToIntFunction<Map<String, AttributeValue>> weight,
                     int budget) {
        Map<String, AttributeValue> startKey = nextToken == null ? null
                : tokens.decode(nextToken, query.partition(), listing, query.prefix());
        Listing<T> listed = new Listing<>(limit);
        pages(startKey, next -> query.request(table, query.readSize(listed.room()), next), page -> {
            for (Map<String, AttributeValue> item : page.items()) {
                int itemWeight = weight.applyAsInt(item);
                boolean overBudget = !listed.items.isEmpty() && listed.weight + itemWeight > budget && itemWeight > 0;
                if (listed.room() == 0 || overBudget) {
                    listed.more = true;
                    return false;
                }
                listed.items.add(mapper.apply(item));
                listed.weight += itemWeight;
                listed.lastReturned = query.positionOf(item);
            }
            listed.more = hasMore(page);
            return listed.room() > 0;
        });
        String token = listed.more && listed.lastReturned != null
                ? tokens.encode(listed.lastReturned, query.partition(), listing) : null;
        return new Page<>(listed.items, token);
    }

    /** Deletes every item the query finds, a batch at a time, and returns how many there were. */
    int deleteAll(PrefixQuery query) {
        PrefixQuery keys = query.keysOnly();
        int[] deleted = {0};
        pages(null, startKey -> keys.request(table, BATCH_WRITE_LIMIT, startKey), page -> {
            batchWrite(page.items().stream()
                    .map(item -> WriteRequest.builder().deleteRequest(delete -> delete.key(item)).build()).toList(),
                    "items under " + query.prefix());
            deleted[0] += page.items().size();
            return true;
        });
        return deleted[0];
    }

    /** The items with these keys that exist, read consistently, in no particular order. */
    List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys, String what) {
        return batchGet(keys, what, List.of());
    }

    /** {@link #batchGet(List, String)} returning only the {@code attributes} of each item (all when empty). */
    List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys, String what,
                                               List<String> attributes) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> batch = keys.subList(from, Math.min(keys.size(), from + BATCH_GET_LIMIT));
            KeysAndAttributes.Builder wanted = KeysAndAttributes.builder().keys(batch).consistentRead(true);
            if (!attributes.isEmpty()) {
                Map<String, String> names = new LinkedHashMap<>();
                attributes.forEach(attribute -> names.put("#a" + names.size(), attribute));
                wanted.projectionExpression(String.join(", ", names.keySet())).expressionAttributeNames(names);
            }
            untilProcessed(Map.of(table, wanted.build()), pending -> {
                BatchGetItemResponse response = dynamo.batchGetItem(request -> request.requestItems(pending));
                found.addAll(response.responses().getOrDefault(table, List.of()));
                return response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }, what);
        }
        return found;
    }

    /** Writes the requests in batches of 25. */
    void batchWrite(List<WriteRequest> requests, String what) {
        for (int from = 0; from < requests.size(); from += BATCH_WRITE_LIMIT) {
            List<WriteRequest> batch = requests.subList(from, Math.min(requests.size(), from + BATCH_WRITE_LIMIT));
            untilProcessed(Map.of(table, batch),
                    pending -> dynamo.batchWriteItem(request -> request.requestItems(pending)).unprocessedItems(), what);
        }
    }

    /** A put of {@code item}, for a transaction. */
    Put put(Map<String, AttributeValue> item) {
        return Put.builder().tableName(table).item(item).build();
    }

    /** A put of {@code item} that applies only where {@code condition} holds, for a transaction or alone. */
    Put put(Map<String, AttributeValue> item, Condition condition) {
        Put.Builder put = Put.builder().tableName(table).item(item)
                .conditionExpression(condition.expression()).expressionAttributeNames(condition.names());
        if (!condition.values().isEmpty()) {
            put.expressionAttributeValues(condition.values());
        }
        return put.build();
    }

    /** A check, for a transaction, that the item with this key meets {@code condition}. */
    ConditionCheck conditionCheck(Map<String, AttributeValue> key, Condition condition) {
        ConditionCheck.Builder check = ConditionCheck.builder().tableName(table).key(key)
                .conditionExpression(condition.expression()).expressionAttributeNames(condition.names());
        if (!condition.values().isEmpty()) {
            check.expressionAttributeValues(condition.values());
        }
        return check.build();
    }

    /** Writes the put alone; a failed condition is thrown as DynamoDB's {@link ConditionalCheckFailedException}. */
    void write(Put put) {
        PutItemRequest.Builder request = PutItemRequest.builder().tableName(put.tableName()).item(put.item());
        if (put.conditionExpression() != null) {
            request.conditionExpression(put.conditionExpression()).expressionAttributeNames(put.expressionAttributeNames());
        }
        if (put.hasExpressionAttributeValues()) {
            request.expressionAttributeValues(put.expressionAttributeValues());
        }
        dynamo.putItem(request.build());
    }

    /** Writes {@code item} if {@code condition} holds; false when it does not. */
    boolean putIf(Map<String, AttributeValue> item, Condition condition) {
        return applied(() -> write(put(item, condition)));
    }

    /** The item as the update left it, or empty when the update's condition did not hold. */
    Optional<Map<String, AttributeValue>> updateIf(UpdateItemRequest update) {
        try {
            return Optional.of(dynamo.updateItem(update).attributes());
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    /** Writes all or nothing. */
    void transact(List<TransactWriteItem> writes) {
        dynamo.transactWriteItems(transaction -> transaction.transactItems(writes));
    }

    /**
     * Writes all or nothing; a cancellation {@code isConflict} recognises (see {@link #conditionFailed}) is thrown as
     * the domain's {@code conflict}, any other as it came.
     */
    void transact(List<TransactWriteItem> writes, Predicate<TransactionCanceledException> isConflict,
                  Supplier<? extends RuntimeException> conflict) {
        try {
            transact(writes);
        } catch (TransactionCanceledException e) {
            if (isConflict.test(e)) {
                throw conflict.get();
            }
            throw e;
        }
    }

    /** Whether a condition cancelled the transaction (rather than, say, a conflicting transaction). */
    static boolean conditionFailed(TransactionCanceledException e) {
        return !e.hasCancellationReasons() || e.cancellationReasons().stream()
                .anyMatch(reason -> CONDITION_FAILED.equals(reason.code()));
    }

    /** Whether another transaction on one of the same items cancelled this one (DynamoDB's TransactionConflict). */
    static boolean collided(TransactionCanceledException e) {
        return e.hasCancellationReasons() && e.cancellationReasons().stream()
                .anyMatch(reason -> TRANSACTION_CONFLICT.equals(reason.code()));
    }

    /** Whether the condition of the transaction's {@code index}th write failed. */
    static boolean conditionFailedAt(TransactionCanceledException e, int index) {
        return e.hasCancellationReasons() && e.cancellationReasons().size() > index
                && CONDITION_FAILED.equals(e.cancellationReasons().get(index).code());
    }

    private static boolean applied(Runnable conditionalWrite) {
        try {
            conditionalWrite.run();
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * Runs the query page after page from {@code startKey} (null: the start) while {@code takePage} wants more and
     * DynamoDB has more.
     */
    private void pages(Map<String, AttributeValue> startKey, Function<Map<String, AttributeValue>, QueryRequest> request,
                       Predicate<QueryResponse> takePage) {
        Map<String, AttributeValue> next = startKey;
        do {
            QueryResponse page = dynamo.query(request.apply(next));
            if (!takePage.test(page)) {
                return;
            }
            next = hasMore(page) ? page.lastEvaluatedKey() : null;
        } while (next != null);
    }

    private static boolean hasMore(QueryResponse page) {
        return page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty();
    }

    /**
     * Sends {@code pending} until DynamoDB leaves nothing unprocessed, pausing 100, 200, 400 … ms before each retry,
     * and gives up after {@value #MAX_BATCH_ATTEMPTS} attempts.
     */
    private static <P> void untilProcessed(Map<String, P> first, UnaryOperator<Map<String, P>> send, String what) {
        Map<String, P> pending = first;
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt == MAX_BATCH_ATTEMPTS) {
                throw new IllegalStateException("DynamoDB kept " + what + " unprocessed");
            }
            if (attempt > 0) {
                LockSupport.parkNanos(BATCH_RETRY_BASE.toNanos() << attempt);
            }
            pending = send.apply(pending);
        }
    }

    /** What a listing has collected so far. */
    private static final class Listing<T> {
        private final int limit;
        private final List<T> items;
        private Map<String, AttributeValue> lastReturned;
        private boolean more;
        private long weight;

        private Listing(int limit) {
            this.limit = limit;
            this.items = new ArrayList<>(limit);
        }

        private int room() {
            return limit - items.size();
        }
    }
}
