package dev.pms.core.inventory;

import java.time.Instant;

/**
 * One import into a campaign's inventory. A ZIP import is created {@code awaiting_upload} with the key its presigned
 * PUT writes to; a store import names the shop. {@code attempt} counts the workflow executions (a resume is another
 * one, and redoes only the entries without a result); {@code counts} are set when an execution finishes.
 */
public record InventoryImport(
        String importId,
        String campaignId,
        ImportSource source,
        ImportStatus status,
        String uploadKey,
        String filename,
        long declaredBytes,
        String shopDomain,
        int attempt,
        String executionId,
        int entries,
        Counts counts,
        String error,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /** How many entries came to each result. */
    public record Counts(int created, int updated, int skipped, int failed) {
        public static final Counts NONE = new Counts(0, 0, 0, 0);

        public int total() {
            return created + updated + skipped + failed;
        }
    }

    public InventoryImport running(String newExecutionId, Instant now) {
        return new InventoryImport(importId, campaignId, source, ImportStatus.RUNNING, uploadKey, filename,
                declaredBytes, shopDomain, attempt + 1, newExecutionId, entries, counts, null, createdAt, now,
                version + 1);
    }

    public InventoryImport withEntries(int entryCount, Instant now) {
        return new InventoryImport(importId, campaignId, source, status, uploadKey, filename, declaredBytes, shopDomain,
                attempt, executionId, entryCount, counts, error, createdAt, now, version + 1);
    }

    public InventoryImport finished(ImportStatus finalStatus, Counts newCounts, String reason, Instant now) {
        return new InventoryImport(importId, campaignId, source, finalStatus, uploadKey, filename, declaredBytes,
                shopDomain, attempt, executionId, entries, newCounts, reason, createdAt, now, version + 1);
    }
}
