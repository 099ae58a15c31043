package dev.pms.aws.dynamodb;

import dev.pms.core.asset.AssetRecord;
import dev.pms.core.error.VersionConflictException;
import dev.pms.core.generation.GenerationRun;
import dev.pms.core.generation.GenerationRunRepository;
import dev.pms.core.generation.RunStatus;
import dev.pms.core.pricing.Plan;
import dev.pms.core.usage.UsageAmounts;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
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
    /** No run yet, or the last one has finished. */
    private static final Condition NEW_OR_FINISHED = new Condition(
            "attribute_not_exists(#sk) OR #status IN (:s0, :s1, :s2, :s3)", Map.of("#sk", AppTable.SK, "#status", STATUS),
            Map.of(":s0", Attr.s(RunStatus.SUCCEEDED.code()), ":s1", Attr.s(RunStatus.COMPLETED_WITH_FAILURES.code()),
                    ":s2", Attr.s(RunStatus.FAILED.code()), ":s3", Attr.s(RunStatus.STOPPED.code())));

    private final TableItems items;
    private final DynamoUsageLedger ledger;
    private final DynamoAssetRepository assets;

    public DynamoGenerationRunRepository(DynamoDbClient dynamo, AppTable table, DynamoUsageLedger ledger,
                                         DynamoAssetRepository assets) {
        this.items = new TableItems(dynamo, table);
        this.ledger = ledger;
        this.assets = assets;
    }

    @Override
    public Optional<GenerationRun> find(String userId, String campaignId) {
        return items.get(key(userId, campaignId)).map(DynamoGenerationRunRepository::fromItem);
    }

    @Override
    public boolean start(String userId, GenerationRun run) {
        return items.putIf(toItem(userId, run), NEW_OR_FINISHED);
    }

    @Override
    public void update(String userId, GenerationRun run) {
        if (!items.putIf(toItem(userId, run), Condition.versionIs(run.version() - 1))) {
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
        Condition stillStarting = new Condition(
                "#run = :run AND #status IN (:starting, :awaiting) AND #version = :expected",
                Map.of("#run", RUN_ID, "#status", STATUS, "#version", AppTable.VERSION), values);
        writes.add(TransactWriteItem.builder().put(items.put(toItem(userId, generating), stillStarting)).build());
        queued.forEach(asset -> writes.add(TransactWriteItem.builder().put(assets.newPut(userId, asset)).build()));
        try {
            items.transact(writes);
            return Reservation.RESERVED;
        } catch (TransactionCanceledException e) {
            if (reservesMoney && TableItems.conditionFailedAt(e, 0)) {
                return Reservation.PLAN_EXCEEDED;
            }
            if (TableItems.conditionFailedAt(e, reservesMoney ? 1 : 0)) {
                return Reservation.ALREADY_RESERVED;
            }
            throw e;
        }
    }

    private Map<String, AttributeValue> toItem(String userId, GenerationRun run) {
        Map<String, AttributeValue> item = TableItems.newItem(key(userId, run.campaignId()), "generation_run");
        item.put(STATUS, Attr.s(run.status().code()));
        item.put(RUN_ID, Attr.s(run.runId()));
        item.put(AppTable.VERSION, Attr.n(run.version()));
        item.put(AppTable.DOCUMENT, Documents.of(run));
        return item;
    }

    private static GenerationRun fromItem(Map<String, AttributeValue> item) {
        return Documents.read(item, GenerationRun.class);
    }

    static Map<String, AttributeValue> key(String userId, String campaignId) {
        return TableItems.key(AppTable.tenantKey(userId), SK_PREFIX + campaignId);
    }
}
