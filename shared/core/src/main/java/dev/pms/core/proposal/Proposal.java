package dev.pms.core.proposal;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.pricing.QualityTier;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * One immutable version of an asset node's proposal. Every action (generate, edit, approve, reject,
 * alternate angle) appends a new version; {@code change} says which action made it. Serialises to the
 * contract's proposal shape (contract #3) plus the fields beside it.
 */
public record Proposal(
        String assetId,
        String campaignId,
        long version,
        AssetType assetType,
        Channel channel,
        String placement,
        String phase,
        String hook,
        String angle,
        String conceptSummary,
        String proposedPrompt,
        String recommendedTemplate,
        String recommendedProvider,
        String recommendedModel,
        QualityTier tier,
        BigDecimal costEstimate,
        ProposalStatus status,
        String reason,
        Map<String, Object> settings,
        Map<String, String> provenance,
        String change,
        Instant createdAt) {

    public Proposal {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        provenance = provenance == null ? Map.of() : Map.copyOf(provenance);
    }
}
