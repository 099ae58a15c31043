package dev.pms.core.proposal;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.pricing.QualityTier;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * One immutable version of an asset node's proposal: the node's {@link Slot}, the creative {@link Concept}, the
 * {@link Recommendation} of how to make it, and its review state. Every action (generate, edit, approve, reject,
 * alternate angle) appends a new version; {@code change} says which action made it.
 */
public record Proposal(
        String assetId,
        String campaignId,
        long version,
        Slot slot,
        Concept concept,
        Recommendation recommendation,
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

    /** Which asset node the proposal is for: what it makes, where it runs and in which phase. */
    public record Slot(AssetType assetType, Channel channel, String placement, String phase) {
    }

    /** The creative idea: hook, angle, summary and the prompt that makes it. */
    public record Concept(String hook, String angle, String conceptSummary, String proposedPrompt) {
        public Concept withPrompt(String prompt) {
            return new Concept(hook, angle, conceptSummary, prompt);
        }
    }

    /** How to make it: template, provider and model, quality tier and the estimated cost. */
    public record Recommendation(String recommendedTemplate, String recommendedProvider, String recommendedModel,
                                 QualityTier tier, BigDecimal costEstimate) {
        /** The same template with another provider, model, tier and cost. */
        public Recommendation on(String provider, String model, QualityTier newTier, BigDecimal cost) {
            return new Recommendation(recommendedTemplate, provider, model, newTier, cost);
        }
    }

    /** A new {@code proposed} version. */
    public static Proposal proposed(String assetId, String campaignId, long version, Slot slot, Concept concept,
                                    Recommendation recommendation, Map<String, Object> settings,
                                    Map<String, String> provenance, String change, Instant now) {
        return new Proposal(assetId, campaignId, version, slot, concept, recommendation, ProposalStatus.PROPOSED, null,
                settings, provenance, change, now);
    }

    /** The next version with the given review state, made by {@code change} at {@code now}; the rest is kept. */
    public Proposal next(ProposalStatus newStatus, String newReason, String newChange, Instant now) {
        return new Proposal(assetId, campaignId, version + 1, slot, concept, recommendation, newStatus, newReason,
                settings, provenance, newChange, now);
    }

    public Proposal withConcept(Concept newConcept) {
        return new Proposal(assetId, campaignId, version, slot, newConcept, recommendation, status, reason, settings,
                provenance, change, createdAt);
    }

    public Proposal withRecommendation(Recommendation newRecommendation) {
        return new Proposal(assetId, campaignId, version, slot, concept, newRecommendation, status, reason, settings,
                provenance, change, createdAt);
    }

    public Proposal withSettings(Map<String, Object> newSettings) {
        return new Proposal(assetId, campaignId, version, slot, concept, recommendation, status, reason, newSettings,
                provenance, change, createdAt);
    }

    public Proposal withProvenance(Map<String, String> newProvenance) {
        return new Proposal(assetId, campaignId, version, slot, concept, recommendation, status, reason, settings,
                newProvenance, change, createdAt);
    }

    public Proposal withReason(String newReason) {
        return new Proposal(assetId, campaignId, version, slot, concept, recommendation, status, newReason, settings,
                provenance, change, createdAt);
    }

    public AssetType assetType() {
        return slot.assetType();
    }

    public Channel channel() {
        return slot.channel();
    }

    public String placement() {
        return slot.placement();
    }

    public String phase() {
        return slot.phase();
    }

    public String hook() {
        return concept.hook();
    }

    public String angle() {
        return concept.angle();
    }

    public String conceptSummary() {
        return concept.conceptSummary();
    }

    public String proposedPrompt() {
        return concept.proposedPrompt();
    }

    public String recommendedTemplate() {
        return recommendation.recommendedTemplate();
    }

    public String recommendedProvider() {
        return recommendation.recommendedProvider();
    }

    public String recommendedModel() {
        return recommendation.recommendedModel();
    }

    public QualityTier tier() {
        return recommendation.tier();
    }

    public BigDecimal costEstimate() {
        return recommendation.costEstimate();
    }
}
