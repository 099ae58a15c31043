package dev.pms.core.inventory;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import dev.pms.core.support.AssetRecordBuilder;
import dev.pms.core.support.CampaignBuilder;
import dev.pms.core.asset.AssetRecord;
import dev.pms.core.asset.AssetStatus;
import dev.pms.core.audit.ImageAuditService;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.JobMessage;
import dev.pms.core.pricing.PriceTable;
import dev.pms.core.support.Fixtures;
import dev.pms.core.support.InMemoryAssetRepository;
import dev.pms.core.support.InMemoryBrandProfileRepository;
import dev.pms.core.support.InMemoryCampaignRepository;
import dev.pms.core.support.InMemoryInventoryRepository;
import dev.pms.core.support.InMemoryMediaStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Random;
import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Core against in-memory stores: the import steps turn ZIP entries into content-hashed, audited items, resume
 * without redoing settled entries, and the fix-plan chain queues its next step or stops the rest when one fails.
 */
class InventoryFlowTest {
    private static final String USER = "alice";
    private static final String CAMPAIGN = "campaign-1";

    private final ChannelCatalog catalog = ChannelCatalog.load();
    private final InMemoryInventoryRepository inventory = new InMemoryInventoryRepository();
    private final InMemoryMediaStore media = new InMemoryMediaStore(Fixtures.CLOCK);
    private final InMemoryCampaignRepository campaigns = new InMemoryCampaignRepository();
    private final InMemoryAssetRepository assets = new InMemoryAssetRepository();
    private final List<JobMessage> queued = new ArrayList<>();
    private InventoryImportTasks tasks;
    private InventoryJobs jobs;

    @BeforeEach
    void setUp() {
        campaigns.create(CampaignBuilder.campaign(CAMPAIGN, USER).named("Reuse")
                .channels(Channel.INSTAGRAM, Channel.SHOPIFY).build());
        tasks = new InventoryImportTasks(inventory, media, campaigns, catalog,
                new InMemoryBrandProfileRepository(Fixtures.CLOCK),
                new InventoryAuditor(new ImageAuditService(catalog, PriceTable.load())), null, null, null,
                ZipLimits.DEFAULT, Fixtures.CLOCK);
        jobs = new InventoryJobs(inventory, assets, media, (message, delay) -> queued.add(message), catalog,
                Fixtures.CLOCK);
    }

    @Test
    void entriesBecomeContentHashedAuditedItemsAndAResumeRedoesOnlyTheFailedOnes() throws IOException {
        byte[] photo = png(1200, 1200);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("a/photo.png", photo);
        files.put("b/same-photo.png", photo);
        files.put("caption.txt", "Launch day: cold for 24 hours.".getBytes(StandardCharsets.UTF_8));
        files.put("virus.exe", new byte[] {1, 2, 3});
        files.put("fake.png", "not an image".getBytes(StandardCharsets.UTF_8));
        media.put("uploads/x.zip", ZipArchiveTest.zip(files, ZipEntry.DEFLATED), "application/zip");
        inventory.createImport(USER, new InventoryImport("imp-1", CAMPAIGN, ImportSource.ZIP, ImportStatus.RUNNING,
                "uploads/x.zip", "x.zip", 1, null, 1, null, 0, InventoryImport.Counts.NONE, null, Fixtures.NOW,
                Fixtures.NOW, 1));

        InventoryImportTasks.Prepared prepared = tasks.prepare(USER, CAMPAIGN, "imp-1");
        assertThat(prepared.outcome()).isEqualTo("ready");
        assertThat(prepared.indexes()).containsExactly(0, 1, 2, 4);
        assertThat(inventory.outcome(USER, "imp-1", 3).orElseThrow().result()).isEqualTo(EntryResult.SKIPPED);
        List<EntryOutcome> outcomes = new ArrayList<>();
        for (int index : prepared.indexes()) {
            outcomes.add(tasks.importEntry(USER, CAMPAIGN, "imp-1", index));
        }
        assertThat(outcomes).extracting(EntryOutcome::result).containsExactly(EntryResult.CREATED, EntryResult.UPDATED,
                EntryResult.CREATED, EntryResult.FAILED);
        assertThat(outcomes.get(1).itemId()).isEqualTo(outcomes.get(0).itemId());
        InventoryItem item = inventory.findItem(USER, CAMPAIGN, outcomes.get(0).itemId()).orElseThrow();
        assertThat(item.sources()).hasSize(2);
        assertThat(item.audit().placements()).extracting(ItemAudit.PlacementFit::placement)
                .contains("instagram/feed_square", "shopify/product_image");
        assertThat(media.read(item.storageKey(), Long.MAX_VALUE)).contains(photo);

        InventoryImport finished = tasks.finish(USER, CAMPAIGN, "imp-1", null);
        assertThat(finished.status()).isEqualTo(ImportStatus.PARTIAL);
        assertThat(finished.counts()).isEqualTo(new InventoryImport.Counts(2, 1, 1, 1));

        // a resume prepares from the stored manifest and leaves settled entries alone
        assertThat(tasks.prepare(USER, CAMPAIGN, "imp-1").indexes()).containsExactly(0, 1, 2, 4);
        assertThat(tasks.importEntry(USER, CAMPAIGN, "imp-1", 0)).isEqualTo(outcomes.get(0));
        assertThat(tasks.importEntry(USER, CAMPAIGN, "imp-1", 4).result()).isEqualTo(EntryResult.FAILED);
        assertThat(inventory.items(USER, CAMPAIGN)).hasSize(2);
    }

    @Test
    void aReadyStepQueuesTheNextAndAFailedStepStopsTheRestOfThePlan() {
        media.put("inventory/original", png(800, 800), "image/png");
        List<String> ids = List.of("step-1", "step-2", "step-3");
        for (int i = 0; i < ids.size(); i++) {
            InventoryJobs.Spec spec = new InventoryJobs.Spec("fix", CAMPAIGN, "inv-1", i + 1, i,
                    i == 0 ? "inventory/original" : null, i == 0 ? null : ids.get(i - 1), i == 0 ? "crop" : "relight",
                    i == 0 ? Map.of("crop_box", Map.of("x", 0, "y", 0, "width", 400, "height", 400)) : Map.of(),
                    "plan-1", InventoryJobs.rest(ids, i + 1), "step " + i);
            assets.put(USER, record(ids.get(i), InventoryJobs.details(spec), AssetStatus.QUEUED));
        }
        AssetRecord first = assets.find(USER, "step-1").orElseThrow();
        assertThat(jobs.owns(first)).isTrue();
        GenerationRequest request = jobs.request(USER, first, "offline");
        assertThat(request.edit().operation()).isEqualTo("crop");
        assertThat(request.edit().source()).isEqualTo(media.read("inventory/original", Long.MAX_VALUE).orElseThrow());
        assertThat(jobs.inputReady(USER, assets.find(USER, "step-2").orElseThrow())).isFalse();

        AssetRecord ready = first.ready("offline", "java2d-crop", new AssetRecord.Output(BigDecimal.ZERO,
                "price_table", 5L, "assets/x/step-1", "image/png", 10L, "abc", 400, 400, null, null), first.details(),
                Instant.now());
        assets.put(USER, ready);
        jobs.finished(USER, ready);
        assertThat(queued).extracting(JobMessage::assetLibraryId).containsExactly("step-2");
        assertThat(jobs.inputReady(USER, assets.find(USER, "step-2").orElseThrow())).isTrue();

        AssetRecord failed = assets.find(USER, "step-2").orElseThrow().closed(AssetStatus.FAILED, "provider refused",
                Instant.now());
        assets.put(USER, failed);
        jobs.finished(USER, failed);
        AssetRecord stopped = assets.find(USER, "step-3").orElseThrow();
        assertThat(stopped.status()).isEqualTo(AssetStatus.STOPPED);
        assertThat(stopped.error()).contains("an earlier step of the fix plan failed", "provider refused");
        assertThat(assets.released).containsExactly("step-3");
        assertThat(assets.find(USER, "step-1").orElseThrow().status()).as("the version made stays")
                .isEqualTo(AssetStatus.READY);
    }

    private static AssetRecord record(String id, Map<String, Object> details, AssetStatus status) {
        return AssetRecordBuilder.asset(id).node(CAMPAIGN, "inv-1")
                .kind(AssetType.IMAGE, Channel.INSTAGRAM, "instagram/feed_square").madeBy("edit", "local", "java2d")
                .status(status).output(AssetRecord.Output.sized(800, 800)).details(details).build();
    }

    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xE8E8EA));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0x1A73E8));
        g.fillRect(width / 3, height / 4, width / 3, height / 2);
        g.dispose();
        Random random = new Random(3);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = image.getRGB(x, y);
                int n = (int) (random.nextGaussian() * 3);
                image.setRGB(x, y, clamp((p >> 16 & 0xFF) + n) << 16 | clamp((p >> 8 & 0xFF) + n) << 8
                        | clamp((p & 0xFF) + n));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
