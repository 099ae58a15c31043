package dev.pms.providers.offline;

import dev.pms.core.channel.AssetType;
import dev.pms.core.generation.MediaProvider;
import dev.pms.core.generation.ProviderJob;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OfflineProvidersTest {
    private final OfflineProviders providers = new OfflineProviders();

    @Test
    void picksTheOfflineEngineOfEachAssetType() {
        assertThat(providers.providerFor(AssetType.TEXT)).containsInstanceOf(OfflineCopywriter.class);
        assertThat(providers.providerFor(AssetType.IMAGE)).containsInstanceOf(OfflineImageRenderer.class);
        assertThat(providers.providerFor(AssetType.VIDEO)).containsInstanceOf(OfflineSlideshowVideo.class);
        assertThat(providers.providerFor(AssetType.AVATAR)).containsInstanceOf(OfflineSlideshowVideo.class);
        assertThat(providers.providerFor(AssetType.AUDIO)).containsInstanceOf(OfflineVoice.class);
    }

    @Test
    void everyEngineSupportsExactlyItsOwnTypes() {
        assertThat(AssetType.values()).allSatisfy(type -> assertThat(providers.supports(type)).isTrue());
        assertThat(new OfflineCopywriter().supports(AssetType.IMAGE)).isFalse();
        assertThat(new OfflineImageRenderer().supports(AssetType.VIDEO)).isFalse();
        assertThat(new OfflineVoice().supports(AssetType.TEXT)).isFalse();
        assertThat(new OfflineSlideshowVideo().supports(AssetType.AUDIO)).isFalse();
        for (AssetType type : AssetType.values()) {
            MediaProvider engine = providers.providerFor(type).orElseThrow();
            assertThat(engine.name()).isEqualTo("offline");
            assertThat(engine.supports(type)).isTrue();
        }
    }

    @Test
    void submitRunsTheEngineOfTheRequestsTypeAndCompletesAtOnce() {
        ProviderJob job = providers.submit(Requests.request(AssetType.TEXT, Requests.placement("twitter/post_copy")));

        assertThat(job).isInstanceOfSatisfying(ProviderJob.Completed.class, done -> {
            assertThat(done.media().mimeType()).isEqualTo("application/json");
            assertThat(done.media().provider()).isEqualTo(OfflineProviders.NAME);
        });
    }

    @Test
    void hasNoPendingJobsToPoll() {
        assertThat(providers.poll("job-1")).isInstanceOfSatisfying(ProviderJob.Failed.class,
                failed -> assertThat(failed.retryable()).isFalse());
    }
}
