package dev.pms.core.inventory;

import dev.pms.core.media.UserKeys;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One existing asset of a campaign's inventory. Its identity is its content: {@code itemId} derives from the SHA-256 of
 * its bytes, so importing the same file again (from the same ZIP, another ZIP or a store) finds this item and updates
 * it — another source, a fresh audit — instead of adding a second one. {@code storageKey} holds the original bytes;
 * {@code versions} are the enhanced versions made from it (number 0 is the original), each with its lineage, and
 * {@code approvedVersion} the version approved as the source of the campaign's variants. {@code version} is the
 * optimistic lock.
 */
public record InventoryItem(
        String itemId,
        String campaignId,
        ItemKind kind,
        String sha256,
        String title,
        String mimeType,
        long bytes,
        Integer width,
        Integer height,
        String storageKey,
        String text,
        List<ItemSource> sources,
        ItemAudit audit,
        ItemStatus status,
        List<String> reasons,
        List<ItemVersion> versions,
        Integer approvedVersion,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    static final String ID_PREFIX = "inv-";
    /** Characters of the hash in an item id: 128 bits, plenty against collisions within one campaign. */
    static final int ID_HASH_CHARS = 32;

    public InventoryItem {
        sources = sources == null ? List.of() : List.copyOf(sources);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        versions = versions == null ? List.of() : List.copyOf(versions);
    }

    /** The id of the item whose bytes hash to {@code sha256}. */
    public static String idFor(String sha256) {
        return ID_PREFIX + sha256.substring(0, ID_HASH_CHARS);
    }

    /** Where the original bytes of a campaign's item are stored: per user, per campaign, by content. */
    public static String storageKey(String userId, String campaignId, String sha256) {
        return "inventory/" + UserKeys.userHash(userId) + "/" + campaignId + "/" + sha256;
    }

    public Optional<ItemVersion> versionNumbered(int number) {
        return versions.stream().filter(v -> v.number() == number).findFirst();
    }

    public int nextVersionNumber() {
        return versions.stream().mapToInt(ItemVersion::number).max().orElse(0) + 1;
    }

    /** This item seen again through {@code source}: the source added (once), the audit and flag replaced. */
    public InventoryItem seenAgain(ItemSource source, ItemAudit newAudit, ItemStatus newStatus, List<String> newReasons,
                                   Instant now) {
        List<ItemSource> merged = new ArrayList<>(sources);
        merged.removeIf(s -> s.sameOrigin(source));
        merged.add(source);
        return new InventoryItem(itemId, campaignId, kind, sha256, title, mimeType, bytes, width, height, storageKey,
                text, merged, newAudit, newStatus, newReasons, versions, approvedVersion, createdAt, now, version + 1);
    }

    public InventoryItem withVersions(List<ItemVersion> newVersions, Instant now) {
        return new InventoryItem(itemId, campaignId, kind, sha256, title, mimeType, bytes, width, height, storageKey,
                text, sources, audit, status, reasons, newVersions, approvedVersion, createdAt, now, version + 1);
    }

    public InventoryItem approved(int versionNumber, Instant now) {
        return new InventoryItem(itemId, campaignId, kind, sha256, title, mimeType, bytes, width, height, storageKey,
                text, sources, audit, status, reasons, versions, versionNumber, createdAt, now, version + 1);
    }
}
