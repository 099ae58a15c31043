package dev.pms.core.inventory;

import dev.pms.core.audit.UntrustedImages;
import dev.pms.core.brand.BrandConsistency;
import dev.pms.core.brand.BrandDna;
import dev.pms.core.brand.BrandDnaDeriver;
import dev.pms.core.brand.BrandProfileRepository;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignRepository;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.error.DomainException;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.ValidationException;
import dev.pms.core.json.Json;
import dev.pms.core.media.Digests;
import dev.pms.core.media.MediaStore;
import dev.pms.core.media.MediaTooLargeException;
import dev.pms.core.media.UserKeys;
import dev.pms.core.text.TextProblems;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The import workflow's steps. {@link #prepare} reads the source once — a ZIP's directory checked against the limits
 * before anything is inflated, then each image or text entry inflated (bounded) and staged; or a store's products — and
 * stores the manifest; {@link #importEntry} turns one entry into an item (content-hashed, so a file seen before updates
 * its item), audited and flagged; {@link #finish} counts the outcomes. Each step can run again: a settled entry is not
 * redone, so a resumed import only retries the entries that failed.
 */
public final class InventoryImportTasks {
    static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "webp");
    static final Set<String> TEXT_EXTENSIONS = Set.of("txt", "md", "markdown", "csv");
    static final int MAX_TEXT_CHARACTERS = 100_000;
    static final int MAX_STORE_PRODUCTS = 250;
    private static final int MAX_WRITE_ATTEMPTS = 5;

    private final InventoryRepository inventory;
    private final MediaStore media;
    private final CampaignRepository campaigns;
    private final ChannelCatalog catalog;
    private final BrandProfileRepository profiles;
    private final BrandDnaDeriver deriver;
    private final InventoryAuditor auditor;
    private final BrandConsistency consistency;
    private final StoreCatalog stores;
    private final MediaFetcher fetcher;
    private final ZipLimits limits;
    private final Clock clock;
    /** Manifests never change once stored, so a warm function reads each one once. */
    private final Map<String, ImportManifest> manifests = new ConcurrentHashMap<>();

    /**
     * @param consistency the embedding score of texts (null: texts are checked by rules only)
     * @param stores      the store catalogue (null: store imports fail with that reason)
     * @param fetcher     fetches store media (null with {@code stores})
     */
    public InventoryImportTasks(InventoryRepository inventory, MediaStore media, CampaignRepository campaigns,
                                ChannelCatalog catalog, BrandProfileRepository profiles, InventoryAuditor auditor,
                                BrandConsistency consistency, StoreCatalog stores, MediaFetcher fetcher,
                                ZipLimits limits, Clock clock) {
        this.inventory = inventory;
        this.media = media;
        this.campaigns = campaigns;
        this.catalog = catalog;
        this.profiles = profiles;
        this.deriver = new BrandDnaDeriver(catalog);
        this.auditor = auditor;
        this.consistency = consistency;
        this.stores = stores;
        this.fetcher = fetcher;
        this.limits = limits;
        this.clock = clock;
    }

    /** What preparation found: {@code ready} with the entries to import, or {@code refused} with the reason. */
    public record Prepared(String outcome, List<Integer> indexes, String reason) {
        static Prepared refused(String reason) {
            return new Prepared("refused", List.of(), reason);
        }
    }

    public Prepared prepare(String userId, String campaignId, String importId) {
        InventoryImport found = requireImport(userId, campaignId, importId);
        String manifestKey = manifestKey(userId, importId);
        Optional<ImportManifest> existing = readManifest(manifestKey);
        if (existing.isPresent()) {
            return new Prepared("ready", existing.get().indexes(), null);
        }
        List<ImportManifest.Entry> entries = new ArrayList<>();
        int considered;
        try {
            considered = found.source() == ImportSource.ZIP
                    ? stageZip(userId, found, entries)
                    : listStore(found, entries);
        } catch (ValidationException refused) {
            return Prepared.refused(refused.getMessage());
        } catch (StoreCatalog.StoreAccessException refused) {
            return Prepared.refused(refused.getMessage());
        }
        ImportManifest manifest = new ImportManifest(importId, entries);
        media.put(manifestKey, Json.write(manifest).getBytes(StandardCharsets.UTF_8), "application/json");
        updateImport(userId, campaignId, importId, current -> current.withEntries(considered, clock.instant()));
        return new Prepared("ready", manifest.indexes(), null);
    }

    /** Stages every image and text entry; records the others as skipped and unreadable ones as failed. */
    private int stageZip(String userId, InventoryImport found, List<ImportManifest.Entry> entries) {
        byte[] zip;
        try {
            zip = media.read(found.uploadKey(), limits.maxZipBytes()).orElseThrow(() -> ValidationException.of("zip",
                    "was never uploaded; PUT it to the import's upload_url first"));
        } catch (MediaTooLargeException e) {
            throw ValidationException.of("zip", "is larger than " + limits.maxZipBytes() + " bytes");
        }
        ZipArchive archive = ZipArchive.open(zip, limits);
        int considered = 0;
        for (ZipArchive.Entry entry : archive.entries()) {
            if (entry.directory()) {
                continue;
            }
            considered++;
            String skip = skipReason(entry);
            if (skip != null) {
                record(userId, found.importId(), new EntryOutcome(entry.index(), entry.name(), null, EntryResult.SKIPPED,
                        null, skip, clock.instant()));
                continue;
            }
            ItemKind kind = IMAGE_EXTENSIONS.contains(entry.extension()) ? ItemKind.IMAGE : ItemKind.TEXT;
            byte[] bytes;
            try {
                bytes = archive.extract(entry);
            } catch (ZipArchive.EntryException e) {
                record(userId, found.importId(), new EntryOutcome(entry.index(), entry.name(), kind, EntryResult.FAILED,
                        null, e.getMessage(), clock.instant()));
                continue;
            }
            String stagingKey = stagingPrefix(userId, found.importId()) + entry.index();
            media.put(stagingKey, bytes, kind == ItemKind.IMAGE ? "application/octet-stream" : "text/plain");
            entries.add(new ImportManifest.Entry(entry.index(), entry.name(), kind, stagingKey, null, null,
                    entry.fileName(), entry.name()));
        }
        return considered;
    }

    static String skipReason(ZipArchive.Entry entry) {
        String file = entry.fileName();
        if (entry.name().startsWith("__MACOSX/") || file.equals(".DS_Store") || file.startsWith("._")
                || file.equalsIgnoreCase("Thumbs.db") || file.equalsIgnoreCase("desktop.ini")) {
            return "operating-system metadata, not an asset";
        }
        String extension = entry.extension();
        if (IMAGE_EXTENSIONS.contains(extension) || TEXT_EXTENSIONS.contains(extension)) {
            return null;
        }
        return (extension.isEmpty() ? "a file without an extension" : "a ." + extension + " file")
                + " is not an image (png, jpg, gif, webp) or text file (txt, md, csv); it was not unpacked";
    }

    private int listStore(InventoryImport found, List<ImportManifest.Entry> entries) {
        if (stores == null) {
            throw new StoreCatalog.StoreAccessException("store imports are not configured for this deployment");
        }
        int index = 0;
        for (StoreCatalog.Product product : stores.products(found.shopDomain(), MAX_STORE_PRODUCTS)) {
            String name = "products/" + (product.handle() == null ? product.id() : product.handle());
            if (product.description() != null && !product.description().isBlank()) {
                String copy = product.title() == null ? product.description().strip()
                        : product.title().strip() + "\n\n" + product.description().strip();
                entries.add(new ImportManifest.Entry(index++, name + "/description", ItemKind.TEXT, null, null, copy,
                        product.title(), product.id()));
            }
            for (StoreCatalog.Media image : product.media()) {
                entries.add(new ImportManifest.Entry(index++, name + "/" + mediaName(image), ItemKind.IMAGE, null,
                        image.url(), null, product.title(), image.id()));
            }
        }
        return index;
    }

    private static String mediaName(StoreCatalog.Media image) {
        String id = image.id() == null ? "image" : image.id();
        return id.substring(id.lastIndexOf('/') + 1);
    }

    /** Imports one prepared entry, unless it already has a settled outcome. */
    public EntryOutcome importEntry(String userId, String campaignId, String importId, int index) {
        Optional<EntryOutcome> done = inventory.outcome(userId, importId, index);
        if (done.isPresent() && done.get().settled()) {
            return done.get();
        }
        InventoryImport found = requireImport(userId, campaignId, importId);
        ImportManifest.Entry entry = readManifest(manifestKey(userId, importId))
                .flatMap(manifest -> manifest.entry(index))
                .orElseThrow(() -> new IllegalStateException("import " + importId + " has no prepared entry " + index));
        EntryOutcome outcome;
        try {
            outcome = importPrepared(userId, found, entry);
        } catch (EntryRefused | DomainException refused) {
            String reason = refused.getMessage().replaceFirst("^image_base64 ", "");
            outcome = new EntryOutcome(index, entry.name(), entry.kind(), EntryResult.FAILED, null,
                    reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason, clock.instant());
        }
        return record(userId, importId, outcome);
    }

    /** Records the failure the workflow caught for an entry (its retries used up); a settled outcome is kept. */
    public EntryOutcome entryFailed(String userId, String importId, int index, String name, String cause) {
        Optional<EntryOutcome> done = inventory.outcome(userId, importId, index);
        if (done.isPresent() && done.get().settled()) {
            return done.get();
        }
        return record(userId, importId, new EntryOutcome(index, name, null, EntryResult.FAILED, null,
                "the import step failed and gave up after its retries (" + cause + "); resume the import to try again",
                clock.instant()));
    }

    private EntryOutcome importPrepared(String userId, InventoryImport found, ImportManifest.Entry entry) {
        Campaign campaign = campaigns.find(userId, found.campaignId())
                .orElseThrow(() -> new EntryRefused("the campaign was deleted"));
        BrandDna dna = deriver.derive(profiles.find(userId));
        byte[] bytes = bytesOf(entry);
        String text = null;
        if (entry.kind() == ItemKind.IMAGE) {
            if (UntrustedImages.mimeTypeOf(bytes).isEmpty()) {
                throw new EntryRefused("is named like an image but its bytes are not a PNG, JPEG, GIF or WebP image");
            }
        } else {
            text = text(bytes);
            bytes = text.getBytes(StandardCharsets.UTF_8);
        }
        String sha256 = Digests.sha256Hex(bytes);
        Instant now = clock.instant();
        InventoryAuditor.Verdict verdict = entry.kind() == ItemKind.IMAGE
                ? auditor.image(bytes, CampaignPlacements.images(catalog, campaign), palette(dna), now)
                : auditor.text(text, dna, score(userId, text), CampaignPlacements.copy(catalog, campaign), now);
        String storageKey = InventoryItem.storageKey(userId, campaign.campaignId(), sha256);
        if (!media.exists(storageKey)) {
            media.put(storageKey, bytes, entry.kind() == ItemKind.IMAGE ? verdict.mimeType() : "text/plain; charset=utf-8");
        }
        ItemSource source = new ItemSource(found.source(), entry.ref(), entry.label(), found.importId(), now);
        String itemId = InventoryItem.idFor(sha256);
        for (int attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
            Optional<InventoryItem> existing = inventory.findItem(userId, campaign.campaignId(), itemId);
            if (existing.isPresent()) {
                InventoryItem updated = existing.get().seenAgain(source, verdict.audit(), verdict.status(),
                        verdict.reasons(), now);
                if (inventory.replaceItem(userId, updated, existing.get().version())) {
                    return new EntryOutcome(entry.index(), entry.name(), entry.kind(), EntryResult.UPDATED, itemId,
                            "the same " + (entry.kind() == ItemKind.IMAGE ? "image" : "text")
                                    + " was imported before: its item was updated, not duplicated", now);
                }
                continue;
            }
            InventoryItem created = new InventoryItem(itemId, campaign.campaignId(), entry.kind(), sha256,
                    title(entry), entry.kind() == ItemKind.IMAGE ? verdict.mimeType() : "text/plain", bytes.length,
                    verdict.width(), verdict.height(), storageKey, text, List.of(source), verdict.audit(),
                    verdict.status(), verdict.reasons(), List.of(), null, now, now, 1);
            if (inventory.createItem(userId, created)) {
                return new EntryOutcome(entry.index(), entry.name(), entry.kind(), EntryResult.CREATED, itemId, null, now);
            }
        }
        throw new IllegalStateException("item " + itemId + " kept changing while it was imported");
    }

    private byte[] bytesOf(ImportManifest.Entry entry) {
        if (entry.text() != null) {
            return entry.text().getBytes(StandardCharsets.UTF_8);
        }
        if (entry.url() != null) {
            if (fetcher == null) {
                throw new EntryRefused("store media cannot be fetched in this deployment");
            }
            try {
                return fetcher.fetch(entry.url(), limits.maxEntryBytes());
            } catch (MediaFetcher.FetchRefusedException e) {
                throw new EntryRefused(e.getMessage());
            }
        }
        try {
            return media.read(entry.stagingKey(), limits.maxEntryBytes())
                    .orElseThrow(() -> new IllegalStateException("staged entry " + entry.stagingKey() + " is missing"));
        } catch (MediaTooLargeException e) {
            throw new EntryRefused("is larger than " + limits.maxEntryBytes() + " bytes");
        }
    }

    private static String text(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new EntryRefused("is not UTF-8 text");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        text = text.replace("\r\n", "\n").strip();
        if (text.isEmpty()) {
            throw new EntryRefused("is an empty text file");
        }
        if (text.length() > MAX_TEXT_CHARACTERS) {
            throw new EntryRefused("has " + text.length() + " characters; texts of at most " + MAX_TEXT_CHARACTERS
                    + " are imported");
        }
        TextProblems.of(text).ifPresent(problem -> {
            throw new EntryRefused("is not plain text: it " + problem);
        });
        return text;
    }

    private OptionalDouble score(String userId, String text) {
        return consistency == null ? OptionalDouble.empty() : consistency.score(userId, text);
    }

    private static List<String> palette(BrandDna dna) {
        return dna.visualIdentity() == null || dna.visualIdentity().colorPalette() == null ? List.of()
                : dna.visualIdentity().colorPalette();
    }

    private static String title(ImportManifest.Entry entry) {
        if (entry.label() != null && !entry.label().isBlank()) {
            return entry.label().strip();
        }
        return entry.name();
    }

    /** Counts the outcomes and ends the import; {@code failure} is the workflow's reason when it could not run. */
    public InventoryImport finish(String userId, String campaignId, String importId, String failure) {
        List<EntryOutcome> outcomes = inventory.outcomes(userId, importId);
        int created = 0;
        int updated = 0;
        int skipped = 0;
        int failed = 0;
        for (EntryOutcome outcome : outcomes) {
            switch (outcome.result()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case SKIPPED -> skipped++;
                case FAILED -> failed++;
            }
        }
        InventoryImport.Counts counts = new InventoryImport.Counts(created, updated, skipped, failed);
        ImportStatus status;
        String reason = failure;
        if (failure != null) {
            status = ImportStatus.FAILED;
        } else if (failed == 0) {
            status = ImportStatus.SUCCEEDED;
        } else {
            status = created + updated + skipped > 0 ? ImportStatus.PARTIAL : ImportStatus.FAILED;
            reason = failed + " of " + counts.total() + " entries failed; their reasons are listed with each entry";
        }
        if (status == ImportStatus.SUCCEEDED) {
            readManifest(manifestKey(userId, importId)).ifPresent(manifest -> manifest.entries().stream()
                    .filter(entry -> entry.stagingKey() != null).forEach(entry -> media.delete(entry.stagingKey())));
            media.delete(manifestKey(userId, importId));
            manifests.remove(manifestKey(userId, importId));
        }
        String finalReason = reason;
        return updateImport(userId, campaignId, importId,
                current -> current.finished(status, counts, finalReason, clock.instant()));
    }

    private InventoryImport updateImport(String userId, String campaignId, String importId,
                                         UnaryOperator<InventoryImport> change) {
        for (int attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
            InventoryImport current = requireImport(userId, campaignId, importId);
            InventoryImport next = change.apply(current);
            if (inventory.replaceImport(userId, next, current.version())) {
                return next;
            }
        }
        throw new IllegalStateException("import " + importId + " kept changing");
    }

    private EntryOutcome record(String userId, String importId, EntryOutcome outcome) {
        inventory.putOutcome(userId, importId, outcome);
        return outcome;
    }

    private InventoryImport requireImport(String userId, String campaignId, String importId) {
        return inventory.findImport(userId, campaignId, importId)
                .orElseThrow(() -> new NotFoundException("import " + importId + " not found"));
    }

    private Optional<ImportManifest> readManifest(String key) {
        ImportManifest cached = manifests.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<ImportManifest> read = media.read(key, 16L * 1024 * 1024)
                .map(bytes -> {
                    try {
                        return Json.mapper().readValue(bytes, ImportManifest.class);
                    } catch (IOException e) {
                        throw new IllegalStateException("the manifest " + key + " is unreadable", e);
                    }
                });
        read.ifPresent(manifest -> {
            if (manifests.size() > 64) {
                manifests.clear();
            }
            manifests.put(key, manifest);
        });
        return read;
    }

    static String stagingPrefix(String userId, String importId) {
        return "inventory-staging/" + UserKeys.userHash(userId) + "/" + importId + "/";
    }

    static String manifestKey(String userId, String importId) {
        return stagingPrefix(userId, importId) + "manifest.json";
    }

    /** One entry that cannot become an item, with the reason (never thrown past this class). */
    private static final class EntryRefused extends RuntimeException {
        EntryRefused(String message) {
            super(message, null, false, false);
        }
    }
}
