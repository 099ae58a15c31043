package dev.pms.aws.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pms.core.brand.BrandProfile;
import dev.pms.core.brand.BrandProfileRepository;
import dev.pms.core.brand.StoredBrandProfile;
import dev.pms.core.error.VersionConflictException;
import dev.pms.core.json.Json;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
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

    private final DynamoDbClient dynamo;
    private final AppTable table;
    private final Clock clock;

    public DynamoBrandProfileRepository(DynamoDbClient dynamo, AppTable table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Optional<StoredBrandProfile> find(String userId) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table.name())
                .key(key(userId)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(fromItem(item));
    }

    @Override
    public StoredBrandProfile save(String userId, BrandProfile profile, Long expectedVersion) {
        Map<String, String> names = new HashMap<>(Map.of(
                "#doc", AppTable.DOCUMENT, "#updated", UPDATED_AT, "#version", AppTable.VERSION, "#type", AppTable.TYPE));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":doc", Attr.s(serialise(profile)),
                ":updated", Attr.s(Instant.now(clock).toString()),
                ":one", Attr.n(1),
                ":type", Attr.s("brand_profile")));
        UpdateItemRequest.Builder update = UpdateItemRequest.builder()
                .tableName(table.name())
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
        try {
            Map<String, AttributeValue> stored = dynamo.updateItem(
                    update.expressionAttributeNames(names).expressionAttributeValues(values).build()).attributes();
            return fromItem(stored);
        } catch (ConditionalCheckFailedException e) {
            long current = find(userId).map(StoredBrandProfile::version).orElse(0L);
            throw new VersionConflictException("brand profile is at version " + current + ", not " + expectedVersion
                    + "; reload it and apply the change again");
        }
    }

    private Map<String, AttributeValue> key(String userId) {
        return Map.of(AppTable.PK, Attr.s(AppTable.tenantKey(userId)), AppTable.SK, Attr.s(SK_VALUE));
    }

    private static String serialise(BrandProfile profile) {
        try {
            return Json.mapper().writeValueAsString(profile);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("brand profile cannot be serialised", e);
        }
    }

    private static StoredBrandProfile fromItem(Map<String, AttributeValue> item) {
        try {
            BrandProfile profile = Json.mapper().readValue(item.get(AppTable.DOCUMENT).s(), BrandProfile.class);
            return new StoredBrandProfile(profile, Instant.parse(item.get(UPDATED_AT).s()),
                    Long.parseLong(item.get(AppTable.VERSION).n()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored brand profile is unreadable", e);
        }
    }
}
