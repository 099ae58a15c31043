package dev.pms.aws.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pms.core.asset.AssetFilter;
import dev.pms.core.asset.AssetRecord;
import dev.pms.core.asset.AssetRepository;
import dev.pms.core.asset.AssetStatus;
import dev.pms.core.common.Page;
import dev.pms.core.json.Json;
import dev.pms.core.usage.UsageAmounts;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * Asset library records ({@code sk = ASSET#<id>}, newest first on the local index with
 * {@code lsi1sk = ASSET#<created_at>#<id>}). Besides the JSON document each item keeps {@code status},
 * {@code campaign_id}, {@code asset_type} and {@code channel} as attributes for conditions and filters. Finishing a
 * job is one transaction of the record (still open) and the month's usage item.
 */
@Singleton
public class DynamoAssetRepository implements AssetRepository {
    static final String SK_PREFIX = "ASSET#";
    private static final String STATUS = "status";
    private static final int BATCH_GET_LIMIT = 100;
    private static final int MAX_BATCH_ATTEMPTS = 8;

    private final DynamoDbClient dynamo;
    private final AppTable table;
    private final DynamoUsageLedger ledger;
    private final PageTokens pageTokens;

    public DynamoAssetRepository(DynamoDbClient dynamo, AppTable table, DynamoUsageLedger ledger, PageTokens pageTokens) {
        this.dynamo = dynamo;
        this.table = table;
        this.ledger = ledger;
        this.pageTokens = pageTokens;
    }

    @Override
    public Optional<AssetRecord> find(String userId, String assetLibraryId) {
        if (!plausibleId(assetLibraryId)) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table.name())
                .key(key(userId, assetLibraryId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public List<AssetRecord> findAll(String userId, Collection<String> assetLibraryIds) {
        List<AssetRecord> found = new ArrayList<>();
        List<String> ids = assetLibraryIds.stream().distinct().toList();
        for (int from = 0; from < ids.size(); from += BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + BATCH_GET_LIMIT))
                    .stream().map(id -> key(userId, id)).toList();
            Map<String, KeysAndAttributes> pending = Map.of(table.name(),
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            for (int attempt = 0; !pending.isEmpty(); attempt++) {
                if (attempt == MAX_BATCH_ATTEMPTS) {
                    throw new IllegalStateException("DynamoDB kept asset records unprocessed");
                }
                if (attempt > 0) {
                    LockSupport.parkNanos(java.time.Duration.ofMillis(20L << attempt).toNanos());
                }
                Map<String, KeysAndAttributes> request = pending;
                BatchGetItemResponse response = dynamo.batchGetItem(batch -> batch.requestItems(request));
                response.responses().getOrDefault(table.name(), List.of()).forEach(item -> found.add(fromItem(item)));
                pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return found;
    }

    @Override
    public Page<AssetRecord> list(String userId, AssetFilter filter, int limit, String nextToken) {
        String partition = AppTable.tenantKey(userId);
        String query = "assets?campaign_id=" + orEmpty(filter.campaignId())
                + "&asset_type=" + (filter.assetType() == null ? "" : filter.assetType().code())
                + "&channel=" + (filter.channel() == null ? "" : filter.channel().code())
                + "&status=" + (filter.status() == null ? "" : filter.status().code());
        Map<String, AttributeValue> startKey = nextToken == null ? null
                : pageTokens.decode(nextToken, partition, query, SK_PREFIX);
        List<AssetRecord> page = new ArrayList<>(limit);
        Map<String, AttributeValue> lastReturnedKey = null;
        boolean more = true;
        while (page.size() < limit && more) {
            QueryResponse response = dynamo.query(query(partition, filter, limit - page.size(), startKey));
            boolean full = false;
            for (Map<String, AttributeValue> item : response.items()) {
                if (page.size() == limit) {
                    full = true;
                    break;
                }
                page.add(fromItem(item));
                lastReturnedKey = Map.of(AppTable.PK, item.get(AppTable.PK), AppTable.SK, item.get(AppTable.SK),
                        AppTable.LSI1_SK, item.get(AppTable.LSI1_SK));
            }
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
            more = full || startKey != null;
        }
        return new Page<>(page, more && lastReturnedKey != null ? pageTokens.encode(lastReturnedKey, partition, query) : null);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private QueryRequest query(String partition, AssetFilter filter, int limit, Map<String, AttributeValue> startKey) {
        Map<String, String> names = new HashMap<>(Map.of("#pk", AppTable.PK, "#lsk", AppTable.LSI1_SK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", Attr.s(partition), ":prefix", Attr.s(SK_PREFIX)));
        List<String> filters = new ArrayList<>();
        addFilter(filters, names, values, "campaign_id", filter.campaignId());
        addFilter(filters, names, values, "asset_type", filter.assetType() == null ? null : filter.assetType().code());
        addFilter(filters, names, values, "channel", filter.channel() == null ? null : filter.channel().code());
        addFilter(filters, names, values, STATUS, filter.status() == null ? null : filter.status().code());
        QueryRequest.Builder builder = QueryRequest.builder().tableName(table.name()).indexName(AppTable.LSI1)
                .keyConditionExpression("#pk = :pk AND begins_with(#lsk, :prefix)")
                .scanIndexForward(false)
                .limit(filters.isEmpty() ? limit : Math.max(limit, 50))
                .expressionAttributeNames(names).expressionAttributeValues(values);
        if (!filters.isEmpty()) {
            builder.filterExpression(String.join(" AND ", filters));
        }
        if (startKey != null) {
            builder.exclusiveStartKey(startKey);
        }
        return builder.build();
    }

    private static void addFilter(List<String> filters, Map<String, String> names, Map<String, AttributeValue> values,
                                  String attribute, String value) {
        if (value != null) {
            String name = "#f" + filters.size();
            String placeholder = ":f" + filters.size();
            names.put(name, attribute);
            values.put(placeholder, Attr.s(value));
            filters.add(name + " = " + placeholder);
        }
    }

    @Override
    public boolean createReserved(String userId, AssetRecord asset, YearMonth month, dev.pms.core.pricing.Plan plan) {
        Optional<software.amazon.awssdk.services.dynamodb.model.Update> usage =
                ledger.reserveUpdate(userId, month, asset.reserved(), plan);
        if (usage.isEmpty()) {
            return false;
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        boolean reservesMoney = usage.get().updateExpression() != null;
        if (reservesMoney) {
            writes.add(TransactWriteItem.builder().update(usage.get()).build());
        }
        writes.add(TransactWriteItem.builder().put(newPut(userId, asset)).build());
        try {
            dynamo.transactWriteItems(transaction -> transaction.transactItems(writes));
            return true;
        } catch (TransactionCanceledException e) {
            if (reservesMoney && e.hasCancellationReasons()
                    && "ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code())) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean updateOpen(String userId, AssetRecord asset) {
        try {
            dynamo.putItem(put -> put.tableName(table.name()).item(toItem(userId, asset))
                    .conditionExpression(OPEN_CONDITION)
                    .expressionAttributeNames(Map.of("#status", STATUS))
                    .expressionAttributeValues(openValues()));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static final String OPEN_CONDITION = "#status IN (:queued, :generating)";

    private static Map<String, AttributeValue> openValues() {
        return Map.of(":queued", Attr.s(AssetStatus.QUEUED.code()), ":generating", Attr.s(AssetStatus.GENERATING.code()));
    }

    /** The asset's item as a conditional put inside a transaction (the record must still be open). */
    Put openPut(String userId, AssetRecord asset) {
        return Put.builder().tableName(table.name()).item(toItem(userId, asset))
                .conditionExpression(OPEN_CONDITION)
                .expressionAttributeNames(Map.of("#status", STATUS))
                .expressionAttributeValues(openValues()).build();
    }

    /** A new queued asset's item as a put inside a transaction (it must not exist yet). */
    Put newPut(String userId, AssetRecord asset) {
        return Put.builder().tableName(table.name()).item(toItem(userId, asset))
                .conditionExpression("attribute_not_exists(#sk)")
                .expressionAttributeNames(Map.of("#sk", AppTable.SK)).build();
    }

    @Override
    public Outcome complete(String userId, AssetRecord ready, YearMonth month, UsageAmounts spent) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(openPut(userId, ready)).build());
        ledger.commitUpdate(userId, month, ready.reserved(), spent)
                .ifPresent(update -> writes.add(TransactWriteItem.builder().update(update).build()));
        return finish(userId, ready.assetLibraryId(), writes);
    }

    @Override
    public Outcome close(String userId, AssetRecord closed, YearMonth month) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(openPut(userId, closed)).build());
        ledger.releaseUpdate(userId, month, closed.reserved())
                .ifPresent(update -> writes.add(TransactWriteItem.builder().update(update).build()));
        return finish(userId, closed.assetLibraryId(), writes);
    }

    private Outcome finish(String userId, String assetLibraryId, List<TransactWriteItem> writes) {
        try {
            dynamo.transactWriteItems(transaction -> transaction.transactItems(writes));
            return Outcome.APPLIED;
        } catch (TransactionCanceledException e) {
            Optional<AssetRecord> stored = find(userId, assetLibraryId);
            if (stored.isEmpty()) {
                return Outcome.MISSING;
            }
            if (stored.get().status() == AssetStatus.READY) {
                return Outcome.ALREADY_READY;
            }
            if (!stored.get().isOpen()) {
                return Outcome.ALREADY_CLOSED;
            }
            throw e;
        }
    }

    @Override
    public boolean delete(String userId, String assetLibraryId) {
        if (!plausibleId(assetLibraryId)) {
            return false;
        }
        Map<String, AttributeValue> old = dynamo.deleteItem(delete -> delete.tableName(table.name())
                .key(key(userId, assetLibraryId))
                .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.ALL_OLD)).attributes();
        return old != null && !old.isEmpty();
    }

    Map<String, AttributeValue> toItem(String userId, AssetRecord asset) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(AppTable.PK, Attr.s(AppTable.tenantKey(userId)));
        item.put(AppTable.SK, Attr.s(SK_PREFIX + asset.assetLibraryId()));
        item.put(AppTable.LSI1_SK, Attr.s(SK_PREFIX + asset.createdAt() + "#" + asset.assetLibraryId()));
        item.put(AppTable.TYPE, Attr.s("asset"));
        item.put(STATUS, Attr.s(asset.status().code()));
        item.put("campaign_id", Attr.s(asset.campaignId()));
        item.put("asset_type", Attr.s(asset.assetType().code()));
        if (asset.channel() != null) {
            item.put("channel", Attr.s(asset.channel().code()));
        }
        try {
            item.put(AppTable.DOCUMENT, Attr.s(Json.mapper().writeValueAsString(AssetDocument.of(asset))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("asset record cannot be serialised", e);
        }
        return item;
    }

    private static AssetRecord fromItem(Map<String, AttributeValue> item) {
        try {
            return Json.mapper().readValue(item.get(AppTable.DOCUMENT).s(), AssetDocument.class).toRecord();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored asset record cannot be read", e);
        }
    }

    private Map<String, AttributeValue> key(String userId, String assetLibraryId) {
        return Map.of(AppTable.PK, Attr.s(AppTable.tenantKey(userId)), AppTable.SK, Attr.s(SK_PREFIX + assetLibraryId));
    }

    private static boolean plausibleId(String id) {
        return dev.pms.core.common.Ids.plausible(id);
    }
}
