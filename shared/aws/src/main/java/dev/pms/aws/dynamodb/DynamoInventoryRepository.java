package dev.pms.aws.dynamodb;

import dev.pms.core.common.Ids;
import dev.pms.core.inventory.EntryOutcome;
import dev.pms.core.inventory.InventoryImport;
import dev.pms.core.inventory.InventoryItem;
import dev.pms.core.inventory.InventoryRepository;
import dev.pms.core.inventory.VariantBoard;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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

    private final TableItems items;

    public DynamoInventoryRepository(DynamoDbClient dynamo, AppTable table) {
        this.items = new TableItems(dynamo, table);
    }

    @Override
    public Optional<InventoryItem> findItem(String userId, String campaignId, String itemId) {
        if (!plausible(campaignId) || !plausible(itemId)) {
            return Optional.empty();
        }
        return get(userId, itemKey(campaignId, itemId)).map(item -> Documents.read(item, InventoryItem.class));
    }

    @Override
    public List<InventoryItem> items(String userId, String campaignId) {
        if (!plausible(campaignId)) {
            return List.of();
        }
        return query(userId, ITEM_PREFIX + campaignId + "#").stream()
                .map(item -> Documents.read(item, InventoryItem.class)).toList();
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
        return get(userId, IMPORT_PREFIX + importId).map(item -> Documents.read(item, InventoryImport.class))
                .filter(found -> found.campaignId().equals(campaignId));
    }

    @Override
    public boolean replaceImport(String userId, InventoryImport inventoryImport, long expectedVersion) {
        return putIfVersion(userId, IMPORT_PREFIX + inventoryImport.importId(), "inventory_import", inventoryImport,
                inventoryImport.version(), expectedVersion);
    }

    @Override
    public void putOutcome(String userId, String importId, EntryOutcome outcome) {
        items.write(items.put(toItem(userId, outcomeKey(importId, outcome.index()), "inventory_outcome", outcome)));
    }

    @Override
    public Optional<EntryOutcome> outcome(String userId, String importId, int index) {
        return get(userId, outcomeKey(importId, index)).map(item -> Documents.read(item, EntryOutcome.class));
    }

    @Override
    public List<EntryOutcome> outcomes(String userId, String importId) {
        if (!plausible(importId)) {
            return List.of();
        }
        return query(userId, OUTCOME_PREFIX + importId + "#").stream().map(item -> Documents.read(item, EntryOutcome.class))
                .toList();
    }

    @Override
    public Optional<VariantBoard> findBoard(String userId, String campaignId) {
        if (!plausible(campaignId)) {
            return Optional.empty();
        }
        return get(userId, BOARD_PREFIX + campaignId).map(item -> Documents.read(item, VariantBoard.class));
    }

    @Override
    public boolean saveBoard(String userId, VariantBoard board, long expectedVersion) {
        return items.putIf(versionedItem(userId, BOARD_PREFIX + board.campaignId(), "variant_board", board,
                board.version()), Condition.replacing(expectedVersion));
    }

    private Optional<Map<String, AttributeValue>> get(String userId, String sk) {
        return items.get(TableItems.key(AppTable.tenantKey(userId), sk));
    }

    private List<Map<String, AttributeValue>> query(String userId, String prefix) {
        return items.all(PrefixQuery.sortKey(AppTable.tenantKey(userId), prefix).consistent());
    }

    private boolean putNew(String userId, String sk, String type, Object document, long version) {
        return items.putIf(versionedItem(userId, sk, type, document, version), Condition.ABSENT);
    }

    private boolean putIfVersion(String userId, String sk, String type, Object document, long version,
                                 long expectedVersion) {
        return items.putIf(versionedItem(userId, sk, type, document, version), Condition.versionIs(expectedVersion));
    }

    private static Map<String, AttributeValue> versionedItem(String userId, String sk, String type, Object document,
                                                             long version) {
        Map<String, AttributeValue> item = toItem(userId, sk, type, document);
        item.put(AppTable.VERSION, Attr.n(version));
        return item;
    }

    private static Map<String, AttributeValue> toItem(String userId, String sk, String type, Object document) {
        Map<String, AttributeValue> item = TableItems.newItem(AppTable.tenantKey(userId), sk, type);
        item.put(AppTable.DOCUMENT, Documents.of(document));
        return item;
    }

    private static String itemKey(String campaignId, String itemId) {
        return ITEM_PREFIX + campaignId + "#" + itemId;
    }

    private static String outcomeKey(String importId, int index) {
        return OUTCOME_PREFIX + importId + "#" + String.format(Locale.ROOT, "%06d", index);
    }

    private static boolean plausible(String id) {
        return Ids.plausible(id) && id.indexOf('#') < 0;
    }
}
