package dev.pms.providers.offline;

import dev.pms.core.channel.AssetType;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.ProviderJob;
import dev.pms.core.generation.StudioBrief;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OfflineStudioTest {
    private final OfflineStudio studio = new OfflineStudio(StudioRequests.BEEPS);
    private final OfflineProviders providers = new OfflineProviders(new OfflineCopywriter(), new OfflineImageRenderer(),
            new OfflineSlideshowVideo(new OfflineImageRenderer(), StudioRequests.BEEPS, 1, 8), new OfflineVoice(StudioRequests.BEEPS),
            studio);

    @Test
    void eachOperationHasItsOwnEngine() {
        assertThat(studio.engineFor(StudioBrief.Operation.PHOTOSHOOT)).isInstanceOf(OfflinePhotoshoot.class);
        assertThat(studio.engineFor(StudioBrief.Operation.ANIMATE)).isInstanceOf(OfflineAnimation.class);
        assertThat(studio.engineFor(StudioBrief.Operation.PRODUCT_VIDEO)).isInstanceOf(OfflineProductVideo.class);
        assertThat(studio.engineFor(StudioBrief.Operation.AVATAR_EXPLAINER)).isInstanceOf(OfflineAvatarExplainer.class);
    }

    @Test
    void aStudioRequestIsRoutedByItsOperationNotItsAssetType() {
        GenerationRequest photoshoot = StudioRequests.request(AssetType.IMAGE, 256, 256,
                StudioRequests.photoshoot(Map.of(), 1, 1));
        GenerationRequest productVideo = StudioRequests.request(AssetType.VIDEO, 160, 90,
                StudioRequests.productVideo("launch", 5, List.of()));

        assertThat(providers.submit(photoshoot)).isInstanceOfSatisfying(ProviderJob.Completed.class,
                done -> assertThat(done.media().model()).isEqualTo(OfflinePhotoshoot.MODEL));
        assertThat(providers.submit(productVideo)).isInstanceOfSatisfying(ProviderJob.Completed.class,
                done -> assertThat(done.media().model()).isEqualTo(OfflineProductVideo.MODEL));
    }

    @Test
    void aCampaignRequestStillGoesToItsAssetTypesEngine() {
        ProviderJob job = providers.submit(Requests.request(AssetType.IMAGE, Requests.placement("instagram/feed_square")));

        assertThat(job).isInstanceOfSatisfying(ProviderJob.Completed.class,
                done -> assertThat(done.media().model()).isEqualTo(OfflineImageRenderer.MODEL));
    }

    @Test
    void anAssetTypeThatDoesNotMatchTheOperationFailsWithoutRetry() {
        GenerationRequest request = StudioRequests.request(AssetType.VIDEO, 256, 256,
                StudioRequests.photoshoot(Map.of(), 1, 1));

        assertThat(providers.submit(request)).isInstanceOfSatisfying(ProviderJob.Failed.class,
                failed -> assertThat(failed.retryable()).isFalse());
    }
}
