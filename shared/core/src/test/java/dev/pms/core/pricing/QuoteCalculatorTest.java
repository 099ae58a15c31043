package dev.pms.core.pricing;

import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.NodeStatus;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.usage.MonthlyUsage;
import dev.pms.core.usage.UsageAmounts;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Quote arithmetic against hand-computed figures from the price and plan tables. */
class QuoteCalculatorTest {
    private static final YearMonth MONTH = YearMonth.of(2026, 11);
    private final CostEstimator estimator = new CostEstimator(PriceTable.load(), ChannelCatalog.load());
    private final QuoteCalculator calculator = new QuoteCalculator(estimator);
    private final PlanCatalog plans = PlanCatalog.load();

    @Test
    void pricesEveryAssetTypeFromThePriceTable() {
        // text standard: 2,000 in × 0.30/1M + 600 out × 2.50/1M = 0.0006 + 0.0015 = 0.0021
        assertCost(node(AssetType.TEXT, "instagram/caption"), QualityTier.STANDARD, "0.0021");
        // text premium (gpt-4o): 2,000 × 2.50/1M + 600 × 10/1M = 0.005 + 0.006 = 0.011
        assertCost(node(AssetType.TEXT, "instagram/caption"), QualityTier.PREMIUM, "0.011");
        // text draft (flash-lite): 2,000 × 0.10/1M + 600 × 0.40/1M = 0.0002 + 0.00024 = 0.00044
        assertCost(node(AssetType.TEXT, "instagram/caption"), QualityTier.DRAFT, "0.00044");
        assertCost(node(AssetType.IMAGE, "instagram/feed_portrait"), QualityTier.DRAFT, "0.03");
        assertCost(node(AssetType.IMAGE, "instagram/feed_portrait"), QualityTier.STANDARD, "0.03");
        assertCost(node(AssetType.IMAGE, "instagram/feed_portrait"), QualityTier.PREMIUM, "0.05");
        // WAN 2.5, 5 s: 480p 0.25, 720p 0.50, 1080p 0.75
        assertCost(node(AssetType.VIDEO, "instagram/reel"), QualityTier.DRAFT, "0.25");
        assertCost(node(AssetType.VIDEO, "instagram/reel"), QualityTier.STANDARD, "0.50");
        assertCost(node(AssetType.VIDEO, "instagram/reel"), QualityTier.PREMIUM, "0.75");
        // InfiniteTalk 15 s: 480p 0.45, 720p 0.90
        assertCost(node(AssetType.AVATAR, "youtube/short"), QualityTier.STANDARD, "0.45");
        assertCost(node(AssetType.AVATAR, "youtube/short"), QualityTier.PREMIUM, "0.90");
        // Minimax speech-02-hd: 450 characters × 0.05/1k = 0.0225
        assertCost(node(AssetType.AUDIO, "youtube/short"), QualityTier.STANDARD, "0.0225");
    }

    @Test
    void countsEveryNodeAndSumsTheWholeCampaign() {
        List<AssetNode> nodes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            nodes.add(node(AssetType.IMAGE, "instagram/feed_portrait"));
        }
        nodes.add(node(AssetType.TEXT, "instagram/caption"));
        nodes.add(node(AssetType.TEXT, "instagram/caption"));
        nodes.add(node(AssetType.VIDEO, "instagram/reel"));

        Quote quote = calculator.quote(nodes, QualityTier.STANDARD, plans.plan(PlanTier.FREE), MonthlyUsage.empty(MONTH));

        // on the free plan every node gets the cheapest model: 4 × 0.03 (qwen) + 2 × 0.00044 (flash-lite)
        // + 0.25 (WAN 480p, 5 s) = 0.37088
        assertThat(quote.estimatedCostUsd()).isEqualByComparingTo("0.37088");
        assertThat(quote.requested(UsageKind.IMAGE)).isEqualTo(4);
        assertThat(quote.requested(UsageKind.TEXT)).isEqualTo(2);
        assertThat(quote.requested(UsageKind.VIDEO)).isEqualTo(1);
        assertThat(quote.canProceed()).isTrue();
        assertThat(quote.remainingUsdAfter()).isEqualByComparingTo("1.62912");
        assertThat(quote.message()).contains("$0.37").contains("$2.00");
        PreflightResult result = PreflightResult.of(quote);
        assertThat(result.summary().totalAssets()).isEqualTo(7);
        assertThat(result.summary().imageCount()).isEqualTo(4);
        assertThat(result.errorDetails()).isNull();
    }

    @Test
    void moreImagesThanTheFreePlanAllowsFailsNamingTheLimit() {
        List<AssetNode> nodes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            nodes.add(node(AssetType.IMAGE, "instagram/feed_portrait"));
        }

        Quote quote = calculator.quote(nodes, QualityTier.DRAFT, plans.plan(PlanTier.FREE), MonthlyUsage.empty(MONTH));

        assertThat(quote.canProceed()).isFalse();
        assertThat(quote.breaches()).hasSize(1);
        LimitBreach breach = quote.breaches().get(0);
        assertThat(breach.limit()).isEqualTo("image");
        assertThat(breach.over()).isEqualByComparingTo("2");
        assertThat(quote.message()).contains("free plan allows 10 images").contains("2 over");
        assertThat(PreflightResult.of(quote).errorDetails()).hasSize(1);
    }

    @Test
    void usageAlreadyInTheMonthCountsAgainstLimitsAndCap() {
        MonthlyUsage usage = new MonthlyUsage(MONTH,
                new UsageAmounts(Map.of(UsageKind.VIDEO, 1), new BigDecimal("1.20")),
                new UsageAmounts(Map.of(UsageKind.VIDEO, 0), new BigDecimal("0.40")));
        List<AssetNode> nodes = List.of(node(AssetType.VIDEO, "instagram/reel"), node(AssetType.VIDEO, "tiktok/video"));

        Quote quote = calculator.quote(nodes, QualityTier.STANDARD, plans.plan(PlanTier.FREE), usage);

        // videos: 1 used + 2 requested > 2 allowed → 1 over; dollars (480p clips on the free plan):
        // 1.20 + 0.40 + 2 × 0.25 = 2.10 > 2.00 → 0.10 over
        assertThat(quote.breaches()).extracting(LimitBreach::limit).containsExactly("video", "monthly_cap_usd");
        assertThat(quote.breaches().get(0).over()).isEqualByComparingTo("1");
        assertThat(quote.breaches().get(1).over()).isEqualByComparingTo("0.10");
        assertThat(quote.message()).contains("$0.10 over the cap");
    }

    @Test
    void eachLimitOfThePlanIsChecked() {
        Plan free = plans.plan(PlanTier.FREE);
        MonthlyUsage full = new MonthlyUsage(MONTH, new UsageAmounts(Map.of(
                UsageKind.TEXT, 50, UsageKind.IMAGE, 10, UsageKind.VIDEO, 2, UsageKind.AUDIO, 10), BigDecimal.ZERO),
                UsageAmounts.none());
        List<AssetNode> nodes = List.of(node(AssetType.TEXT, "instagram/caption"),
                node(AssetType.IMAGE, "instagram/feed_portrait"), node(AssetType.VIDEO, "instagram/reel"),
                node(AssetType.AUDIO, "youtube/short"));

        Quote quote = calculator.quote(nodes, QualityTier.STANDARD, free, full);

        assertThat(quote.breaches()).extracting(LimitBreach::limit)
                .containsExactlyInAnyOrder("text", "image", "video", "audio");
    }

    @Test
    void enterpriseCountsAreUnlimitedButTheCapStillHolds() {
        List<AssetNode> nodes = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            nodes.add(node(AssetType.VIDEO, "tiktok/video"));
        }

        Quote quote = calculator.quote(nodes, QualityTier.PREMIUM, plans.plan(PlanTier.ENTERPRISE), MonthlyUsage.empty(MONTH));

        // a video-heavy (TikTok) campaign on enterprise gets WAN 1080p: 1,000 × 5 s × 0.15 = 750 > 500 cap
        assertThat(quote.breaches()).extracting(LimitBreach::limit).containsExactly("monthly_cap_usd");
        assertThat(quote.estimatedCostUsd()).isEqualByComparingTo("750");
        assertThat(quote.byKind().get(0).remainingAfter()).isNull();
    }

    @Test
    void tiersPickTheirModels() {
        assertThat(CostEstimator.modelFor(AssetType.IMAGE, QualityTier.DRAFT).model()).isEqualTo("qwen-image");
        assertThat(CostEstimator.modelFor(AssetType.IMAGE, QualityTier.PREMIUM).model()).isEqualTo("ideogram-v3-turbo");
        assertThat(CostEstimator.modelFor(AssetType.VIDEO, QualityTier.PREMIUM).model()).isEqualTo("wan-2.5-i2v-1080p");
    }

    private void assertCost(AssetNode node, QualityTier tier, String expected) {
        assertThat(estimator.estimate(node, tier).costUsd()).as(node.assetType() + " " + tier).isEqualByComparingTo(expected);
    }

    private static int counter;

    private static AssetNode node(AssetType type, String placement) {
        Channel channel = Channel.parse(placement.substring(0, placement.indexOf('/'))).orElseThrow();
        return new AssetNode("node-" + (++counter), type, channel, "launch", placement, "t", NodeStatus.PLANNED,
                LocalDate.of(2026, 12, 1), List.of());
    }
}
