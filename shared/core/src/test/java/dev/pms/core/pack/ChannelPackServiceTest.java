package dev.pms.core.pack;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.ValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Channel list and contract #8 packs come from the catalogue. */
class ChannelPackServiceTest {
    private final ChannelPackService packs = new ChannelPackService(ChannelCatalog.load());

    @Test
    void listsEveryChannelWithItsPlacements() {
        ChannelPackService.ChannelList list = packs.channels();

        assertThat(list.channels()).extracting(ChannelPackService.ChannelSummary::channel).containsExactlyInAnyOrder(Channel.values());
        assertThat(list.channels()).allSatisfy(channel -> assertThat(channel.placements()).isNotEmpty());
    }

    @Test
    void aSocialPostPackHasTheChannelsVisualTemplatesAtTheirExactSizes() {
        ChannelPackService.Pack pack = packs.pack("instagram", null);

        assertThat(pack.assetType()).isEqualTo("social_post");
        assertThat(pack.platform()).isEqualTo("Instagram");
        assertThat(pack.templates()).extracting(ChannelPackService.Template::id).contains("instagram/feed_portrait", "instagram/story");
        ChannelPackService.Template portrait = pack.templates().stream()
                .filter(t -> t.id().equals("instagram/feed_portrait")).findFirst().orElseThrow();
        assertThat(portrait.dimensions()).isEqualTo("1080x1350");
        assertThat(portrait.aspectRatio()).isEqualTo("4:5");
        assertThat(portrait.recommendedProvider()).isNotBlank();
        assertThat(pack.templates()).allSatisfy(t -> assertThat(t.assetType()).isIn(AssetType.IMAGE, AssetType.VIDEO));
        assertThat(pack.copyFramework()).isNotNull();
        assertThat(pack.optimizationTips()).isNotEmpty();
        ChannelPackService.Format portraitFormat = pack.formats().stream()
                .filter(f -> f.placement().equals("instagram/feed_portrait")).findFirst().orElseThrow();
        assertThat(portraitFormat.width()).isEqualTo(1080);
        assertThat(portraitFormat.height()).isEqualTo(1350);
        assertThat(portraitFormat.ratio()).isEqualTo("4:5");
        assertThat(portraitFormat.name()).isNotBlank();
        assertThat(pack.formats()).hasSameSizeAs(pack.templates());
        assertThat(pack.fileTypes()).isNotEmpty();
    }

    @Test
    void packsFilterByAssetTypeAndAcceptXAsTwitter() {
        assertThat(packs.pack("x", "image").channel()).isEqualTo(Channel.TWITTER);
        assertThat(packs.pack("youtube", "video").templates()).allSatisfy(t -> assertThat(t.assetType()).isEqualTo(AssetType.VIDEO));
        assertThat(packs.pack("instagram", "text").templates()).isEmpty();
    }

    @Test
    void unknownChannelsAreNotFoundAndUnknownAssetTypesInvalid() {
        assertThatThrownBy(() -> packs.pack("myspace", null)).isInstanceOf(NotFoundException.class).hasMessageContaining("myspace");
        assertThatThrownBy(() -> packs.pack("instagram", "hologram")).isInstanceOf(ValidationException.class);
    }
}
