package dev.pms.core.asset;

import dev.pms.core.board.AssetPreviews;
import dev.pms.core.generation.GenerationRun;
import dev.pms.core.generation.GenerationRunRepository;
import dev.pms.core.json.Json;
import dev.pms.core.pricing.Plan;
import dev.pms.core.support.InMemoryAssetRepository;
import dev.pms.core.support.InMemoryMediaStore;
import dev.pms.core.usage.UsageAmounts;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.pms.core.support.Fixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

class LibraryAssetPreviewsTest {
    private final InMemoryAssetRepository assets = new InMemoryAssetRepository();
    private final AssetPreviews uploads = (user, campaign, node) -> Optional.of("upload:" + node);
    private final LibraryAssetPreviews previews = new LibraryAssetPreviews(new OneRun(), assets,
            new InMemoryMediaStore(CLOCK), uploads);

    @Test
    void aReadyGeneratedAssetIsThePreviewAndOtherNodesFallBackToTheirUpload() {
        assets.put("alice", asset("a1", "n1", "ready", "users/alice/a1.png", 0.9));
        assets.put("alice", asset("a2", "n2", "generating", null, null));

        Map<String, String> urls = previews.previewUrls("alice", "c1", List.of("n1", "n2", "n3"));

        assertThat(urls).containsOnlyKeys("n1", "n2", "n3");
        assertThat(urls.get("n1")).startsWith("https://media.test/users/alice/a1.png?ttl=3600");
        assertThat(urls.get("n2")).isEqualTo("upload:n2");
        assertThat(previews.previewUrl("alice", "c1", "n1")).contains(urls.get("n1"));
    }

    @Test
    void brandConsistencyComesFromReadyAssetsOnly() {
        assets.put("alice", asset("a1", "n1", "ready", "users/alice/a1.png", 0.9));
        assets.put("alice", asset("a2", "n2", "failed", null, 0.4));

        assertThat(previews.brandConsistency("alice", "c1", List.of("n1", "n2"))).isEqualTo(Map.of("n1", 0.9));
    }

    private static AssetRecord asset(String libraryId, String nodeId, String status, String storageKey, Double score) {
        String json = "{'asset_library_id':'" + libraryId + "','campaign_id':'c1','asset_id':'" + nodeId
                + "','asset_type':'image','proposal_version':1,'attempts':0,'status':'" + status + "'"
                + (storageKey == null ? "" : ",'storage_key':'" + storageKey + "'")
                + (score == null ? "" : ",'details':{'brand_consistency':" + score + "}") + "}";
        return read(json, AssetRecord.class);
    }

    /** Records are built from their stored JSON, so this test keeps to the stored shape, not to constructors. */
    private static <T> T read(String singleQuoted, Class<T> type) {
        try {
            return Json.mapper().readValue(singleQuoted.replace('\'', '"'), type);
        } catch (IOException e) {
            throw new IllegalArgumentException(singleQuoted, e);
        }
    }

    /** The campaign's latest run made a1 for node n1 and a2 for node n2. */
    private static final class OneRun implements GenerationRunRepository {
        @Override
        public Optional<GenerationRun> find(String userId, String campaignId) {
            return Optional.of(read("{'run_id':'r1','campaign_id':'c1','status':'generating','autopilot':false,"
                    + "'asset_library_ids':{'n1':'a1','n2':'a2'},'version':2}", GenerationRun.class));
        }

        @Override
        public boolean start(String userId, GenerationRun run) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void update(String userId, GenerationRun run) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Reservation reserve(String userId, GenerationRun generating, List<AssetRecord> queued, YearMonth month,
                                   UsageAmounts total, Plan plan) {
            throw new UnsupportedOperationException();
        }
    }
}
