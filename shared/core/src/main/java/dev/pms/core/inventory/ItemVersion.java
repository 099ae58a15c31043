package dev.pms.core.inventory;

import java.time.Instant;
import java.util.Map;

/**
 * One enhanced version of an item: made from version {@code parent} (0 is the original) by {@code operation} with its
 * {@code parameters} (crop box, factor, target size …), by {@code provider}/{@code model}, as asset library record
 * {@code assetLibraryId} (which holds its status, cost and bytes) under the fix plan {@code planId}.
 */
public record ItemVersion(int number, int parent, String operation, Map<String, Object> parameters,
                          String assetLibraryId, String provider, String model, String planId, Instant createdAt) {

    public ItemVersion {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
