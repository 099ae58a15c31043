package dev.pms.aws.dynamodb;

import dev.pms.core.optimization.OptimizationRecord;
import dev.pms.core.optimization.OptimizationRunRepository;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * One item per campaign per day ({@code sk = OPTRUN#<campaign>#<day>}): claimed with a conditional put (new, or the
 * day's earlier run failed), then overwritten with what the run did.
 */
@Singleton
public class DynamoOptimizationRunRepository implements OptimizationRunRepository {
    private static final String STATUS = "status";
    private static final String ITEM_TYPE = "optimization_run";
    /** The day has no run yet, or its run failed. */
    private static final Condition NEW_OR_FAILED = new Condition("attribute_not_exists(#sk) OR #status = :failed",
            Map.of("#sk", AppTable.SK, "#status", STATUS), Map.of(":failed", Attr.s("failed")));

    private final TableItems items;

    public DynamoOptimizationRunRepository(DynamoDbClient dynamo, AppTable table) {
        this.items = new TableItems(dynamo, table);
    }

    @Override
    public boolean claim(String userId, String campaignId, LocalDate day, Instant now) {
        Map<String, AttributeValue> item = TableItems.newItem(key(userId, campaignId, day), ITEM_TYPE);
        item.put(STATUS, Attr.s("running"));
        item.put("claimed_at", Attr.s(now.toString()));
        return items.putIf(item, NEW_OR_FAILED);
    }

    @Override
    public void complete(String userId, OptimizationRecord record) {
        Map<String, AttributeValue> item = TableItems.newItem(key(userId, record.campaignId(), record.day()), ITEM_TYPE);
        item.put(STATUS, Attr.s(record.status()));
        item.put(AppTable.DOCUMENT, Documents.of(record));
        items.write(items.put(item));
    }

    @Override
    public Optional<OptimizationRecord> find(String userId, String campaignId, LocalDate day) {
        return items.get(key(userId, campaignId, day)).filter(item -> item.containsKey(AppTable.DOCUMENT))
                .map(item -> Documents.read(item, OptimizationRecord.class));
    }

    private static Map<String, AttributeValue> key(String userId, String campaignId, LocalDate day) {
        return TableItems.key(AppTable.tenantKey(userId), CampaignOpsKeys.OPTIMIZATION_RUN + campaignId + "#" + day);
    }
}
