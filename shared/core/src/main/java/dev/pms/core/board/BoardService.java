package dev.pms.core.board;

import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignRepository;
import dev.pms.core.campaign.NodeLifecycle;
import dev.pms.core.campaign.NodeStatus;
import dev.pms.core.campaign.NodeStatusService;
import dev.pms.core.distribution.DistributionPlanner;
import dev.pms.core.distribution.PostingRules;
import dev.pms.core.distribution.Schedule;
import dev.pms.core.distribution.ScheduleRepository;
import dev.pms.core.distribution.ScheduledPost;
import dev.pms.core.error.IllegalTransitionException;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.VersionConflictException;
import dev.pms.core.pricing.CostEstimator;
import dev.pms.core.pricing.QualityTier;
import dev.pms.core.proposal.Proposal;
import dev.pms.core.proposal.ProposalRepository;
import dev.pms.core.proposal.ProposalChange;
import dev.pms.core.proposal.ProposalService;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The approval board: a campaign's nodes as cards in status columns, and moves of a card. A move is one transition of
 * {@link NodeLifecycle} (anything else is a 409): approve (proposed → approved through the proposal, or in review →
 * approved for publish), push back (to proposed, with a new proposal version whose prompt carries the comment), reject.
 * Every move is recorded.
 */
public final class BoardService {
    static final int MOVES_SHOWN = 50;
    static final String DEFAULT_REJECT_REASON = "rejected on the approval board";
    private static final Map<NodeStatus, String> COLUMNS = columns();

    private final CampaignRepository campaigns;
    private final ProposalRepository proposals;
    private final ProposalService proposalService;
    private final BoardMoveRepository moves;
    private final ScheduleRepository schedules;
    private final AssetPreviews previews;
    private final CostEstimator costs;
    private final DistributionPlanner planner;
    private final NodeStatusService nodeStatuses;
    private final Clock clock;

    public BoardService(CampaignRepository campaigns, ProposalRepository proposals, ProposalService proposalService,
                        BoardMoveRepository moves, ScheduleRepository schedules, AssetPreviews previews,
                        CostEstimator costs, PostingRules rules, Clock clock) {
        this.campaigns = Objects.requireNonNull(campaigns, "campaigns");
        this.proposals = Objects.requireNonNull(proposals, "proposals");
        this.proposalService = Objects.requireNonNull(proposalService, "proposalService");
        this.moves = Objects.requireNonNull(moves, "moves");
        this.schedules = Objects.requireNonNull(schedules, "schedules");
        this.previews = Objects.requireNonNull(previews, "previews");
        this.costs = Objects.requireNonNull(costs, "costs");
        this.planner = new DistributionPlanner(rules);
        this.nodeStatuses = new NodeStatusService(campaigns, clock);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private static Map<NodeStatus, String> columns() {
        Map<NodeStatus, String> columns = new LinkedHashMap<>();
        columns.put(NodeStatus.PLANNED, "Planned");
        columns.put(NodeStatus.PROPOSED, "Proposed");
        columns.put(NodeStatus.APPROVED, "Approved");
        columns.put(NodeStatus.GENERATING, "Generating");
        columns.put(NodeStatus.READY, "In review");
        columns.put(NodeStatus.APPROVED_FOR_PUBLISH, "Approved for publish");
        columns.put(NodeStatus.SCHEDULED, "Scheduled");
        columns.put(NodeStatus.PUBLISHED, "Published");
        columns.put(NodeStatus.REJECTED, "Rejected");
        columns.put(NodeStatus.FAILED, "Failed");
        if (columns.size() != NodeStatus.values().length) {
            throw new IllegalStateException("the board has no column for some node statuses: " + columns.keySet());
        }
        return columns;
    }

    /** @throws NotFoundException when the caller has no such campaign */
    public Board board(String userId, String campaignId) {
        Campaign campaign = find(userId, campaignId);
        Map<String, BoardCard> cards = cards(userId, campaign, campaign.assetNodes());
        Map<NodeStatus, List<BoardCard>> byStatus = new LinkedHashMap<>();
        COLUMNS.keySet().forEach(status -> byStatus.put(status, new ArrayList<>()));
        cards.values().forEach(card -> byStatus.get(card.status()).add(card));
        List<BoardColumn> columns = new ArrayList<>();
        byStatus.forEach((status, list) -> columns.add(new BoardColumn(status, COLUMNS.get(status), list)));
        return new Board(campaignId, columns, moves.recent(userId, campaignId, MOVES_SHOWN));
    }

    /**
     * Moves a card: approve (a proposal, or an asset in review for publish), push back with a comment (a new
     * proposal version with that guidance) or reject.
     *
     * @return the moved card
     * @throws NotFoundException when the caller has no such campaign or node
     * @throws VersionConflictException when the command's version is not the card's current version
     * @throws IllegalTransitionException when the card's status does not allow the action
     */
    public BoardCard move(String userId, String campaignId, String assetId, MoveCard command) {
        Campaign campaign = find(userId, campaignId);
        AssetNode node = campaign.assetNodes().stream().filter(n -> n.assetId().equals(assetId)).findFirst()
                .orElseThrow(() -> new NotFoundException("asset " + assetId + " is not a node of campaign " + campaignId));
        MoveCard.Action action = command.action();
        String comment = command.comment();
        Proposal current = proposals.current(userId, campaignId, assetId).orElse(null);
        long currentVersion = current == null ? 0 : current.version();
        if (command.version() != currentVersion) {
            throw new VersionConflictException("card " + assetId + " is at version " + currentVersion + ", not "
                    + command.version() + "; reload the board");
        }
        NodeStatus from = node.status();
        NodeStatus to = switch (action) {
            case APPROVE -> from == NodeStatus.PROPOSED ? NodeStatus.APPROVED : NodeStatus.APPROVED_FOR_PUBLISH;
            case REJECT -> NodeStatus.REJECTED;
            case PUSH_BACK -> NodeStatus.PROPOSED;
        };
        if (action == MoveCard.Action.APPROVE && from != NodeStatus.PROPOSED && from != NodeStatus.READY) {
            throw new IllegalTransitionException("asset " + assetId + " cannot be approved from " + from.code()
                    + " (approve applies to proposed and in-review cards)");
        }
        NodeLifecycle.check(assetId, from, to);
        boolean throughProposal = current != null
                && (action != MoveCard.Action.APPROVE || from == NodeStatus.PROPOSED);
        if (action == MoveCard.Action.PUSH_BACK) {
            proposalService.pushBack(userId, campaignId, assetId, comment, currentVersion);
        } else if (throughProposal) {
            proposalService.patch(userId, campaignId, assetId, action == MoveCard.Action.REJECT
                    ? new ProposalChange(ProposalChange.Action.REJECT, currentVersion, null, Map.of(), null,
                            comment == null ? DEFAULT_REJECT_REASON : comment, null)
                    : new ProposalChange(ProposalChange.Action.APPROVE, currentVersion, null, Map.of(), null, null,
                            null));
        } else {
            nodeStatuses.move(userId, campaignId, Map.of(assetId, to));
        }
        moves.record(userId, campaignId, new BoardMove(assetId, action.code(), from, to, userId, clock.instant(),
                comment));
        Campaign moved = find(userId, campaignId);
        AssetNode movedNode = moved.assetNodes().stream().filter(n -> n.assetId().equals(assetId)).findFirst()
                .orElseThrow(() -> new NotFoundException("asset " + assetId + " is no longer a node of campaign " + campaignId));
        return cards(userId, moved, List.of(movedNode)).get(assetId);
    }

    private Map<String, BoardCard> cards(String userId, Campaign campaign, List<AssetNode> nodes) {
        Map<String, Proposal> current = new HashMap<>();
        proposals.currentFor(userId, campaign.campaignId()).forEach(p -> current.put(p.assetId(), p));
        Map<String, ScheduledPost> scheduled = new HashMap<>();
        schedules.latest(userId, campaign.campaignId()).map(Schedule::schedule)
                .ifPresent(posts -> posts.forEach(post -> scheduled.put(post.assetId(), post)));
        Map<String, OffsetDateTime> recommended = new HashMap<>();
        planner.plan(campaign, campaign.assetNodes(), Map.of(), LocalDate.now(clock.withZone(ZoneOffset.UTC)), ZoneOffset.UTC)
                .posts().forEach(post -> recommended.put(post.assetId(), post.publishAt()));
        List<String> withAssets = nodes.stream().filter(n -> NodeLifecycle.generated(n.status()))
                .map(AssetNode::assetId).toList();
        Map<String, String> urls = withAssets.isEmpty() ? Map.of()
                : previews.previewUrls(userId, campaign.campaignId(), withAssets);
        Map<String, Double> brandScores = withAssets.isEmpty() ? Map.of()
                : previews.brandConsistency(userId, campaign.campaignId(), withAssets);
        Map<String, BoardCard> cards = new LinkedHashMap<>();
        for (AssetNode node : nodes) {
            Proposal proposal = current.get(node.assetId());
            ScheduledPost post = scheduled.get(node.assetId());
            cards.put(node.assetId(), new BoardCard(node.assetId(), node.assetType(), node.channel(), node.placement(),
                    node.title(), node.status(), urls.get(node.assetId()),
                    proposal != null ? proposal.costEstimate() : costs.estimate(node, QualityTier.DEFAULT).costUsd(),
                    node.dueDate(), post != null ? post.publishAt() : recommended.get(node.assetId()), post != null,
                    proposal == null ? 0 : proposal.version(), brandScores.get(node.assetId())));
        }
        return cards;
    }

    private Campaign find(String userId, String campaignId) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("the caller's user id is required");
        }
        return campaigns.require(userId, campaignId);
    }
}
