package dev.pms.core.pricing;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.ChannelCatalog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StudioPricingTest {
    private final CostEstimator costs = new CostEstimator(PriceTable.load(), ChannelCatalog.load());

    @Test
    void aPhotoshootVariationIsOneImageOnItsModel() {
        CostLine line = costs.estimateStudio(AssetType.IMAGE, QualityTier.DEFAULT,
                new ModelChoice("wavespeed", "qwen-image"), 0, 0);
        assertThat(line.costUsd()).isEqualByComparingTo("0.03");
        assertThat(line.usageKind()).isEqualTo(UsageKind.of(AssetType.IMAGE));
    }

    @Test
    void clipsArePricedPerSecondAtTheirResolution() {
        assertThat(costs.estimateStudio(AssetType.VIDEO, QualityTier.DEFAULT,
                new ModelChoice("wavespeed", "wan-2.5-i2v-1080p"), 10, 0).costUsd()).isEqualByComparingTo("1.50");
        assertThat(costs.estimateStudio(AssetType.VIDEO, QualityTier.DEFAULT,
                new ModelChoice("wavespeed", "wan-2.5-t2v-480p"), 5, 0).costUsd()).isEqualByComparingTo("0.25");
    }

    @Test
    void aSpokenAvatarAddsItsVoiceAndAShortOneIsBilledItsMinimum() {
        CostLine spoken = costs.estimateStudio(AssetType.AVATAR, QualityTier.DEFAULT,
                new ModelChoice("wavespeed", "infinitetalk-480p"), 3, 450);
        assertThat(spoken.components()).hasSize(2);
        assertThat(spoken.components().get(0).quantity()).isEqualByComparingTo("5");
        assertThat(spoken.costUsd()).isEqualByComparingTo("0.1725");
        CostLine voiced = costs.estimateStudio(AssetType.AVATAR, QualityTier.DEFAULT,
                new ModelChoice("wavespeed", "infinitetalk-720p"), 12, 0);
        assertThat(voiced.costUsd()).isEqualByComparingTo("0.72");
    }
}
