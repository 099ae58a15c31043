package dev.pms.core.generation;

import dev.pms.core.asset.AssetRecord;
import dev.pms.core.brand.BrandDna;
import dev.pms.core.brand.BrandProfile;
import dev.pms.core.brand.BrandDnaDeriver;
import dev.pms.core.brand.BrandProfileRepository;
import dev.pms.core.brand.StoredBrandProfile;
import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.media.ProductPhoto;
import dev.pms.core.media.ProductPhotos;
import dev.pms.core.pricing.QualityTier;
import dev.pms.core.proposal.Proposal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a provider is given, from what the server stored: when an asset is reserved its proposal's hook, concept and
 * tier and the caller's brand palette and forbidden phrases are kept on the asset record (its input lineage), and the
 * request is built from the record, its catalogue placement and the campaign's product context, and an image's request
 * carries the product photo the user uploaded for the campaign. Nothing a client sends reaches a provider.
 */
public final class GenerationRequests {
    private static final String HOOK = "hook";
    private static final String CONCEPT = "concept_summary";
    private static final String PALETTE = "brand_palette";
    private static final String FORBIDDEN = "forbidden_phrases";
    private static final String TIER = "tier";
    private static final String PRESENTER = "presenter_name";
    private static final String SCRIPT = "script";

    private final BrandProfileRepository profiles;
    private final BrandDnaDeriver deriver;
    private final ChannelCatalog catalog;
    private final ProductPhotos photos;

    public GenerationRequests(BrandProfileRepository profiles, ChannelCatalog catalog) {
        this(profiles, catalog, ProductPhotos.none());
    }

    public GenerationRequests(BrandProfileRepository profiles, ChannelCatalog catalog, ProductPhotos photos) {
        this.profiles = profiles;
        this.deriver = new BrandDnaDeriver(catalog);
        this.catalog = catalog;
        this.photos = photos;
    }

    /** The caller's brand inputs, derived once for everything reserved together. */
    public record BrandInputs(List<String> palette, List<String> forbiddenPhrases, String presenterName) {
    }

    public BrandInputs brandInputs(String userId) {
        BrandDna dna = deriver.derive(profiles.find(userId));
        return new BrandInputs(dna.visualIdentity() == null ? List.of() : List.copyOf(dna.visualIdentity().colorPalette()),
                List.copyOf(dna.forbiddenPhrases()), dna.persona() == null ? null : dna.persona().personaName());
    }

    /** Where an asset made for {@code node} from {@code proposal} comes from ({@code runId} null outside a run). */
    public static AssetRecord.Lineage lineageOf(Campaign campaign, AssetNode node, String runId, Proposal proposal) {
        return new AssetRecord.Lineage(campaign.campaignId(), node.assetId(), runId, proposal.version(),
                node.assetType(), node.channel(), node.placement(), proposal.proposedPrompt(),
                proposal.recommendedProvider(), proposal.recommendedModel());
    }

    /** The provider inputs to keep on an asset record reserved for {@code proposal}. */
    public static Map<String, Object> inputsOf(Proposal proposal, BrandInputs brand) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put(TIER, proposal.tier().code());
        inputs.put(HOOK, proposal.hook() == null ? "" : proposal.hook());
        if (proposal.conceptSummary() != null) {
            inputs.put(CONCEPT, proposal.conceptSummary());
        }
        inputs.put(PALETTE, brand.palette());
        inputs.put(FORBIDDEN, brand.forbiddenPhrases());
        if (brand.presenterName() != null && !brand.presenterName().isBlank()) {
            inputs.put(PRESENTER, brand.presenterName());
        }
        return inputs;
    }

    /**
     * What a request reads besides the asset record and its campaign: the owner's brand profile and, for an image,
     * the product photo uploaded for the node. Needs only the record, so it can be read while the campaign is.
     */
    public record Lookups(Optional<StoredBrandProfile> profile, ProductPhoto photo) {
    }

    public Lookups lookupsFor(String userId, AssetRecord asset) {
        ProductPhoto photo = photoFor(userId, asset);
        return new Lookups(profileOf(userId), photo);
    }

    /** The owner's brand profile, which every request of the owner reads. */
    public Optional<StoredBrandProfile> profileOf(String userId) {
        return userId == null ? Optional.empty() : profiles.find(userId);
    }

    /** The product photo uploaded for an image's node (or its campaign), null for other assets or none. */
    public ProductPhoto photoFor(String userId, AssetRecord asset) {
        return asset.assetType() == AssetType.IMAGE
                ? photos.find(userId, asset.campaignId(), asset.assetId()).orElse(null) : null;
    }

    /**
     * The request for the record's next attempt, with the key frame (the image a video animates) when there is one
     * and the copy brief from the campaign and the owner's current Brand DNA. The concept summary describes the asset
     * for a person choosing it; it is not a script, so a provider is given a script only when one was written for it.
     */
    public GenerationRequest requestFor(AssetRecord asset, Campaign campaign, String providerName, byte[] keyFrame) {
        return requestFor(asset, campaign, providerName, keyFrame, lookupsFor(campaign.userId(), asset));
    }

    /** {@link #requestFor(AssetRecord, Campaign, String, byte[])} with the {@link Lookups} already read. */
    public GenerationRequest requestFor(AssetRecord asset, Campaign campaign, String providerName, byte[] keyFrame,
                                        Lookups lookups) {
        Map<String, Object> saved = asset.details();
        String hook = saved.get(HOOK) instanceof String text ? text : campaign.campaignName();
        String concept = saved.get(CONCEPT) instanceof String text ? text : asset.prompt();
        QualityTier tier = saved.get(TIER) instanceof String code ? QualityTier.parse(code).orElse(null) : null;
        Optional<StoredBrandProfile> profile = lookups.profile();
        BrandDna dna = deriver.derive(profile);
        byte[] frame = keyFrame == null && asset.assetType() == AssetType.AVATAR
                ? personaPicture(campaign.userId(), profile) : keyFrame;
        return new GenerationRequest(asset.assetLibraryId() + "#" + asset.attempts(), asset.assetId(), asset.assetType(),
                catalog.requirePlacement(asset.placement()), asset.prompt(), hook, concept, campaign.productContext(),
                strings(saved.get(PALETTE)), strings(saved.get(FORBIDDEN)), providerName, asset.model(), tier, frame,
                saved.get(SCRIPT) instanceof String script ? script : null,
                saved.get(PRESENTER) instanceof String name ? new GenerationRequest.Presenter(name, null) : null,
                CopyBriefs.of(campaign, asset.assetId(), dna), lookups.photo());
    }

    /** The picture of the brand's persona when the profile names an uploaded one, for an avatar's presenter card. */
    private byte[] personaPicture(String userId, Optional<StoredBrandProfile> profile) {
        String uploadId = profile.map(StoredBrandProfile::profile).map(BrandProfile::personaData)
                .map(BrandProfile.PersonaData::corePersona).map(BrandProfile.CorePersona::avatarUploadId).orElse(null);
        return uploadId == null ? null : photos.uploaded(userId, uploadId).map(ProductPhoto::bytes).orElse(null);
    }

    private static List<String> strings(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
