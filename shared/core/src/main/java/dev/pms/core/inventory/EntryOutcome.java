package dev.pms.core.inventory;

import java.time.Instant;

/**
 * What an import did with its entry {@code index} ({@code name}: the ZIP path or the store media), and the item it
 * created or updated; {@code reason} says why an entry was skipped or failed.
 */
public record EntryOutcome(int index, String name, ItemKind kind, EntryResult result, String itemId, String reason,
                           Instant at) {

    /** Skipped or imported: a resume leaves it alone. Failures are tried again. */
    public boolean settled() {
        return result != EntryResult.FAILED;
    }
}
