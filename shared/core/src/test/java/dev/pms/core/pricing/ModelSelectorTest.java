package dev.pms.core.pricing;

import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.NodeStatus;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.error.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Provider and model selection by tier, plan, campaign and proposal, with the reason kept. */
class ModelSelectorTest {
    private final ModelSelector selector = new ModelSelector(PriceTable.load());

    private static ModelSelector.Context on(PlanTier plan, boolean videoHeavy) {
        return new ModelSelector.Context(plan, videoHeavy, Map.of(), null);
    }

    @Test
    void imagesAreQwenDraftsUnlessPremiumWhichIsIdeogram() {
        assertThat(selector.select(AssetType.IMAGE, QualityTier.DRAFT, on(PlanTier.PRO, false)).model()).isEqualTo("qwen-image");
        assertThat(selector.select(AssetType.IMAGE, QualityTier.STANDARD, on(PlanTier.PRO, false)).model()).isEqualTo("qwen-image");
        ModelSelector.Selection premium = selector.select(AssetType.IMAGE, QualityTier.PREMIUM, on(PlanTier.PRO, false));
        assertThat(premium.model()).isEqualTo("ideogram-v3-turbo");
        assertThat(premium.reason()).contains("premium");
    }

    @Test
    void aFreePlanGetsTheCheapestModelWhateverTheTier() {
        ModelSelector.Selection image = selector.select(AssetType.IMAGE, QualityTier.PREMIUM, on(PlanTier.FREE, true));
        assertThat(image.model()).isEqualTo("qwen-image");
        assertThat(image.reason()).contains("free plan");
        assertThat(selector.select(AssetType.VIDEO, QualityTier.PREMIUM, on(PlanTier.FREE, true)).model())
                .isEqualTo("wan-2.5-i2v-480p");
        assertThat(selector.select(AssetType.TEXT, QualityTier.PREMIUM, on(PlanTier.FREE, false)).model())
                .isEqualTo("gemini-2.5-flash-lite");
    }

    @Test
    void videoRunsOnWanAtTheTiersResolutionOnlyWhenVideoHeavyAndTheBudgetAllows() {
        ModelSelector.Selection heavy = selector.select(AssetType.VIDEO, QualityTier.PREMIUM, on(PlanTier.PRO, true));
        assertThat(heavy.model()).isEqualTo("wan-2.5-i2v-1080p");
        assertThat(heavy.reason()).contains("video-heavy");
        ModelSelector.Selection light = selector.select(AssetType.VIDEO, QualityTier.PREMIUM, on(PlanTier.PRO, false));
        assertThat(light.model()).isEqualTo("wan-2.5-i2v-480p");
        assertThat(light.reason()).contains("not video-heavy");
        assertThat(selector.select(AssetType.VIDEO, QualityTier.PREMIUM, on(PlanTier.BASIC, true)).reason())
                .contains("basic plan's budget");
    }

    @Test
    void campaignAndProposalChoicesWinAndAnUnpricedProposalChoiceIsRefused() {
        ModelSelector.Context campaign = new ModelSelector.Context(PlanTier.PRO, false,
                Map.of("image", new ModelChoice("stability", "stable-image-core")), null);
        ModelSelector.Selection picked = selector.select(AssetType.IMAGE, QualityTier.DRAFT, campaign);
        assertThat(picked.provider()).isEqualTo("stability");
        assertThat(picked.reason()).contains("campaign");

        ModelSelector.Context proposal = new ModelSelector.Context(PlanTier.PRO, false, Map.of(),
                new ModelChoice("wavespeed", "ideogram-v3-turbo"));
        assertThat(selector.select(AssetType.IMAGE, QualityTier.DRAFT, proposal).reason()).isEqualTo("chosen on the proposal");

        ModelSelector.Context unknown = new ModelSelector.Context(PlanTier.PRO, false, Map.of(),
                new ModelChoice("acme", "dream-1"));
        assertThatThrownBy(() -> selector.select(AssetType.IMAGE, QualityTier.DRAFT, unknown))
                .isInstanceOf(ValidationException.class).hasMessageContaining("price table");
    }

    @Test
    void aCampaignOnBedrockGetsNovaModelsByTierAndKeepsTheAutomaticChoiceWhereBedrockHasNone() {
        ModelSelector.Context bedrock = new ModelSelector.Context(PlanTier.PRO, true, Map.of(), null, "bedrock");
        assertThat(selector.select(AssetType.TEXT, QualityTier.DRAFT, bedrock).choice())
                .isEqualTo(new ModelChoice("bedrock", "amazon.nova-micro-v1:0"));
        assertThat(selector.select(AssetType.TEXT, QualityTier.STANDARD, bedrock).model()).isEqualTo("amazon.nova-lite-v1:0");
        ModelSelector.Selection premiumCopy = selector.select(AssetType.TEXT, QualityTier.PREMIUM, bedrock);
        assertThat(premiumCopy.model()).isEqualTo("amazon.nova-pro-v1:0");
        assertThat(premiumCopy.reason()).isEqualTo("the campaign's provider bedrock at the premium tier");
        assertThat(selector.select(AssetType.IMAGE, QualityTier.PREMIUM, bedrock).choice())
                .isEqualTo(new ModelChoice("bedrock", "amazon.nova-canvas-v1:0"));
        assertThat(selector.select(AssetType.VIDEO, QualityTier.DRAFT, bedrock).choice())
                .isEqualTo(new ModelChoice("bedrock", "amazon.nova-reel-v1:1"));
        assertThat(selector.select(AssetType.AUDIO, QualityTier.DRAFT, bedrock).provider()).isEqualTo("minimax");
        ModelSelector.Context free = new ModelSelector.Context(PlanTier.FREE, false, Map.of(), null, "bedrock");
        assertThat(selector.select(AssetType.TEXT, QualityTier.PREMIUM, free).model()).isEqualTo("amazon.nova-micro-v1:0");
        ModelSelector.Context proposal = new ModelSelector.Context(PlanTier.PRO, false, Map.of(),
                new ModelChoice("bedrock", "amazon.nova-canvas-v1:0"));
        assertThat(selector.select(AssetType.IMAGE, QualityTier.DRAFT, proposal).provider()).isEqualTo("bedrock");
        assertThat(selector.allows(AssetType.VIDEO, PlanTier.PRO, new ModelChoice("bedrock", "amazon.nova-reel-v1:1"),
                null)).isTrue();
    }

    @Test
    void novaReelIsBilledForItsWholeSixSecondClip() {
        CostComponent fiveSeconds = new CostEstimator(PriceTable.load(), ChannelCatalog.load())
                .estimateStudio(AssetType.VIDEO, QualityTier.STANDARD,
                        new ModelChoice("bedrock", "amazon.nova-reel-v1:1"), 5, 0).components().get(0);
        assertThat(fiveSeconds.quantity()).isEqualByComparingTo("6");
        assertThat(fiveSeconds.cost()).isEqualByComparingTo("0.48");
    }

    @Test
    void videoHeavyMeansAThirdOfTheChannelsAreVideoFirst() {
        assertThat(ModelSelector.videoHeavy(List.of(Channel.TIKTOK, Channel.EMAIL, Channel.LINKEDIN))).isTrue();
        assertThat(ModelSelector.videoHeavy(List.of(Channel.YOUTUBE, Channel.EMAIL, Channel.LINKEDIN, Channel.FACEBOOK)))
                .isFalse();
        assertThat(ModelSelector.videoHeavy(List.of(Channel.EMAIL))).isFalse();
    }

    @Test
    void aPerRequestModelCostsOneRequest() {
        CostEstimator estimator = new CostEstimator(PriceTable.load(), ChannelCatalog.load());
        var node = new AssetNode("a", AssetType.AVATAR, Channel.YOUTUBE, "launch", "youtube/video",
                "presenter", NodeStatus.APPROVED, null, List.of());
        CostLine line = estimator.estimate(node, QualityTier.STANDARD, new ModelChoice("wavespeed", "hunyuan-avatar"));
        assertThat(line.costUsd()).isEqualByComparingTo("0.10");
        assertThat(line.model()).isEqualTo("hunyuan-avatar");
    }
}
