package dev.pms.core.proposal;

import dev.pms.core.pricing.QualityTier;

import java.util.Map;

/**
 * A request to propose a campaign's nodes.
 *
 * @param tier           the quality tier of the new proposals; null keeps each node's tier (or the default)
 * @param productContext product facts merged over the campaign's; empty for none
 */
public record GenerateProposals(QualityTier tier, Map<String, Object> productContext) {

    public GenerateProposals {
        productContext = productContext == null ? Map.of() : productContext;
    }

    /** What an empty request asks for: every node at its own tier, with the campaign's facts. */
    public static GenerateProposals defaults() {
        return new GenerateProposals(null, Map.of());
    }
}
