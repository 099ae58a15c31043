package dev.pms.aws.dynamodb;

import dev.pms.core.asset.AssetFilter;
import dev.pms.core.asset.AssetProgress;
import dev.pms.core.asset.AssetRecord;
import dev.pms.core.asset.AssetRepository;
import dev.pms.core.asset.AssetStatus;
import dev.pms.core.common.Ids;
import dev.pms.core.common.Page;
import dev.pms.core.pricing.Plan;
import dev.pms.core.usage.UsageAmounts;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    /** What a status poll reads of a record ({@link AssetProgress}), kept beside the document. */
    private static final String PROGRESS = "progress";
    private static final int FILTERED_READ_AHEAD = 50;
    /** The record is still queued or generating. */
    private static final Condition OPEN = new Condition("#status IN (:queued, :generating)", Map.of("#status", STATUS),
            Map.of(":queued", Attr.s(AssetStatus.QUEUED.code()), ":generating", Attr.s(AssetStatus.GENERATING.code())));

    private final TableItems items;
    private final DynamoUsageLedger ledger;
    private final PageTokens pageTokens;

    public DynamoAssetRepository(DynamoDbClient dynamo, AppTable table, DynamoUsageLedger ledger, PageTokens pageTokens) {
        this.items = new TableItems(dynamo, table);
        this.ledger = ledger;
        this.pageTokens = pageTokens;
    }

    @Override
    public Optional<AssetRecord> find(String userId, String assetLibraryId) {
        if (!Ids.plausible(assetLibraryId)) {
            return Optional.empty();
        }
        return items.get(key(userId, assetLibraryId)).map(DynamoAssetRepository::fromItem);
    }

    @Override
    public List<AssetRecord> findAll(String userId, Collection<String> assetLibraryIds) {
        List<Map<String, AttributeValue>> keys = assetLibraryIds.stream().distinct().map(id -> key(userId, id)).toList();
        return items.batchGet(keys, "asset records").stream().map(DynamoAssetRepository::fromItem).toList();
    }

    /**
     * One BatchGetItem of the small {@value #PROGRESS} attribute instead of whole records; records written before it
     * existed are read whole.
     */
    @Override
    public List<AssetProgress> progressOf(String userId, Collection<String> assetLibraryIds) {
        List<Map<String, AttributeValue>> keys = assetLibraryIds.stream().distinct().map(id -> key(userId, id)).toList();
        List<AssetProgress> progress = new ArrayList<>();
        List<String> withoutProgress = new ArrayList<>();
        for (Map<String, AttributeValue> item : items.batchGet(keys, "asset progress", List.of(AppTable.SK, PROGRESS))) {
            if (item.containsKey(PROGRESS)) {
                progress.add(Documents.read(item, PROGRESS, AssetProgress.class));
            } else {
                withoutProgress.add(item.get(AppTable.SK).s().substring(SK_PREFIX.length()));
            }
        }
        if (!withoutProgress.isEmpty()) {
            findAll(userId, withoutProgress).forEach(asset -> progress.add(AssetProgress.of(asset)));
        }
        return progress;
    }

    @Override
    public Page<AssetRecord> list(String userId, AssetFilter filter, int limit, String nextToken) {
        String campaignId = filter.campaignId();
        String assetType = filter.assetType() == null ? null : filter.assetType().code();
        String channel = filter.channel() == null ? null : filter.channel().code();
        String status = filter.status() == null ? null : filter.status().code();
        String listing = "assets?campaign_id=" + orEmpty(campaignId) + "&asset_type=" + orEmpty(assetType)
                + "&channel=" + orEmpty(channel) + "&status=" + orEmpty(status);
        PrefixQuery query = PrefixQuery.localIndex(AppTable.tenantKey(userId), SK_PREFIX).newestFirst()
                .where("campaign_id", campaignId).where("asset_type", assetType).where("channel", channel)
                .where(STATUS, status).readingAheadWhenFiltered(FILTERED_READ_AHEAD);
        return items.page(query, listing, pageTokens, limit, nextToken, DynamoAssetRepository::fromItem);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    @Override
    public boolean createReserved(String userId, AssetRecord asset, YearMonth month, Plan plan) {
        Optional<Update> usage = ledger.reserveUpdate(userId, month, asset.reserved(), plan);
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
            items.transact(writes);
            return true;
        } catch (TransactionCanceledException e) {
            if (reservesMoney && TableItems.conditionFailedAt(e, 0)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean updateOpen(String userId, AssetRecord asset) {
        return items.putIf(toItem(userId, asset), OPEN);
    }

    /** The asset's item as a conditional put inside a transaction (the record must still be open). */
    Put openPut(String userId, AssetRecord asset) {
        return items.put(toItem(userId, asset), OPEN);
    }

    /** A new queued asset's item as a put inside a transaction (it must not exist yet). */
    Put newPut(String userId, AssetRecord asset) {
        return items.put(toItem(userId, asset), Condition.ABSENT);
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
            items.transact(writes);
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
        if (!Ids.plausible(assetLibraryId)) {
            return false;
        }
        return items.delete(key(userId, assetLibraryId));
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
        item.put(AppTable.DOCUMENT, Documents.of(AssetDocument.of(asset)));
        item.put(PROGRESS, Documents.of(AssetProgress.of(asset)));
        return item;
    }

    private static AssetRecord fromItem(Map<String, AttributeValue> item) {
        return Documents.read(item, AssetDocument.class).toRecord();
    }

    private static Map<String, AttributeValue> key(String userId, String assetLibraryId) {
        return TableItems.key(AppTable.tenantKey(userId), SK_PREFIX + assetLibraryId);
    }
}
