package dev.pms.aws.dynamodb;

import dev.pms.core.brand.BrandProfile;
import dev.pms.core.brand.BrandProfileRepository;
import dev.pms.core.brand.StoredBrandProfile;
import dev.pms.core.error.VersionConflictException;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** One brand profile item per tenant ({@code sk = BRAND_PROFILE}); the version is bumped atomically. */
@Singleton
public class DynamoBrandProfileRepository implements BrandProfileRepository {
    private static final String SK_VALUE = "BRAND_PROFILE";
    private static final String UPDATED_AT = "updated_at";

    private final TableItems items;
    private final String tableName;
    private final Clock clock;

    public DynamoBrandProfileRepository(DynamoDbClient dynamo, AppTable table, Clock clock) {
        this.items = new TableItems(dynamo, table);
        this.tableName = table.name();
        this.clock = clock;
    }

    @Override
    public Optional<StoredBrandProfile> find(String userId) {
        return items.get(key(userId)).map(DynamoBrandProfileRepository::fromItem);
    }

    @Override
    public StoredBrandProfile save(String userId, BrandProfile profile, Long expectedVersion) {
        Map<String, String> names = new HashMap<>(Map.of(
                "#doc", AppTable.DOCUMENT, "#updated", UPDATED_AT, "#version", AppTable.VERSION, "#type", AppTable.TYPE));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":doc", Documents.of(profile),
                ":updated", Attr.s(Instant.now(clock).toString()),
                ":one", Attr.n(1),
                ":type", Attr.s("brand_profile")));
        UpdateItemRequest.Builder update = UpdateItemRequest.builder()
                .tableName(tableName)
                .key(key(userId))
                .updateExpression("SET #doc = :doc, #updated = :updated, #type = :type ADD #version :one")
                .returnValues(ReturnValue.ALL_NEW);
        if (expectedVersion != null) {
            if (expectedVersion == 0) {
                names.put("#pk", AppTable.PK);
                update.conditionExpression("attribute_not_exists(#pk)");
            } else {
                values.put(":expected", Attr.n(expectedVersion));
                update.conditionExpression("#version = :expected");
            }
        }
        return items.updateIf(update.expressionAttributeNames(names).expressionAttributeValues(values).build())
                .map(DynamoBrandProfileRepository::fromItem)
                .orElseThrow(() -> new VersionConflictException("brand profile is at version "
                        + find(userId).map(StoredBrandProfile::version).orElse(0L) + ", not " + expectedVersion
                        + "; reload it and apply the change again"));
    }

    private static Map<String, AttributeValue> key(String userId) {
        return TableItems.key(AppTable.tenantKey(userId), SK_VALUE);
    }

    private static StoredBrandProfile fromItem(Map<String, AttributeValue> item) {
        return new StoredBrandProfile(Documents.read(item, BrandProfile.class), Instant.parse(item.get(UPDATED_AT).s()),
                Long.parseLong(item.get(AppTable.VERSION).n()));
    }
}
