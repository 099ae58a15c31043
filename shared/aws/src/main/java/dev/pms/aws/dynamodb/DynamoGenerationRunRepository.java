package dev.pms.aws.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pms.core.asset.AssetRecord;
import dev.pms.core.error.VersionConflictException;
import dev.pms.core.generation.GenerationRun;
import dev.pms.core.generation.GenerationRunRepository;
import dev.pms.core.generation.RunStatus;
import dev.pms.core.json.Json;
import dev.pms.core.pricing.Plan;
import dev.pms.core.usage.UsageAmounts;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each campaign's latest generation run ({@code sk = GENRUN#<campaign id>}) with {@code status}, {@code run_id}
 * and {@code version} beside the JSON document for conditions.
 */
@Singleton
public class DynamoGenerationRunRepository implements GenerationRunRepository {
    private static final String SK_PREFIX = "GENRUN#";
    private static final String STATUS = "status";
    private static final String RUN_ID = "run_id";

    private final DynamoDbClient dynamo;
    private final AppTable table;
    private final DynamoUsageLedger ledger;
    private final DynamoAssetRepository assets;

    public DynamoGenerationRunRepository(DynamoDbClient dynamo, AppTable table, DynamoUsageLedger ledger,
                                         DynamoAssetRepository assets) {
        this.dynamo = dynamo;
        this.table = table;
        this.ledger = ledger;
        this.assets = assets;
    }

    @Override
    public Optional<GenerationRun> find(String userId, String campaignId) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table.name())
                .key(key(userId, campaignId)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readValue(item.get(AppTable.DOCUMENT).s(), GenerationRun.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored generation run cannot be read", e);
        }
    }

    @Override
    public boolean start(String userId, GenerationRun run) {
        try {
            dynamo.putItem(put -> put.tableName(table.name()).item(toItem(userId, run))
                    .conditionExpression("attribute_not_exists(#sk) OR #status IN (:s0, :s1, :s2, :s3)")
                    .expressionAttributeNames(Map.of("#sk", AppTable.SK, "#status", STATUS))
                    .expressionAttributeValues(finalStatuses()));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void update(String userId, GenerationRun run) {
        try {
            dynamo.putItem(put -> put.tableName(table.name()).item(toItem(userId, run))
                    .conditionExpression("#version = :expected")
                    .expressionAttributeNames(Map.of("#version", AppTable.VERSION))
                    .expressionAttributeValues(Map.of(":expected", Attr.n(run.version() - 1))));
        } catch (ConditionalCheckFailedException e) {
            throw new VersionConflictException("generation run " + run.runId() + " changed meanwhile");
        }
    }

    @Override
    public Reservation reserve(String userId, GenerationRun generating, List<AssetRecord> queued, YearMonth month,
                               UsageAmounts total, Plan plan) {
        Optional<Update> usage = ledger.reserveUpdate(userId, month, total, plan);
        if (usage.isEmpty()) {
            return Reservation.PLAN_EXCEEDED;
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        boolean reservesMoney = usage.get().updateExpression() != null;
        if (reservesMoney) {
            writes.add(TransactWriteItem.builder().update(usage.get()).build());
        }
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":run", Attr.s(generating.runId()));
        values.put(":starting", Attr.s(RunStatus.STARTING.code()));
        values.put(":awaiting", Attr.s(RunStatus.AWAITING_APPROVAL.code()));
        values.put(":expected", Attr.n(generating.version() - 1));
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table.name()).item(toItem(userId, generating))
                .conditionExpression("#run = :run AND #status IN (:starting, :awaiting) AND #version = :expected")
                .expressionAttributeNames(Map.of("#run", RUN_ID, "#status", STATUS, "#version", AppTable.VERSION))
                .expressionAttributeValues(values).build()).build());
        queued.forEach(asset -> writes.add(TransactWriteItem.builder().put(assets.newPut(userId, asset)).build()));
        try {
            dynamo.transactWriteItems(transaction -> transaction.transactItems(writes));
            return Reservation.RESERVED;
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
            if (reservesMoney && !reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
                return Reservation.PLAN_EXCEEDED;
            }
            int runIndex = reservesMoney ? 1 : 0;
            if (reasons.size() > runIndex && "ConditionalCheckFailed".equals(reasons.get(runIndex).code())) {
                return Reservation.ALREADY_RESERVED;
            }
            throw e;
        }
    }

    private Map<String, AttributeValue> toItem(String userId, GenerationRun run) {
        Map<String, AttributeValue> item = new HashMap<>(key(userId, run.campaignId()));
        item.put(AppTable.TYPE, Attr.s("generation_run"));
        item.put(STATUS, Attr.s(run.status().code()));
        item.put(RUN_ID, Attr.s(run.runId()));
        item.put(AppTable.VERSION, Attr.n(run.version()));
        try {
            item.put(AppTable.DOCUMENT, Attr.s(Json.mapper().writeValueAsString(run)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("generation run cannot be serialised", e);
        }
        return item;
    }

    private static Map<String, AttributeValue> finalStatuses() {
        return Map.of(":s0", Attr.s(RunStatus.SUCCEEDED.code()), ":s1", Attr.s(RunStatus.COMPLETED_WITH_FAILURES.code()),
                ":s2", Attr.s(RunStatus.FAILED.code()), ":s3", Attr.s(RunStatus.STOPPED.code()));
    }

    static Map<String, AttributeValue> key(String userId, String campaignId) {
        return Map.of(AppTable.PK, Attr.s(AppTable.tenantKey(userId)), AppTable.SK, Attr.s(SK_PREFIX + campaignId));
    }
}
