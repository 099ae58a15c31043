package dev.pms.core.inventory;

import java.util.List;
import java.util.Optional;

/**
 * Storage port of the inventory, scoped to one tenant: items by campaign, imports with one outcome per entry, and
 * each campaign's variant board. Replacements are conditional on the stored version, so concurrent item steps (two
 * entries of one ZIP with the same bytes) merge instead of overwriting each other.
 */
public interface InventoryRepository {

    Optional<InventoryItem> findItem(String userId, String campaignId, String itemId);

    /** Every item of the campaign, in id order. */
    List<InventoryItem> items(String userId, String campaignId);

    /** Stores a new item; false (nothing written) when the campaign already has an item with that id. */
    boolean createItem(String userId, InventoryItem item);

    /** Stores {@code item} if the stored one still has {@code expectedVersion}; false otherwise. */
    boolean replaceItem(String userId, InventoryItem item, long expectedVersion);

    void createImport(String userId, InventoryImport inventoryImport);

    /** The import, if it exists and belongs to the campaign. */
    Optional<InventoryImport> findImport(String userId, String campaignId, String importId);

    boolean replaceImport(String userId, InventoryImport inventoryImport, long expectedVersion);

    /** Stores (or replaces) the outcome of one entry of the import. */
    void putOutcome(String userId, String importId, EntryOutcome outcome);

    Optional<EntryOutcome> outcome(String userId, String importId, int index);

    /** Every entry outcome of the import, by index. */
    List<EntryOutcome> outcomes(String userId, String importId);

    Optional<VariantBoard> findBoard(String userId, String campaignId);

    /** Stores the board if the stored one has {@code expectedVersion} (0: there is none yet); false otherwise. */
    boolean saveBoard(String userId, VariantBoard board, long expectedVersion);
}
