package dev.pms.core.support;

import dev.pms.core.inventory.EntryOutcome;
import dev.pms.core.inventory.InventoryImport;
import dev.pms.core.inventory.InventoryItem;
import dev.pms.core.inventory.InventoryRepository;
import dev.pms.core.inventory.VariantBoard;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The inventory in maps, with the version conditions of the real repository. */
public final class InMemoryInventoryRepository implements InventoryRepository {
    private final Map<String, InventoryItem> items = new ConcurrentHashMap<>();
    private final Map<String, InventoryImport> imports = new ConcurrentHashMap<>();
    private final Map<String, EntryOutcome> outcomes = new ConcurrentHashMap<>();
    private final Map<String, VariantBoard> boards = new ConcurrentHashMap<>();

    @Override
    public Optional<InventoryItem> findItem(String userId, String campaignId, String itemId) {
        return Optional.ofNullable(items.get(userId + "|" + campaignId + "|" + itemId));
    }

    @Override
    public List<InventoryItem> items(String userId, String campaignId) {
        return items.entrySet().stream().filter(e -> e.getKey().startsWith(userId + "|" + campaignId + "|"))
                .map(Map.Entry::getValue).sorted(Comparator.comparing(InventoryItem::itemId)).toList();
    }

    @Override
    public boolean createItem(String userId, InventoryItem item) {
        return items.putIfAbsent(userId + "|" + item.campaignId() + "|" + item.itemId(), item) == null;
    }

    @Override
    public synchronized boolean replaceItem(String userId, InventoryItem item, long expectedVersion) {
        String key = userId + "|" + item.campaignId() + "|" + item.itemId();
        InventoryItem stored = items.get(key);
        if (stored == null || stored.version() != expectedVersion) {
            return false;
        }
        items.put(key, item);
        return true;
    }

    @Override
    public void createImport(String userId, InventoryImport inventoryImport) {
        imports.put(userId + "|" + inventoryImport.importId(), inventoryImport);
    }

    @Override
    public Optional<InventoryImport> findImport(String userId, String campaignId, String importId) {
        return Optional.ofNullable(imports.get(userId + "|" + importId)).filter(i -> i.campaignId().equals(campaignId));
    }

    @Override
    public synchronized boolean replaceImport(String userId, InventoryImport inventoryImport, long expectedVersion) {
        InventoryImport stored = imports.get(userId + "|" + inventoryImport.importId());
        if (stored == null || stored.version() != expectedVersion) {
            return false;
        }
        imports.put(userId + "|" + inventoryImport.importId(), inventoryImport);
        return true;
    }

    @Override
    public void putOutcome(String userId, String importId, EntryOutcome outcome) {
        outcomes.put(userId + "|" + importId + "|" + outcome.index(), outcome);
    }

    @Override
    public Optional<EntryOutcome> outcome(String userId, String importId, int index) {
        return Optional.ofNullable(outcomes.get(userId + "|" + importId + "|" + index));
    }

    @Override
    public List<EntryOutcome> outcomes(String userId, String importId) {
        return outcomes.entrySet().stream().filter(e -> e.getKey().startsWith(userId + "|" + importId + "|"))
                .map(Map.Entry::getValue).sorted(Comparator.comparingInt(EntryOutcome::index)).toList();
    }

    @Override
    public Optional<VariantBoard> findBoard(String userId, String campaignId) {
        return Optional.ofNullable(boards.get(userId + "|" + campaignId));
    }

    @Override
    public synchronized boolean saveBoard(String userId, VariantBoard board, long expectedVersion) {
        String key = userId + "|" + board.campaignId();
        VariantBoard stored = boards.get(key);
        long current = stored == null ? 0 : stored.version();
        if (current != expectedVersion) {
            return false;
        }
        boards.put(key, board);
        return true;
    }
}
