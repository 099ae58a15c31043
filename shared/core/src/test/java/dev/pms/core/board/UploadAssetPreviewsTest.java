package dev.pms.core.board;

import dev.pms.core.media.UploadRecord;
import dev.pms.core.media.UploadRepository;
import dev.pms.core.media.UploadService;
import dev.pms.core.support.InMemoryMediaStore;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.pms.core.support.Fixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

class UploadAssetPreviewsTest {

    @Test
    void theLatestUploadOfEachNodeIsItsPreviewFromOneRead() {
        List<String> reads = new ArrayList<>();
        UploadRepository uploads = new UploadRepository() {
            @Override
            public void save(String userId, UploadRecord upload) {
            }

            @Override
            public List<UploadRecord> forCampaign(String userId, String campaignId) {
                reads.add(campaignId);
                return List.of(new UploadRecord("u1", "a.png", "image/png", 10, campaignId, "n1", Instant.EPOCH),
                        new UploadRecord("u2", "b.png", "image/png", 10, campaignId, "n1", Instant.EPOCH.plusSeconds(1)),
                        new UploadRecord("u3", "c.png", "image/png", 10, campaignId, "n2", Instant.EPOCH));
            }
        };
        UploadAssetPreviews previews = new UploadAssetPreviews(uploads, new InMemoryMediaStore(CLOCK));

        var urls = previews.previewUrls("alice", "c1", List.of("n1", "n3"));

        assertThat(urls).containsOnlyKeys("n1");
        assertThat(urls.get("n1")).contains(UploadService.keyOf("alice", "u2"));
        assertThat(reads).containsExactly("c1");
        assertThat(previews.previewUrl("alice", "c1", "n2")).get().asString().contains("u3");
    }
}
