package dev.pms.core.inventory;

import dev.pms.core.asset.AssetRecord;
import dev.pms.core.asset.AssetRepository;
import dev.pms.core.asset.AssetStatus;
import dev.pms.core.audit.AuditStatus;
import dev.pms.core.brand.BrandDna;
import dev.pms.core.brand.BrandDnaDeriver;
import dev.pms.core.brand.BrandProfileRepository;
import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignRepository;
import dev.pms.core.campaign.NodeLifecycle;
import dev.pms.core.campaign.NodeStatusService;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.channel.Placement;
import dev.pms.core.distribution.BuildSchedule;
import dev.pms.core.distribution.DistributionResult;
import dev.pms.core.distribution.DistributionService;
import dev.pms.core.error.ConflictException;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.ValidationException;
import dev.pms.core.error.VersionConflictException;
import dev.pms.core.generation.JobMessage;
import dev.pms.core.generation.JobQueue;
import dev.pms.core.media.MediaStore;
import dev.pms.core.pack.ChannelPackExport;
import dev.pms.core.pack.ChannelPackExportService;
import dev.pms.core.pricing.CostEstimator;
import dev.pms.core.pricing.CostLine;
import dev.pms.core.pricing.PreflightService;
import dev.pms.core.pricing.QualityTier;
import dev.pms.core.pricing.Quote;
import dev.pms.core.prompt.ForbiddenPhrases;
import dev.pms.core.usage.UsageAmounts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Channel variants of an approved source image, and what comes after them: every image placement of the campaign's
 * channels is derived as a provider job (the offline engine's saliency-aware crop to the exact canvas, or a fit marked
 * {@code pad}/{@code extend} where the ratio differs too much; text only inside the safe zone) and checked against its
 * placement; channels are switched on and off and their packages approved one by one; suggestions list the placements
 * of the campaign plan nothing covers yet, each with a costed proposal; one publish puts the approved variants into the
 * campaign's nodes, its channel pack and its distribution schedule.
 */
public final class VariantService {
    static final int MAX_OVERLAY_CHARACTERS = 80;
    static final String AMAZON_MAIN_IMAGE = "amazon/main_image";
    private static final Duration URL_TTL = Duration.ofMinutes(15);
    private static final int MAX_WRITE_ATTEMPTS = 5;

    private final InventoryRepository inventory;
    private final AssetRepository assets;
    private final CampaignRepository campaigns;
    private final ChannelCatalog catalog;
    private final BrandProfileRepository profiles;
    private final BrandDnaDeriver deriver;
    private final JobQueue queue;
    private final MediaStore media;
    private final InventoryJobs jobs;
    private final CostEstimator costs;
    private final PreflightService preflight;
    private final NodeStatusService nodes;
    private final ChannelPackExportService packs;
    private final DistributionService distribution;
    private final Clock clock;
    private final Supplier<String> ids;

    public VariantService(InventoryRepository inventory, AssetRepository assets, CampaignRepository campaigns,
                          ChannelCatalog catalog, BrandProfileRepository profiles, JobQueue queue, MediaStore media,
                          InventoryJobs jobs, CostEstimator costs, PreflightService preflight,
                          ChannelPackExportService packs, DistributionService distribution, Clock clock,
                          Supplier<String> ids) {
        this.inventory = inventory;
        this.assets = assets;
        this.campaigns = campaigns;
        this.catalog = catalog;
        this.profiles = profiles;
        this.deriver = new BrandDnaDeriver(catalog);
        this.queue = queue;
        this.media = media;
        this.jobs = jobs;
        this.costs = costs;
        this.preflight = preflight;
        this.nodes = new NodeStatusService(campaigns, clock);
        this.packs = packs;
        this.distribution = distribution;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * Derive variants of {@code itemId} (its approved version, or {@code version}) for {@code channels} (empty: every
     * channel of the campaign), with {@code overlayText} set inside each safe zone (none when null).
     */
    public record DeriveCommand(String itemId, Integer version, Set<Channel> channels, String overlayText) {
        public DeriveCommand {
            channels = channels == null ? Set.of() : Set.copyOf(channels);
            if (overlayText != null) {
                overlayText = overlayText.strip();
                if (overlayText.isEmpty()) {
                    overlayText = null;
                } else if (overlayText.codePointCount(0, overlayText.length()) > MAX_OVERLAY_CHARACTERS) {
                    throw ValidationException.of("overlay_text", "must be at most " + MAX_OVERLAY_CHARACTERS
                            + " characters: it is set on one line inside each placement's safe zone");
                }
            }
        }
    }

    /** Switch a channel on or off, approve or withdraw its package; null leaves a switch as it is. */
    public record ChannelCommand(Boolean enabled, Boolean approved) {
    }

    /** The board as the API shows it. */
    public record BoardView(String campaignId, List<ChannelView> channels, VariantBoard.Publication publication,
                            Summary summary) {
    }

    public record Summary(int variants, int ready, int passing, int failed, int making) {
    }

    /** {@code status}: {@code making} while any variant is being made, else {@code ready} or {@code failed}. */
    public record ChannelView(Channel channel, boolean enabled, boolean approved, Instant approvedAt,
                              String sourceItemId, int sourceVersion, String status, List<VariantView> variants) {
    }

    public record VariantView(String placement, int width, int height, String assetLibraryId, String status,
                              String method, String overlayText, boolean passed,
                              List<VariantBoard.VariantCheck> checks, String url, String error) {
    }

    /** A placement of the campaign plan nothing covers yet, with a costed proposal to generate it. */
    public record Suggestion(String assetId, AssetType assetType, Channel channel, String placement, String phase,
                             String title, String reason, Proposal proposal) {
    }

    public record Proposal(String provider, String model, QualityTier tier, BigDecimal costUsd, String brief,
                           String action) {
    }

    /** The suggestions, their total cost and whether the plan and this month's usage can take them all. */
    public record Suggestions(String campaignId, int planned, int covered, List<Suggestion> suggestions,
                              BigDecimal totalCostUsd, boolean withinPlan, String planMessage) {
    }

    /** What a publish did: the nodes that took a variant, what was skipped and why, the pack and the schedule. */
    public record Published(String campaignId, List<PublishedNode> nodes, List<String> skipped,
                            ChannelPackExport pack, DistributionResult schedule) {
    }

    public record PublishedNode(String assetId, Channel channel, String placement, String assetLibraryId) {
    }

    public BoardView derive(String userId, String campaignId, DeriveCommand command) {
        Campaign campaign = requireCampaign(userId, campaignId);
        InventoryItem item = inventory.findItem(userId, campaignId, command.itemId())
                .orElseThrow(() -> ValidationException.of("item_id", "is not an item of the campaign's inventory"));
        if (item.kind() != ItemKind.IMAGE) {
            throw ValidationException.of("item_id", "is a text; variants are derived from images");
        }
        int version = command.version() != null ? command.version() : Optional.ofNullable(item.approvedVersion())
                .orElseThrow(() -> new ConflictException("approve a version of item " + item.itemId()
                        + " as the variants' source first (POST .../inventory/" + item.itemId() + "/approve)"));
        String input = item.storageKey();
        String parent = null;
        if (version != 0) {
            ItemVersion chosen = item.versionNumbered(version).orElseThrow(() -> ValidationException.of("version",
                    "is not a version of the item"));
            AssetRecord record = assets.find(userId, chosen.assetLibraryId()).filter(r -> r.status() == AssetStatus.READY)
                    .orElseThrow(() -> new ConflictException("version " + version + " of the item is not ready"));
            parent = record.assetLibraryId();
            input = null;
        }
        Set<Channel> channels = chosen(campaign, command.channels());
        BrandDna dna = deriver.derive(profiles.find(userId));
        if (command.overlayText() != null) {
            List<String> found = new ForbiddenPhrases(dna.forbiddenPhrases()).foundIn(command.overlayText());
            if (!found.isEmpty()) {
                throw ValidationException.of("overlay_text", "contains the brand's forbidden phrase '" + found.get(0)
                        + "'");
            }
        }
        List<String> palette = dna.visualIdentity() == null || dna.visualIdentity().colorPalette() == null
                ? List.of() : dna.visualIdentity().colorPalette();
        Instant now = clock.instant();
        List<VariantBoard.ChannelVariants> made = new ArrayList<>();
        List<AssetRecord> records = new ArrayList<>();
        for (Channel channel : channels) {
            List<VariantBoard.Variant> variants = new ArrayList<>();
            for (Placement placement : CampaignPlacements.images(catalog, List.of(channel))) {
                String text = AMAZON_MAIN_IMAGE.equals(placement.key()) ? null : command.overlayText();
                Map<String, Object> parameters = new LinkedHashMap<>();
                parameters.put("palette", palette);
                if (text != null) {
                    parameters.put("overlay_text", text);
                }
                InventoryJobs.Spec spec = new InventoryJobs.Spec(InventoryJobs.VARIANT, campaignId, item.itemId(),
                        version, version, input, parent, "derive", parameters, null, List.of(),
                        "Derive the " + placement.canvas().dimensions() + " " + placement.key() + " variant.");
                AssetRecord.Lineage lineage = new AssetRecord.Lineage(campaignId, item.itemId(), null, 0,
                        AssetType.IMAGE, channel, placement.key(), spec.instruction(), "local", "java2d-derive");
                AssetRecord record = AssetRecord.queued(ids.get(), lineage, UsageAmounts.none(),
                        InventoryJobs.details(spec), now);
                if (!assets.createReserved(userId, record, preflight.billingMonth(), preflight.planOf(userId))) {
                    throw new IllegalStateException("a variant without cost could not be recorded");
                }
                records.add(record);
                variants.add(new VariantBoard.Variant(placement.key(), record.assetLibraryId(), null, text, now,
                        List.of()));
            }
            made.add(new VariantBoard.ChannelVariants(channel, true, false, null, item.itemId(), version, variants));
        }
        VariantBoard board = updateBoard(userId, campaignId, current -> {
            VariantBoard next = current;
            for (VariantBoard.ChannelVariants channelVariants : made) {
                boolean enabled = current.channel(channelVariants.channel()).map(VariantBoard.ChannelVariants::enabled)
                        .orElse(true);
                next = next.with(channelVariants.withSwitches(enabled, false, null), now);
            }
            return next;
        });
        records.forEach(record -> queue.send(new JobMessage(userId, record.assetLibraryId(), null, false),
                Duration.ZERO));
        return view(userId, board);
    }

    public BoardView board(String userId, String campaignId) {
        requireCampaign(userId, campaignId);
        return view(userId, inventory.findBoard(userId, campaignId).orElse(VariantBoard.empty(campaignId)));
    }

    /** Switches a channel on or off and approves (or withdraws) its package. */
    public BoardView channel(String userId, String campaignId, Channel channel, ChannelCommand command) {
        requireCampaign(userId, campaignId);
        VariantBoard board = updateBoard(userId, campaignId, current -> {
            VariantBoard.ChannelVariants existing = current.channel(channel).orElseThrow(() -> new NotFoundException(
                    "the campaign has no " + channel.code() + " variants; derive them first"));
            boolean enabled = command.enabled() == null ? existing.enabled() : command.enabled();
            boolean approved = command.approved() == null ? existing.approved() && enabled : command.approved();
            if (approved && !enabled) {
                throw new ConflictException(channel.code() + " is switched off; switch it on to approve its package");
            }
            if (approved && !existing.approved()) {
                requireMade(userId, existing);
            }
            return current.with(existing.withSwitches(enabled, approved, clock.instant()), clock.instant());
        });
        return view(userId, board);
    }

    private void requireMade(String userId, VariantBoard.ChannelVariants channel) {
        Map<String, AssetRecord> records = records(userId, List.of(channel));
        List<String> problems = new ArrayList<>();
        for (VariantBoard.Variant variant : channel.variants()) {
            AssetRecord record = records.get(variant.assetLibraryId());
            if (record == null || record.isOpen()) {
                problems.add(variant.placement() + " is still being made");
            } else if (record.status() != AssetStatus.READY) {
                problems.add(variant.placement() + " failed (" + record.error() + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new ConflictException("the " + channel.channel().code() + " package cannot be approved yet: "
                    + String.join("; ", problems));
        }
    }

    /**
     * The placements of the campaign plan that no imported item (usable there as it is) and no derived variant (made,
     * passing its checks, on a channel that is switched on) covers, and no generation made, each with its cost.
     */
    public Suggestions suggestions(String userId, String campaignId) {
        Campaign campaign = requireCampaign(userId, campaignId);
        List<InventoryItem> items = inventory.items(userId, campaignId);
        VariantBoard board = inventory.findBoard(userId, campaignId).orElse(VariantBoard.empty(campaignId));
        Set<String> covered = new HashSet<>();
        for (InventoryItem item : items) {
            if (item.status() != ItemStatus.USABLE || item.audit() == null) {
                continue;
            }
            item.audit().placements().stream().filter(fit -> fit.verdict() == AuditStatus.USABLE)
                    .forEach(fit -> covered.add(fit.placement()));
            if (item.audit().text() != null) {
                covered.addAll(item.audit().text().fitsPlacements());
            }
        }
        Map<String, AssetRecord> records = records(userId, board.channels());
        for (VariantBoard.ChannelVariants channel : board.channels()) {
            if (!channel.enabled()) {
                continue;
            }
            for (VariantBoard.Variant variant : channel.variants()) {
                AssetRecord record = records.get(variant.assetLibraryId());
                if (record != null && record.status() == AssetStatus.READY && variant.passes()) {
                    covered.add(variant.placement());
                }
            }
        }
        List<AssetNode> uncovered = new ArrayList<>();
        int coveredNodes = 0;
        for (AssetNode node : campaign.assetNodes()) {
            if (NodeLifecycle.generated(node.status()) || covered.contains(node.placement())) {
                coveredNodes++;
            } else {
                uncovered.add(node);
            }
        }
        Quote quote = uncovered.isEmpty() ? null : preflight.quote(userId, uncovered, QualityTier.DEFAULT);
        Map<String, CostLine> lines = new HashMap<>();
        if (quote != null) {
            quote.lines().forEach(line -> lines.put(line.assetId(), line));
        }
        List<Suggestion> suggestions = new ArrayList<>();
        for (AssetNode node : uncovered) {
            CostLine line = lines.getOrDefault(node.assetId(), costs.estimate(node, QualityTier.DEFAULT));
            Placement placement = catalog.placement(node.placement()).orElse(null);
            suggestions.add(new Suggestion(node.assetId(), node.assetType(), node.channel(), node.placement(),
                    node.phase(), node.title(), reason(node, items), new Proposal(line.provider(), line.model(),
                    line.tier(), line.costUsd(), brief(node, placement), "POST /campaigns/" + campaignId
                    + "/generate-proposals")));
        }
        BigDecimal total = quote != null ? quote.estimatedCostUsd()
                : suggestions.stream().map(s -> s.proposal().costUsd()).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Suggestions(campaignId, campaign.assetNodes().size(), coveredNodes, suggestions, total,
                quote == null || quote.canProceed(), quote == null ? "nothing left to generate" : quote.message());
    }

    private static String reason(AssetNode node, List<InventoryItem> items) {
        return switch (node.assetType()) {
            case IMAGE -> "no imported image is usable at " + node.placement() + " as it is, and no passing variant"
                    + " was derived for it";
            case TEXT -> items.stream().anyMatch(i -> i.kind() == ItemKind.TEXT)
                    ? "no imported text is on brand and fits " + node.placement()
                    : "no text was imported for " + node.placement();
            default -> "imports bring images and texts only; a " + node.assetType().code() + " has to be made";
        };
    }

    private static String brief(AssetNode node, Placement placement) {
        String size = placement != null && placement.canvas() != null ? placement.canvas().dimensions() + " " : "";
        return "Generate the " + size + node.assetType().code() + " for " + node.placement() + ": \"" + node.title()
                + "\" (" + node.phase() + " phase)";
    }

    /**
     * One click: the made, passing variants of every approved channel that is switched on go into the campaign's
     * nodes of their placement (approved for publish), its channel pack and its distribution schedule.
     */
    public Published publish(String userId, String campaignId, ZoneId zone, String shareBaseUrl) {
        Campaign campaign = requireCampaign(userId, campaignId);
        VariantBoard board = inventory.findBoard(userId, campaignId).orElse(VariantBoard.empty(campaignId));
        List<VariantBoard.ChannelVariants> approved = board.channels().stream()
                .filter(c -> c.enabled() && c.approved()).toList();
        if (approved.isEmpty()) {
            throw new ConflictException("no channel package is approved (and switched on); approve one first");
        }
        Map<String, AssetRecord> records = records(userId, approved);
        Map<String, String> variantByPlacement = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        for (VariantBoard.ChannelVariants channel : approved) {
            for (VariantBoard.Variant variant : channel.variants()) {
                AssetRecord record = records.get(variant.assetLibraryId());
                if (record == null || record.status() != AssetStatus.READY) {
                    skipped.add(variant.placement() + ": the variant was not made");
                } else if (!variant.passes()) {
                    skipped.add(variant.placement() + ": fails its placement checks");
                } else {
                    variantByPlacement.put(variant.placement(), variant.assetLibraryId());
                }
            }
        }
        Map<String, String> chosen = new LinkedHashMap<>();
        List<PublishedNode> published = new ArrayList<>();
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (AssetNode node : campaign.assetNodes()) {
            String variant = node.assetType() == AssetType.IMAGE ? variantByPlacement.get(node.placement()) : null;
            if (variant == null) {
                continue;
            }
            if (!NodeLifecycle.adoptable(node.status())) {
                skipped.add(node.assetId() + " (" + node.placement() + "): the node is " + node.status().code());
                continue;
            }
            chosen.put(node.assetId(), variant);
            channels.add(node.channel());
            published.add(new PublishedNode(node.assetId(), node.channel(), node.placement(), variant));
        }
        if (chosen.isEmpty()) {
            throw new ConflictException("no approved variant matches an image node of the campaign plan that can take it"
                    + (skipped.isEmpty() ? "" : " (" + String.join("; ", skipped) + ")"));
        }
        Instant now = clock.instant();
        updateBoard(userId, campaignId, current -> {
            Map<String, String> nodesMap = new LinkedHashMap<>(current.publication() == null ? Map.of()
                    : current.publication().nodes());
            nodesMap.putAll(chosen);
            return current.published(new VariantBoard.Publication(now, nodesMap, null, null), now);
        });
        nodes.adopt(userId, campaignId, new LinkedHashSet<>(chosen.keySet()));
        ChannelPackExport pack = packs.exportChannels(userId, campaignId, channels);
        DistributionResult schedule = distribution.build(userId, campaignId, new BuildSchedule(channels, zone),
                shareBaseUrl);
        updateBoard(userId, campaignId, current -> current.published(new VariantBoard.Publication(now,
                current.publication().nodes(), pack.packId(), schedule.version()), clock.instant()));
        return new Published(campaignId, published, skipped, pack, schedule);
    }

    private BoardView view(String userId, VariantBoard board) {
        Map<String, AssetRecord> records = records(userId, board.channels());
        List<ChannelView> channels = new ArrayList<>();
        int ready = 0;
        int passing = 0;
        int failed = 0;
        int making = 0;
        int total = 0;
        VariantBoard current = board;
        for (VariantBoard.ChannelVariants channel : board.channels()) {
            List<VariantView> variants = new ArrayList<>();
            boolean open = false;
            boolean anyFailed = false;
            for (VariantBoard.Variant stored : channel.variants()) {
                total++;
                AssetRecord record = records.get(stored.assetLibraryId());
                VariantBoard.Variant variant = stored;
                if (record != null && !record.isOpen() && !stored.checked()) {
                    jobs.recordChecks(userId, board.campaignId(), record);
                    current = inventory.findBoard(userId, board.campaignId()).orElse(current);
                    variant = current.channels().stream().flatMap(c -> c.variants().stream())
                            .filter(v -> v.assetLibraryId().equals(stored.assetLibraryId())).findFirst().orElse(stored);
                }
                String status = record == null ? "missing" : record.status().code();
                boolean isReady = record != null && record.status() == AssetStatus.READY;
                open |= record != null && record.isOpen();
                anyFailed |= record == null || (!record.isOpen() && !isReady);
                ready += isReady ? 1 : 0;
                passing += isReady && variant.passes() ? 1 : 0;
                failed += record != null && !record.isOpen() && !isReady ? 1 : 0;
                making += record != null && record.isOpen() ? 1 : 0;
                Placement placement = catalog.placement(variant.placement()).orElse(null);
                String url = isReady && record.storageKey() != null
                        ? media.presignDownload(record.storageKey(), URL_TTL).url() : null;
                variants.add(new VariantView(variant.placement(), placement == null ? 0 : placement.canvas().width(),
                        placement == null ? 0 : placement.canvas().height(), variant.assetLibraryId(), status,
                        variant.method(), variant.overlayText(), isReady && variant.passes(), variant.checks(), url,
                        record == null ? "the asset library record was deleted" : record.error()));
            }
            channels.add(new ChannelView(channel.channel(), channel.enabled(), channel.approved(),
                    channel.approvedAt(), channel.sourceItemId(), channel.sourceVersion(),
                    open ? "making" : anyFailed ? "failed" : "ready", variants));
        }
        return new BoardView(board.campaignId(), channels, current.publication(),
                new Summary(total, ready, passing, failed, making));
    }

    private Map<String, AssetRecord> records(String userId, List<VariantBoard.ChannelVariants> channels) {
        List<String> libraryIds = channels.stream().flatMap(c -> c.variants().stream())
                .map(VariantBoard.Variant::assetLibraryId).toList();
        Map<String, AssetRecord> records = new HashMap<>();
        assets.findAll(userId, libraryIds).forEach(record -> records.put(record.assetLibraryId(), record));
        return records;
    }

    private Set<Channel> chosen(Campaign campaign, Set<Channel> requested) {
        if (requested.isEmpty()) {
            return new LinkedHashSet<>(campaign.channels());
        }
        for (Channel channel : requested) {
            if (!campaign.channels().contains(channel)) {
                throw ValidationException.of("channels", channel.code() + " is not a channel of the campaign (its"
                        + " channels: " + String.join(", ", campaign.channels().stream().map(Channel::code).toList())
                        + ")");
            }
        }
        Set<Channel> ordered = new LinkedHashSet<>();
        campaign.channels().stream().filter(requested::contains).forEach(ordered::add);
        return ordered;
    }

    private VariantBoard updateBoard(String userId, String campaignId,
                                     UnaryOperator<VariantBoard> change) {
        for (int attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
            VariantBoard current = inventory.findBoard(userId, campaignId).orElse(VariantBoard.empty(campaignId));
            VariantBoard next = change.apply(current);
            if (inventory.saveBoard(userId, next, current.version())) {
                return next;
            }
        }
        throw new VersionConflictException("the campaign's variants kept changing; try again");
    }

    private Campaign requireCampaign(String userId, String campaignId) {
        if (campaignId == null || campaignId.isBlank()) {
            throw new NotFoundException("campaign " + campaignId + " not found");
        }
        return campaigns.find(userId, campaignId)
                .orElseThrow(() -> new NotFoundException("campaign " + campaignId + " not found"));
    }
}
