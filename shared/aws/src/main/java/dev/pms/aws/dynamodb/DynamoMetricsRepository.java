package dev.pms.aws.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.pms.core.channel.Channel;
import dev.pms.core.error.VersionConflictException;
import dev.pms.core.json.Json;
import dev.pms.core.performance.DailyMetrics;
import dev.pms.core.performance.MetricRow;
import dev.pms.core.performance.MetricsRepository;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Daily metrics as one item per campaign and date ({@code sk = METRICS#<campaign>#<date>}), the day's rows packed as
 * arrays ({@code [asset_id|null, channel, impressions, clicks, conversions, spend, views]}) so that 40 assets' day
 * stays near 2 KB: a campaign's whole history is read with one query, and an import writes one item per day in one
 * transaction, each conditioned on the version it merged into.
 */
@Singleton
public class DynamoMetricsRepository implements MetricsRepository {
    private static final String ROWS = "rows";
    private static final int BATCH_GET_LIMIT = 100;
    private static final int MAX_BATCH_ATTEMPTS = 8;

    private final DynamoDbClient dynamo;
    private final AppTable table;

    public DynamoMetricsRepository(DynamoDbClient dynamo, AppTable table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Map<LocalDate, DailyMetrics> find(String userId, String campaignId, Collection<LocalDate> dates) {
        Map<LocalDate, DailyMetrics> found = new HashMap<>();
        List<LocalDate> all = new ArrayList<>(dates);
        for (int from = 0; from < all.size(); from += BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> keys = all.subList(from, Math.min(all.size(), from + BATCH_GET_LIMIT))
                    .stream().map(date -> key(userId, campaignId, date)).toList();
            Map<String, KeysAndAttributes> pending = Map.of(table.name(),
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt == MAX_BATCH_ATTEMPTS) {
                    throw new IllegalStateException("DynamoDB kept metric days unprocessed");
                }
                if (attempt > 0) {
                    LockSupport.parkNanos(Duration.ofMillis(50L << attempt).toNanos());
                }
                Map<String, KeysAndAttributes> request = pending;
                var response = dynamo.batchGetItem(batch -> batch.requestItems(request));
                response.responses().getOrDefault(table.name(), List.of()).forEach(item -> {
                    DailyMetrics day = fromItem(item, campaignId);
                    found.put(day.date(), day);
                });
                pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return found;
    }

    @Override
    public void saveAll(String userId, String campaignId, List<DailyMetrics> days) {
        if (days.size() > 100) {
            throw new IllegalArgumentException("one transaction holds at most 100 days");
        }
        List<TransactWriteItem> puts = new ArrayList<>();
        for (DailyMetrics day : days) {
            Map<String, AttributeValue> item = new HashMap<>(key(userId, campaignId, day.date()));
            item.put(AppTable.TYPE, Attr.s("metrics"));
            item.put(AppTable.VERSION, Attr.n(day.version() + 1));
            item.put(ROWS, Attr.s(pack(day)));
            puts.add(TransactWriteItem.builder().put(put -> {
                put.tableName(table.name()).item(item);
                if (day.version() == 0) {
                    put.conditionExpression("attribute_not_exists(#sk)").expressionAttributeNames(Map.of("#sk", AppTable.SK));
                } else {
                    put.conditionExpression("#version = :expected")
                            .expressionAttributeNames(Map.of("#version", AppTable.VERSION))
                            .expressionAttributeValues(Map.of(":expected", Attr.n(day.version())));
                }
            }).build());
        }
        try {
            dynamo.transactWriteItems(tx -> tx.transactItems(puts));
        } catch (TransactionCanceledException e) {
            if (!conditionFailed(e)) {
                throw e;
            }
            throw new VersionConflictException("metrics of campaign " + campaignId + " changed during the import");
        }
    }

    @Override
    public List<DailyMetrics> all(String userId, String campaignId) {
        List<DailyMetrics> days = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table.name())
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                    .expressionAttributeNames(Map.of("#pk", AppTable.PK, "#sk", AppTable.SK))
                    .expressionAttributeValues(Map.of(":pk", Attr.s(AppTable.tenantKey(userId)),
                            ":prefix", Attr.s(prefix(campaignId))));
            if (startKey != null) {
                query.exclusiveStartKey(startKey);
            }
            QueryResponse page = dynamo.query(query.build());
            page.items().forEach(item -> days.add(fromItem(item, campaignId)));
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return days;
    }

    /** Whether a transaction was cancelled by a failed condition (rather than, say, a conflicting transaction). */
    static boolean conditionFailed(TransactionCanceledException e) {
        return !e.hasCancellationReasons() || e.cancellationReasons().stream()
                .anyMatch(reason -> "ConditionalCheckFailed".equals(reason.code()));
    }

    static String pack(DailyMetrics day) {
        ArrayNode rows = Json.mapper().createArrayNode();
        for (MetricRow row : day.rows().values()) {
            ArrayNode packed = rows.addArray();
            if (row.assetId() == null) {
                packed.addNull();
            } else {
                packed.add(row.assetId());
            }
            packed.add(row.channel().code()).add(row.impressions()).add(row.clicks()).add(row.conversions())
                    .add(row.spend().toPlainString()).add(row.views());
        }
        return rows.toString();
    }

    private static DailyMetrics fromItem(Map<String, AttributeValue> item, String campaignId) {
        LocalDate date = LocalDate.parse(item.get(AppTable.SK).s().substring(prefix(campaignId).length()));
        Map<String, MetricRow> rows = new LinkedHashMap<>();
        try {
            for (JsonNode packed : Json.mapper().readTree(item.get(ROWS).s())) {
                MetricRow row = new MetricRow(packed.get(0).isNull() ? null : packed.get(0).asText(),
                        Channel.parse(packed.get(1).asText()).orElseThrow(), date, packed.get(2).asLong(),
                        packed.get(3).asLong(), packed.get(4).asLong(), new BigDecimal(packed.get(5).asText()),
                        packed.get(6).asLong());
                rows.put(row.key(), row);
            }
        } catch (Exception e) {
            throw new IllegalStateException("stored metrics " + item.get(AppTable.SK).s() + " are unreadable", e);
        }
        return new DailyMetrics(date, rows, Long.parseLong(item.get(AppTable.VERSION).n()));
    }

    private static Map<String, AttributeValue> key(String userId, String campaignId, LocalDate date) {
        return Map.of(AppTable.PK, Attr.s(AppTable.tenantKey(userId)), AppTable.SK, Attr.s(prefix(campaignId) + date));
    }

    private static String prefix(String campaignId) {
        return CampaignOpsKeys.METRICS + campaignId + "#";
    }
}
