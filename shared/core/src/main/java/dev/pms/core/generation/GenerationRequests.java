package dev.pms.core.generation;

import dev.pms.core.asset.AssetRecord;
import dev.pms.core.brand.BrandDna;
import dev.pms.core.brand.BrandDnaDeriver;
import dev.pms.core.brand.BrandProfileRepository;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.channel.Placement;
import dev.pms.core.proposal.Proposal;
import dev.pms.core.proposal.ProposalRepository;

import dev.pms.core.pricing.QualityTier;

import java.util.List;
import java.util.Map;

/**
 * Builds what a provider is given for an asset record from what the server stored: the proposal version the
 * record was reserved for (its prompt, hook and concept), the catalogue placement and the caller's Brand DNA.
 * Nothing a client sends reaches a provider.
 */
public final class GenerationRequests {
    private final ProposalRepository proposals;
    private final BrandProfileRepository profiles;
    private final BrandDnaDeriver deriver;
    private final ChannelCatalog catalog;

    public GenerationRequests(ProposalRepository proposals, BrandProfileRepository profiles, ChannelCatalog catalog) {
        this.proposals = proposals;
        this.profiles = profiles;
        this.deriver = new BrandDnaDeriver(catalog);
        this.catalog = catalog;
    }

    public GenerationRequest requestFor(String userId, AssetRecord asset, Campaign campaign, String providerName) {
        return requestFor(userId, asset, campaign, providerName, null);
    }

    /** With the key frame (the image a video animates) made before it, when there is one. */
    public GenerationRequest requestFor(String userId, AssetRecord asset, Campaign campaign, String providerName,
                                        byte[] keyFrame) {
        Placement placement = catalog.requirePlacement(asset.placement());
        Map<String, Object> saved = asset.details();
        if (saved.get(HOOK) instanceof String hook && saved.get(PALETTE) instanceof List<?> palette
                && saved.get(FORBIDDEN) instanceof List<?> forbidden) {
            String concept = saved.get(CONCEPT) instanceof String text ? text : asset.prompt();
            QualityTier tier = saved.get(TIER) instanceof String code ? QualityTier.parse(code).orElse(null) : null;
            return new GenerationRequest(asset.assetLibraryId() + "#" + asset.attempts(), asset.assetId(),
                    asset.assetType(), placement, asset.prompt(), hook, concept, campaign.productContext(),
                    palette.stream().map(String::valueOf).toList(), forbidden.stream().map(String::valueOf).toList(),
                    providerName, asset.model(), tier, keyFrame, concept);
        }
        Proposal proposal = proposalOf(userId, asset);
        BrandDna dna = deriver.derive(profiles.find(userId));
        List<String> palette = dna.visualIdentity() == null ? List.of() : dna.visualIdentity().colorPalette();
        String hook = proposal == null ? campaign.campaignName() : proposal.hook();
        String concept = proposal == null ? asset.prompt() : proposal.conceptSummary();
        return new GenerationRequest(asset.assetLibraryId() + "#" + asset.attempts(), asset.assetId(), asset.assetType(),
                placement, asset.prompt(), hook, concept, campaign.productContext(), palette, dna.forbiddenPhrases(),
                providerName, asset.model(), proposal == null ? null : proposal.tier(), keyFrame,
                proposal == null ? null : proposal.conceptSummary());
    }

    private static final String HOOK = "hook";
    private static final String CONCEPT = "concept_summary";
    private static final String PALETTE = "brand_palette";
    private static final String FORBIDDEN = "forbidden_phrases";
    private static final String TIER = "tier";

    /** The caller's brand inputs, derived once for a whole run. */
    public record BrandInputs(List<String> palette, List<String> forbiddenPhrases) {
    }

    public BrandInputs brandInputs(String userId) {
        BrandDna dna = deriver.derive(profiles.find(userId));
        return new BrandInputs(dna.visualIdentity() == null ? List.of() : List.copyOf(dna.visualIdentity().colorPalette()),
                List.copyOf(dna.forbiddenPhrases()));
    }

    /**
     * What a provider will be given besides the prompt, kept on the asset record when it is reserved: the lineage of
     * the inputs, and the worker then builds the request without reading the proposal and brand profile again.
     */
    public static Map<String, Object> inputsOf(Proposal proposal, BrandInputs brand) {
        Map<String, Object> inputs = new java.util.LinkedHashMap<>();
        inputs.put(TIER, proposal.tier().code());
        inputs.put(HOOK, proposal.hook() == null ? "" : proposal.hook());
        if (proposal.conceptSummary() != null) {
            inputs.put(CONCEPT, proposal.conceptSummary());
        }
        inputs.put(PALETTE, brand.palette());
        inputs.put(FORBIDDEN, brand.forbiddenPhrases());
        return inputs;
    }

    private Proposal proposalOf(String userId, AssetRecord asset) {
        return proposals.current(userId, asset.campaignId(), asset.assetId())
                .filter(current -> current.version() == asset.proposalVersion())
                .or(() -> proposals.versions(userId, asset.campaignId(), asset.assetId()).stream()
                        .filter(version -> version.version() == asset.proposalVersion()).findFirst())
                .orElse(null);
    }
}
