package dev.pms.core.prompt;

import dev.pms.core.brand.BrandDna;
import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.Phase;
import dev.pms.core.channel.ChannelProfile;
import dev.pms.core.channel.Placement;
import dev.pms.core.pricing.CostLine;

import java.util.Map;

/**
 * Everything one prompt is built from.
 *
 * @param phase          the campaign phase the node belongs to (its purpose is the fallback wording); may be null
 * @param researchDepth  the profile's research depth, null when the profile has none
 * @param cost           the node's quote, which fixes tier, model and units (e.g. video seconds)
 * @param angleIndex     which hook angle of the asset type to use (wraps around)
 * @param overrides      values the user set for {@link PromptBuilder#OVERRIDABLE} slots
 * @param learned        what the user's own edits taught for this channel ({@link LearnedSlots#NONE} when nothing)
 */
public record PromptInputs(
        AssetNode node,
        Placement placement,
        ChannelProfile channel,
        BrandDna dna,
        Map<String, Object> productContext,
        Phase phase,
        String researchDepth,
        CostLine cost,
        int angleIndex,
        Map<PromptSlot, String> overrides,
        LearnedSlots learned) {

    public PromptInputs {
        productContext = productContext == null ? Map.of() : productContext;
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
        learned = learned == null ? LearnedSlots.NONE : learned;
    }

    /** Inputs with nothing learned about the user. */
    public PromptInputs(AssetNode node, Placement placement, ChannelProfile channel, BrandDna dna,
                        Map<String, Object> productContext, Phase phase, String researchDepth, CostLine cost,
                        int angleIndex, Map<PromptSlot, String> overrides) {
        this(node, placement, channel, dna, productContext, phase, researchDepth, cost, angleIndex, overrides,
                LearnedSlots.NONE);
    }
}
