package dev.pms.core.pack;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pms.core.brand.BrandDna;
import dev.pms.core.brand.BrandDnaDeriver;
import dev.pms.core.brand.BrandProfileRepository;
import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignRepository;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.channel.Placement;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.generation.CopyBriefs;
import dev.pms.core.generation.GeneratedMedia;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.MediaProvider;
import dev.pms.core.generation.ProviderJob;
import dev.pms.core.json.Json;
import dev.pms.core.media.Digests;
import dev.pms.core.media.MediaStore;
import dev.pms.core.media.PresignedDownload;
import dev.pms.core.media.UserKeys;
import dev.pms.core.pricing.QualityTier;
import dev.pms.core.prompt.ForbiddenPhrases;
import dev.pms.core.proposal.Proposal;
import dev.pms.core.proposal.ProposalRepository;
import dev.pms.core.validation.FieldProblems;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds a campaign's channel packs ({@code POST /campaigns/{id}/channel-packs}): every image and copy node of the
 * chosen channels is rendered for its exact catalogue placement, checked against the placement's hard limits and
 * the brand's forbidden phrases, and zipped with a {@code manifest.json}. A pack with a failed check is still
 * stored and returned, but under a {@code -invalid} key and with {@code valid=false}.
 */
public final class ChannelPackExportService {
    static final Duration DOWNLOAD_TTL = Duration.ofHours(1);
    static final String MANIFEST = "manifest.json";
    static final String WORKFLOW_ONLY = "generated with the generation workflow";
    static final String NOT_IN_CATALOGUE = "the placement is not in the channel catalogue";
    private static final Set<AssetType> PACKED_TYPES = Set.of(AssetType.IMAGE, AssetType.TEXT);
    private static final int SHORT_ID_CHARS = 8;

    private final CampaignRepository campaigns;
    private final ProposalRepository proposals;
    private final BrandProfileRepository profiles;
    private final ChannelCatalog catalog;
    private final BrandDnaDeriver deriver;
    private final MediaProvider renderer;
    private final MediaStore store;
    private final Clock clock;
    private final Supplier<String> ids;
    private final GeneratedAssets generated;

    public ChannelPackExportService(CampaignRepository campaigns, ProposalRepository proposals,
                                    BrandProfileRepository profiles, ChannelCatalog catalog, MediaProvider renderer,
                                    MediaStore store, Clock clock, Supplier<String> ids) {
        this(campaigns, proposals, profiles, catalog, renderer, store, clock, ids, GeneratedAssets.none());
    }

    /** Packs ship the campaign's generated assets where they exist and render stand-ins only for the rest. */
    public ChannelPackExportService(CampaignRepository campaigns, ProposalRepository proposals,
                                    BrandProfileRepository profiles, ChannelCatalog catalog, MediaProvider renderer,
                                    MediaStore store, Clock clock, Supplier<String> ids, GeneratedAssets generated) {
        this.generated = Objects.requireNonNull(generated, "generated");
        this.campaigns = Objects.requireNonNull(campaigns, "campaigns");
        this.proposals = Objects.requireNonNull(proposals, "proposals");
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.deriver = new BrandDnaDeriver(catalog);
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /**
     * Builds, checks, stores and presigns one pack of the channels the command names; without channels every
     * channel of the campaign is packed.
     *
     * @throws NotFoundException when the caller has no such campaign
     * @throws dev.pms.core.error.ValidationException naming {@code channels[i]} for a channel that is not one of the
     *                                                campaign's
     */
    public ChannelPackExport export(String userId, String campaignId, ExportChannelPack command) {
        Campaign campaign = find(userId, campaignId);
        return export(userId, campaign, chosenChannels(campaign, command.channels()));
    }

    /**
     * Builds, checks, stores and presigns one pack of the given channels of the campaign (all of its channels when
     * {@code channels} is empty; channels it does not run on are left out).
     *
     * @throws NotFoundException when the caller has no such campaign
     */
    public ChannelPackExport exportChannels(String userId, String campaignId, Set<Channel> channels) {
        Campaign campaign = find(userId, campaignId);
        Set<Channel> chosen = channels.isEmpty() ? Set.copyOf(campaign.channels())
                : channels.stream().filter(campaign.channels()::contains).collect(Collectors.toSet());
        return export(userId, campaign, chosen);
    }

    private Campaign find(String userId, String campaignId) {
        return (campaignId == null || campaignId.isBlank() ? Optional.<Campaign>empty()
                : campaigns.find(userId, campaignId))
                .orElseThrow(() -> new NotFoundException("campaign " + campaignId + " not found"));
    }

    private ChannelPackExport export(String userId, Campaign campaign, Set<Channel> chosen) {
        String userHash = UserKeys.userHash(userId);
        String packId = ids.get();
        Instant createdAt = clock.instant();

        Map<String, Proposal> proposalByAsset = new HashMap<>();
        proposals.currentFor(userId, campaign.campaignId()).forEach(p -> proposalByAsset.put(p.assetId(), p));
        BrandDna dna = deriver.derive(profiles.find(userId));
        ForbiddenPhrases forbidden = new ForbiddenPhrases(dna.forbiddenPhrases());
        Map<String, GeneratedAssets.Ready> made = generated.readyFor(userId, campaign.campaignId());

        List<PackFile> files = new ArrayList<>();
        List<SkippedAsset> skipped = new ArrayList<>();
        Map<String, byte[]> contents = new HashMap<>();
        Set<String> paths = new HashSet<>();
        for (AssetNode node : campaign.assetNodes()) {
            if (!chosen.contains(node.channel())) {
                continue;
            }
            if (!PACKED_TYPES.contains(node.assetType())) {
                skipped.add(new SkippedAsset(node.assetId(), node.channel(), node.placement(), WORKFLOW_ONLY));
                continue;
            }
            Placement placement = catalog.placement(node.placement()).orElse(null);
            if (placement == null) {
                skipped.add(new SkippedAsset(node.assetId(), node.channel(), node.placement(), NOT_IN_CATALOGUE));
                continue;
            }
            String path = uniquePath(paths, node, placement);
            GenerationRequest request = request(packId, campaign, node, placement, proposalByAsset.get(node.assetId()), dna);
            GeneratedAssets.Ready ready = made.get(node.assetId());
            files.add(ready != null ? pack(path, node, placement, ready, forbidden, contents)
                    : render(path, node, placement, request, forbidden, contents));
        }
        files.sort(Comparator.comparing(PackFile::path));
        boolean valid = files.stream().allMatch(PackFile::valid);
        PackManifest manifest = new PackManifest(packId, campaign.campaignId(), createdAt, valid, files, skipped);

        String key = "packs/" + userHash + "/" + campaign.campaignId() + "/" + packId + (valid ? "" : "-invalid") + ".zip";
        store.put(key, zip(manifest, contents), "application/zip");
        PresignedDownload download = store.presignDownload(key, DOWNLOAD_TTL);
        return new ChannelPackExport(packId, download.url(), download.expiresAt(), manifest, valid);
    }

    private static Set<Channel> chosenChannels(Campaign campaign, List<Channel> requested) {
        if (requested.isEmpty()) {
            return Set.copyOf(campaign.channels());
        }
        FieldProblems check = new FieldProblems();
        for (int i = 0; i < requested.size(); i++) {
            Channel channel = requested.get(i);
            if (!campaign.channels().contains(channel)) {
                check.add(FieldProblems.path("channels", i), channel.code() + " is not a channel of the campaign (its "
                        + "channels: " + String.join(", ", campaign.channels().stream().map(Channel::code).toList())
                        + ")");
            }
        }
        check.throwIfProblems("channel pack request");
        return Set.copyOf(requested);
    }

    /**
     * {@code <channel>/<placement name>-<short asset id>.<ext>}; when two nodes share the short id the later one
     * takes its whole id (and a counter if even that is taken after the id is made safe for a path).
     */
    private static String uniquePath(Set<String> taken, AssetNode node, Placement placement) {
        String id = node.assetId().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "_");
        String folder = placement.channel().code() + "/" + placement.name() + "-";
        String extension = node.assetType() == AssetType.IMAGE ? ".png" : ".json";
        String path = folder + id.substring(0, Math.min(SHORT_ID_CHARS, id.length())) + extension;
        if (!taken.add(path)) {
            path = folder + id + extension;
            for (int counter = 2; !taken.add(path); counter++) {
                path = folder + id + "-" + counter + extension;
            }
        }
        return path;
    }

    private GenerationRequest request(String packId, Campaign campaign, AssetNode node, Placement placement,
                                      Proposal proposal, BrandDna dna) {
        String prompt = proposal == null ? node.title() : proposal.proposedPrompt();
        String hook = proposal == null ? node.title() : proposal.hook();
        String concept = proposal == null ? null : proposal.conceptSummary();
        QualityTier tier = proposal == null || proposal.tier() == null ? QualityTier.DEFAULT : proposal.tier();
        List<String> palette = dna.visualIdentity() == null ? List.of() : dna.visualIdentity().colorPalette();
        return new GenerationRequest(packId + "/" + node.assetId(), node.assetId(), node.assetType(), placement,
                prompt, hook, concept, campaign.productContext(), palette, dna.forbiddenPhrases(), renderer.name(),
                null, tier, null, null, null, CopyBriefs.of(campaign, node.assetId(), dna), null);
    }

    private PackFile render(String path, AssetNode node, Placement placement, GenerationRequest request,
                            ForbiddenPhrases forbidden, Map<String, byte[]> contents) {
        ProviderJob job = renderer.supports(node.assetType()) ? renderer.submit(request)
                : new ProviderJob.Failed(renderer.name() + " cannot render " + node.assetType().code(), false);
        GeneratedMedia media = job instanceof ProviderJob.Completed completed ? completed.media() : null;
        String failure = failure(job, media, node.assetType());
        if (failure != null) {
            return new PackFile(path, node.channel(), placement.key(), node.assetId(), null, null, 0, null,
                    List.of(PackCheck.failed(DeliverableChecks.RENDER, failure)), null);
        }
        PackCheck rendered = PackCheck.passed(DeliverableChecks.RENDER, "rendered by " + renderer.name());
        if (node.assetType() == AssetType.IMAGE) {
            byte[] bytes = media.bytes();
            DeliverableChecks.ImageResult result = DeliverableChecks.image(bytes, placement);
            contents.put(path, bytes);
            return new PackFile(path, node.channel(), placement.key(), node.assetId(), result.width(), result.height(),
                    bytes.length, Digests.sha256Hex(bytes), prepend(rendered, result.checks()), null);
        }
        byte[] bytes = media.textContent().getBytes(StandardCharsets.UTF_8);
        DeliverableChecks.CopyResult result = DeliverableChecks.copy(media.textContent(), placement, forbidden);
        contents.put(path, bytes);
        return new PackFile(path, node.channel(), placement.key(), node.assetId(), null, null, bytes.length,
                Digests.sha256Hex(bytes), prepend(rendered, result.checks()), result.visiblePreviews());
    }

    private PackFile pack(String path, AssetNode node, Placement placement, GeneratedAssets.Ready ready,
                          ForbiddenPhrases forbidden, Map<String, byte[]> contents) {
        PackCheck source = PackCheck.passed(DeliverableChecks.RENDER, "generated asset " + ready.assetLibraryId()
                + " (" + ready.provider() + "/" + ready.model() + ")");
        if (node.assetType() == AssetType.IMAGE && ready.bytes() != null) {
            DeliverableChecks.ImageResult result = DeliverableChecks.image(ready.bytes(), placement);
            contents.put(path, ready.bytes());
            return new PackFile(path, node.channel(), placement.key(), node.assetId(), result.width(), result.height(),
                    ready.bytes().length, Digests.sha256Hex(ready.bytes()), prepend(source, result.checks()), null);
        }
        byte[] bytes = ready.textContent().getBytes(StandardCharsets.UTF_8);
        DeliverableChecks.CopyResult result = DeliverableChecks.copy(ready.textContent(), placement, forbidden);
        contents.put(path, bytes);
        return new PackFile(path, node.channel(), placement.key(), node.assetId(), null, null, bytes.length,
                Digests.sha256Hex(bytes), prepend(source, result.checks()), result.visiblePreviews());
    }

    /** Why the job gave nothing to pack, or null when it did. */
    private static String failure(ProviderJob job, GeneratedMedia media, AssetType type) {
        if (job instanceof ProviderJob.Failed failed) {
            return "the renderer failed: " + failed.reason();
        }
        if (job instanceof ProviderJob.Pending) {
            return "the renderer did not finish at once (it answered pending), so there is nothing to pack";
        }
        if (media == null) {
            return "the renderer returned nothing";
        }
        if (type == AssetType.IMAGE && (media.bytes() == null || media.bytes().length == 0)) {
            return "the renderer returned no image bytes";
        }
        if (type == AssetType.TEXT && media.textContent() == null) {
            return "the renderer returned no copy";
        }
        return null;
    }

    private static List<PackCheck> prepend(PackCheck first, List<PackCheck> rest) {
        List<PackCheck> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }

    /** The manifest first, then the files by path, each stamped with the pack's creation time: same pack, same ZIP. */
    private static byte[] zip(PackManifest manifest, Map<String, byte[]> contents) {
        FileTime stamp = FileTime.from(manifest.createdAt());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            add(zip, MANIFEST, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest), stamp);
            for (PackFile file : manifest.files()) {
                byte[] bytes = contents.get(file.path());
                if (bytes != null) {
                    add(zip, file.path(), bytes, stamp);
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the manifest is always serialisable", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the pack ZIP in memory", e);
        }
        return out.toByteArray();
    }

    private static void add(ZipOutputStream zip, String path, byte[] bytes, FileTime stamp) throws IOException {
        ZipEntry entry = new ZipEntry(path);
        entry.setLastModifiedTime(stamp);
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }
}
