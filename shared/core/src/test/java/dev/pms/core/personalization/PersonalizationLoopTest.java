package dev.pms.core.personalization;

import dev.pms.core.brand.BrandService;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignService;
import dev.pms.core.campaign.CreateCampaign;
import dev.pms.core.campaign.Goal;
import dev.pms.core.campaign.PatchCampaign;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.pricing.ApprovalBudget;
import dev.pms.core.pricing.CostEstimator;
import dev.pms.core.pricing.PriceTable;
import dev.pms.core.proposal.GenerateProposals;
import dev.pms.core.proposal.Proposal;
import dev.pms.core.proposal.ProposalChange;
import dev.pms.core.proposal.ProposalService;
import dev.pms.core.studio.StudioTemplates;
import dev.pms.core.support.InMemoryBrandProfileRepository;
import dev.pms.core.support.InMemoryCampaignRepository;
import dev.pms.core.support.InMemoryProposalRepository;
import dev.pms.core.support.InMemorySignalLog;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.pms.core.support.Fixtures.CLOCK;
import static dev.pms.core.support.Fixtures.NOW;
import static dev.pms.core.support.Fixtures.brandProfile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signals recorded where they happen, and what was learned fed back into the next proposals. */
class PersonalizationLoopTest {
    private static final String ALICE = "alice";
    private static final String BOB = "bob";
    private static final ChannelCatalog CHANNELS = ChannelCatalog.load();
    private static final CostEstimator COSTS = new CostEstimator(PriceTable.load(), CHANNELS);
    private static final ApprovalBudget NO_LIMITS = (user, lines) -> { };

    private final InMemoryCampaignRepository campaigns = new InMemoryCampaignRepository();
    private final InMemoryBrandProfileRepository profiles = new InMemoryBrandProfileRepository(CLOCK);
    private final InMemoryProposalRepository proposals = new InMemoryProposalRepository();
    private final InMemorySignalLog log = new InMemorySignalLog();
    private final LearningSettings settings = LearningSettings.of(30, 3, 300, 365);
    private final RecordedSignals signals = new RecordedSignals(log, settings, CLOCK);
    private final PersonalizationService personalization = new PersonalizationService(log, profiles, CHANNELS,
            StudioTemplates.load(), settings, CLOCK);
    private final AtomicInteger ids = new AtomicInteger();
    private final CampaignService campaignService = new CampaignService(campaigns, profiles, CHANNELS, CLOCK,
            () -> "id-" + ids.incrementAndGet(), signals);
    private final ProposalService proposalService = new ProposalService(proposals, campaigns, profiles, CHANNELS, COSTS,
            NO_LIMITS, CLOCK, signals, personalization);

    @Test
    void blueprintsAndChannelChangesAreRecorded() {
        Campaign campaign = blueprint(ALICE, Channel.LINKEDIN, Channel.INSTAGRAM);
        campaignService.update(ALICE, campaign.campaignId(), new PatchCampaign(null, false, null, null, null,
                List.of(Channel.LINKEDIN, Channel.TIKTOK), 1));

        List<Signal> recorded = log.all(ALICE);
        assertThat(recorded).extracting(Signal::kind)
                .containsExactly(SignalKind.BLUEPRINT_CREATED, SignalKind.CHANNELS_REPLANNED);
        assertThat(recorded.get(0).texts(Signal.CHANNELS)).containsExactly("linkedin", "instagram");
        assertThat(recorded.get(0).text(Signal.GOAL)).isEqualTo("product_launch");
        assertThat(recorded.get(1).texts(Signal.ADDED)).containsExactly("tiktok");
        assertThat(recorded.get(1).texts(Signal.REMOVED)).containsExactly("instagram");
    }

    @Test
    void aUserWhoAlwaysCutsInstagramHashtagsAndAddsAPhraseGetsBothInTheNextProposals() {
        for (int i = 0; i < 3; i++) {
            Campaign campaign = blueprint(ALICE, Channel.INSTAGRAM);
            Proposal copy = caption(proposalService.generate(ALICE, campaign.campaignId(), GenerateProposals.defaults()).proposals().values());
            assertThat(copy.proposedPrompt()).contains("(3 recommended)");
            String edited = copy.proposedPrompt().replaceAll("≤ \\d+ hashtags \\(\\d+ recommended\\)", "≤ 1 hashtag")
                    + " Mention free shipping.";
            proposalService.patch(ALICE, campaign.campaignId(), copy.assetId(), edit(copy.version(), edited));
        }
        assertThat(log.all(ALICE)).filteredOn(s -> s.kind() == SignalKind.PROMPT_EDITED).hasSize(3);

        Campaign next = blueprint(ALICE, Channel.INSTAGRAM);
        Proposal copy = caption(proposalService.generate(ALICE, next.campaignId(), GenerateProposals.defaults()).proposals().values());

        assertThat(copy.proposedPrompt()).contains("≤ 1 hashtag (the user's own preference on this channel)")
                .doesNotContain("(3 recommended)")
                .contains("The user's standing preferences: always Mention free shipping.");
        assertThat(copy.provenance().get("text_limits")).endsWith("learned from 3 of your edits of instagram prompts");
        assertThat(copy.provenance().get("user_phrases")).isEqualTo("personalization: learned from 3 of your edits");
        assertThat(copy.provenance().get("personalization")).contains("1 hashtag on instagram (learned from 3 of your edits");

        Campaign bobs = blueprint(BOB, Channel.INSTAGRAM);
        Proposal bobsCopy = caption(proposalService.generate(BOB, bobs.campaignId(), GenerateProposals.defaults()).proposals().values());
        assertThat(bobsCopy.proposedPrompt()).as("another user's edits are not learned for bob")
                .contains("(3 recommended)").doesNotContain("free shipping");
        assertThat(bobsCopy.provenance()).doesNotContainKey("personalization");
    }

    @Test
    void anAngleTheUserKeepsRejectingIsNotProposedAgain() {
        String rejected = null;
        for (int i = 0; i < 3; i++) {
            Campaign campaign = blueprint(ALICE, Channel.INSTAGRAM);
            Proposal image = firstOf(proposalService.generate(ALICE, campaign.campaignId(), GenerateProposals.defaults()).proposals().values(),
                    AssetType.IMAGE);
            rejected = image.angle();
            proposalService.patch(ALICE, campaign.campaignId(), image.assetId(),
                    new ProposalChange(ProposalChange.Action.REJECT, image.version(), null, Map.of(), null,
                            "too salesy", null));
        }

        Campaign next = blueprint(ALICE, Channel.INSTAGRAM);
        Proposal image = firstOf(proposalService.generate(ALICE, next.campaignId(), GenerateProposals.defaults()).proposals().values(),
                AssetType.IMAGE);

        assertThat(image.angle()).isNotEqualTo(rejected);
        assertThat(image.provenance().get("personalization")).contains("angles " + rejected + " avoided");
    }

    @Test
    void approvalsAlternateAnglesAndPushBacksAreRecordedWithTheirAngle() {
        Campaign campaign = blueprint(ALICE, Channel.INSTAGRAM);
        List<Proposal> all = List.copyOf(proposalService.generate(ALICE, campaign.campaignId(), GenerateProposals.defaults()).proposals().values());
        Proposal first = all.get(0);
        Proposal second = all.get(1);
        proposalService.patch(ALICE, campaign.campaignId(), first.assetId(),
                new ProposalChange(ProposalChange.Action.ALTERNATE_ANGLE, 1, null, Map.of(), null, null, null));
        proposalService.pushBack(ALICE, campaign.campaignId(), second.assetId(), "Warmer light", 1);
        proposalService.approveAll(ALICE, campaign.campaignId());

        List<Signal> recorded = log.all(ALICE);
        Signal alternate = recorded.stream().filter(s -> s.kind() == SignalKind.ALTERNATE_ANGLE).findFirst().orElseThrow();
        assertThat(alternate.text(Signal.ANGLE)).isEqualTo(first.angle());
        Signal pushBack = recorded.stream().filter(s -> s.kind() == SignalKind.BOARD_PUSH_BACK).findFirst().orElseThrow();
        assertThat(pushBack.text(Signal.COMMENT)).isEqualTo("Warmer light");
        int approved = recorded.stream().filter(s -> s.kind() == SignalKind.PROPOSAL_APPROVED)
                .mapToInt(s -> s.number(Signal.COUNT).intValue()).sum();
        assertThat(approved).isEqualTo(all.size());
    }

    @Test
    void aSignalStoreOutageFailsNeitherBlueprintsNorProposals() {
        log.failing(true);

        Campaign campaign = blueprint(ALICE, Channel.LINKEDIN);

        assertThat(proposalService.generate(ALICE, campaign.campaignId(), GenerateProposals.defaults()).proposals()).isNotEmpty();
        assertThat(log.all(ALICE)).isEmpty();
    }

    @Test
    void withoutHistoryTheDefaultsAreTheBrandDnasAndLearningReplacesThem() {
        new BrandService(profiles, CHANNELS, CLOCK).putProfile(ALICE, brandProfile(
                "{'persona_data':{'selected_platforms':['pinterest','instagram']},'color_palette':['#111111','#D4AF37'],"
                        + "'website_analysis':{'style_guidelines':{'imagery':'premium, elegant product still lifes'}}}"));

        PersonalizationService.DefaultsBody campaign = personalization.defaults(ALICE, "campaign_creator");
        PersonalizationService.DefaultsBody photoshoot = personalization.defaults(ALICE, "product_photoshoot");

        assertThat(campaign.defaults()).containsEntry("channels", List.of("pinterest", "instagram"))
                .containsEntry("goal", "product_launch");
        assertThat(campaign.fields().get("channels").source()).isEqualTo(Learned.Source.BRAND_DNA);
        assertThat(photoshoot.defaults()).containsEntry("environment", "luxury").containsEntry("lighting", "dramatic")
                .containsEntry("brand_colors", List.of("#111111", "#D4AF37"));
        assertThat(personalization.recommendations(ALICE).recommendations().reasoning())
                .startsWith("No activity to learn from yet, so these follow your Brand DNA: pinterest, instagram");

        for (int i = 0; i < 4; i++) {
            blueprint(ALICE, Channel.TIKTOK, Channel.YOUTUBE);
            signals.studioSettingsSubmitted(ALICE, "product_photoshoot", Map.of("environment", "outdoor",
                    "lighting", "natural", "template_id", "image-outdoor-adventure"), NOW);
        }

        PersonalizationService.DefaultsBody learnedCampaign = personalization.defaults(ALICE, "campaign_creator");
        PersonalizationService.DefaultsBody learnedShoot = personalization.defaults(ALICE, "product_photoshoot");
        assertThat(learnedCampaign.defaults()).containsEntry("channels", List.of("tiktok", "youtube"));
        assertThat(learnedCampaign.fields().get("channels").evidence().events()).isEqualTo(4);
        assertThat(learnedShoot.defaults()).containsEntry("environment", "outdoor").containsEntry("lighting", "natural")
                .containsEntry("style", "luxury");
        Recommendations recommendations = personalization.recommendations(ALICE).recommendations();
        assertThat(recommendations.channels()).startsWith("tiktok", "youtube");
        assertThat(recommendations.templates().get(0)).isEqualTo("image-outdoor-adventure");
        assertThat(recommendations.reasoning()).contains("tiktok in 4 of 4", "environment outdoor",
                "image-outdoor-adventure");
        assertThat(personalization.defaults(BOB, "campaign_creator").defaults())
                .containsEntry("channels", List.of("instagram", "facebook", "linkedin"));

        PersonalizationService.ForgetBody forgotten = personalization.forget(ALICE);
        assertThat(forgotten.forgottenSignals()).isEqualTo(8);
        assertThat(personalization.defaults(ALICE, "campaign_creator").defaults())
                .containsEntry("channels", List.of("pinterest", "instagram"));
    }

    @Test
    void anUnknownFormTypeIsNotFoundWithAHumanDetail() {
        assertThatThrownBy(() -> personalization.defaults(ALICE, "newsletter"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("There are no defaults for the form type 'newsletter'; the form types are campaign_creator, "
                        + "product_photoshoot, product_video, product_animation, product_avatar.");
    }

    private Campaign blueprint(String user, Channel... channels) {
        return campaignService.createBlueprint(user, new CreateCampaign("Launch " + ids.get(), Goal.PRODUCT_LAUNCH,
                null, List.of(channels), Map.of("product_name", "Aurora", "product_description", "A desk lamp"), null,
                null));
    }

    private static ProposalChange edit(long version, String prompt) {
        return new ProposalChange(ProposalChange.Action.EDIT, version, prompt, Map.of(), null, null, null);
    }

    private static Proposal caption(Collection<Proposal> proposals) {
        return proposals.stream().filter(p -> p.channel() == Channel.INSTAGRAM && p.assetType() == AssetType.TEXT)
                .findFirst().orElseThrow();
    }

    private static Proposal firstOf(Collection<Proposal> proposals, AssetType type) {
        return proposals.stream().filter(p -> p.assetType() == type).findFirst().orElseThrow();
    }
}
