package dev.pms.aws.dynamodb;

import dev.pms.core.personalization.Signal;
import dev.pms.core.personalization.SignalLog;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
    /** Fixed width, so that sort keys order as times do. */
    private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final TableItems items;

    public DynamoSignalLog(DynamoDbClient dynamo, AppTable table) {
        this.items = new TableItems(dynamo, table);
    }

    @Override
    public void append(String userId, List<Signal> signals, Instant expiresAt) {
        List<Map<String, AttributeValue>> toWrite = signals.stream().map(signal -> item(userId, signal, expiresAt)).toList();
        if (toWrite.size() == 1) {
            items.write(items.put(toWrite.get(0)));
            return;
        }
        items.batchWrite(toWrite.stream().map(item -> WriteRequest.builder().putRequest(put -> put.item(item)).build())
                .toList(), "preference signals");
    }

    @Override
    public List<Signal> recent(String userId, int limit) {
        return items.first(PrefixQuery.sortKey(AppTable.tenantKey(userId), PREFIX).newestFirst(), limit).stream()
                .map(DynamoSignalLog::read).toList();
    }

    @Override
    public int forget(String userId) {
        return items.deleteAll(PrefixQuery.sortKey(AppTable.tenantKey(userId), PREFIX));
    }

    private static Map<String, AttributeValue> item(String userId, Signal signal, Instant expiresAt) {
        Map<String, AttributeValue> item = TableItems.newItem(AppTable.tenantKey(userId),
                PREFIX + SORTABLE.format(signal.at()) + "#" + UUID.randomUUID().toString().substring(0, 8), ITEM_TYPE);
        item.put(AppTable.EXPIRES_AT, Attr.n(expiresAt.getEpochSecond()));
        item.put(AppTable.DOCUMENT, Documents.of(signal));
        return item;
    }

    private static Signal read(Map<String, AttributeValue> item) {
        return Documents.read(item, Signal.class);
    }
}
