package dev.pms.core.performance;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.pricing.QualityTier;
import dev.pms.core.proposal.Proposal;
import dev.pms.core.proposal.ProposalStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InsightEngineTest {
    private final InsightEngine engine = new InsightEngine();

    @Test
    void aComparisonThatHoldsBecomesACardWithItsNumbersAndAnExperimentOnTheWinner() {
        var linkedin = asset("li-1", Channel.LINKEDIN, "linkedin/post_landscape", 12_000, 360, 40, "8.00");
        var instagram = asset("ig-1", Channel.INSTAGRAM, "instagram/reel", 9_800, 127, 30, "0.30");

        List<Insight> cards = engine.insights(List.of(channel(linkedin), channel(instagram)),
                List.of(linkedin, instagram), Map.of("li-1", proposal("li-1", QualityTier.PREMIUM)));

        assertThat(cards).hasSize(1);
        Insight card = cards.get(0);
        assertThat(card.text()).isEqualTo(
                "LinkedIn posts outperform Instagram reels 2.3× on CTR (n = 12,000 vs 9,800 impressions, p < 0.001)");
        assertThat(card.metric()).isEqualTo("ctr");
        assertThat(card.n()).isEqualTo(21_800);
        assertThat(card.confidence()).isGreaterThan(0.999);
        assertThat(card.experiment().channel()).isEqualTo(Channel.LINKEDIN);
        assertThat(card.experiment().placement()).isEqualTo("linkedin/post_landscape");
        assertThat(card.experiment().hook()).isEqualTo("hook of li-1");
        assertThat(card.experiment().tier()).as("LinkedIn's generation cost per result is higher: one tier cheaper")
                .isEqualTo(QualityTier.STANDARD);
        assertThat(card.experiment().providerSwitch()).startsWith("wavespeed/ideogram-v3-turbo -> wavespeed/qwen-image");
    }

    @Test
    void noCardComesFromTooLittleDataOrFromADifferenceThatDoesNotHold() {
        var small = asset("a", Channel.LINKEDIN, "linkedin/post_landscape", 400, 40, 5, "1");
        var other = asset("b", Channel.INSTAGRAM, "instagram/reel", 400, 4, 1, "1");
        assertThat(engine.insights(List.of(channel(small), channel(other)), List.of(small, other), Map.of())).isEmpty();

        var even1 = asset("c", Channel.LINKEDIN, "linkedin/post_landscape", 10_000, 100, 10, "1");
        var even2 = asset("d", Channel.INSTAGRAM, "instagram/reel", 10_000, 96, 10, "1");
        assertThat(engine.insights(List.of(channel(even1), channel(even2)), List.of(even1, even2), Map.of())).isEmpty();
    }

    private static PerformanceReport.AssetResults asset(String id, Channel channel, String placement, long impressions,
                                                        long clicks, long conversions, String generationCost) {
        return new PerformanceReport.AssetResults(id, channel, AssetType.IMAGE, placement,
                Results.of(impressions, clicks, conversions, 0, BigDecimal.TEN, new BigDecimal(generationCost)));
    }

    private static PerformanceReport.ChannelResults channel(PerformanceReport.AssetResults asset) {
        return new PerformanceReport.ChannelResults(asset.channel(), asset.results());
    }

    private static Proposal proposal(String assetId, QualityTier tier) {
        return new Proposal(assetId, "c1", 1,
                new Proposal.Slot(AssetType.IMAGE, Channel.LINKEDIN, "linkedin/post_landscape", "launch"),
                new Proposal.Concept("hook of " + assetId, "angle", "concept", "prompt"),
                new Proposal.Recommendation("template", "wavespeed", "ideogram-v3-turbo", tier, BigDecimal.ONE),
                ProposalStatus.APPROVED, null, Map.of(), Map.of(), "generate", Instant.EPOCH);
    }
}
