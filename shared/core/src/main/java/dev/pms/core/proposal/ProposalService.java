package dev.pms.core.proposal;

import dev.pms.core.brand.BrandDna;
import dev.pms.core.brand.BrandDnaDeriver;
import dev.pms.core.brand.BrandProfile;
import dev.pms.core.brand.BrandProfileRepository;
import dev.pms.core.brand.StoredBrandProfile;
import dev.pms.core.campaign.AssetNode;
import dev.pms.core.common.Ids;
import dev.pms.core.common.Page;
import dev.pms.core.common.PageSizes;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignRepository;
import dev.pms.core.campaign.NodeLifecycle;
import dev.pms.core.campaign.NodeStatus;
import dev.pms.core.campaign.NodeStatusService;
import dev.pms.core.campaign.Phase;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.channel.Placement;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.ValidationException;
import dev.pms.core.error.VersionConflictException;
import dev.pms.core.pricing.ApprovalBudget;
import dev.pms.core.pricing.CostEstimator;
import dev.pms.core.pricing.CostLine;
import dev.pms.core.pricing.ModelChoice;
import dev.pms.core.pricing.ModelSelector;
import dev.pms.core.pricing.PlanTier;
import dev.pms.core.pricing.QualityTier;
import dev.pms.core.personalization.LearnedPromptPreferences;
import dev.pms.core.personalization.PreferenceSignals;
import dev.pms.core.personalization.PromptEdit;
import dev.pms.core.personalization.PromptPersonalization;
import dev.pms.core.personalization.Signal;
import dev.pms.core.prompt.BuiltPrompt;
import dev.pms.core.prompt.ForbiddenPhrases;
import dev.pms.core.prompt.PromptBuilder;
import dev.pms.core.prompt.PromptCatalog;
import dev.pms.core.prompt.PromptInputs;
import dev.pms.core.prompt.PromptSlot;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Application service behind the proposal routes. Every change appends a new proposal version (nothing is ever
 * deleted or rewritten) and then moves the node through {@link NodeLifecycle} on the campaign
 * ({@link NodeStatusService}, which re-reads and retries on a version conflict). The proposal write comes first and is
 * the one that decides a race (a stale {@code version} is a conflict); a node status that a concurrent writer has
 * already moved on is left as that writer set it.
 */
public final class ProposalService {
    /** Node statuses from which clicking Generate approves (a failed node is retried, a rejected one re-proposed). */
    private static final Set<NodeStatus> APPROVABLE_BY_GENERATE = EnumSet.of(NodeStatus.PROPOSED, NodeStatus.APPROVED,
            NodeStatus.FAILED, NodeStatus.REJECTED);

    private final ProposalRepository proposals;
    private final CampaignRepository campaigns;
    private final NodeStatusService nodeStatuses;
    private final BrandProfileRepository profiles;
    private final ChannelCatalog channels;
    private final BrandDnaDeriver deriver;
    private final PromptBuilder builder;
    private final CostEstimator costs;
    private final ApprovalBudget budget;
    private final ModelSelector selector;
    private final Clock clock;
    private final PreferenceSignals signals;
    private final LearnedPromptPreferences learned;

    public ProposalService(ProposalRepository proposals, CampaignRepository campaigns, BrandProfileRepository profiles,
                           ChannelCatalog channels, CostEstimator costs, ApprovalBudget budget, Clock clock) {
        this(proposals, campaigns, profiles, channels, costs, budget, clock, PreferenceSignals.NONE,
                LearnedPromptPreferences.NONE);
    }

    /**
     * @param signals where edits, approvals, rejections, angle requests and push-backs are reported
     * @param learned the user's learned preferences every new prompt uses (hashtags, phrases, angles)
     */
    public ProposalService(ProposalRepository proposals, CampaignRepository campaigns, BrandProfileRepository profiles,
                           ChannelCatalog channels, CostEstimator costs, ApprovalBudget budget, Clock clock,
                           PreferenceSignals signals, LearnedPromptPreferences learned) {
        this.signals = Objects.requireNonNull(signals, "signals");
        this.learned = Objects.requireNonNull(learned, "learned");
        this.proposals = Objects.requireNonNull(proposals, "proposals");
        this.campaigns = Objects.requireNonNull(campaigns, "campaigns");
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.channels = Objects.requireNonNull(channels, "channels");
        this.deriver = new BrandDnaDeriver(channels);
        this.builder = new PromptBuilder(PromptCatalog.load());
        this.costs = Objects.requireNonNull(costs, "costs");
        this.selector = new ModelSelector(costs.prices());
        this.budget = Objects.requireNonNull(budget, "budget");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nodeStatuses = new NodeStatusService(campaigns, clock);
    }

    /**
     * Contract #3: proposes every node of the campaign and stores the proposals before returning. A node whose current
     * proposal is approved (or that is already past approval) keeps it; every other node gets a new version. The
     * body may carry {@code tier} and {@code product_context}, whose keys are merged over the campaign's (and stored
     * on the campaign, so later edits build from the same facts).
     *
     * @throws NotFoundException when the caller has no such campaign
     * @throws VersionConflictException when a concurrent change appended a proposal version first
     */
    public ProposalSet generate(String userId, String campaignId, GenerateProposals request) {
        return generate(userId, campaignId, request, false);
    }

    /**
     * Proposes only the nodes that have no proposal yet (the generation workflow's proposal step), leaving every
     * existing proposal, edited or not, as it is.
     */
    public ProposalSet proposeMissing(String userId, String campaignId, QualityTier tier) {
        return generate(userId, campaignId, new GenerateProposals(tier, Map.of()), true);
    }

    private ProposalSet generate(String userId, String campaignId, GenerateProposals request, boolean onlyMissing) {
        requireUser(userId);
        Campaign campaign = findCampaign(userId, campaignId);
        Map<String, Object> productContext = new LinkedHashMap<>(campaign.productContext());
        productContext.putAll(request.productContext());
        BrandInputs brand = brandInputs(userId);
        Map<String, Proposal> current = currentByAsset(userId, campaignId);
        Instant now = clock.instant();
        PromptPersonalization personal = learned.forUser(userId);

        Map<String, Proposal> result = new LinkedHashMap<>();
        List<Proposal> appended = new ArrayList<>();
        Map<AssetType, Integer> ordinalByType = new EnumMap<>(AssetType.class);
        for (AssetNode node : campaign.assetNodes()) {
            int ordinal = ordinalByType.merge(node.assetType(), 1, Integer::sum) - 1;
            Proposal existing = current.get(node.assetId());
            boolean keep = existing != null && (onlyMissing || existing.status() == ProposalStatus.APPROVED)
                    || !NodeLifecycle.allows(node.status(), NodeStatus.PROPOSED)
                    || NodeLifecycle.generated(node.status());
            if (keep) {
                if (existing != null) {
                    result.put(node.assetId(), existing);
                }
                continue;
            }
            QualityTier tier = request.tier() != null ? request.tier()
                    : existing != null ? existing.tier() : QualityTier.DEFAULT;
            int angleIndex = existing == null ? personal.firstAngle(node.assetType(), ordinal, angles(node.assetType()))
                    : angleIndexOf(existing);
            Map<String, Object> settings = existing == null ? Map.of() : existing.settings();
            Proposal proposal = propose(campaign, node, productContext, brand, tier, angleIndex, settings, existing,
                    "generate", now, personal);
            appended.add(proposal);
            result.put(node.assetId(), proposal);
        }
        proposals.appendAll(userId, appended);
        Map<String, NodeStatus> moves = new LinkedHashMap<>();
        appended.forEach(p -> moves.put(p.assetId(), NodeStatus.PROPOSED));
        boolean contextChanged = !productContext.equals(campaign.productContext());
        advance(userId, campaignId, moves, contextChanged ? productContext : null);
        return new ProposalSet(result, campaign.assetNodes().size());
    }

    /**
     * Contract #11: the current proposal of every node of the campaign's graph.
     *
     * @throws NotFoundException when the caller has no such campaign
     */
    public ProposalSet list(String userId, String campaignId) {
        requireUser(userId);
        Campaign campaign = findCampaign(userId, campaignId);
        Map<String, Proposal> current = currentByAsset(userId, campaignId);
        Map<String, Proposal> result = new LinkedHashMap<>();
        for (AssetNode node : campaign.assetNodes()) {
            Proposal proposal = current.get(node.assetId());
            if (proposal != null) {
                result.put(node.assetId(), proposal);
            }
        }
        return new ProposalSet(result, campaign.assetNodes().size());
    }

    /**
     * Applies {@code {action: edit|approve|reject|alternate_angle, proposed_prompt?, settings?, reason?, version}} to the
     * current proposal of one node and returns the new current version. An edit takes a new prompt (kept as written)
     * and/or settings ({@code tier} re-quotes; {@code hook}, {@code cta}, {@code focal_subject}, {@code shot_type}
     * override those slots and rebuild the prompt when no prompt is sent); reject needs a reason; an alternate angle
     * rebuilds the prompt with the next hook angle.
     *
     * @throws NotFoundException when the caller has no such campaign, node or proposal
     * @throws dev.pms.core.error.ValidationException for text with one of the brand's forbidden phrases
     * @throws VersionConflictException when {@code version} is not the current proposal version
     * @throws dev.pms.core.error.IllegalTransitionException when the node's status does not allow the action
     */
    public Proposal patch(String userId, String campaignId, String assetId, ProposalChange change) {
        requireUser(userId);
        Campaign campaign = findCampaign(userId, campaignId);
        AssetNode node = findNode(campaign, assetId);
        BrandInputs brand = brandInputs(userId);
        PromptGuard.checkChange(change, new ForbiddenPhrases(brand.dna().forbiddenPhrases()));
        Proposal current = proposals.current(userId, campaignId, assetId)
                .orElseThrow(() -> new NotFoundException("asset " + assetId + " has no proposal yet"));
        if (change.version() != current.version()) {
            throw new VersionConflictException("proposal " + assetId + " is at version " + current.version()
                    + ", not " + change.version());
        }
        NodeStatus target = switch (change.action()) {
            case EDIT, ALTERNATE_ANGLE -> NodeStatus.PROPOSED;
            case APPROVE -> NodeStatus.APPROVED;
            case REJECT -> NodeStatus.REJECTED;
        };
        NodeLifecycle.check(assetId, node.status(), target);

        Instant now = clock.instant();
        Proposal next = switch (change.action()) {
            case APPROVE -> reviewed(current, ProposalStatus.APPROVED, null, "approve", now);
            case REJECT -> reviewed(current, ProposalStatus.REJECTED, change.reason(), "reject", now);
            case ALTERNATE_ANGLE -> {
                Map<String, Object> settings = new LinkedHashMap<>(current.settings());
                settings.remove(PromptSlot.HOOK.code());
                PromptPersonalization personal = learned.forUser(userId);
                int nextAngle = personal.nextAngle(node.assetType(), angleIndexOf(current) + 1, angles(node.assetType()));
                yield propose(campaign, node, campaign.productContext(), brand, current.tier(), nextAngle, settings, current,
                        "alternate_angle", now, personal);
            }
            case EDIT -> edited(userId, campaign, node, brand, current, change, now);
        };
        if (next.status() == ProposalStatus.APPROVED) {
            checkBudget(userId, campaign, proposals.currentFor(userId, campaignId), List.of(next));
        }
        signals.recordAll(userId, reviewSignals(current, change, now));
        proposals.append(userId, next);
        if (node.status() != target) {
            advance(userId, campaignId, Map.of(assetId, target), null);
        }
        return next;
    }

    /** What one change of a proposal says about the user's preferences (nothing for a settings-only edit). */
    private static List<Signal> reviewSignals(Proposal current, ProposalChange change, Instant now) {
        return switch (change.action()) {
            case APPROVE -> List.of(Signal.proposalsApproved(current.channel(), current.assetType(), current.angle(), 1, now));
            case REJECT -> List.of(Signal.proposalRejected(current.channel(), current.assetType(), current.angle(),
                    change.reason(), now));
            case ALTERNATE_ANGLE -> List.of(Signal.alternateAngle(current.channel(), current.assetType(), current.angle(), now));
            case EDIT -> change.proposedPrompt() == null ? List.of()
                    : promptEdit(current, change.proposedPrompt(), now);
        };
    }

    private static List<Signal> promptEdit(Proposal current, String editedPrompt, Instant now) {
        PromptEdit edit = PromptEdit.between(current.proposedPrompt(), editedPrompt);
        return edit.informative() ? List.of(Signal.promptEdited(current.channel(), current.assetType(), edit, now))
                : List.of();
    }

    /** What one-click generation approved: the proposal version to generate and how the client's choices were taken. */
    public record GenerationApproval(Proposal proposal, boolean edited, String modelNote) {
    }

    /**
     * Clicking Generate is the approval (the SPA has no separate step). A node still {@code proposed} is approved;
     * when {@code clientPrompt} differs from the stored prompt it is the user's edit and becomes a new proposal
     * version first (provenance "edited by user"), through the forbidden-phrase guardrail and re-quoted. A
     * {@code clientModel} ({@code provider/model}) is taken only when the price table knows it for the node's type
     * and the plan allows it; otherwise it is ignored and {@code modelNote} says so. The whole approved set is
     * checked against the plan before anything is stored. A node already approved (or failed, for a retry) keeps
     * its proposal unless the prompt was edited.
     *
     * @throws dev.pms.core.error.ValidationException for an edited prompt that is blank, too long or has a forbidden phrase
     * @throws dev.pms.core.pricing.PlanLimitExceededException when the plan does not cover the approved set
     * @throws dev.pms.core.error.IllegalTransitionException when the node cannot be approved from its status
     */
    public GenerationApproval approveForGeneration(String userId, String campaignId, String assetId,
                                                   String clientPrompt, String clientModel) {
        requireUser(userId);
        Campaign campaign = findCampaign(userId, campaignId);
        AssetNode node = findNode(campaign, assetId);
        BrandInputs brand = brandInputs(userId);
        Proposal current = proposals.current(userId, campaignId, assetId)
                .orElseThrow(() -> new NotFoundException("asset " + assetId + " has no proposal yet; generate "
                        + "proposals first"));
        String prompt = clientPrompt == null ? null : clientPrompt.trim();
        boolean edited = prompt != null && !prompt.equals(current.proposedPrompt().trim());
        if (edited) {
            PromptGuard.checkEditedPrompt(prompt, new ForbiddenPhrases(brand.dna().forbiddenPhrases()));
        }
        if (!APPROVABLE_BY_GENERATE.contains(node.status())) {
            NodeLifecycle.check(assetId, node.status(), NodeStatus.APPROVED);
        }
        Map<String, Object> settings = new LinkedHashMap<>(current.settings());
        ModelChoice stored = new ModelChoice(current.recommendedProvider(), current.recommendedModel());
        String modelNote = null;
        boolean modelChanged = false;
        if (clientModel != null && !clientModel.isBlank()) {
            ModelChoice requested = readableChoice(clientModel.trim());
            if (requested == null || !requested.equals(stored)) {
                PlanTier plan = budget.planTier(userId);
                ModelSelector.Selection automatic = selection(campaign, node, current.tier(), Map.of());
                if (requested != null && selector.allows(node.assetType(), plan, requested, automatic.choice())) {
                    settings.put(ProposalChange.MODEL_SETTING, requested.provider() + "/" + requested.model());
                    modelChanged = true;
                } else {
                    modelNote = clientModel.trim() + " is not available for " + node.assetType().code()
                            + " assets on the " + plan.code() + " plan, so " + stored.provider() + "/"
                            + stored.model() + " was used";
                }
            }
        }
        boolean alreadyApproved = current.status() == ProposalStatus.APPROVED
                && (node.status() == NodeStatus.APPROVED || node.status() == NodeStatus.FAILED);
        if (!edited && !modelChanged && alreadyApproved) {
            return new GenerationApproval(current, false, modelNote);
        }
        Instant now = clock.instant();
        Proposal base = current;
        if (edited || modelChanged) {
            ModelSelector.Selection selection = selection(campaign, node, current.tier(), settings);
            CostLine cost = costs.estimate(node, current.tier(), selection.choice());
            Map<String, String> provenance = new LinkedHashMap<>(current.provenance());
            if (edited) {
                provenance.put("proposed_prompt", "edited by user in version " + (current.version() + 1));
            }
            provenance.put("model_selection", selection.reason());
            base = current.next(ProposalStatus.PROPOSED, null, "edit", now)
                    .withConcept(edited ? current.concept().withPrompt(prompt) : current.concept())
                    .withRecommendation(current.recommendation().on(cost.provider(), cost.model(), current.tier(),
                            cost.costUsd()))
                    .withSettings(settings).withProvenance(provenance);
        }
        Proposal approved = reviewed(base, ProposalStatus.APPROVED, null, "approve", now);
        checkBudget(userId, campaign, proposals.currentFor(userId, campaignId), List.of(approved));
        List<Signal> said = new ArrayList<>(edited ? promptEdit(current, prompt, now) : List.of());
        said.add(Signal.proposalsApproved(current.channel(), current.assetType(), current.angle(), 1, now));
        signals.recordAll(userId, said);
        if (base != current) {
            proposals.append(userId, base);
        }
        proposals.append(userId, approved);
        if (node.status() == NodeStatus.REJECTED) {
            advance(userId, campaignId, Map.of(assetId, NodeStatus.PROPOSED), null);
        }
        if (node.status() != NodeStatus.APPROVED && node.status() != NodeStatus.FAILED) {
            advance(userId, campaignId, Map.of(assetId, NodeStatus.APPROVED), null);
        }
        return new GenerationApproval(approved, edited, modelNote);
    }

    private static ModelChoice readableChoice(String value) {
        try {
            return ModelSelector.parse(value).orElse(null);
        } catch (ValidationException unreadable) {
            return null;
        }
    }

    /**
     * A reviewer pushes a node back (from review, approval for publish, or an earlier stage): a new proposal version
     * whose prompt carries the comment as guidance, waiting for approval and ready to regenerate.
     *
     * @param version the current proposal version the reviewer saw
     * @throws NotFoundException when the caller has no such campaign, node or proposal
     * @throws dev.pms.core.error.ValidationException for a comment with a forbidden phrase
     * @throws VersionConflictException when {@code version} is not the current proposal version
     * @throws dev.pms.core.error.IllegalTransitionException when the node's status cannot go back to proposed
     */
    public Proposal pushBack(String userId, String campaignId, String assetId, String comment, long version) {
        requireUser(userId);
        Campaign campaign = findCampaign(userId, campaignId);
        AssetNode node = findNode(campaign, assetId);
        BrandInputs brand = brandInputs(userId);
        List<String> forbidden = new ForbiddenPhrases(brand.dna().forbiddenPhrases()).foundIn(comment);
        if (!forbidden.isEmpty()) {
            throw ValidationException.of("comment", "contains the brand's forbidden phrase "
                    + String.join(", ", forbidden));
        }
        Proposal current = proposals.current(userId, campaignId, assetId)
                .orElseThrow(() -> new NotFoundException("asset " + assetId + " has no proposal yet"));
        if (version != current.version()) {
            throw new VersionConflictException("proposal " + assetId + " is at version " + current.version()
                    + ", not " + version);
        }
        NodeLifecycle.check(assetId, node.status(), NodeStatus.PROPOSED);
        Map<String, String> provenance = new LinkedHashMap<>(current.provenance());
        provenance.put("reviewer_guidance", "pushed back in version " + (current.version() + 1));
        Proposal next = current.next(ProposalStatus.PROPOSED, comment, "push_back", clock.instant())
                .withConcept(current.concept().withPrompt(withGuidance(current.proposedPrompt(), comment)))
                .withProvenance(provenance);
        signals.record(userId, Signal.pushedBack(current.channel(), current.assetType(), current.angle(), comment,
                next.createdAt()));
        proposals.append(userId, next);
        if (node.status() != NodeStatus.PROPOSED) {
            advance(userId, campaignId, Map.of(assetId, NodeStatus.PROPOSED), null);
        }
        return next;
    }

    /** The prompt with the reviewer's comment as its last guidance line (earlier guidance is kept). */
    static String withGuidance(String prompt, String comment) {
        return prompt + "\n\nReviewer guidance: " + comment.strip();
    }

    /** A next experiment to add to a campaign's graph: its node (planned), tier, winning hook (may be null) and why. */
    public record Experiment(AssetNode node, QualityTier tier, String hook, String rationale) {
    }

    /**
     * Adds experiment nodes to the campaign graph, each proposed (version 1, waiting for approval) at its tier: the
     * proposals are stored in one transaction, then the nodes join the graph as {@code proposed} in one campaign write.
     *
     * @param campaign the campaign as just read (its phases and product context build the prompts)
     * @return the stored proposals
     */
    public List<Proposal> proposeExperiments(String userId, Campaign campaign, List<Experiment> experiments) {
        requireUser(userId);
        BrandInputs brand = brandInputs(userId);
        Instant now = clock.instant();
        PromptPersonalization personal = learned.forUser(userId);
        List<Proposal> made = new ArrayList<>();
        List<AssetNode> nodes = new ArrayList<>();
        for (Experiment experiment : experiments) {
            NodeLifecycle.check(experiment.node().assetId(), experiment.node().status(), NodeStatus.PROPOSED);
            Map<String, Object> settings = experiment.hook() == null ? Map.of()
                    : Map.of(PromptSlot.HOOK.code(), experiment.hook());
            Proposal proposal = propose(campaign, experiment.node(), campaign.productContext(), brand, experiment.tier(),
                    0, settings, null, "experiment", now, personal);
            Map<String, String> provenance = new LinkedHashMap<>(proposal.provenance());
            provenance.put("experiment", experiment.rationale());
            made.add(proposal.withProvenance(provenance).withReason(null));
            nodes.add(experiment.node().withStatus(NodeStatus.PROPOSED));
        }
        if (made.isEmpty()) {
            return made;
        }
        proposals.appendAll(userId, made);
        nodeStatuses.move(userId, campaign.campaignId(), Map.of(), NodeStatusService.Policy.SKIP_DISALLOWED,
                c -> withNodes(c, nodes));
        return made;
    }

    private static Campaign withNodes(Campaign c, List<AssetNode> added) {
        List<AssetNode> nodes = new ArrayList<>(c.assetNodes());
        for (AssetNode node : added) {
            if (nodes.stream().noneMatch(n -> n.assetId().equals(node.assetId()))) {
                nodes.add(node);
            }
        }
        return nodes.size() == c.assetNodes().size() ? c
                : c.withNodes(nodes).withStatus(NodeLifecycle.campaignStatus(c.status(), nodes));
    }

    /** The first page of {@link #versions(String, String, String, int, String)}. */
    public ProposalHistory versions(String userId, String campaignId, String assetId) {
        return versions(userId, campaignId, assetId, PageSizes.DEFAULT, null);
    }

    /**
     * One page of the kept versions of one node's proposal, oldest first ({@code limit} 1 to 200).
     *
     * @throws NotFoundException when the caller has no such campaign or no proposal for the asset
     * @throws dev.pms.core.error.ValidationException for a {@code nextToken} not issued for it
     */
    public ProposalHistory versions(String userId, String campaignId, String assetId, int pageSize, String nextToken) {
        requireUser(userId);
        findCampaign(userId, campaignId);
        if (!plausibleId(assetId)) {
            throw new NotFoundException("asset not found");
        }
        Page<Proposal> page = proposals.versions(userId, campaignId, assetId, pageSize,
                nextToken == null || nextToken.isBlank() ? null : nextToken);
        if (page.items().isEmpty() && nextToken == null) {
            throw new NotFoundException("asset " + assetId + " has no proposal");
        }
        return new ProposalHistory(page.items(), page.nextToken());
    }

    /**
     * Approves every node whose current proposal is pending ({@code proposed}) and returns how many.
     *
     * @throws NotFoundException when the caller has no such campaign
     * @throws VersionConflictException when a concurrent change appended a proposal version first
     */
    public ApprovedCount approveAll(String userId, String campaignId) {
        requireUser(userId);
        Campaign campaign = findCampaign(userId, campaignId);
        Map<String, Proposal> current = currentByAsset(userId, campaignId);
        Instant now = clock.instant();
        List<Proposal> approvals = new ArrayList<>();
        Map<String, NodeStatus> moves = new LinkedHashMap<>();
        for (AssetNode node : campaign.assetNodes()) {
            Proposal proposal = current.get(node.assetId());
            if (proposal != null && proposal.status() == ProposalStatus.PROPOSED
                    && NodeLifecycle.allows(node.status(), NodeStatus.APPROVED)) {
                approvals.add(reviewed(proposal, ProposalStatus.APPROVED, null, "approve", now));
                moves.put(node.assetId(), NodeStatus.APPROVED);
            }
        }
        if (approvals.isEmpty()) {
            return new ApprovedCount(0);
        }
        checkBudget(userId, campaign, current.values(), approvals);
        signals.recordAll(userId, approvalSignals(approvals, now));
        proposals.appendAll(userId, approvals);
        advance(userId, campaignId, moves, null);
        return new ApprovedCount(approvals.size());
    }

    /** One signal per channel, type and angle approved together, with its count. */
    private static List<Signal> approvalSignals(List<Proposal> approvals, Instant now) {
        Map<List<String>, Integer> counts = new LinkedHashMap<>();
        Map<List<String>, Proposal> examples = new LinkedHashMap<>();
        for (Proposal approval : approvals) {
            List<String> key = List.of(approval.channel().code(), approval.assetType().code(), String.valueOf(approval.angle()));
            counts.merge(key, 1, Integer::sum);
            examples.putIfAbsent(key, approval);
        }
        List<Signal> said = new ArrayList<>();
        examples.forEach((key, example) -> said.add(Signal.proposalsApproved(example.channel(), example.assetType(),
                example.angle(), counts.get(key), now)));
        return said;
    }

    /**
     * Quotes everything that would be approved and not yet generating after this change (at each proposal's
     * own tier) against the plan; work already generating or done is in the month's usage already.
     */
    private void checkBudget(String userId, Campaign campaign, Collection<Proposal> currentProposals,
                             List<Proposal> newApprovals) {
        Map<String, Proposal> approved = new LinkedHashMap<>();
        Map<String, AssetNode> nodes = new LinkedHashMap<>();
        campaign.assetNodes().forEach(node -> nodes.put(node.assetId(), node));
        for (Proposal proposal : currentProposals) {
            AssetNode node = nodes.get(proposal.assetId());
            if (proposal.status() == ProposalStatus.APPROVED && node != null && node.status() == NodeStatus.APPROVED) {
                approved.put(proposal.assetId(), proposal);
            }
        }
        newApprovals.forEach(proposal -> approved.put(proposal.assetId(), proposal));
        List<CostLine> lines = approved.values().stream()
                .filter(proposal -> nodes.containsKey(proposal.assetId()))
                .map(proposal -> costs.estimateOnModel(nodes.get(proposal.assetId()), proposal.tier(),
                        proposal.recommendedProvider(), proposal.recommendedModel()))
                .toList();
        budget.check(userId, lines);
    }

    private Proposal edited(String userId, Campaign campaign, AssetNode node, BrandInputs brand, Proposal current,
                            ProposalChange change, Instant now) {
        Map<String, Object> settings = new LinkedHashMap<>(current.settings());
        change.overrides().forEach((slot, value) -> {
            if (value.isEmpty()) {
                settings.remove(slot.code());
            } else {
                settings.put(slot.code(), value);
            }
        });
        if (change.model() != null) {
            if (change.model().isEmpty()) {
                settings.remove(ProposalChange.MODEL_SETTING);
            } else {
                settings.put(ProposalChange.MODEL_SETTING, change.model());
            }
        }
        QualityTier tier = change.tier() != null ? change.tier() : current.tier();
        if (change.proposedPrompt() == null) {
            return propose(campaign, node, campaign.productContext(), brand, tier, angleIndexOf(current), settings,
                    current, "edit", now, learned.forUser(userId));
        }
        ModelSelector.Selection selection = selection(campaign, node, tier, settings);
        CostLine cost = costs.estimate(node, tier, selection.choice());
        return current.next(ProposalStatus.PROPOSED, null, "edit", now)
                .withConcept(current.concept().withPrompt(change.proposedPrompt()))
                .withRecommendation(current.recommendation().on(cost.provider(), cost.model(), tier, cost.costUsd()))
                .withSettings(settings)
                .withProvenance(Map.of("proposed_prompt", "written by the user in version " + (current.version() + 1),
                        "model_selection", selection.reason()));
    }

    private Proposal propose(Campaign campaign, AssetNode node, Map<String, Object> productContext, BrandInputs brand,
                             QualityTier tier, int angleIndex, Map<String, Object> settings, Proposal previous,
                             String change, Instant now, PromptPersonalization personal) {
        Placement placement = channels.requirePlacement(node.placement());
        ModelSelector.Selection selection = selection(campaign, node, tier, settings);
        CostLine cost = costs.estimate(node, tier, selection.choice());
        Phase phase = campaign.phases().stream().filter(p -> p.name().equals(node.phase())).findFirst().orElse(null);
        Map<PromptSlot, String> overrides = new EnumMap<>(PromptSlot.class);
        settings.forEach((key, value) -> PromptSlot.parse(key)
                .filter(PromptBuilder.OVERRIDABLE::contains)
                .ifPresent(slot -> overrides.put(slot, String.valueOf(value))));
        BuiltPrompt built = builder.build(new PromptInputs(node, placement, channels.channel(node.channel()), brand.dna(),
                productContext, phase, brand.researchDepth(), cost, angleIndex, overrides, personal.slotsFor(node.channel())));
        Map<String, String> provenance = withSelection(built.provenance(), selection.reason());
        String learnedNote = personal.provenance(node.channel(), node.assetType(), placement.hashtags() != null);
        if (learnedNote != null) {
            provenance.put("personalization", learnedNote);
        }
        return Proposal.proposed(node.assetId(), campaign.campaignId(), previous == null ? 1 : previous.version() + 1,
                new Proposal.Slot(node.assetType(), node.channel(), node.placement(), node.phase()),
                new Proposal.Concept(built.hook(), built.angle(), built.conceptSummary(), built.prompt()),
                new Proposal.Recommendation(built.templateId(), cost.provider(), cost.model(), tier, cost.costUsd()),
                settings, provenance, change, now);
    }

    private List<String> angles(AssetType type) {
        return builder.catalog().hookAngles(type).stream().map(PromptCatalog.HookAngle::angle).toList();
    }

    /**
     * The provider and model for a node: a {@code model} setting on the proposal ({@code provider/model}), else the
     * campaign's {@code product_context.model_overrides} by asset type, else the lineup of the campaign's
     * {@code product_context.provider} (e.g. {@code bedrock}) at the tier, else tier, plan and how video-heavy the
     * campaign is.
     */
    private ModelSelector.Selection selection(Campaign campaign, AssetNode node, QualityTier tier,
                                              Map<String, Object> settings) {
        Object chosen = settings.get(ProposalChange.MODEL_SETTING);
        ModelChoice proposalChoice = chosen == null ? null : ModelSelector.parse(String.valueOf(chosen)).orElse(null);
        Map<String, ModelChoice> campaignChoices = new LinkedHashMap<>();
        if (campaign.productContext().get("model_overrides") instanceof Map<?, ?> overrides) {
            overrides.forEach((type, value) -> {
                try {
                    ModelSelector.parse(String.valueOf(value))
                            .ifPresent(choice -> campaignChoices.put(String.valueOf(type), choice));
                } catch (ValidationException e) {
                    // an unreadable campaign-level choice is ignored; the automatic choice applies
                }
            });
        }
        PlanTier plan = campaign.userId() == null ? PlanTier.PRO : budget.planTier(campaign.userId());
        Object campaignProvider = campaign.productContext().get("provider");
        return selector.select(node.assetType(), tier, new ModelSelector.Context(plan,
                ModelSelector.videoHeavy(campaign.channels()), campaignChoices, proposalChoice,
                campaignProvider == null ? null : String.valueOf(campaignProvider).strip().toLowerCase(Locale.ROOT)));
    }

    private static Map<String, String> withSelection(Map<String, String> provenance, String reason) {
        Map<String, String> with = new LinkedHashMap<>(provenance);
        with.put("model_selection", reason);
        return with;
    }

    private static Proposal reviewed(Proposal current, ProposalStatus status, String reason, String change, Instant now) {
        return current.next(status, reason, change, now);
    }

    private int angleIndexOf(Proposal proposal) {
        return builder.catalog().angleIndex(proposal.assetType(), proposal.angle()).orElse(0);
    }

    private void advance(String userId, String campaignId, Map<String, NodeStatus> targets,
                         Map<String, Object> productContext) {
        nodeStatuses.move(userId, campaignId, targets, NodeStatusService.Policy.SKIP_DISALLOWED,
                campaign -> productContext == null ? campaign : withProductContext(campaign, productContext));
    }

    private static Campaign withProductContext(Campaign c, Map<String, Object> productContext) {
        return c.withPlan(new Campaign.Plan(c.phases(), c.assetNodes(), productContext));
    }

    private record BrandInputs(BrandDna dna, String researchDepth) {
    }

    private BrandInputs brandInputs(String userId) {
        Optional<StoredBrandProfile> stored = profiles.find(userId);
        String depth = stored.map(StoredBrandProfile::profile)
                .map(BrandProfile::researchPreferences)
                .map(BrandProfile.ResearchPreferences::researchDepth)
                .orElse(null);
        return new BrandInputs(deriver.derive(stored), depth);
    }

    private Map<String, Proposal> currentByAsset(String userId, String campaignId) {
        Map<String, Proposal> byAsset = new LinkedHashMap<>();
        proposals.currentFor(userId, campaignId).forEach(p -> byAsset.put(p.assetId(), p));
        return byAsset;
    }

    private Campaign findCampaign(String userId, String campaignId) {
        return campaigns.require(userId, campaignId);
    }

    private static AssetNode findNode(Campaign campaign, String assetId) {
        if (!plausibleId(assetId)) {
            throw new NotFoundException("asset not found");
        }
        return campaign.assetNodes().stream().filter(n -> n.assetId().equals(assetId)).findFirst()
                .orElseThrow(() -> new NotFoundException("asset " + assetId + " is not a node of campaign "
                        + campaign.campaignId()));
    }

    private static boolean plausibleId(String id) {
        return Ids.plausible(id);
    }

    private static void requireUser(String userId) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("the caller's user id is required");
        }
    }
}
