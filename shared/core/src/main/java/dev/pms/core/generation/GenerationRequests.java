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

import java.util.List;

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
        Proposal proposal = proposalOf(userId, asset);
        BrandDna dna = deriver.derive(profiles.find(userId));
        Placement placement = catalog.requirePlacement(asset.placement());
        List<String> palette = dna.visualIdentity() == null ? List.of() : dna.visualIdentity().colorPalette();
        String hook = proposal == null ? campaign.campaignName() : proposal.hook();
        String concept = proposal == null ? asset.prompt() : proposal.conceptSummary();
        return new GenerationRequest(asset.assetLibraryId() + "#" + asset.attempts(), asset.assetId(), asset.assetType(),
                placement, asset.prompt(), hook, concept, campaign.productContext(), palette, dna.forbiddenPhrases(),
                providerName, asset.model(), proposal == null ? null : proposal.tier(), keyFrame,
                proposal == null ? null : proposal.conceptSummary());
    }

    private Proposal proposalOf(String userId, AssetRecord asset) {
        return proposals.current(userId, asset.campaignId(), asset.assetId())
                .filter(current -> current.version() == asset.proposalVersion())
                .or(() -> proposals.versions(userId, asset.campaignId(), asset.assetId()).stream()
                        .filter(version -> version.version() == asset.proposalVersion()).findFirst())
                .orElse(null);
    }
}
