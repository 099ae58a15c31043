package dev.pms.core.support;

import dev.pms.core.board.AssetPreviews;
import dev.pms.core.board.BoardService;
import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignService;
import dev.pms.core.campaign.CreateCampaign;
import dev.pms.core.campaign.Goal;
import dev.pms.core.campaign.NodeStatus;
import dev.pms.core.campaign.NodeStatusService;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.distribution.DistributionService;
import dev.pms.core.distribution.PostingRules;
import dev.pms.core.distribution.PublishableAsset;
import dev.pms.core.distribution.PublishableAssets;
import dev.pms.core.media.MediaShareTokens;
import dev.pms.core.media.MediaShares;
import dev.pms.core.performance.InsightEngine;
import dev.pms.core.performance.PerformanceService;
import dev.pms.core.pricing.ApprovalBudget;
import dev.pms.core.pricing.CostEstimator;
import dev.pms.core.pricing.PriceTable;
import dev.pms.core.proposal.GenerateProposals;
import dev.pms.core.proposal.ProposalService;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** The approval board, distribution and performance services over in-memory stores, with a launch campaign. */
public final class CampaignOpsFixture {
    public static final ChannelCatalog CHANNELS = ChannelCatalog.load();
    public static final CostEstimator COSTS = new CostEstimator(PriceTable.load(), CHANNELS);
    public static final String SHARE_BASE = "https://api.test/api/product-marketing/media";
    private static final ApprovalBudget NO_LIMITS = (user, lines) -> { };
    private static final String SHARE_SECRET = "a test secret that is at least thirty-two bytes long";

    public final Clock clock;
    public final InMemoryCampaignRepository campaigns = new InMemoryCampaignRepository();
    public final InMemoryProposalRepository proposals = new InMemoryProposalRepository();
    public final InMemoryBrandProfileRepository profiles;
    public final InMemoryCampaignOps ops = new InMemoryCampaignOps();
    public final InMemoryMediaStore media;
    public final AssetPreviews previews = (user, campaign, asset) -> Optional.of("https://media.test/preview/" + asset);
    public final AtomicInteger ids = new AtomicInteger();
    public final CampaignService campaignService;
    public final ProposalService proposalService;
    public final NodeStatusService nodeStatuses;
    public final BoardService board;
    /** What generation made for each node: copy for text nodes, a stored file for the others. */
    public final Map<String, PublishableAsset> made = new ConcurrentHashMap<>();
    public final MediaShares shares;
    public final DistributionService distribution;
    public final PerformanceService performance;

    public CampaignOpsFixture(Clock clock) {
        this.clock = clock;
        this.profiles = new InMemoryBrandProfileRepository(clock);
        this.media = new InMemoryMediaStore(clock);
        this.campaignService = new CampaignService(campaigns, profiles, CHANNELS, clock, () -> "id-" + ids.incrementAndGet());
        this.proposalService = new ProposalService(proposals, campaigns, profiles, CHANNELS, COSTS, NO_LIMITS, clock);
        this.nodeStatuses = new NodeStatusService(campaigns, clock);
        this.board = new BoardService(campaigns, proposals, proposalService, ops, ops, previews, COSTS,
                PostingRules.load(), clock);
        this.shares = new MediaShares(new MediaShareTokens(() -> SHARE_SECRET.getBytes(StandardCharsets.UTF_8)), media);
        PublishableAssets publishable = (user, campaign, assetIds) -> made.entrySet().stream()
                .filter(entry -> assetIds.contains(entry.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        this.distribution = new DistributionService(campaigns, ops, media, publishable, shares, PostingRules.load(),
                clock);
        this.performance = new PerformanceService(campaigns, proposals, ops, new InsightEngine(), clock);
    }

    /** A proposed launch campaign on LinkedIn and Instagram. */
    public Campaign proposedCampaign(String user, String name) {
        Campaign campaign = campaignService.createBlueprint(user, new CreateCampaign(name, Goal.PRODUCT_LAUNCH, null,
                List.of(Channel.LINKEDIN, Channel.INSTAGRAM), Map.of("product_name", "Aurora", "product_description",
                "A desk lamp"), null, LocalDate.of(2026, 12, 10)));
        proposalService.generate(user, campaign.campaignId(), GenerateProposals.defaults());
        return campaigns.find(user, campaign.campaignId()).orElseThrow();
    }

    /** What the generation worker does: approved → generating → ready, for every node, storing what it made. */
    public Campaign generateAll(String user, String campaignId) {
        proposalService.approveAll(user, campaignId);
        for (AssetNode node : nodes(user, campaignId)) {
            if (node.assetType() == AssetType.TEXT) {
                made.put(node.assetId(), new PublishableAsset(node.assetId(), "Copy of " + node.assetId() + ", ready.", null));
            } else {
                String key = "media/" + user + "/" + campaignId + "/" + node.assetId();
                media.put(key, node.assetId().getBytes(StandardCharsets.UTF_8), "application/octet-stream");
                made.put(node.assetId(), new PublishableAsset(node.assetId(), null, key));
            }
        }
        nodeStatuses.move(user, campaignId, every(user, campaignId, NodeStatus.GENERATING));
        return nodeStatuses.move(user, campaignId, every(user, campaignId, NodeStatus.READY));
    }

    public Map<String, NodeStatus> every(String user, String campaignId, NodeStatus status) {
        Map<String, NodeStatus> targets = new LinkedHashMap<>();
        campaigns.find(user, campaignId).orElseThrow().assetNodes().forEach(n -> targets.put(n.assetId(), status));
        return targets;
    }

    public AssetNode node(String user, String campaignId, String assetId) {
        return campaigns.find(user, campaignId).orElseThrow().assetNodes().stream()
                .filter(n -> n.assetId().equals(assetId)).findFirst().orElseThrow();
    }

    public List<AssetNode> nodes(String user, String campaignId) {
        return campaigns.find(user, campaignId).orElseThrow().assetNodes();
    }
}
