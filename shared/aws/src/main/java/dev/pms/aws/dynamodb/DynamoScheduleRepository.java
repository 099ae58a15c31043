package dev.pms.aws.dynamodb;

import dev.pms.core.distribution.Schedule;
import dev.pms.core.distribution.ScheduleRepository;
import dev.pms.core.error.VersionConflictException;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

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
    private final TableItems items;

    public DynamoScheduleRepository(DynamoDbClient dynamo, AppTable table) {
        this.items = new TableItems(dynamo, table);
    }

    @Override
    public Optional<Schedule> latest(String userId, String campaignId) {
        return items.get(TableItems.key(AppTable.tenantKey(userId), latestKey(campaignId)))
                .map(DynamoScheduleRepository::fromItem);
    }

    @Override
    public void save(String userId, Schedule schedule) {
        String partition = AppTable.tenantKey(userId);
        Map<String, AttributeValue> version = item(partition, versionKey(schedule.campaignId(), schedule.version()), schedule);
        Map<String, AttributeValue> latest = item(partition, latestKey(schedule.campaignId()), schedule);
        TransactWriteItem putVersion = TransactWriteItem.builder().put(items.put(version, Condition.ABSENT)).build();
        TransactWriteItem putLatest = TransactWriteItem.builder()
                .put(items.put(latest, Condition.replacing(schedule.version() - 1))).build();
        items.transact(List.of(putVersion, putLatest), TableItems::conditionFailed,
                () -> new VersionConflictException("schedule version " + schedule.version() + " of campaign "
                        + schedule.campaignId() + " was stored by another build; run distribution again"));
    }

    @Override
    public List<Schedule> latestOfEveryCampaign(String userId) {
        return items.all(PrefixQuery.sortKey(AppTable.tenantKey(userId), CampaignOpsKeys.SCHEDULE_LATEST)).stream()
                .map(DynamoScheduleRepository::fromItem).toList();
    }

    private static Map<String, AttributeValue> item(String partition, String sortKey, Schedule schedule) {
        Map<String, AttributeValue> item = TableItems.newItem(partition, sortKey, "schedule");
        item.put(AppTable.VERSION, Attr.n(schedule.version()));
        item.put(AppTable.DOCUMENT, Documents.of(schedule));
        return item;
    }

    private static Schedule fromItem(Map<String, AttributeValue> item) {
        return Documents.read(item, Schedule.class);
    }

    private static String latestKey(String campaignId) {
        return CampaignOpsKeys.SCHEDULE_LATEST + campaignId + "#";
    }

    private static String versionKey(String campaignId, long version) {
        return CampaignOpsKeys.SCHEDULE_VERSION + campaignId + "#v" + String.format("%06d", version);
    }
}
