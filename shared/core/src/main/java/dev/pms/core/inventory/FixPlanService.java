package dev.pms.core.inventory;

import dev.pms.core.asset.AssetRecord;
import dev.pms.core.asset.AssetRepository;
import dev.pms.core.asset.AssetStatus;
import dev.pms.core.audit.AuditReport.Box;
import dev.pms.core.audit.AuditReport.Recommendation;
import dev.pms.core.audit.AuditStatus;
import dev.pms.core.audit.FixOperation;
import dev.pms.core.brand.BrandDna;
import dev.pms.core.brand.BrandDnaDeriver;
import dev.pms.core.brand.BrandProfileRepository;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.channel.Placement;
import dev.pms.core.common.EnumCodes;
import dev.pms.core.error.ConflictException;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.ValidationException;
import dev.pms.core.error.VersionConflictException;
import dev.pms.core.generation.JobMessage;
import dev.pms.core.generation.JobQueue;
import dev.pms.core.pricing.CostLine;
import dev.pms.core.pricing.Plan;
import dev.pms.core.pricing.PreflightService;
import dev.pms.core.pricing.QualityTier;
import dev.pms.core.pricing.UsageKind;
import dev.pms.core.usage.UsageAmounts;

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
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Approving an item's fix plan runs it: the plan the audit made for one placement (or the operations of it the caller
 * chose) is priced — local operations are free, edits and regeneration come from the price table on the model the plan
 * names — checked against the plan and this month's usage, reserved like any asset, and run on the provider jobs queue
 * as a chain of steps, each making a new version of the item from the one before (the first from the original) with
 * the operation and its parameters as lineage. Approving a version makes it the source of the campaign's variants.
 */
public final class FixPlanService {
    /**
     * The order steps run in: crops first (they are planned on the original's pixels), then exposure and restoration
     * (so that the product stands out before its background is found), size and format last.
     */
    static final List<FixOperation> ORDER = List.of(FixOperation.CROP, FixOperation.RELIGHT, FixOperation.RESTORE,
            FixOperation.BACKGROUND_TO_WHITE, FixOperation.RECOLOUR, FixOperation.REGENERATE,
            FixOperation.UPSCALE, FixOperation.DOWNSCALE, FixOperation.CONVERT_FORMAT, FixOperation.COMPRESS);
    private static final int MAX_WRITE_ATTEMPTS = 5;

    private final InventoryRepository inventory;
    private final AssetRepository assets;
    private final JobQueue queue;
    private final PreflightService preflight;
    private final ChannelCatalog catalog;
    private final BrandProfileRepository profiles;
    private final BrandDnaDeriver deriver;
    private final Clock clock;
    private final Supplier<String> ids;

    public FixPlanService(InventoryRepository inventory, AssetRepository assets, JobQueue queue,
                          PreflightService preflight, ChannelCatalog catalog, BrandProfileRepository profiles,
                          Clock clock, Supplier<String> ids) {
        this.inventory = inventory;
        this.assets = assets;
        this.queue = queue;
        this.preflight = preflight;
        this.catalog = catalog;
        this.profiles = profiles;
        this.deriver = new BrandDnaDeriver(catalog);
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * Which plan to run: the placement whose audit planned it (null: the placement with the most work to do) and the
     * operations of it to run (empty: all of them).
     */
    public record FixPlanCommand(String placement, List<String> operations) {
        public FixPlanCommand {
            operations = operations == null ? List.of() : List.copyOf(operations);
        }
    }

    /** One step: the version it makes, what it does, the record that makes it, on which model, at what cost. */
    public record PlanStep(int version, int parentVersion, String operation, Map<String, Object> parameters,
                           String assetLibraryId, String provider, String model, BigDecimal costUsd, String reason) {
    }

    /** An approved plan on its way: its steps and their total cost, reserved against the plan. */
    public record PlanRun(String planId, String itemId, String placement, List<PlanStep> steps,
                          BigDecimal totalCostUsd) {
    }

    public PlanRun approve(String userId, String campaignId, String itemId, FixPlanCommand command) {
        InventoryItem item = requireItem(userId, campaignId, itemId);
        if (item.kind() != ItemKind.IMAGE) {
            throw ValidationException.of("item_id", "is a text; fix plans are made for images");
        }
        ItemAudit.PlacementFit fit = chooseFit(item, command.placement());
        List<Recommendation> fixes = chooseFixes(fit, command.operations());
        Placement placement = catalog.requirePlacement(fit.placement());
        BrandDna dna = deriver.derive(profiles.find(userId));
        List<String> palette = dna.visualIdentity() == null || dna.visualIdentity().colorPalette() == null ? List.of()
                : dna.visualIdentity().colorPalette();

        List<CostLine> paid = new ArrayList<>();
        for (Recommendation fix : fixes) {
            if (fix.costUsd().signum() > 0) {
                UsageKind kind = fix.operation() == FixOperation.REGENERATE ? UsageKind.IMAGE : UsageKind.IMAGE_EDIT;
                paid.add(new CostLine(itemId, AssetType.IMAGE, placement.channel(), placement.key(), kind,
                        QualityTier.DEFAULT, fix.provider(), fix.model(), List.of(), fix.costUsd()));
            }
        }
        preflight.check(userId, paid);
        Plan plan = preflight.planOf(userId);

        String planId = ids.get();
        List<String> libraryIds = new ArrayList<>();
        fixes.forEach(fix -> libraryIds.add(ids.get()));
        int firstVersion = item.nextVersionNumber();
        Instant now = clock.instant();
        List<AssetRecord> reserved = new ArrayList<>();
        List<PlanStep> steps = new ArrayList<>();
        List<ItemVersion> versions = new ArrayList<>();
        for (int i = 0; i < fixes.size(); i++) {
            Recommendation fix = fixes.get(i);
            int version = firstVersion + i;
            int parent = i == 0 ? 0 : version - 1;
            Map<String, Object> parameters = parameters(fix, placement, palette);
            String operation = fix.operation().code();
            InventoryJobs.Spec spec = new InventoryJobs.Spec(InventoryJobs.FIX, campaignId, itemId, version, parent,
                    i == 0 ? item.storageKey() : null, i == 0 ? null : libraryIds.get(i - 1), operation, parameters,
                    planId, InventoryJobs.rest(libraryIds, i + 1), instruction(fix, placement, palette));
            boolean charged = fix.costUsd().signum() > 0;
            UsageKind kind = fix.operation() == FixOperation.REGENERATE ? UsageKind.IMAGE : UsageKind.IMAGE_EDIT;
            UsageAmounts amounts = charged ? new UsageAmounts(Map.of(kind, 1), fix.costUsd()) : UsageAmounts.none();
            String provider = fix.provider() == null ? "local" : fix.provider();
            String model = fix.model() == null ? "java2d-" + operation : fix.model();
            AssetRecord.Lineage lineage = new AssetRecord.Lineage(campaignId, itemId, null, 0, AssetType.IMAGE,
                    placement.channel(), placement.key(), spec.instruction(), provider, model);
            AssetRecord record = AssetRecord.queued(libraryIds.get(i), lineage, amounts, InventoryJobs.details(spec),
                    now).withOutput(AssetRecord.Output.sized(item.width(), item.height()));
            if (!assets.createReserved(userId, record, preflight.billingMonth(), plan)) {
                release(userId, reserved, "the rest of the fix plan could not be reserved");
                preflight.check(userId, paid);
                throw new ConflictException("another request reserved part of this month's budget at the same time; "
                        + "approve the plan again");
            }
            reserved.add(record);
            steps.add(new PlanStep(version, parent, operation, parameters, record.assetLibraryId(), provider, model,
                    fix.costUsd(), fix.reason()));
            versions.add(new ItemVersion(version, parent, operation, parameters, record.assetLibraryId(), provider,
                    model, planId, now));
        }
        try {
            addVersions(userId, campaignId, itemId, versions);
        } catch (RuntimeException e) {
            release(userId, reserved, "the item changed while its plan was approved");
            throw e;
        }
        queue.send(new JobMessage(userId, libraryIds.get(0), null, false), Duration.ZERO);
        BigDecimal total = fixes.stream().map(Recommendation::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new PlanRun(planId, itemId, placement.key(), steps, total);
    }

    /** Makes {@code version} (0: the original) the source the campaign's variants are derived from. */
    public InventoryItem approveVersion(String userId, String campaignId, String itemId, int version) {
        for (int attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
            InventoryItem item = requireItem(userId, campaignId, itemId);
            if (item.kind() != ItemKind.IMAGE) {
                throw ValidationException.of("item_id", "is a text; variants are derived from images");
            }
            if (version != 0) {
                ItemVersion chosen = item.versionNumbered(version).orElseThrow(() -> ValidationException.of("version",
                        "is not a version of the item (it has " + (item.versions().size() + 1) + ", from 0)"));
                AssetRecord record = assets.find(userId, chosen.assetLibraryId()).orElseThrow(() ->
                        ValidationException.of("version", "was deleted from the asset library"));
                if (record.status() != AssetStatus.READY) {
                    throw new ConflictException("version " + version + " is " + record.status().code()
                            + (record.error() == null ? "" : " (" + record.error() + ")")
                            + "; only a ready version can be approved");
                }
            }
            InventoryItem approved = item.approved(version, clock.instant());
            if (inventory.replaceItem(userId, approved, item.version())) {
                return approved;
            }
        }
        throw new VersionConflictException("item " + itemId + " kept changing; approve it again");
    }

    private ItemAudit.PlacementFit chooseFit(InventoryItem item, String placement) {
        List<ItemAudit.PlacementFit> fits = item.audit() == null ? List.of() : item.audit().placements();
        if (placement != null) {
            String wanted = placement.strip().toLowerCase(Locale.ROOT);
            return fits.stream().filter(fit -> fit.placement().equals(wanted)).findFirst().orElseThrow(() ->
                    ValidationException.of("placement", "is not a placement the item was audited against (its "
                            + "placements: " + String.join(", ", fits.stream().map(ItemAudit.PlacementFit::placement)
                            .toList()) + ")"));
        }
        Optional<ItemAudit.PlacementFit> most = fits.stream().filter(fit -> fit.verdict() == AuditStatus.ENHANCE)
                .max(Comparator.comparingLong((ItemAudit.PlacementFit fit) -> fit.fixes().stream()
                                .filter(fix -> !fix.operation().local()).count())
                        .thenComparing(fit -> fit.fixes().size()));
        return most.or(() -> fits.stream().filter(fit -> !fit.fixes().isEmpty()).findFirst())
                .orElseThrow(() -> new ConflictException("the item needs no fix for any of its placements"));
    }

    private static List<Recommendation> chooseFixes(ItemAudit.PlacementFit fit, List<String> operations) {
        if (fit.fixes().isEmpty()) {
            throw new ConflictException(fit.placement() + " needs no fix: the item is usable there as it is");
        }
        List<Recommendation> chosen = new ArrayList<>();
        if (operations.isEmpty()) {
            chosen.addAll(fit.fixes());
        } else {
            for (int i = 0; i < operations.size(); i++) {
                String code = operations.get(i);
                Optional<FixOperation> op = EnumCodes.parse(FixOperation.class, code);
                Optional<Recommendation> fix = op.flatMap(o -> fit.fixes().stream()
                        .filter(f -> f.operation() == o).findFirst());
                if (fix.isEmpty()) {
                    throw ValidationException.of("operations[" + i + "]", "is not in the plan for " + fit.placement()
                            + " (its operations: " + String.join(", ", fit.fixes().stream()
                            .map(f -> f.operation().code()).toList()) + ")");
                }
                if (chosen.stream().noneMatch(f -> f.operation() == fix.get().operation())) {
                    chosen.add(fix.get());
                }
            }
        }
        chosen.sort(Comparator.comparingInt(fix -> ORDER.indexOf(fix.operation())));
        return chosen;
    }

    private static Map<String, Object> parameters(Recommendation fix, Placement placement, List<String> palette) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        Box box = fix.cropBox();
        if (box != null) {
            parameters.put("crop_box", Map.of("x", box.x(), "y", box.y(), "width", box.width(), "height", box.height()));
        }
        if (fix.upscaleFactor() != null) {
            parameters.put("factor", fix.upscaleFactor());
        }
        if (fix.targetWidth() != null) {
            parameters.put("width", fix.targetWidth());
            parameters.put("height", fix.targetHeight());
        }
        if (fix.targetFormat() != null) {
            parameters.put("format", fix.targetFormat());
        }
        switch (fix.operation()) {
            case COMPRESS -> parameters.put("max_bytes", placement.maxBytes());
            case RECOLOUR -> parameters.put("palette", palette);
            case REGENERATE -> {
                parameters.put("palette", palette);
                parameters.putIfAbsent("width", placement.canvas().width());
                parameters.putIfAbsent("height", placement.canvas().height());
            }
            case RESTORE -> parameters.put("defects", fix.reason());
            default -> {
            }
        }
        return parameters;
    }

    /** What a live edit model is asked to do (local operations are described the same way, for the record). */
    static String instruction(Recommendation fix, Placement placement, List<String> palette) {
        return switch (fix.operation()) {
            case CROP -> "Crop to " + placement.canvas().ratio() + " for " + placement.key() + ".";
            case UPSCALE -> "Upscale this product photo " + (fix.upscaleFactor() == null ? "" : fix.upscaleFactor() + "x ")
                    + "to a higher resolution; keep every detail, shape and colour exactly as it is.";
            case DOWNSCALE -> "Scale down to " + fix.targetWidth() + "x" + fix.targetHeight() + ".";
            case RELIGHT -> "Correct the exposure and lighting of this product photo so that the product is evenly and"
                    + " naturally lit; change nothing else.";
            case RESTORE -> "Restore this product photo: remove blur, noise and compression artefacts; change nothing"
                    + " else.";
            case BACKGROUND_TO_WHITE -> "Replace the background with pure white (RGB 255,255,255); keep the product"
                    + " exactly as it is.";
            case RECOLOUR -> "Recolour the dominant colours of this image toward the brand palette "
                    + String.join(", ", palette) + "; keep the subject, layout and text.";
            case REGENERATE -> "Recreate this product image as a " + placement.canvas().dimensions() + " "
                    + placement.key() + " creative in the brand palette " + String.join(", ", palette) + ".";
            case CONVERT_FORMAT -> "Convert to " + fix.targetFormat() + ".";
            case COMPRESS -> "Compress to at most " + placement.maxBytes() + " bytes.";
        };
    }

    private void addVersions(String userId, String campaignId, String itemId, List<ItemVersion> added) {
        for (int attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
            InventoryItem item = requireItem(userId, campaignId, itemId);
            List<ItemVersion> versions = new ArrayList<>(item.versions());
            versions.addAll(added);
            if (inventory.replaceItem(userId, item.withVersions(versions, clock.instant()), item.version())) {
                return;
            }
        }
        throw new VersionConflictException("item " + itemId + " kept changing; approve the plan again");
    }

    private void release(String userId, List<AssetRecord> reserved, String reason) {
        reserved.forEach(taken -> assets.close(userId, taken.closed(AssetStatus.STOPPED, reason, clock.instant()),
                taken.billingMonth()));
    }

    private InventoryItem requireItem(String userId, String campaignId, String itemId) {
        return inventory.findItem(userId, campaignId, itemId)
                .orElseThrow(() -> new NotFoundException("inventory item " + itemId + " not found"));
    }
}
