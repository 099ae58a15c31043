package dev.pms.aws.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pms.core.json.Json;
import dev.pms.core.optimization.OptimizationRecord;
import dev.pms.core.optimization.OptimizationRunRepository;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One item per campaign per day ({@code sk = OPTRUN#<campaign>#<day>}): claimed with a conditional put (new, or the
 * day's earlier run failed), then overwritten with what the run did.
 */
@Singleton
public class DynamoOptimizationRunRepository implements OptimizationRunRepository {
    private static final String STATUS = "status";

    private final DynamoDbClient dynamo;
    private final AppTable table;

    public DynamoOptimizationRunRepository(DynamoDbClient dynamo, AppTable table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean claim(String userId, String campaignId, LocalDate day, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(key(userId, campaignId, day));
        item.put(AppTable.TYPE, Attr.s("optimization_run"));
        item.put(STATUS, Attr.s("running"));
        item.put("claimed_at", Attr.s(now.toString()));
        try {
            dynamo.putItem(put -> put.tableName(table.name()).item(item)
                    .conditionExpression("attribute_not_exists(#sk) OR #status = :failed")
                    .expressionAttributeNames(Map.of("#sk", AppTable.SK, "#status", STATUS))
                    .expressionAttributeValues(Map.of(":failed", Attr.s("failed"))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void complete(String userId, OptimizationRecord record) {
        Map<String, AttributeValue> item = new HashMap<>(key(userId, record.campaignId(), record.day()));
        item.put(AppTable.TYPE, Attr.s("optimization_run"));
        item.put(STATUS, Attr.s(record.status()));
        try {
            item.put(AppTable.DOCUMENT, Attr.s(Json.mapper().writeValueAsString(record)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("optimisation record cannot be serialised", e);
        }
        dynamo.putItem(put -> put.tableName(table.name()).item(item));
    }

    @Override
    public Optional<OptimizationRecord> find(String userId, String campaignId, LocalDate day) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table.name())
                .key(key(userId, campaignId, day)).consistentRead(true)).item();
        if (item == null || !item.containsKey(AppTable.DOCUMENT)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readValue(item.get(AppTable.DOCUMENT).s(), OptimizationRecord.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored optimisation record is unreadable", e);
        }
    }

    private static Map<String, AttributeValue> key(String userId, String campaignId, LocalDate day) {
        return Map.of(AppTable.PK, Attr.s(AppTable.tenantKey(userId)),
                AppTable.SK, Attr.s(CampaignOpsKeys.OPTIMIZATION_RUN + campaignId + "#" + day));
    }
}
