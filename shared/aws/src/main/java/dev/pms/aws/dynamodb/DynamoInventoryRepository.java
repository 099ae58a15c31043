package dev.pms.aws.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pms.core.inventory.EntryOutcome;
import dev.pms.core.inventory.InventoryImport;
import dev.pms.core.inventory.InventoryItem;
import dev.pms.core.inventory.InventoryRepository;
import dev.pms.core.inventory.VariantBoard;
import dev.pms.core.json.Json;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The inventory in the application table: items ({@code sk = INV#<campaign>#<item id>}), imports
 * ({@code INVIMPORT#<import id>}, the campaign in the document), one outcome per imported entry
 * ({@code INVOUT#<import id>#<index, 6 digits>}) and each campaign's variant board ({@code VARIANTS#<campaign>}).
 * Items, imports and boards carry {@code version} as an attribute for the conditional replacements.
 */
@Singleton
public class DynamoInventoryRepository implements InventoryRepository {
    static final String ITEM_PREFIX = "INV#";
    static final String IMPORT_PREFIX = "INVIMPORT#";
    static final String OUTCOME_PREFIX = "INVOUT#";
    static final String BOARD_PREFIX = "VARIANTS#";

    private final DynamoDbClient dynamo;
    private final AppTable table;

    public DynamoInventoryRepository(DynamoDbClient dynamo, AppTable table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<InventoryItem> findItem(String userId, String campaignId, String itemId) {
        if (!plausible(campaignId) || !plausible(itemId)) {
            return Optional.empty();
        }
        return get(userId, itemKey(campaignId, itemId)).map(doc -> read(doc, InventoryItem.class));
    }

    @Override
    public List<InventoryItem> items(String userId, String campaignId) {
        if (!plausible(campaignId)) {
            return List.of();
        }
        return query(userId, ITEM_PREFIX + campaignId + "#").stream().map(doc -> read(doc, InventoryItem.class)).toList();
    }

    @Override
    public boolean createItem(String userId, InventoryItem item) {
        return putNew(userId, itemKey(item.campaignId(), item.itemId()), "inventory_item", item, item.version());
    }

    @Override
    public boolean replaceItem(String userId, InventoryItem item, long expectedVersion) {
        return putIfVersion(userId, itemKey(item.campaignId(), item.itemId()), "inventory_item", item, item.version(),
                expectedVersion);
    }

    @Override
    public void createImport(String userId, InventoryImport inventoryImport) {
        if (!putNew(userId, IMPORT_PREFIX + inventoryImport.importId(), "inventory_import", inventoryImport,
                inventoryImport.version())) {
            throw new IllegalStateException("import " + inventoryImport.importId() + " exists already");
        }
    }

    @Override
    public Optional<InventoryImport> findImport(String userId, String campaignId, String importId) {
        if (!plausible(importId)) {
            return Optional.empty();
        }
        return get(userId, IMPORT_PREFIX + importId).map(doc -> read(doc, InventoryImport.class))
                .filter(found -> found.campaignId().equals(campaignId));
    }

    @Override
    public boolean replaceImport(String userId, InventoryImport inventoryImport, long expectedVersion) {
        return putIfVersion(userId, IMPORT_PREFIX + inventoryImport.importId(), "inventory_import", inventoryImport,
                inventoryImport.version(), expectedVersion);
    }

    @Override
    public void putOutcome(String userId, String importId, EntryOutcome outcome) {
        Map<String, AttributeValue> item = item(userId, outcomeKey(importId, outcome.index()), "inventory_outcome",
                outcome);
        dynamo.putItem(put -> put.tableName(table.name()).item(item));
    }

    @Override
    public Optional<EntryOutcome> outcome(String userId, String importId, int index) {
        return get(userId, outcomeKey(importId, index)).map(doc -> read(doc, EntryOutcome.class));
    }

    @Override
    public List<EntryOutcome> outcomes(String userId, String importId) {
        if (!plausible(importId)) {
            return List.of();
        }
        return query(userId, OUTCOME_PREFIX + importId + "#").stream().map(doc -> read(doc, EntryOutcome.class))
                .toList();
    }

    @Override
    public Optional<VariantBoard> findBoard(String userId, String campaignId) {
        if (!plausible(campaignId)) {
            return Optional.empty();
        }
        return get(userId, BOARD_PREFIX + campaignId).map(doc -> read(doc, VariantBoard.class));
    }

    @Override
    public boolean saveBoard(String userId, VariantBoard board, long expectedVersion) {
        String sk = BOARD_PREFIX + board.campaignId();
        return expectedVersion == 0 ? putNew(userId, sk, "variant_board", board, board.version())
                : putIfVersion(userId, sk, "variant_board", board, board.version(), expectedVersion);
    }

    private Optional<String> get(String userId, String sk) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table.name())
                .key(Map.of(AppTable.PK, Attr.s(AppTable.tenantKey(userId)), AppTable.SK, Attr.s(sk)))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item.get(AppTable.DOCUMENT).s());
    }

    private List<String> query(String userId, String prefix) {
        List<String> documents = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table.name()).consistentRead(true)
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                    .expressionAttributeNames(Map.of("#pk", AppTable.PK, "#sk", AppTable.SK))
                    .expressionAttributeValues(Map.of(":pk", Attr.s(AppTable.tenantKey(userId)),
                            ":prefix", Attr.s(prefix)));
            if (startKey != null) {
                query.exclusiveStartKey(startKey);
            }
            QueryResponse page = dynamo.query(query.build());
            page.items().forEach(item -> documents.add(item.get(AppTable.DOCUMENT).s()));
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return documents;
    }

    private boolean putNew(String userId, String sk, String type, Object document, long version) {
        Map<String, AttributeValue> item = item(userId, sk, type, document);
        item.put(AppTable.VERSION, Attr.n(version));
        try {
            dynamo.putItem(put -> put.tableName(table.name()).item(item)
                    .conditionExpression("attribute_not_exists(#sk)")
                    .expressionAttributeNames(Map.of("#sk", AppTable.SK)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private boolean putIfVersion(String userId, String sk, String type, Object document, long version,
                                 long expectedVersion) {
        Map<String, AttributeValue> item = item(userId, sk, type, document);
        item.put(AppTable.VERSION, Attr.n(version));
        try {
            dynamo.putItem(put -> put.tableName(table.name()).item(item)
                    .conditionExpression("#version = :expected")
                    .expressionAttributeNames(Map.of("#version", AppTable.VERSION))
                    .expressionAttributeValues(Map.of(":expected", Attr.n(expectedVersion))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private Map<String, AttributeValue> item(String userId, String sk, String type, Object document) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(AppTable.PK, Attr.s(AppTable.tenantKey(userId)));
        item.put(AppTable.SK, Attr.s(sk));
        item.put(AppTable.TYPE, Attr.s(type));
        try {
            item.put(AppTable.DOCUMENT, Attr.s(Json.mapper().writeValueAsString(document)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(type + " cannot be serialised", e);
        }
        return item;
    }

    private static <T> T read(String document, Class<T> type) {
        try {
            return Json.mapper().readValue(document, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored " + type.getSimpleName() + " cannot be read", e);
        }
    }

    private static String itemKey(String campaignId, String itemId) {
        return ITEM_PREFIX + campaignId + "#" + itemId;
    }

    private static String outcomeKey(String importId, int index) {
        return OUTCOME_PREFIX + importId + "#" + String.format(Locale.ROOT, "%06d", index);
    }

    private static boolean plausible(String id) {
        return dev.pms.core.common.Ids.plausible(id) && id.indexOf('#') < 0;
    }
}
