package dev.pms.core.generation;

import dev.pms.core.asset.AssetLibraryService;
import dev.pms.core.asset.AssetRecord;
import dev.pms.core.asset.AssetRepository;
import dev.pms.core.asset.AssetStatus;
import dev.pms.core.asset.AssetView;
import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignRepository;
import dev.pms.core.campaign.NodeStatus;
import dev.pms.core.campaign.NodeStatusService;
import dev.pms.core.channel.AssetType;
import dev.pms.core.error.ConflictException;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.pricing.CostEstimator;
import dev.pms.core.pricing.CostLine;
import dev.pms.core.pricing.PreflightService;
import dev.pms.core.proposal.Proposal;
import dev.pms.core.proposal.ProposalService;
import dev.pms.core.usage.UsageAmounts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Contract #4, {@code POST /assets/generate}: the proposal is looked up by (caller, campaign, asset id), and clicking
 * Generate is its approval — a changed {@code proposed_prompt} becomes the user's edit (a new, guarded, re-quoted
 * version) and a provider/model is taken only when the catalogue and plan allow it. The asset is reserved against
 * the plan first; copy is made while the request waits, anything slower goes through the provider jobs queue and
 * the answer says where to poll.
 */
public final class SingleAssetService {
    private final CampaignRepository campaigns;
    private final ProposalService approvals;
    private final CostEstimator costs;
    private final PreflightService preflight;
    private final AssetRepository assets;
    private final AssetLibraryService library;
    private final NodeProgress nodes;
    private final ProviderJobWorker worker;
    private final JobQueue queue;
    private final GenerationRequests requests;
    private final StatusLinks links;
    private final Clock clock;
    private final Supplier<String> ids;

    public SingleAssetService(CampaignRepository campaigns, ProposalService approvals, CostEstimator costs,
                              PreflightService preflight, AssetRepository assets, AssetLibraryService library,
                              NodeStatusService nodeStatuses, ProviderJobWorker worker, JobQueue queue,
                              GenerationRequests requests, StatusLinks links, Clock clock, Supplier<String> ids) {
        this.campaigns = campaigns;
        this.approvals = approvals;
        this.costs = costs;
        this.preflight = preflight;
        this.assets = assets;
        this.library = library;
        this.nodes = new NodeProgress(nodeStatuses);
        this.worker = worker;
        this.queue = queue;
        this.requests = requests;
        this.links = links;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * The contract's answer; {@code status} and {@code pollUrl} say whether the asset is made yet,
     * {@code proposalVersion} which version was generated, {@code promptEdited} whether the client's prompt was
     * stored as the user's edit, and {@code modelNote} why a requested model was not used.
     */
    public record Generated(boolean success, AssetType assetType, String assetId, String content, String url,
                            String assetLibraryId, String provider, String model, BigDecimal cost, String channel,
                            String status, String pollUrl, String error, long proposalVersion, boolean promptEdited,
                            String modelNote) {
    }

    /** Whether the answer is final (200) or the job was queued (202). */
    public record Answer(boolean queued, Generated body) {
    }

    public Answer generate(String userId, GenerateAsset target) {
        Campaign campaign = campaigns.require(userId, target.campaignId());
        AssetNode node = campaign.assetNodes().stream().filter(n -> n.assetId().equals(target.assetId())).findFirst()
                .orElseThrow(() -> new NotFoundException("asset " + target.assetId() + " is not a node of campaign "
                        + target.campaignId()));
        ProposalService.GenerationApproval approval = approvals.approveForGeneration(userId, campaign.campaignId(),
                node.assetId(), target.proposedPrompt(), target.requestedModel());
        Proposal proposal = approval.proposal();
        CostLine line = costs.estimateOnModel(node, proposal.tier(), proposal.recommendedProvider(),
                proposal.recommendedModel());
        preflight.check(userId, List.of(line));
        Instant now = clock.instant();
        AssetRecord queued = AssetRecord.queued(ids.get(), GenerationRequests.lineageOf(campaign, node, null, proposal),
                new UsageAmounts(Map.of(line.usageKind(), 1), line.costUsd()),
                GenerationRequests.inputsOf(proposal, requests.brandInputs(userId)), now);
        if (!assets.createReserved(userId, queued, preflight.billingMonth(), preflight.planOf(userId))) {
            preflight.check(userId, List.of(line));
            throw new ConflictException("another request reserved part of this month's budget at the same time; "
                    + "quote again and retry");
        }
        nodes.move(userId, campaign.campaignId(), Map.of(node.assetId(), NodeStatus.GENERATING));
        JobMessage message = new JobMessage(userId, queued.assetLibraryId(), null, false);
        if (node.assetType() == AssetType.TEXT) {
            worker.process(message);
            AssetView made = library.get(userId, queued.assetLibraryId());
            return new Answer(false, answer(made, made.status() == AssetStatus.READY ? null : made.error(), approval));
        }
        queue.send(message, Duration.ZERO);
        return new Answer(true, answer(AssetView.of(queued, null, null), null, approval));
    }

    private Generated answer(AssetView asset, String error, ProposalService.GenerationApproval approval) {
        boolean ok = asset.status() != AssetStatus.FAILED && asset.status() != AssetStatus.STOPPED;
        return new Generated(ok, asset.assetType(), asset.assetId(), asset.content(), asset.url(),
                asset.assetLibraryId(), asset.lineage().provider(), asset.lineage().model(),
                asset.costUsd(), asset.channel().code(), asset.status().code(),
                asset.status().isOpen() ? links.asset(asset.assetLibraryId()) : null, error,
                approval.proposal().version(), approval.edited(), approval.modelNote());
    }
}
