package dev.pms.aws.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pms.core.json.Json;
import dev.pms.core.personalization.Signal;
import dev.pms.core.personalization.SignalLog;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Preference signals: one small item per signal under the user's partition, {@code sk = SIGNAL#<at>#<random>}, so a
 * reverse query reads the newest first; each carries the table's TTL attribute {@value AppTable#EXPIRES_AT}. The
 * item holds the signal's kind, attributes and time and nothing else about the user than the partition key.
 */
@Singleton
public class DynamoSignalLog implements SignalLog {
    static final String PREFIX = "SIGNAL#";
    static final String ITEM_TYPE = "preference_signal";
    private static final int PAGE = 100;
    /** Fixed width, so that sort keys order as times do. */
    private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final DynamoDbClient dynamo;
    private final AppTable table;

    public DynamoSignalLog(DynamoDbClient dynamo, AppTable table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void append(String userId, List<Signal> signals, Instant expiresAt) {
        List<Map<String, AttributeValue>> items = signals.stream().map(signal -> item(userId, signal, expiresAt)).toList();
        if (items.size() == 1) {
            dynamo.putItem(put -> put.tableName(table.name()).item(items.get(0)));
            return;
        }
        table.batchWrite(dynamo, items.stream().map(item -> WriteRequest.builder().putRequest(p -> p.item(item)).build())
                .toList(), "preference signals");
    }

    @Override
    public List<Signal> recent(String userId, int limit) {
        List<Signal> signals = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table.name())
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                    .expressionAttributeNames(Map.of("#pk", AppTable.PK, "#sk", AppTable.SK))
                    .expressionAttributeValues(Map.of(":pk", Attr.s(AppTable.tenantKey(userId)), ":prefix", Attr.s(PREFIX)))
                    .scanIndexForward(false)
                    .limit(Math.min(PAGE, limit - signals.size()));
            if (startKey != null) {
                query.exclusiveStartKey(startKey);
            }
            QueryResponse page = dynamo.query(query.build());
            page.items().forEach(item -> signals.add(read(item)));
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null && signals.size() < limit);
        return signals;
    }

    @Override
    public int forget(String userId) {
        return table.deleteAllWithPrefix(dynamo, AppTable.tenantKey(userId), PREFIX);
    }

    private static Map<String, AttributeValue> item(String userId, Signal signal, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(AppTable.PK, Attr.s(AppTable.tenantKey(userId)));
        item.put(AppTable.SK, Attr.s(PREFIX + SORTABLE.format(signal.at()) + "#" + UUID.randomUUID().toString().substring(0, 8)));
        item.put(AppTable.TYPE, Attr.s(ITEM_TYPE));
        item.put(AppTable.EXPIRES_AT, Attr.n(expiresAt.getEpochSecond()));
        try {
            item.put(AppTable.DOCUMENT, Attr.s(Json.mapper().writeValueAsString(signal)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a signal of codes, numbers and short phrases always serialises", e);
        }
        return item;
    }

    private static Signal read(Map<String, AttributeValue> item) {
        try {
            return Json.mapper().readValue(item.get(AppTable.DOCUMENT).s(), Signal.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored signal " + item.get(AppTable.SK).s() + " is unreadable", e);
        }
    }
}
