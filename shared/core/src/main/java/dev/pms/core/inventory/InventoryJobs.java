package dev.pms.core.inventory;

import dev.pms.core.asset.AssetRecord;
import dev.pms.core.asset.AssetRepository;
import dev.pms.core.asset.AssetStatus;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Canvas;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.channel.Placement;
import dev.pms.core.channel.SafeZone;
import dev.pms.core.generation.DetachedJobs;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.ImageEdit;
import dev.pms.core.generation.JobMessage;
import dev.pms.core.generation.JobQueue;
import dev.pms.core.media.MediaStore;
import dev.pms.core.media.MediaTooLargeException;
import dev.pms.core.media.ProductPhoto;
import dev.pms.core.pricing.QualityTier;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inventory work on the provider jobs queue: each step of an approved fix plan (one operation, one new version of the
 * item) and each channel variant is an asset library record of the campaign with {@code details.source: inventory}
 * and, under {@code details.inventory}, what its request needs — the item, the version it starts from (the original's
 * storage key, or the record of the version before), the operation and its parameters. A plan's steps form a chain:
 * when one is ready the next is queued, when one fails the rest are stopped and their reservations given back, and
 * the versions made so far stay.
 */
public final class InventoryJobs implements DetachedJobs {
    public static final String SOURCE = "inventory";
    static final String DETAILS_KEY = "inventory";
    static final String FIX = "fix";
    static final String VARIANT = "variant";
    static final long MAX_INPUT_BYTES = 40L * 1024 * 1024;

    private static final int MAX_WRITE_ATTEMPTS = 8;

    private final InventoryRepository inventory;
    private final AssetRepository assets;
    private final MediaStore media;
    private final JobQueue queue;
    private final ChannelCatalog catalog;
    private final Clock clock;

    public InventoryJobs(InventoryRepository inventory, AssetRepository assets, MediaStore media, JobQueue queue,
                         ChannelCatalog catalog, Clock clock) {
        this.inventory = inventory;
        this.assets = assets;
        this.media = media;
        this.queue = queue;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** What an inventory job keeps to rebuild its request, as stored under {@code details.inventory}. */
    public record Spec(String kind, String campaignId, String itemId, int version, int parentVersion, String inputKey,
                       String parentAssetLibraryId, String operation, Map<String, Object> parameters, String planId,
                       List<String> followingSteps, String instruction) {

        public Spec {
            parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
            followingSteps = followingSteps == null ? List.of() : List.copyOf(followingSteps);
        }

        Map<String, Object> toDetails() {
            Map<String, Object> inventory = new LinkedHashMap<>();
            inventory.put("kind", kind);
            inventory.put("campaign_id", campaignId);
            inventory.put("item_id", itemId);
            inventory.put("version", version);
            inventory.put("parent_version", parentVersion);
            if (inputKey != null) {
                inventory.put("input_key", inputKey);
            }
            if (parentAssetLibraryId != null) {
                inventory.put("parent_asset_library_id", parentAssetLibraryId);
            }
            inventory.put("operation", operation);
            inventory.put("parameters", parameters);
            if (planId != null) {
                inventory.put("plan_id", planId);
            }
            inventory.put("following_steps", followingSteps);
            if (instruction != null) {
                inventory.put("instruction", instruction);
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("source", SOURCE);
            details.put(DETAILS_KEY, inventory);
            return details;
        }

        static Spec of(AssetRecord asset) {
            Map<?, ?> inventory = (Map<?, ?>) asset.details().get(DETAILS_KEY);
            Map<String, Object> parameters = new LinkedHashMap<>();
            if (inventory.get("parameters") instanceof Map<?, ?> stored) {
                stored.forEach((key, value) -> parameters.put(String.valueOf(key), value));
            }
            List<String> following = inventory.get("following_steps") instanceof List<?> list
                    ? list.stream().map(String::valueOf).toList() : List.of();
            return new Spec(text(inventory, "kind"), text(inventory, "campaign_id"), text(inventory, "item_id"),
                    number(inventory, "version"), number(inventory, "parent_version"), text(inventory, "input_key"),
                    text(inventory, "parent_asset_library_id"), text(inventory, "operation"), parameters,
                    text(inventory, "plan_id"), following, text(inventory, "instruction"));
        }
    }

    public static boolean isInventory(AssetRecord asset) {
        return SOURCE.equals(asset.details().get("source")) && asset.details().get(DETAILS_KEY) instanceof Map<?, ?>;
    }

    public static Spec specOf(AssetRecord asset) {
        return Spec.of(asset);
    }

    /** The record details of a job with this spec. */
    public static Map<String, Object> details(Spec spec) {
        return spec.toDetails();
    }

    @Override
    public boolean owns(AssetRecord asset) {
        return isInventory(asset);
    }

    /** A step waits while the version it starts from is still being made. */
    @Override
    public boolean inputReady(String userId, AssetRecord asset) {
        Spec spec = Spec.of(asset);
        if (spec.parentAssetLibraryId() == null) {
            return true;
        }
        return assets.find(userId, spec.parentAssetLibraryId()).map(parent -> !parent.isOpen()).orElse(true);
    }

    @Override
    public GenerationRequest request(String userId, AssetRecord asset, String providerName) {
        Spec spec = Spec.of(asset);
        byte[] source = input(userId, spec);
        Placement placement = catalog.placement(asset.placement()).orElseGet(() -> editPlacement(asset));
        @SuppressWarnings("unchecked")
        List<String> palette = spec.parameters().get("palette") instanceof List<?> list
                ? list.stream().map(String::valueOf).toList() : List.of();
        ProductPhoto photo = new ProductPhoto(source, "image/png", spec.itemId());
        return new GenerationRequest(asset.assetLibraryId() + "#" + asset.attempts(), spec.itemId(), AssetType.IMAGE,
                placement, spec.instruction() == null ? spec.operation() : spec.instruction(), spec.operation(),
                spec.instruction(), Map.of(), palette, List.of(), providerName, asset.model(), QualityTier.DEFAULT,
                source, null, null, null, photo, null, new ImageEdit(spec.operation(), spec.parameters(), source));
    }

    @Override
    public Map<String, Object> keptDetails(AssetRecord asset) {
        Map<String, Object> kept = new LinkedHashMap<>();
        kept.put("source", SOURCE);
        kept.put(DETAILS_KEY, asset.details().get(DETAILS_KEY));
        return kept;
    }

    /**
     * A ready step queues the next one of its plan; a failed one stops the rest, giving their reservations back. A
     * made variant has its placement checks run on the stored file and recorded on the campaign's variant board.
     */
    @Override
    public void finished(String userId, AssetRecord asset) {
        Spec spec = Spec.of(asset);
        if (VARIANT.equals(spec.kind())) {
            recordChecks(userId, spec.campaignId(), asset);
            return;
        }
        if (spec.followingSteps().isEmpty()) {
            return;
        }
        if (asset.status() == AssetStatus.READY) {
            queue.send(new JobMessage(userId, spec.followingSteps().get(0), null, false), Duration.ZERO);
            return;
        }
        for (String following : spec.followingSteps()) {
            assets.find(userId, following).filter(AssetRecord::isOpen).ifPresent(step -> assets.close(userId,
                    step.closed(AssetStatus.STOPPED, "an earlier step of the fix plan failed (" + spec.operation()
                            + ": " + asset.error() + "); nothing was charged for this one", clock.instant()),
                    step.billingMonth()));
        }
    }

    /** Runs the variant's placement checks on its stored file and records them (with its method) on the board. */
    void recordChecks(String userId, String campaignId, AssetRecord asset) {
        List<VariantBoard.VariantCheck> checks = checksOf(asset);
        String method = asset.details().get("method") instanceof String made ? made : null;
        for (int attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
            Optional<VariantBoard> board = inventory.findBoard(userId, campaignId);
            Optional<VariantBoard.Variant> variant = board.flatMap(b -> b.channels().stream()
                    .flatMap(c -> c.variants().stream())
                    .filter(v -> v.assetLibraryId().equals(asset.assetLibraryId())).findFirst());
            if (variant.isEmpty()) {
                return;
            }
            VariantBoard updated = board.get().withVariant(variant.get().checkedAs(method, checks), clock.instant());
            if (inventory.saveBoard(userId, updated, board.get().version())) {
                return;
            }
        }
    }

    /** The placement checks of a variant record: failed ones for a variant that was not made. */
    List<VariantBoard.VariantCheck> checksOf(AssetRecord asset) {
        if (asset.status() != AssetStatus.READY || asset.storageKey() == null) {
            return List.of(new VariantBoard.VariantCheck("made", false, asset.status().code()
                    + (asset.error() == null ? "" : ": " + asset.error())));
        }
        Placement placement = catalog.placement(asset.placement()).orElse(null);
        if (placement == null) {
            return List.of(new VariantBoard.VariantCheck("placement", false, asset.placement()
                    + " is no longer in the channel catalogue"));
        }
        try {
            Optional<byte[]> bytes = media.read(asset.storageKey(), MAX_INPUT_BYTES);
            if (bytes.isEmpty()) {
                return List.of(new VariantBoard.VariantCheck("made", false, "the variant's file is missing"));
            }
            return VariantChecks.of(bytes.get(), placement, asset.details());
        } catch (MediaTooLargeException e) {
            return List.of(new VariantBoard.VariantCheck("made", false, "the variant's file is too large to check"));
        }
    }

    private byte[] input(String userId, Spec spec) {
        String key = spec.inputKey();
        if (spec.parentAssetLibraryId() != null) {
            AssetRecord parent = assets.find(userId, spec.parentAssetLibraryId()).orElseThrow(() ->
                    new IllegalStateException("version " + spec.parentVersion() + " of the item no longer exists"));
            if (parent.status() != AssetStatus.READY || parent.storageKey() == null) {
                throw new IllegalStateException("version " + spec.parentVersion() + " of the item was not made ("
                        + parent.status().code() + (parent.error() == null ? "" : ": " + parent.error()) + ")");
            }
            key = parent.storageKey();
        }
        try {
            Optional<byte[]> bytes = media.read(key, MAX_INPUT_BYTES);
            return bytes.orElseThrow(() -> new IllegalStateException("the image to work on is missing"));
        } catch (MediaTooLargeException e) {
            throw new IllegalStateException("the image to work on is larger than " + MAX_INPUT_BYTES + " bytes", e);
        }
    }

    /** An edit outside any catalogue placement keeps the image's own frame. */
    private static Placement editPlacement(AssetRecord asset) {
        int width = asset.width() == null ? 1024 : asset.width();
        int height = asset.height() == null ? 1024 : asset.height();
        return new Placement("inventory/edit", null, AssetType.IMAGE, new Canvas(width, height, width + ":" + height,
                0.01), null, null, null, List.of("png"), new SafeZone(0, 0, 0, 0), List.of(), null, null, List.of(),
                "inventory edit", null);
    }

    private static String text(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value == null ? null : String.valueOf(value);
    }

    private static int number(Map<?, ?> map, String key) {
        return map.get(key) instanceof Number number ? number.intValue() : 0;
    }

    static List<String> rest(List<String> ids, int from) {
        return from >= ids.size() ? List.of() : new ArrayList<>(ids.subList(from, ids.size()));
    }
}
