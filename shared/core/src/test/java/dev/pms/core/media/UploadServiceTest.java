package dev.pms.core.media;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.audit.ImageAuditService;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.ValidationException;
import dev.pms.core.json.Json;
import dev.pms.core.pricing.PriceTable;
import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignService;
import dev.pms.core.channel.AssetType;
import dev.pms.core.support.InMemoryBrandProfileRepository;
import dev.pms.core.support.InMemoryCampaignRepository;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Upload requests, per-user storage keys and audits of stored bytes, with an in-memory media store. */
class UploadServiceTest {
    private static final String ASSET = "0f8fad5b-d9cb-469f-a165-70867728950e";

    private final Map<String, byte[]> objects = new HashMap<>();
    private final Map<String, String> presigned = new HashMap<>();
    private final MediaStore store = new MediaStore() {
        @Override
        public PresignedUpload presignUpload(String key, String mimeType, long bytes, Duration ttl) {
            presigned.put(key, mimeType + ":" + bytes);
            return new PresignedUpload("https://bucket.example/" + key, Instant.EPOCH.plus(ttl),
                    Map.of("content-type", mimeType));
        }

        @Override
        public Optional<byte[]> read(String key, long maxBytes) {
            return Optional.ofNullable(objects.get(key));
        }

        @Override
        public void put(String key, byte[] bytes, String mimeType) {
            objects.put(key, bytes);
        }

        @Override
        public void delete(String key) {
            objects.remove(key);
        }

        @Override
        public PresignedDownload presignDownload(String key, Duration ttl) {
            return new PresignedDownload("https://bucket.example/" + key, Instant.EPOCH.plus(ttl));
        }
    };
    private final List<UploadRecord> records = new ArrayList<>();
    private final UploadRepository uploadRecords = new UploadRepository() {
        @Override
        public void save(String userId, UploadRecord upload) {
            records.add(upload);
        }

        @Override
        public List<UploadRecord> forCampaign(String userId, String campaignId) {
            return records.stream().filter(r -> campaignId.equals(r.campaignId())).toList();
        }
    };
    private final InMemoryCampaignRepository campaigns = new InMemoryCampaignRepository();
    private final AtomicInteger ids = new AtomicInteger();
    private final UploadService uploads = new UploadService(store, uploadRecords, campaigns,
            new ImageAuditService(ChannelCatalog.load(), PriceTable.load()), Clock.systemUTC(),
            () -> ids.getAndIncrement() == 0 ? ASSET : UUID.randomUUID().toString());

    @Test
    void presignsExactlyWhatWasAskedIntoTheCallersOwnPrefix() {
        UploadService.Upload upload = uploads.create("alice", json("{'filename':'hero.png','mime_type':'image/png','bytes':1234}"));

        assertThat(upload.assetId()).isEqualTo(ASSET);
        String key = UploadService.keyOf("alice", ASSET);
        assertThat(presigned).containsEntry(key, "image/png:1234");
        assertThat(key).startsWith("uploads/").endsWith("/" + ASSET).isNotEqualTo(UploadService.keyOf("bob", ASSET));
        assertThat(upload.uploadUrl()).contains(key);
    }

    @Test
    void badUploadRequestsNameEveryField() {
        assertThatThrownBy(() -> uploads.create("alice", json("{'filename':'../etc/x','mime_type':'text/html','bytes':0}")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fieldErrors())
                        .extracting(f -> f.field()).containsExactlyInAnyOrder("filename", "mime_type", "bytes"));
        assertThatThrownBy(() -> uploads.create("alice", json("{'filename':'x.png','mime_type':'image/png','bytes':"
                + (UploadService.MAX_UPLOAD_BYTES + 1) + "}"))).isInstanceOf(ValidationException.class);
        assertThat(presigned).isEmpty();
    }

    @Test
    void auditsTheOwnersStoredImageAndNobodyElses() throws Exception {
        objects.put(UploadService.keyOf("alice", ASSET), png(1080, 1350));

        assertThat(uploads.audit("alice", ASSET, json("{'target_channel':'instagram','placement':'feed_portrait'}"))
                .placement()).isEqualTo("instagram/feed_portrait");
        assertThatThrownBy(() -> uploads.audit("bob", ASSET, null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> uploads.audit("alice", "../../other", null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> uploads.audit("alice", ASSET, json("{'target_channel':'myspace'}")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("target_channel");
    }

    @Test
    void aCampaignAuditChecksEachImageNodesLatestUploadAndListsTheMissingOnes() throws Exception {
        Campaign campaign = new CampaignService(campaigns, new InMemoryBrandProfileRepository(Clock.systemUTC()),
                ChannelCatalog.load(), Clock.systemUTC(), () -> UUID.randomUUID().toString())
                .createBlueprint("alice", json("{'campaign_name':'Audit me','goal':'awareness','channels':['instagram']}"));
        List<AssetNode> imageNodes = campaign.assetNodes().stream().filter(n -> n.assetType() == AssetType.IMAGE).toList();
        AssetNode covered = imageNodes.get(0);
        AssetNode text = campaign.assetNodes().stream().filter(n -> n.assetType() == AssetType.TEXT).findFirst().orElseThrow();

        UploadService.Upload upload = uploads.create("alice", json("{'filename':'a.png','mime_type':'image/png','bytes':10,"
                + "'campaign_id':'" + campaign.campaignId() + "','node_id':'" + covered.assetId() + "'}"));
        objects.put(UploadService.keyOf("alice", upload.assetId()), png(1080, 1350));

        CampaignAudit audit = uploads.auditCampaign("alice", campaign.campaignId());

        assertThat(audit.assets()).singleElement().satisfies(a -> {
            assertThat(a.nodeId()).isEqualTo(covered.assetId());
            assertThat(a.audit().placement()).isEqualTo(covered.placement());
        });
        assertThat(audit.missing()).hasSize(imageNodes.size() - 1)
                .noneMatch(m -> m.assetId().equals(covered.assetId()));
        assertThatThrownBy(() -> uploads.create("alice", json("{'filename':'a.png','mime_type':'image/png','bytes':10,"
                + "'campaign_id':'" + campaign.campaignId() + "','node_id':'" + text.assetId() + "'}")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("node_id");
        assertThatThrownBy(() -> uploads.create("bob", json("{'filename':'a.png','mime_type':'image/png','bytes':10,"
                + "'campaign_id':'" + campaign.campaignId() + "','node_id':'" + covered.assetId() + "'}")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> uploads.auditCampaign("bob", campaign.campaignId())).isInstanceOf(NotFoundException.class);
    }

    private static byte[] png(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private static JsonNode json(String singleQuoted) {
        try {
            return Json.mapper().readTree(singleQuoted.replace('\'', '"'));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
