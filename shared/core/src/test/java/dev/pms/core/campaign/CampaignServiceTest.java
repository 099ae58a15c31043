package dev.pms.core.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.brand.BrandProfile;
import dev.pms.core.channel.Channel;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.common.Page;
import dev.pms.core.error.FieldError;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.ValidationException;
import dev.pms.core.error.VersionConflictException;
import dev.pms.core.json.Json;
import dev.pms.core.support.InMemoryBrandProfileRepository;
import dev.pms.core.support.InMemoryCampaignRepository;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.pms.core.support.Fixtures.CLOCK;
import static dev.pms.core.support.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CampaignServiceTest {
    private static final String ALICE = "alice";
    private static final String BOB = "bob";
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private final InMemoryCampaignRepository campaigns = new InMemoryCampaignRepository();
    private final InMemoryBrandProfileRepository profiles = new InMemoryBrandProfileRepository(CLOCK);
    private final CampaignService service = new CampaignService(campaigns, profiles, ChannelCatalog.load(), CLOCK,
            () -> UUID.randomUUID().toString());

    private Campaign createLaunch(String user, Channel... channels) {
        return service.createBlueprint(user, new CreateCampaign("Aurora lamp launch", Goal.PRODUCT_LAUNCH,
                "1,000 pre-orders", List.of(channels), Map.of("product_name", "Aurora", "product_description",
                "A smart lamp", "marketing_goal", "sales"), null, LocalDate.of(2026, 12, 10)));
    }

    private static PatchCampaign patch(long version, String kpi) {
        return new PatchCampaign(null, true, kpi, null, null, null, version);
    }

    private static PatchCampaign dates(LocalDate start, LocalDate launch) {
        return new PatchCampaign(null, false, null, start, launch, null, 1);
    }

    @Test
    void createsADraftBlueprintAndStoresIt() {
        Campaign campaign = createLaunch(ALICE, Channel.INSTAGRAM, Channel.EMAIL);

        assertThat(UUID.fromString(campaign.campaignId())).isNotNull();
        assertThat(campaign.status()).isEqualTo(CampaignStatus.DRAFT);
        assertThat(campaign.version()).isEqualTo(1);
        assertThat(campaign.createdAt()).isEqualTo(NOW);
        assertThat(campaign.updatedAt()).isEqualTo(NOW);
        assertThat(campaign.goal()).isEqualTo(Goal.PRODUCT_LAUNCH);
        assertThat(campaign.channels()).containsExactly(Channel.INSTAGRAM, Channel.EMAIL);
        assertThat(campaign.phases().get(1).startDate()).isEqualTo(LocalDate.of(2026, 12, 10));
        assertThat(campaign.launchDate()).isEqualTo(LocalDate.of(2026, 12, 10));
        assertThat(campaign.startDate()).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(campaign.assetNodes()).isNotEmpty().allMatch(n -> n.status() == NodeStatus.PLANNED);
        assertThat(campaign.productContext()).containsEntry("product_name", "Aurora");
        assertThat(service.get(ALICE, campaign.campaignId())).isEqualTo(campaign);
    }

    @Test
    void serialisesTheContractShapeWithoutTheOwner() {
        JsonNode body = Json.mapper().valueToTree(createLaunch(ALICE, Channel.TIKTOK));

        assertThat(body.has("user_id")).isFalse();
        for (String field : List.of("campaign_id", "campaign_name", "goal", "kpi", "phases", "asset_nodes", "channels",
                "product_context", "status", "created_at", "updated_at")) {
            assertThat(body.has(field)).as(field).isTrue();
        }
        assertThat(body.get("status").asText()).isEqualTo("draft");
        assertThat(body.get("goal").asText()).isEqualTo("product_launch");
        assertThat(body.get("created_at").asText()).isEqualTo("2026-11-25T08:00:00Z");
        JsonNode phase = body.get("phases").get(0);
        assertThat(phase.get("name").asText()).isEqualTo("teaser");
        assertThat(phase.get("duration_days").asInt()).isEqualTo(7);
        assertThat(phase.get("start_date").asText()).isEqualTo("2026-12-03");
        assertThat(phase.get("end_date").asText()).isEqualTo("2026-12-09");
        JsonNode node = body.get("asset_nodes").get(0);
        for (String field : List.of("asset_id", "asset_type", "channel", "phase", "placement", "status", "due_date")) {
            assertThat(node.has(field)).as(field).isTrue();
        }
        assertThat(node.get("status").asText()).isEqualTo("planned");
        assertThat(node.get("channel").asText()).isEqualTo("tiktok");
    }

    @Test
    void campaignsCreatedInTheSameInstantNeverCollide() {
        Campaign first = createLaunch(ALICE, Channel.TWITTER);
        Campaign second = createLaunch(ALICE, Channel.TWITTER);
        assertThat(first.campaignId()).isNotEqualTo(second.campaignId());
        assertThat(campaigns.size()).isEqualTo(2);
    }

    @Test
    void keepsTheProductContextAsGivenAndStartsTodayWithoutDates() {
        Map<String, Object> context = Map.of("product_name", "Aurora", "price", new BigDecimal("19.99"),
                "bundle", Map.of("items", List.of("lamp", "bulb")));
        Campaign campaign = service.createBlueprint(ALICE, new CreateCampaign("Sale", Goal.CONVERSION, null,
                List.of(Channel.GOOGLE_ADS), context, null, null));
        assertThat(campaign.productContext()).isEqualTo(context);
        assertThat(campaign.startDate()).isEqualTo(TODAY);
        assertThat(campaign.launchDate()).isNull();
    }

    @Test
    void defaultsChannelsToThePersonaPlatformsOfTheProfile() {
        profiles.save(ALICE, new BrandProfile(null, new BrandProfile.PersonaData(null, null,
                List.of(Channel.LINKEDIN, Channel.PINTEREST)), null, null, null, null, null), null);

        assertThat(service.personaPlatforms(ALICE)).containsExactly(Channel.LINKEDIN, Channel.PINTEREST);
        assertThat(service.personaPlatforms(BOB)).isEmpty();
    }

    @Test
    void anotherUsersCampaignIsNotFoundOnEveryRoute() {
        Campaign campaign = createLaunch(ALICE, Channel.INSTAGRAM);
        String id = campaign.campaignId();
        assertThatThrownBy(() -> service.get(BOB, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.update(BOB, id, patch(1, "x"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.delete(BOB, id)).isInstanceOf(NotFoundException.class);
        assertThat(service.get(ALICE, id)).isEqualTo(campaign);
        assertThatThrownBy(() -> service.get(ALICE, "nope")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void listDelegatesTheQuery() {
        createLaunch(ALICE, Channel.INSTAGRAM);
        createLaunch(BOB, Channel.INSTAGRAM);

        Page<Campaign> page = service.list(ALICE, new ListCampaigns(null, 50, null));
        assertThat(page.items()).hasSize(1);
        assertThat(campaigns.lastList()).isEqualTo(new InMemoryCampaignRepository.ListCall(ALICE, null, 50, null));

        service.list(ALICE, new ListCampaigns(CampaignStatus.DRAFT, 200, "10"));
        assertThat(campaigns.lastList()).isEqualTo(new InMemoryCampaignRepository.ListCall(ALICE, CampaignStatus.DRAFT, 200, "10"));
    }

    @Test
    void updateRenamesBumpsTheVersionAndRecordsTheChange() {
        Campaign campaign = createLaunch(ALICE, Channel.INSTAGRAM);

        Campaign updated = service.update(ALICE, campaign.campaignId(),
                new PatchCampaign("Aurora v2", true, null, null, null, null, 1));

        assertThat(updated.campaignName()).isEqualTo("Aurora v2");
        assertThat(updated.kpi()).isNull();
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.assetNodes()).isEqualTo(campaign.assetNodes());
        assertThat(updated.changes()).singleElement().satisfies(change -> {
            assertThat(change.by()).isEqualTo(ALICE);
            assertThat(change.at()).isEqualTo(NOW);
            assertThat(change.fields()).containsExactly("campaign_name", "kpi");
            assertThat(change.summary()).contains("Aurora v2");
        });
        assertThat(service.get(ALICE, campaign.campaignId())).isEqualTo(updated);
    }

    @Test
    void staleVersionIsAConflict() {
        Campaign campaign = createLaunch(ALICE, Channel.INSTAGRAM);
        service.update(ALICE, campaign.campaignId(), patch(1, "more"));
        assertThatThrownBy(() -> service.update(ALICE, campaign.campaignId(), patch(1, "less")))
                .isInstanceOf(VersionConflictException.class).hasMessageContaining("version 2");
    }

    @Test
    void changingChannelsReplansAndKeepsSurvivingNodes() {
        Campaign campaign = createLaunch(ALICE, Channel.INSTAGRAM, Channel.TIKTOK);

        Campaign updated = service.update(ALICE, campaign.campaignId(),
                new PatchCampaign(null, false, null, null, null, List.of(Channel.INSTAGRAM, Channel.TWITTER), 1));

        assertThat(updated.channels()).containsExactly(Channel.INSTAGRAM, Channel.TWITTER);
        assertThat(updated.assetNodes()).noneMatch(n -> n.channel() == Channel.TIKTOK);
        assertThat(updated.assetNodes()).filteredOn(n -> n.channel() == Channel.INSTAGRAM).extracting(AssetNode::assetId)
                .containsExactlyElementsOf(campaign.assetNodes().stream()
                        .filter(n -> n.channel() == Channel.INSTAGRAM).map(AssetNode::assetId).toList());
        assertThat(updated.changes().get(0).fields()).containsExactly("channels");
        assertThat(updated.changes().get(0).summary()).contains("[instagram,tiktok] -> [instagram,twitter]", "re-planned");
    }

    @Test
    void movingTheLaunchDateShiftsThePlanAndItsDueDates() {
        Campaign campaign = createLaunch(ALICE, Channel.EMAIL);

        Campaign moved = service.update(ALICE, campaign.campaignId(), dates(null, LocalDate.of(2026, 12, 20)));

        assertThat(moved.phases().get(1).startDate()).isEqualTo(LocalDate.of(2026, 12, 20));
        assertThat(moved.phases().get(0).durationDays()).isEqualTo(campaign.phases().get(0).durationDays());
        assertThat(moved.launchDate()).isEqualTo(LocalDate.of(2026, 12, 20));
        assertThat(moved.startDate()).isEqualTo(LocalDate.of(2026, 12, 13));
        assertThat(moved.assetNodes()).extracting(AssetNode::assetId)
                .containsExactlyElementsOf(campaign.assetNodes().stream().map(AssetNode::assetId).toList());
        assertThat(moved.assetNodes().get(0).dueDate()).isEqualTo(campaign.assetNodes().get(0).dueDate().plusDays(10));
        assertThat(moved.changes().get(0).fields()).containsExactly("launch_date");
    }

    @Test
    void patchingBothDatesOfALaunchChecksTheirOrder() {
        Campaign campaign = createLaunch(ALICE, Channel.EMAIL);
        ValidationException error = catchThrowableOfType(ValidationException.class, () -> service.update(ALICE,
                campaign.campaignId(), dates(LocalDate.of(2026, 12, 20), LocalDate.of(2026, 12, 19))));
        assertThat(error.fieldErrors()).extracting(FieldError::field).containsExactly("launch_date");
        assertThat(error.getMessage()).isEqualTo("launch_date must be after start_date (2026-12-20) so the teaser has at "
                + "least one day.");

        Campaign stretched = service.update(ALICE, campaign.campaignId(),
                dates(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 15)));
        assertThat(stretched.phases().get(0).durationDays()).isEqualTo(14);
        assertThat(stretched.changes().get(0).fields()).containsExactly("start_date", "launch_date");
    }

    @Test
    void movingTheStartOfAnotherGoalShiftsItsPhases() {
        Campaign campaign = service.createBlueprint(ALICE, new CreateCampaign("Loyal", Goal.RETENTION, null,
                List.of(Channel.EMAIL), Map.of(), null, null));
        Campaign moved = service.update(ALICE, campaign.campaignId(), dates(LocalDate.of(2027, 1, 4), null));
        assertThat(moved.phases()).extracting(Phase::name).containsExactly("onboarding", "engagement", "loyalty");
        assertThat(moved.startDate()).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(moved.phases().get(2).endDate()).isEqualTo(LocalDate.of(2027, 1, 4).plusDays(7 + 21 + 14 - 1));
        assertThat(moved.assetNodes()).allSatisfy(n -> assertThat(n.dueDate()).isAfterOrEqualTo(LocalDate.of(2027, 1, 4)));
    }

    @Test
    void theChangeLogKeepsTheMostRecentEntries() {
        Campaign campaign = createLaunch(ALICE, Channel.EMAIL);
        for (int version = 1; version <= CampaignService.MAX_CHANGES_KEPT + 2; version++) {
            campaign = service.update(ALICE, campaign.campaignId(), patch(version, "kpi " + version));
        }
        assertThat(campaign.changes()).hasSize(CampaignService.MAX_CHANGES_KEPT);
        assertThat(campaign.changes().get(CampaignService.MAX_CHANGES_KEPT - 1).fields()).containsExactly("kpi");
        assertThat(campaign.version()).isEqualTo(CampaignService.MAX_CHANGES_KEPT + 3);
    }

    @Test
    void anUnchangedPatchStoresNothing() {
        Campaign campaign = createLaunch(ALICE, Channel.EMAIL);
        assertThat(service.update(ALICE, campaign.campaignId(),
                new PatchCampaign(null, false, null, null, null, List.of(Channel.EMAIL), 1))).isEqualTo(campaign);
    }

    @Test
    void deleteRemovesOnceThenIsNotFound() {
        Campaign campaign = createLaunch(ALICE, Channel.EMAIL);
        service.delete(ALICE, campaign.campaignId());
        assertThatThrownBy(() -> service.get(ALICE, campaign.campaignId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.delete(ALICE, campaign.campaignId())).isInstanceOf(NotFoundException.class);
    }
}
