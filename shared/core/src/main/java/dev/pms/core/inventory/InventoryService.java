package dev.pms.core.inventory;

import dev.pms.core.asset.AssetRecord;
import dev.pms.core.asset.AssetRepository;
import dev.pms.core.asset.AssetStatus;
import dev.pms.core.campaign.CampaignRepository;
import dev.pms.core.error.ConflictException;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.ValidationException;
import dev.pms.core.json.Json;
import dev.pms.core.media.MediaStore;
import dev.pms.core.media.MediaTooLargeException;
import dev.pms.core.media.PresignedDownload;
import dev.pms.core.media.PresignedUpload;
import dev.pms.core.media.UserKeys;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The inventory's API use cases: a ZIP import (a presigned PUT of the archive, then a start that checks its directory
 * against the limits and runs the import workflow), a store import, an import's per-entry report, resuming an import
 * that did not finish cleanly, and the campaign's inventory with each item's audit, flag and versions.
 */
public final class InventoryService {
    static final Duration UPLOAD_URL_TTL = Duration.ofMinutes(15);
    static final Duration DOWNLOAD_URL_TTL = Duration.ofMinutes(15);
    private static final int MAX_WRITE_ATTEMPTS = 5;

    private final InventoryRepository inventory;
    private final CampaignRepository campaigns;
    private final AssetRepository assets;
    private final MediaStore media;
    private final ImportWorkflow workflow;
    private final ZipLimits limits;
    private final Clock clock;
    private final Supplier<String> ids;

    public InventoryService(InventoryRepository inventory, CampaignRepository campaigns, AssetRepository assets,
                            MediaStore media, ImportWorkflow workflow, ZipLimits limits, Clock clock,
                            Supplier<String> ids) {
        this.inventory = inventory;
        this.campaigns = campaigns;
        this.assets = assets;
        this.media = media;
        this.workflow = workflow;
        this.limits = limits;
        this.clock = clock;
        this.ids = ids;
    }

    /** A ZIP the caller is about to upload: its file name and exact size. */
    public record ZipImportCommand(String filename, long bytes) {
        public ZipImportCommand {
            if (filename == null || filename.isBlank() || filename.contains("/") || filename.contains("\\")) {
                throw ValidationException.of("filename", "must be a plain file name without folders, e.g. assets.zip");
            }
            if (!filename.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                throw ValidationException.of("filename", "must name a .zip file");
            }
        }
    }

    /** A Shopify store to import: its {@code *.myshopify.com} domain. */
    public record StoreImportCommand(String shopDomain) {
        private static final Pattern SHOP = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}\\.myshopify\\.com");

        public StoreImportCommand {
            if (shopDomain == null || !SHOP.matcher(shopDomain.strip().toLowerCase(Locale.ROOT)).matches()) {
                throw ValidationException.of("shop_domain", "must be the store's myshopify.com domain, e.g."
                        + " acme.myshopify.com");
            }
            shopDomain = shopDomain.strip().toLowerCase(Locale.ROOT);
        }
    }

    /** Where to PUT the ZIP (with the required headers) before starting the import. */
    public record UploadTicket(InventoryImport inventoryImport, String uploadUrl, Instant expiresAt,
                               Map<String, String> requiredHeaders, long maxBytes) {
    }

    /** An import and what it did with each entry. */
    public record ImportReport(InventoryImport inventoryImport, List<EntryOutcome> entries) {
    }

    /** The campaign's inventory: items (filtered), with counts over all of them. */
    public record Listing(String campaignId, List<InventoryItem> items, Summary summary) {
    }

    public record Summary(int total, int usable, int needsAttention, int images, int texts) {
    }

    /** One item with a download URL of its original and each version's state. */
    public record ItemDetail(InventoryItem item, String url, List<VersionView> versions) {
    }

    /** A version with its asset library record's state (queued … ready, failed) and, once ready, its URL. */
    public record VersionView(int number, int parent, String operation, Map<String, Object> parameters,
                              String status, String assetLibraryId, String provider, String model,
                              BigDecimal costUsd, Integer width, Integer height, String sha256, String url,
                              String error) {
    }

    public UploadTicket createZipImport(String userId, String campaignId, ZipImportCommand command) {
        requireCampaign(userId, campaignId);
        if (command.bytes() < 1 || command.bytes() > limits.maxZipBytes()) {
            throw ValidationException.of("bytes", "must be between 1 and " + limits.maxZipBytes()
                    + " (the largest ZIP accepted)");
        }
        String importId = ids.get();
        String uploadKey = "inventory-uploads/" + UserKeys.userHash(userId) + "/" + importId + ".zip";
        Instant now = clock.instant();
        InventoryImport created = new InventoryImport(importId, campaignId, ImportSource.ZIP,
                ImportStatus.AWAITING_UPLOAD, uploadKey, command.filename(), command.bytes(), null, 0, null, 0,
                InventoryImport.Counts.NONE, null, now, now, 1);
        inventory.createImport(userId, created);
        PresignedUpload upload = media.presignUpload(uploadKey, "application/zip", command.bytes(), UPLOAD_URL_TTL);
        return new UploadTicket(created, upload.url(), upload.expiresAt(), upload.requiredHeaders(), command.bytes());
    }

    /** Creates a store import and starts it at once. */
    public InventoryImport createStoreImport(String userId, String campaignId, StoreImportCommand command) {
        requireCampaign(userId, campaignId);
        Instant now = clock.instant();
        InventoryImport created = new InventoryImport(ids.get(), campaignId, ImportSource.SHOPIFY,
                ImportStatus.AWAITING_UPLOAD, null, null, 0, command.shopDomain(), 0, null, 0,
                InventoryImport.Counts.NONE, null, now, now, 1);
        inventory.createImport(userId, created);
        return launch(userId, created);
    }

    /**
     * Starts an uploaded ZIP's import, or resumes one that ended {@code partial} or {@code failed} (only the entries
     * without a settled outcome run again).
     *
     * @throws ValidationException when the ZIP was not uploaded or its directory breaks a limit (nothing is unpacked)
     * @throws ConflictException   when the import is running or has succeeded
     */
    public InventoryImport start(String userId, String campaignId, String importId) {
        InventoryImport found = reconciled(userId, requireImport(userId, campaignId, importId));
        switch (found.status()) {
            case RUNNING -> throw new ConflictException("import " + importId + " is running; follow it with GET");
            case SUCCEEDED -> throw new ConflictException("import " + importId + " has finished; start a new import"
                    + " to import again (items already imported are updated, not duplicated)");
            default -> {
            }
        }
        if (found.source() == ImportSource.ZIP && found.status() == ImportStatus.AWAITING_UPLOAD) {
            checkUploadedZip(found);
        }
        return launch(userId, found);
    }

    private void checkUploadedZip(InventoryImport found) {
        byte[] zip;
        try {
            zip = media.read(found.uploadKey(), limits.maxZipBytes()).orElseThrow(() -> ValidationException.of("zip",
                    "has not been uploaded yet; PUT it to the upload_url of the import first"));
        } catch (MediaTooLargeException e) {
            throw ValidationException.of("zip", "is larger than " + limits.maxZipBytes() + " bytes");
        }
        ZipArchive archive = ZipArchive.open(zip, limits);
        if (archive.entries().stream().allMatch(ZipArchive.Entry::directory)) {
            throw ValidationException.of("zip", "contains no files");
        }
    }

    private InventoryImport launch(String userId, InventoryImport found) {
        Instant now = clock.instant();
        InventoryImport running = found.running(null, now);
        if (!inventory.replaceImport(userId, running, found.version())) {
            throw new ConflictException("import " + found.importId() + " was started by another request");
        }
        String input = Json.write(Map.of("user_id", userId, "campaign_id", found.campaignId(),
                "import_id", found.importId()));
        String executionId;
        try {
            executionId = workflow.start(found.importId() + "-" + running.attempt(), input);
        } catch (RuntimeException e) {
            inventory.replaceImport(userId, running.finished(ImportStatus.FAILED, running.counts(),
                    "the import workflow could not be started; start the import again", clock.instant()),
                    running.version());
            throw e;
        }
        InventoryImport withExecution = new InventoryImport(running.importId(), running.campaignId(), running.source(),
                running.status(), running.uploadKey(), running.filename(), running.declaredBytes(),
                running.shopDomain(), running.attempt(), executionId, running.entries(), running.counts(),
                running.error(), running.createdAt(), running.updatedAt(), running.version() + 1);
        return inventory.replaceImport(userId, withExecution, running.version()) ? withExecution : running;
    }

    public ImportReport report(String userId, String campaignId, String importId) {
        InventoryImport found = reconciled(userId, requireImport(userId, campaignId, importId));
        return new ImportReport(found, inventory.outcomes(userId, importId));
    }

    /**
     * A running import whose workflow execution has ended without finishing it (its last step could not run) is
     * stored as failed, so that it can be resumed; every other import is answered as it is.
     */
    private InventoryImport reconciled(String userId, InventoryImport found) {
        if (found.status() != ImportStatus.RUNNING || found.executionId() == null
                || workflow.running(found.executionId())) {
            return found;
        }
        InventoryImport stopped = found.finished(ImportStatus.FAILED, found.counts(), "the import workflow ended"
                + " before the import finished; start the import again to resume it", clock.instant());
        return inventory.replaceImport(userId, stopped, found.version()) ? stopped
                : requireImport(userId, found.campaignId(), found.importId());
    }

    /** The campaign's items, optionally only those with {@code status} and/or of {@code kind}. */
    public Listing list(String userId, String campaignId, ItemStatus status, ItemKind kind) {
        requireCampaign(userId, campaignId);
        List<InventoryItem> all = inventory.items(userId, campaignId);
        List<InventoryItem> shown = all.stream()
                .filter(item -> status == null || item.status() == status)
                .filter(item -> kind == null || item.kind() == kind)
                .sorted(Comparator.comparing(InventoryItem::createdAt).thenComparing(InventoryItem::itemId))
                .toList();
        int usable = (int) all.stream().filter(item -> item.status() == ItemStatus.USABLE).count();
        int images = (int) all.stream().filter(item -> item.kind() == ItemKind.IMAGE).count();
        return new Listing(campaignId, shown, new Summary(all.size(), usable, all.size() - usable, images,
                all.size() - images));
    }

    public ItemDetail item(String userId, String campaignId, String itemId) {
        InventoryItem item = requireItem(userId, campaignId, itemId);
        Map<String, AssetRecord> records = new LinkedHashMap<>();
        List<String> libraryIds = item.versions().stream().map(ItemVersion::assetLibraryId).toList();
        assets.findAll(userId, libraryIds).forEach(record -> records.put(record.assetLibraryId(), record));
        List<VersionView> versions = new ArrayList<>();
        versions.add(new VersionView(0, 0, "original", Map.of(), "ready", null, null, null, null, item.width(),
                item.height(), item.sha256(), download(item.storageKey()), null));
        for (ItemVersion version : item.versions()) {
            versions.add(view(version, records.get(version.assetLibraryId())));
        }
        return new ItemDetail(item, download(item.storageKey()), versions);
    }

    private VersionView view(ItemVersion version, AssetRecord record) {
        if (record == null) {
            return new VersionView(version.number(), version.parent(), version.operation(), version.parameters(),
                    "missing", version.assetLibraryId(), version.provider(), version.model(), null, null, null, null,
                    null, "its asset library record was deleted");
        }
        boolean ready = record.status() == AssetStatus.READY && record.storageKey() != null;
        return new VersionView(version.number(), version.parent(), version.operation(), version.parameters(),
                record.status().code(), record.assetLibraryId(), record.provider(), record.model(), record.costUsd(),
                record.width(), record.height(), record.sha256(), ready ? download(record.storageKey()) : null,
                record.error());
    }

    private String download(String key) {
        PresignedDownload download = media.presignDownload(key, DOWNLOAD_URL_TTL);
        return download.url();
    }

    private void requireCampaign(String userId, String campaignId) {
        if (campaignId == null || campaignId.isBlank() || campaigns.find(userId, campaignId).isEmpty()) {
            throw new NotFoundException("campaign " + campaignId + " not found");
        }
    }

    InventoryImport requireImport(String userId, String campaignId, String importId) {
        return inventory.findImport(userId, campaignId, importId)
                .orElseThrow(() -> new NotFoundException("import " + importId + " not found"));
    }

    InventoryItem requireItem(String userId, String campaignId, String itemId) {
        return inventory.findItem(userId, campaignId, itemId)
                .orElseThrow(() -> new NotFoundException("inventory item " + itemId + " not found"));
    }

    static int maxWriteAttempts() {
        return MAX_WRITE_ATTEMPTS;
    }
}
