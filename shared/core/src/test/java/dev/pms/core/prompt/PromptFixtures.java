package dev.pms.core.prompt;

import dev.pms.core.brand.BrandDna;
import dev.pms.core.brand.BrandDnaDeriver;
import dev.pms.core.brand.BrandProfile;
import dev.pms.core.brand.StoredBrandProfile;
import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.NodeStatus;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.channel.Placement;
import dev.pms.core.pricing.CostEstimator;
import dev.pms.core.pricing.PriceTable;
import dev.pms.core.pricing.QualityTier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.pms.core.support.Fixtures.NOW;

/** A brand with forbidden phrases and a competitor on file, and a shortcut to build one node's prompt. */
final class PromptFixtures {
    static final ChannelCatalog CHANNELS = ChannelCatalog.load();
    static final CostEstimator COSTS = new CostEstimator(PriceTable.load(), CHANNELS);
    static final PromptBuilder BUILDER = new PromptBuilder(PromptCatalog.load());
    static final BrandDnaDeriver DERIVER = new BrandDnaDeriver(CHANNELS);
    static final Map<String, Object> AURORA = Map.of(
            "product_name", "Aurora",
            "product_description", "A smart desk lamp that follows daylight",
            "features", List.of("circadian light", "app control"),
            "price", new BigDecimal("89.00"));

    static final BrandDna BRAND = DERIVER.derive(Optional.of(new StoredBrandProfile(new BrandProfile(
            new BrandProfile.WebsiteAnalysis("https://aurora.example",
                    new BrandProfile.WritingStyle("calm and precise", "second person, short sentences", null, null),
                    new BrandProfile.TargetAudience(List.of("remote workers", "students"), "home office", "beginner"),
                    Map.of("differentiators", List.of("daylight-accurate colour", "five-year warranty")), null, null),
            new BrandProfile.PersonaData(null, Map.of("instagram", Map.of("tone", "playful and bright")),
                    List.of(Channel.INSTAGRAM)),
            new BrandProfile.ResearchPreferences("comprehensive", null, null, null),
            List.of(new BrandProfile.CompetitorAnalysis("https://glowco.example",
                    Map.of("name", "GlowCo", "summary", "cheap plastic lamps with a one-year warranty"))),
            List.of("#112233", "#FFCC00"),
            new BrandProfile.Vocabulary(List.of("focus", "calm"), List.of("synergy")),
            List.of("miracle", "risk-free")), NOW, 4)));

    static final BrandDna DEFAULT_BRAND = DERIVER.derive(Optional.empty());

    private PromptFixtures() {
    }

    static AssetNode node(AssetType type, String placement, String phase) {
        Placement spec = CHANNELS.requirePlacement(placement);
        return new AssetNode("a1", type, spec.channel(), phase, placement, "Node", NodeStatus.PLANNED,
                LocalDate.of(2026, 12, 10), List.of());
    }

    static PromptInputs inputs(AssetNode node, BrandDna dna, Map<String, Object> productContext, QualityTier tier,
                               int angleIndex, Map<PromptSlot, String> overrides) {
        String depth = dna == BRAND ? "comprehensive" : null;
        return new PromptInputs(node, CHANNELS.requirePlacement(node.placement()), CHANNELS.channel(node.channel()), dna,
                productContext, null, depth, COSTS.estimate(node, tier), angleIndex, overrides);
    }

    static BuiltPrompt build(AssetType type, String placement, String phase) {
        return BUILDER.build(inputs(node(type, placement, phase), BRAND, AURORA, QualityTier.STANDARD, 0, Map.of()));
    }
}
