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

    private final TableItems items;

    public DynamoPlanRepository(DynamoDbClient dynamo, AppTable table) {
        this.items = new TableItems(dynamo, table);
    }

    @Override
    public Optional<PlanTier> find(String userId) {
        return items.get(key(userId)).filter(item -> item.containsKey(TIER))
                .flatMap(item -> PlanTier.parse(item.get(TIER).s()));
    }

    @Override
    public void save(String userId, PlanTier tier) {
        Map<String, AttributeValue> item = TableItems.newItem(key(userId), "plan");
        item.put(TIER, Attr.s(tier.code()));
        items.write(items.put(item));
    }

    private static Map<String, AttributeValue> key(String userId) {
        return TableItems.key(AppTable.tenantKey(userId), "PLAN");
    }
}
