package dev.pms.aws.dynamodb;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.pricing.QualityTier;
import dev.pms.core.proposal.Proposal;
import dev.pms.core.proposal.ProposalStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** The stored JSON document of a {@link Proposal} version: every part's fields side by side. */
record ProposalDocument(
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

    static ProposalDocument of(Proposal proposal) {
        Proposal.Slot slot = proposal.slot();
        Proposal.Concept concept = proposal.concept();
        Proposal.Recommendation recommendation = proposal.recommendation();
        return new ProposalDocument(proposal.assetId(), proposal.campaignId(), proposal.version(), slot.assetType(),
                slot.channel(), slot.placement(), slot.phase(), concept.hook(), concept.angle(),
                concept.conceptSummary(), concept.proposedPrompt(), recommendation.recommendedTemplate(),
                recommendation.recommendedProvider(), recommendation.recommendedModel(), recommendation.tier(),
                recommendation.costEstimate(), proposal.status(), proposal.reason(), proposal.settings(),
                proposal.provenance(), proposal.change(), proposal.createdAt());
    }

    Proposal toProposal() {
        return new Proposal(assetId, campaignId, version,
                new Proposal.Slot(assetType, channel, placement, phase),
                new Proposal.Concept(hook, angle, conceptSummary, proposedPrompt),
                new Proposal.Recommendation(recommendedTemplate, recommendedProvider, recommendedModel, tier,
                        costEstimate),
                status, reason, settings, provenance, change, createdAt);
    }
}
