package dev.pms.aws.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pms.core.distribution.Schedule;
import dev.pms.core.distribution.ScheduleRepository;
import dev.pms.core.error.VersionConflictException;
import dev.pms.core.json.Json;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Distribution schedules: every version kept ({@code sk = SCHEDULE#<campaign>#v<n>}) and a copy of the latest
 * ({@code sk = SCHEDLATEST#<campaign>#}), written in one transaction conditioned on the previous latest version, so
 * two concurrent builds cannot both store version n. The user's latest schedules are one query on their prefix.
 */
@Singleton
public class DynamoScheduleRepository implements ScheduleRepository {
    private final DynamoDbClient dynamo;
    private final AppTable table;

    public DynamoScheduleRepository(DynamoDbClient dynamo, AppTable table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Schedule> latest(String userId, String campaignId) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table.name())
                .key(Map.of(AppTable.PK, Attr.s(AppTable.tenantKey(userId)), AppTable.SK, Attr.s(latestKey(campaignId))))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public void save(String userId, Schedule schedule) {
        String partition = AppTable.tenantKey(userId);
        Map<String, AttributeValue> version = item(partition, versionKey(schedule.campaignId(), schedule.version()), schedule);
        Map<String, AttributeValue> latest = item(partition, latestKey(schedule.campaignId()), schedule);
        TransactWriteItem putVersion = TransactWriteItem.builder().put(put -> put.tableName(table.name()).item(version)
                .conditionExpression("attribute_not_exists(#sk)")
                .expressionAttributeNames(Map.of("#sk", AppTable.SK))).build();
        TransactWriteItem putLatest = TransactWriteItem.builder().put(put -> {
            put.tableName(table.name()).item(latest);
            if (schedule.version() == 1) {
                put.conditionExpression("attribute_not_exists(#sk)").expressionAttributeNames(Map.of("#sk", AppTable.SK));
            } else {
                put.conditionExpression("#version = :previous")
                        .expressionAttributeNames(Map.of("#version", AppTable.VERSION))
                        .expressionAttributeValues(Map.of(":previous", Attr.n(schedule.version() - 1)));
            }
        }).build();
        try {
            dynamo.transactWriteItems(tx -> tx.transactItems(putVersion, putLatest));
        } catch (TransactionCanceledException e) {
            if (!DynamoMetricsRepository.conditionFailed(e)) {
                throw e;
            }
            throw new VersionConflictException("schedule version " + schedule.version() + " of campaign "
                    + schedule.campaignId() + " was stored by another build; run distribution again");
        }
    }

    @Override
    public List<Schedule> latestOfEveryCampaign(String userId) {
        List<Schedule> schedules = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table.name())
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                    .expressionAttributeNames(Map.of("#pk", AppTable.PK, "#sk", AppTable.SK))
                    .expressionAttributeValues(Map.of(":pk", Attr.s(AppTable.tenantKey(userId)),
                            ":prefix", Attr.s(CampaignOpsKeys.SCHEDULE_LATEST)));
            if (startKey != null) {
                query.exclusiveStartKey(startKey);
            }
            QueryResponse page = dynamo.query(query.build());
            page.items().forEach(item -> schedules.add(fromItem(item)));
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return schedules;
    }

    private static Map<String, AttributeValue> item(String partition, String sortKey, Schedule schedule) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(AppTable.PK, Attr.s(partition));
        item.put(AppTable.SK, Attr.s(sortKey));
        item.put(AppTable.TYPE, Attr.s("schedule"));
        item.put(AppTable.VERSION, Attr.n(schedule.version()));
        try {
            item.put(AppTable.DOCUMENT, Attr.s(Json.mapper().writeValueAsString(schedule)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("schedule cannot be serialised", e);
        }
        return item;
    }

    private static Schedule fromItem(Map<String, AttributeValue> item) {
        try {
            return Json.mapper().readValue(item.get(AppTable.DOCUMENT).s(), Schedule.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored schedule " + item.get(AppTable.SK).s() + " is unreadable", e);
        }
    }

    private static String latestKey(String campaignId) {
        return CampaignOpsKeys.SCHEDULE_LATEST + campaignId + "#";
    }

    private static String versionKey(String campaignId, long version) {
        return CampaignOpsKeys.SCHEDULE_VERSION + campaignId + "#v" + String.format("%06d", version);
    }
}
