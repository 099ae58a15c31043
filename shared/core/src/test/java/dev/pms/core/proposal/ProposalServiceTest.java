package dev.pms.core.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.brand.BrandService;
import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignService;
import dev.pms.core.campaign.CampaignStatus;
import dev.pms.core.campaign.CreateCampaign;
import dev.pms.core.campaign.Goal;
import dev.pms.core.campaign.NodeStatus;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.common.Page;
import dev.pms.core.error.FieldError;
import dev.pms.core.error.IllegalTransitionException;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.ValidationException;
import dev.pms.core.error.VersionConflictException;
import dev.pms.core.json.Json;
import dev.pms.core.pricing.ApprovalBudget;
import dev.pms.core.pricing.CostEstimator;
import dev.pms.core.pricing.CostLine;
import dev.pms.core.pricing.Plan;
import dev.pms.core.pricing.PlanLimitExceededException;
import dev.pms.core.pricing.PlanTier;
import dev.pms.core.pricing.PriceTable;
import dev.pms.core.pricing.QualityTier;
import dev.pms.core.pricing.QuoteCalculator;
import dev.pms.core.pricing.UsageKind;
import dev.pms.core.prompt.PromptSlot;
import dev.pms.core.proposal.ProposalChange.Action;
import dev.pms.core.support.InMemoryBrandProfileRepository;
import dev.pms.core.support.InMemoryCampaignRepository;
import dev.pms.core.support.InMemoryProposalRepository;
import dev.pms.core.support.RacingCampaignRepository;
import dev.pms.core.usage.MonthlyUsage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.pms.core.support.Fixtures.CLOCK;
import static dev.pms.core.support.Fixtures.brandProfile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ProposalServiceTest {
    private static final String ALICE = "alice";
    private static final String BOB = "bob";
    private static final ChannelCatalog CHANNELS = ChannelCatalog.load();
    private static final CostEstimator COSTS = new CostEstimator(PriceTable.load(), CHANNELS);
    private static final ApprovalBudget NO_LIMITS = (user, lines) -> { };

    private final InMemoryCampaignRepository campaigns = new InMemoryCampaignRepository();
    private final InMemoryBrandProfileRepository profiles = new InMemoryBrandProfileRepository(CLOCK);
    private final InMemoryProposalRepository proposals = new InMemoryProposalRepository();
    private final AtomicInteger ids = new AtomicInteger();
    private final CampaignService campaignService = new CampaignService(campaigns, profiles, CHANNELS, CLOCK,
            () -> "id-" + ids.incrementAndGet());
    private final ProposalService service = new ProposalService(proposals, campaigns, profiles, CHANNELS, COSTS, NO_LIMITS, CLOCK);
    private Campaign campaign;

    @BeforeEach
    void aliceHasABrandAndALaunchCampaign() {
        new BrandService(profiles, CHANNELS, CLOCK).putProfile(ALICE, brandProfile("{'forbidden_phrases':['miracle','risk-free'],"
                + "'research_preferences':{'research_depth':'basic'}}"));
        campaign = campaignService.createBlueprint(ALICE, new CreateCampaign("Aurora launch", Goal.PRODUCT_LAUNCH, null,
                List.of(Channel.INSTAGRAM, Channel.EMAIL), Map.of("product_name", "Aurora", "product_description",
                "A miracle desk lamp", "marketing_goal", "sales"), null, LocalDate.of(2026, 12, 10)));
    }

    private static ProposalChange change(Action action, long version) {
        return new ProposalChange(action, version, null, Map.of(), null, null, null);
    }

    private static ProposalChange reject(long version, String reason) {
        return new ProposalChange(Action.REJECT, version, null, Map.of(), null, reason, null);
    }

    private static ProposalChange model(long version, String model) {
        return new ProposalChange(Action.EDIT, version, null, Map.of(), null, null, model);
    }

    /** Slot settings in the order given. */
    private static Map<PromptSlot, String> slots(Object... slotsAndValues) {
        Map<PromptSlot, String> slots = new LinkedHashMap<>();
        for (int i = 0; i < slotsAndValues.length; i += 2) {
            slots.put((PromptSlot) slotsAndValues[i], (String) slotsAndValues[i + 1]);
        }
        return slots;
    }

    @Test
    void aModelChosenOnTheProposalIsKeptPricedAndExplained() {
        service.generate(ALICE, id(), GenerateProposals.defaults());
        AssetNode image = campaign.assetNodes().stream()
                .filter(n -> n.assetType() == AssetType.IMAGE).findFirst().orElseThrow();
        Proposal current = proposals.current(ALICE, id(), image.assetId()).orElseThrow();

        Proposal edited = service.patch(ALICE, id(), image.assetId(), model(current.version(),
                "stability/stable-image-core"));

        assertThat(edited.recommendedProvider()).isEqualTo("stability");
        assertThat(edited.recommendedModel()).isEqualTo("stable-image-core");
        assertThat(edited.costEstimate()).isEqualByComparingTo("0.04");
        assertThat(edited.provenance().get("model_selection")).isEqualTo("chosen on the proposal");
        assertThatThrownBy(() -> service.patch(ALICE, id(), image.assetId(), model(edited.version(), "acme/dream-1")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("price table");
    }

    @Test
    void generateProposesEveryNodeAndStoresThemBeforeReturning() {
        ProposalSet set = service.generate(ALICE, id(), GenerateProposals.defaults());

        assertThat(set.totalAssets()).isEqualTo(campaign.assetNodes().size());
        assertThat(set.proposals().keySet()).containsExactlyElementsOf(
                campaign.assetNodes().stream().map(AssetNode::assetId).toList());
        assertThat(proposals.currentFor(ALICE, id())).containsExactlyInAnyOrderElementsOf(set.proposals().values());
        for (AssetNode node : campaign.assetNodes()) {
            Proposal proposal = set.proposals().get(node.assetId());
            assertThat(proposal.version()).isEqualTo(1);
            assertThat(proposal.status()).isEqualTo(ProposalStatus.PROPOSED);
            assertThat(proposal.tier()).isEqualTo(QualityTier.STANDARD);
            assertThat(proposal.costEstimate()).isEqualByComparingTo(COSTS.estimateOnModel(node, QualityTier.STANDARD,
                    proposal.recommendedProvider(), proposal.recommendedModel()).costUsd());
            assertThat(proposal.provenance().get("model_selection")).isNotBlank();
            if (node.assetType() == AssetType.VIDEO) {
                assertThat(proposal.recommendedModel()).isEqualTo("wan-2.5-i2v-480p");
                assertThat(proposal.provenance().get("model_selection")).contains("not video-heavy");
            } else {
                assertThat(proposal.recommendedModel())
                        .isEqualTo(CostEstimator.modelFor(node.assetType(), QualityTier.STANDARD).model());
            }
            assertThat(proposal.proposedPrompt().toLowerCase(Locale.ROOT)).contains("aurora").doesNotContain("miracle");
        }
        Campaign stored = storedCampaign();
        assertThat(stored.assetNodes()).allMatch(n -> n.status() == NodeStatus.PROPOSED);
        assertThat(stored.status()).isEqualTo(CampaignStatus.PROPOSED);
        assertThat(stored.version()).isEqualTo(campaign.version() + 1);
    }

    @Test
    void nodesMoveOnlyAfterTheProposalsAreStored() {
        ProposalRepository losing = new ProposalRepository() {
            @Override
            public List<Proposal> currentFor(String userId, String campaignId) {
                return proposals.currentFor(userId, campaignId);
            }

            @Override
            public Optional<Proposal> current(String userId, String campaignId, String assetId) {
                return proposals.current(userId, campaignId, assetId);
            }

            @Override
            public Page<Proposal> versions(String userId, String campaignId, String assetId, int limit,
                                           String nextToken) {
                return proposals.versions(userId, campaignId, assetId, limit, nextToken);
            }

            @Override
            public void append(String userId, Proposal proposal) {
                throw new VersionConflictException("another writer got there first");
            }

            @Override
            public void appendAll(String userId, List<Proposal> all) {
                throw new VersionConflictException("another writer got there first");
            }
        };
        ProposalService losingService = new ProposalService(losing, campaigns, profiles, CHANNELS, COSTS, NO_LIMITS, CLOCK);

        assertThatThrownBy(() -> losingService.generate(ALICE, id(), GenerateProposals.defaults())).isInstanceOf(VersionConflictException.class);

        assertThat(storedCampaign()).isEqualTo(campaign);
    }

    @Test
    void theResponseHasTheContractShape() {
        JsonNode body = Json.mapper().valueToTree(service.generate(ALICE, id(), GenerateProposals.defaults()));

        assertThat(body.get("total_assets").asInt()).isEqualTo(campaign.assetNodes().size());
        String assetId = campaign.assetNodes().get(0).assetId();
        JsonNode proposal = body.get("proposals").get(assetId);
        for (String field : List.of("asset_id", "asset_type", "channel", "campaign_id", "proposed_prompt",
                "recommended_template", "recommended_provider", "recommended_model", "cost_estimate", "concept_summary",
                "status", "version", "hook", "angle", "placement", "phase", "tier", "provenance")) {
            assertThat(proposal.has(field)).as(field).isTrue();
        }
        assertThat(proposal.get("asset_id").asText()).isEqualTo(assetId);
        assertThat(proposal.get("campaign_id").asText()).isEqualTo(id());
        assertThat(proposal.get("status").asText()).isEqualTo("proposed");
        assertThat(proposal.get("cost_estimate").isNumber()).isTrue();
        JsonNode listed = Json.mapper().valueToTree(service.list(ALICE, id()));
        assertThat(listed).isEqualTo(body);
    }

    @Test
    void generatingAgainAddsVersionsWithoutDeletingAndKeepsApprovedProposals() {
        service.generate(ALICE, id(), GenerateProposals.defaults());
        String approvedId = assetId(0);
        String otherId = assetId(1);
        service.patch(ALICE, id(), approvedId, change(Action.APPROVE, 1));
        int storedBefore = proposals.storedVersions();

        ProposalSet again = service.generate(ALICE, id(), GenerateProposals.defaults());

        int nodes = campaign.assetNodes().size();
        assertThat(proposals.storedVersions()).isEqualTo(storedBefore + nodes - 1);
        assertThat(again.proposals().get(approvedId).version()).isEqualTo(2);
        assertThat(again.proposals().get(approvedId).status()).isEqualTo(ProposalStatus.APPROVED);
        assertThat(again.proposals().get(otherId).version()).isEqualTo(2);
        assertThat(service.versions(ALICE, id(), otherId).versions()).extracting(Proposal::version).containsExactly(1L, 2L);
        assertThat(node(storedCampaign(), approvedId).status()).isEqualTo(NodeStatus.APPROVED);
    }

    @Test
    void generateMergesProductContextOverridesAndUsesTheRequestedTier() {
        ProposalSet set = service.generate(ALICE, id(), new GenerateProposals(QualityTier.PREMIUM,
                Map.of("product_name", "Aurora Pro", "price", new BigDecimal("129.5"))));

        Proposal image = set.proposals().values().stream().filter(p -> p.assetType() == AssetType.IMAGE).findFirst().orElseThrow();
        assertThat(image.recommendedModel()).isEqualTo("ideogram-v3-turbo");
        assertThat(image.tier()).isEqualTo(QualityTier.PREMIUM);
        assertThat(image.proposedPrompt()).contains("Aurora Pro", "price: 129.5");
        assertThat(storedCampaign().productContext()).containsEntry("product_name", "Aurora Pro")
                .containsEntry("marketing_goal", "sales");
    }

    @Test
    void anEditStoresTheUsersPromptAndReQuotesTheNewTier() {
        service.generate(ALICE, id(), GenerateProposals.defaults());
        AssetNode node = campaign.assetNodes().stream().filter(n -> n.assetType() == AssetType.IMAGE).findFirst().orElseThrow();

        Proposal edited = service.patch(ALICE, id(), node.assetId(), new ProposalChange(Action.EDIT, 1,
                "A lamp on a desk at dawn", Map.of(), QualityTier.PREMIUM, null, null));

        assertThat(edited.version()).isEqualTo(2);
        assertThat(edited.change()).isEqualTo("edit");
        assertThat(edited.proposedPrompt()).isEqualTo("A lamp on a desk at dawn");
        assertThat(edited.recommendedModel()).isEqualTo("ideogram-v3-turbo");
        assertThat(edited.costEstimate()).isEqualByComparingTo(COSTS.estimate(node, QualityTier.PREMIUM).costUsd());
        assertThat(edited.provenance()).containsEntry("proposed_prompt", "written by the user in version 2");
        assertThat(proposals.current(ALICE, id(), node.assetId())).contains(edited);
    }

    @Test
    void anEditOfSettingsRebuildsThePromptWithThem() {
        service.generate(ALICE, id(), GenerateProposals.defaults());

        Proposal edited = service.patch(ALICE, id(), assetId(0), new ProposalChange(Action.EDIT, 1, null,
                slots(PromptSlot.CTA, "Reserve yours", PromptSlot.FOCAL_SUBJECT, "the lamp on a walnut desk"), null, null,
                null));

        assertThat(edited.proposedPrompt()).contains("Reserve yours", "the lamp on a walnut desk");
        assertThat(edited.settings()).containsEntry("cta", "Reserve yours");
        assertThat(edited.provenance()).containsEntry("cta", "settings.cta (user)");
    }

    @Test
    void anEditCarryingAForbiddenPhraseIsRejectedAndNamesIt() {
        service.generate(ALICE, id(), GenerateProposals.defaults());
        int stored = proposals.storedVersions();

        ValidationException error = catchThrowableOfType(ValidationException.class, () -> service.patch(ALICE, id(),
                assetId(0), new ProposalChange(Action.EDIT, 1, "A MIRACLE lamp",
                        slots(PromptSlot.CTA, "Try it risk-free"), null, null, null)));

        assertThat(error.fieldErrors()).containsExactlyInAnyOrder(
                new FieldError("proposed_prompt", "contains the brand's forbidden phrase 'miracle'"),
                new FieldError("settings.cta", "contains the brand's forbidden phrase 'risk-free'"));
        assertThat(proposals.storedVersions()).isEqualTo(stored);
    }

    @Test
    void approveRejectAndReopenMoveTheNodeThroughTheLifecycle() {
        service.generate(ALICE, id(), GenerateProposals.defaults());
        String assetId = assetId(0);

        Proposal approved = service.patch(ALICE, id(), assetId, change(Action.APPROVE, 1));
        assertThat(approved.status()).isEqualTo(ProposalStatus.APPROVED);
        assertThat(approved.proposedPrompt()).isEqualTo(service.versions(ALICE, id(), assetId).versions().get(0).proposedPrompt());
        assertThat(node(storedCampaign(), assetId).status()).isEqualTo(NodeStatus.APPROVED);

        assertThatThrownBy(() -> service.patch(ALICE, id(), assetId, change(Action.APPROVE, 2)))
                .isInstanceOf(IllegalTransitionException.class);

        Proposal reopened = service.patch(ALICE, id(), assetId, new ProposalChange(Action.EDIT, 2, "Lamp", Map.of(), null, null, null));
        assertThat(reopened.status()).isEqualTo(ProposalStatus.PROPOSED);
        assertThat(node(storedCampaign(), assetId).status()).isEqualTo(NodeStatus.PROPOSED);

        Proposal rejected = service.patch(ALICE, id(), assetId, reject(3, "Off brand"));
        assertThat(rejected.status()).isEqualTo(ProposalStatus.REJECTED);
        assertThat(rejected.reason()).isEqualTo("Off brand");
        assertThat(node(storedCampaign(), assetId).status()).isEqualTo(NodeStatus.REJECTED);

        assertThatThrownBy(() -> service.patch(ALICE, id(), assetId, change(Action.APPROVE, 4)))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("from rejected to approved");
        assertThat(service.versions(ALICE, id(), assetId).versions()).extracting(Proposal::change)
                .containsExactly("generate", "approve", "edit", "reject");
    }

    @Test
    void eachAlternateAngleGivesANewVersionWithAnotherHook() {
        service.generate(ALICE, id(), GenerateProposals.defaults());
        String assetId = assetId(0);
        service.patch(ALICE, id(), assetId, reject(1, "boring"));

        Proposal second = service.patch(ALICE, id(), assetId, change(Action.ALTERNATE_ANGLE, 2));
        Proposal third = service.patch(ALICE, id(), assetId, change(Action.ALTERNATE_ANGLE, 3));

        List<Proposal> versions = service.versions(ALICE, id(), assetId).versions();
        assertThat(List.of(versions.get(0).hook(), second.hook(), third.hook())).doesNotHaveDuplicates();
        assertThat(List.of(versions.get(0).angle(), second.angle(), third.angle())).doesNotHaveDuplicates();
        assertThat(third.version()).isEqualTo(4);
        assertThat(third.status()).isEqualTo(ProposalStatus.PROPOSED);
        assertThat(node(storedCampaign(), assetId).status()).isEqualTo(NodeStatus.PROPOSED);
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() {
        service.generate(ALICE, id(), GenerateProposals.defaults());
        service.patch(ALICE, id(), assetId(0), change(Action.ALTERNATE_ANGLE, 1));
        int stored = proposals.storedVersions();

        assertThatThrownBy(() -> service.patch(ALICE, id(), assetId(0), change(Action.APPROVE, 1)))
                .isInstanceOf(VersionConflictException.class).hasMessageContaining("is at version 2, not 1");
        assertThat(proposals.storedVersions()).isEqualTo(stored);
        assertThat(node(storedCampaign(), assetId(0)).status()).isEqualTo(NodeStatus.PROPOSED);
    }

    @Test
    void approveAllApprovesEveryPendingProposal() {
        service.generate(ALICE, id(), GenerateProposals.defaults());
        service.patch(ALICE, id(), assetId(0), reject(1, "no"));

        assertThat(service.approveAll(ALICE, id())).isEqualTo(new ApprovedCount(campaign.assetNodes().size() - 1));
        assertThat(service.approveAll(ALICE, id())).isEqualTo(new ApprovedCount(0));
        Campaign stored = storedCampaign();
        assertThat(stored.assetNodes()).filteredOn(n -> n.status() == NodeStatus.APPROVED)
                .hasSize(campaign.assetNodes().size() - 1);
        assertThat(node(stored, assetId(0)).status()).isEqualTo(NodeStatus.REJECTED);
        assertThat(service.list(ALICE, id()).proposals().get(assetId(1)).status()).isEqualTo(ProposalStatus.APPROVED);
    }

    @Test
    void approvalsThePlanCannotPayForAreRefusedWithTheQuoteAndNothingChanges() {
        List<List<CostLine>> checked = new ArrayList<>();
        ApprovalBudget twoAssets = (user, lines) -> {
            checked.add(lines);
            if (lines.size() > 2) {
                Plan tiny = new Plan(PlanTier.FREE, BigDecimal.ZERO, new BigDecimal("100"), Map.of(UsageKind.IMAGE, 1,
                        UsageKind.TEXT, 1, UsageKind.VIDEO, 1, UsageKind.AUDIO, 1));
                throw new PlanLimitExceededException(new QuoteCalculator(COSTS).quoteLines(lines, tiny,
                        MonthlyUsage.empty(YearMonth.of(2026, 11))));
            }
        };
        ProposalService guarded = new ProposalService(proposals, campaigns, profiles, CHANNELS, COSTS, twoAssets, CLOCK);
        guarded.generate(ALICE, id(), GenerateProposals.defaults());
        guarded.patch(ALICE, id(), assetId(0), change(Action.APPROVE, 1));
        int versionsBefore = proposals.storedVersions();

        assertThatThrownBy(() -> guarded.approveAll(ALICE, id()))
                .isInstanceOf(PlanLimitExceededException.class)
                .satisfies(e -> assertThat(((PlanLimitExceededException) e).quote().canProceed()).isFalse());

        assertThat(checked.get(0)).extracting(CostLine::assetId).containsExactly(assetId(0));
        assertThat(checked.get(1)).hasSize(campaign.assetNodes().size());
        assertThat(proposals.storedVersions()).isEqualTo(versionsBefore);
        assertThat(storedCampaign().assetNodes()).filteredOn(n -> n.status() == NodeStatus.APPROVED).hasSize(1);
    }

    @Test
    void anotherUsersCampaignIsNotFound() {
        service.generate(ALICE, id(), GenerateProposals.defaults());

        assertThatThrownBy(() -> service.generate(BOB, id(), GenerateProposals.defaults())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.list(BOB, id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.patch(BOB, id(), assetId(0), change(Action.APPROVE, 1)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.versions(BOB, id(), assetId(0))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.approveAll(BOB, id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.list(ALICE, "no-such-campaign")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void unknownAssetsAndNodesWithoutProposalsAreNotFound() {
        assertThatThrownBy(() -> service.patch(ALICE, id(), assetId(0), change(Action.APPROVE, 1)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("has no proposal yet");
        assertThatThrownBy(() -> service.patch(ALICE, id(), "nope", change(Action.APPROVE, 1)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.versions(ALICE, id(), assetId(0))).isInstanceOf(NotFoundException.class);
        assertThat(service.list(ALICE, id()).proposals()).isEmpty();
    }

    @Test
    void aConcurrentCampaignWriteIsRetriedOnTheFreshCampaign() {
        RacingCampaignRepository racing = new RacingCampaignRepository(campaigns, 1);
        ProposalService racingService = new ProposalService(proposals, racing, profiles, CHANNELS, COSTS, NO_LIMITS, CLOCK);

        racingService.generate(ALICE, id(), GenerateProposals.defaults());

        Campaign stored = storedCampaign();
        assertThat(racing.racesLeft()).isZero();
        assertThat(stored.campaignName()).isEqualTo(RacingCampaignRepository.RACING_NAME);
        assertThat(stored.assetNodes()).allMatch(n -> n.status() == NodeStatus.PROPOSED);
        assertThat(stored.version()).isEqualTo(campaign.version() + 2);
    }

    private String id() {
        return campaign.campaignId();
    }

    private String assetId(int index) {
        return campaign.assetNodes().get(index).assetId();
    }

    private Campaign storedCampaign() {
        return campaigns.find(ALICE, id()).orElseThrow();
    }

    private static AssetNode node(Campaign campaign, String assetId) {
        return campaign.assetNodes().stream().filter(n -> n.assetId().equals(assetId)).findFirst().orElseThrow();
    }
}
