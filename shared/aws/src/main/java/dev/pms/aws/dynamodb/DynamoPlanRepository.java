package dev.pms.aws.dynamodb;

import dev.pms.core.pricing.PlanTier;
import dev.pms.core.usage.PlanRepository;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;
import java.util.Optional;

/** The user's plan as one item ({@code sk = PLAN}). */
@Singleton
public class DynamoPlanRepository implements PlanRepository {
    private static final String TIER = "tier";

    private final DynamoDbClient dynamo;
    private final AppTable table;

    public DynamoPlanRepository(DynamoDbClient dynamo, AppTable table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<PlanTier> find(String userId) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table.name())
                .key(key(userId)).consistentRead(true)).item();
        if (item == null || !item.containsKey(TIER)) {
            return Optional.empty();
        }
        return PlanTier.parse(item.get(TIER).s());
    }

    @Override
    public void save(String userId, PlanTier tier) {
        dynamo.putItem(put -> put.tableName(table.name()).item(Map.of(
                AppTable.PK, Attr.s(AppTable.tenantKey(userId)),
                AppTable.SK, Attr.s("PLAN"),
                AppTable.TYPE, Attr.s("plan"),
                TIER, Attr.s(tier.code()))));
    }

    private Map<String, AttributeValue> key(String userId) {
        return Map.of(AppTable.PK, Attr.s(AppTable.tenantKey(userId)), AppTable.SK, Attr.s("PLAN"));
    }
}
