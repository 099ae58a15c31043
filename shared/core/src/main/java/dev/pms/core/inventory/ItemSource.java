package dev.pms.core.inventory;

import java.time.Instant;

/**
 * Where an item was found: a ZIP entry's path or a store's product media ({@code ref} is the path or the media id),
 * by which import, and when; {@code label} is what a person recognises it by (the product's title).
 */
public record ItemSource(ImportSource source, String ref, String label, String importId, Instant seenAt) {

    /** The same place in the same kind of source, whichever import saw it. */
    public boolean sameOrigin(ItemSource other) {
        return source == other.source && ref.equals(other.ref);
    }
}
