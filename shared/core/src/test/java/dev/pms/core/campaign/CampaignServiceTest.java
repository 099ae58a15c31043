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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.pms.core.support.Fixtures.CLOCK;
import static dev.pms.core.support.Fixtures.NOW;
import static dev.pms.core.support.Fixtures.json;
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

    private Campaign createLaunch(String user, String channels) {
        return service.createBlueprint(user, json("{'campaign_name':'Aurora lamp launch','goal':'product_launch',"
                + "'kpi':'1,000 pre-orders','channels':" + channels + ",'launch_date':'2026-12-10',"
                + "'product_context':{'product_name':'Aurora','product_description':'A smart lamp','marketing_goal':'sales'}}"));
    }

    @Test
    void createsADraftBlueprintAndStoresIt() {
        Campaign campaign = createLaunch(ALICE, "['instagram','email']");

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
        JsonNode body = Json.mapper().valueToTree(createLaunch(ALICE, "['tiktok']"));

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
    void acceptsXAsTwitterAndDropsDuplicateChannels() {
        Campaign campaign = createLaunch(ALICE, "['x','Twitter','linkedin','x']");
        assertThat(campaign.channels()).containsExactly(Channel.TWITTER, Channel.LINKEDIN);
    }

    @Test
    void campaignsCreatedInTheSameInstantNeverCollide() {
        Campaign first = createLaunch(ALICE, "['twitter']");
        Campaign second = createLaunch(ALICE, "['twitter']");
        assertThat(first.campaignId()).isNotEqualTo(second.campaignId());
        assertThat(campaigns.size()).isEqualTo(2);
    }

    @Test
    void keepsUnknownProductContextKeysAndExactDecimals() {
        Campaign campaign = service.createBlueprint(ALICE, json("{'campaign_name':'Sale','goal':'conversion',"
                + "'channels':['google_ads'],'utm':'x','product_context':{'product_name':'Aurora','price':19.99,"
                + "'bundle':{'items':['lamp','bulb']}}}"));
        assertThat(campaign.productContext()).containsEntry("price", new BigDecimal("19.99"))
                .containsEntry("bundle", Map.of("items", List.of("lamp", "bulb")));
        assertThat(campaign.startDate()).isEqualTo(TODAY);
        assertThat(campaign.launchDate()).isNull();
    }

    @Test
    void reportsEveryProblemOfTheRequestAtOnce() {
        ValidationException error = catchThrowableOfType(ValidationException.class, () -> service.createBlueprint(ALICE,
                json("{'campaign_name':'','goal':'world_domination','kpi':'" + "k".repeat(501) + "',"
                        + "'channels':['instagram','myspace',7],'launch_date':'12/10/2026','start_date':3,"
                        + "'product_context':'lamp'}")));

        assertThat(error.fieldErrors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                "goal", "kpi", "channels[1]", "channels[2]", "launch_date", "start_date", "product_context");
        assertThat(messageOf(error, "goal")).contains("product_launch, awareness, conversion, retention");
        assertThat(messageOf(error, "channels[1]")).contains("myspace", "x = twitter");
        assertThat(messageOf(error, "channels[2]")).contains("must be a string");
        assertThat(messageOf(error, "kpi")).contains("at most 500");
        assertThat(messageOf(error, "launch_date")).contains("YYYY-MM-DD");
        assertThat(messageOf(error, "product_context")).contains("must be an object");
        assertThat(campaigns.size()).isZero();
    }

    @Test
    void rejectsABodyThatIsNotAnObjectAndMissingRequiredFields() {
        assertThat(catchThrowableOfType(ValidationException.class, () -> service.createBlueprint(ALICE, json("[1]")))
                .fieldErrors()).extracting(FieldError::field).containsExactly("body");
        assertThat(catchThrowableOfType(ValidationException.class, () -> service.createBlueprint(ALICE, json("{}")))
                .fieldErrors()).extracting(FieldError::field).containsExactlyInAnyOrder("goal", "channels");
        assertThat(catchThrowableOfType(ValidationException.class, () -> service.createBlueprint(ALICE,
                json("{'campaign_name':'a','goal':'awareness','channels':["
                        + String.join(",", Collections.nCopies(13, "'instagram'")) + "]}"))).fieldErrors())
                .extracting(FieldError::message).containsExactly("must name at most 12 channels (got 13)");
    }

    @Test
    void rejectsALaunchDateNotAfterTheStartDate() {
        ValidationException error = catchThrowableOfType(ValidationException.class, () -> service.createBlueprint(ALICE,
                json("{'campaign_name':'a','goal':'product_launch','channels':['email'],"
                        + "'start_date':'2026-12-10','launch_date':'2026-12-10'}")));
        assertThat(error.fieldErrors()).extracting(FieldError::field).containsExactly("launch_date");
    }

    @Test
    void defaultsChannelsToThePersonaPlatformsOfTheProfile() {
        profiles.save(ALICE, new BrandProfile(null, new BrandProfile.PersonaData(null, null,
                List.of(Channel.LINKEDIN, Channel.PINTEREST)), null, null, null, null, null), null);

        Campaign campaign = service.createBlueprint(ALICE, json("{'campaign_name':'Brand','goal':'awareness','channels':[]}"));

        assertThat(campaign.channels()).containsExactly(Channel.LINKEDIN, Channel.PINTEREST);
        assertThat(catchThrowableOfType(ValidationException.class, () -> service.createBlueprint(BOB,
                json("{'campaign_name':'Brand','goal':'awareness'}"))).fieldErrors())
                .singleElement().satisfies(e -> {
                    assertThat(e.field()).isEqualTo("channels");
                    assertThat(e.message()).contains("selected_platforms");
                });
    }

    @Test
    void anotherUsersCampaignIsNotFoundOnEveryRoute() {
        Campaign campaign = createLaunch(ALICE, "['instagram']");
        String id = campaign.campaignId();
        assertThatThrownBy(() -> service.get(BOB, id)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.update(BOB, id, json("{'version':1,'kpi':'x'}"))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.delete(BOB, id)).isInstanceOf(NotFoundException.class);
        assertThat(service.get(ALICE, id)).isEqualTo(campaign);
        assertThatThrownBy(() -> service.get(ALICE, "nope")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void listValidatesStatusAndLimitThenDelegates() {
        createLaunch(ALICE, "['instagram']");
        createLaunch(BOB, "['instagram']");

        Page<Campaign> page = service.list(ALICE, null, null, null);
        assertThat(page.items()).hasSize(1);
        assertThat(campaigns.lastList()).isEqualTo(new InMemoryCampaignRepository.ListCall(ALICE, null, 50, null));

        service.list(ALICE, "Draft", "200", "10");
        assertThat(campaigns.lastList()).isEqualTo(new InMemoryCampaignRepository.ListCall(ALICE, CampaignStatus.DRAFT, 200, "10"));

        ValidationException error = catchThrowableOfType(ValidationException.class,
                () -> service.list(ALICE, "finished", "0", null));
        assertThat(error.fieldErrors()).extracting(FieldError::field).containsExactly("status", "limit");
        assertThat(catchThrowableOfType(ValidationException.class, () -> service.list(ALICE, null, "ten", null))
                .fieldErrors()).extracting(FieldError::field).containsExactly("limit");
        assertThat(catchThrowableOfType(ValidationException.class, () -> service.list(ALICE, null, null, "t".repeat(2049)))
                .fieldErrors()).extracting(FieldError::field).containsExactly("next_token");
    }

    @Test
    void updateRenamesBumpsTheVersionAndRecordsTheChange() {
        Campaign campaign = createLaunch(ALICE, "['instagram']");

        Campaign updated = service.update(ALICE, campaign.campaignId(),
                json("{'version':1,'campaign_name':'Aurora v2','kpi':null}"));

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
    void refusesControlCharactersInTheNameOnCreateAndPatchAsItRefusesABlankPatch() {
        for (String name : List.of("\\u0000", "Launch\\u0007", "two\\nlines")) {
            ValidationException error = catchThrowableOfType(ValidationException.class, () -> service.createBlueprint(ALICE,
                    json("{'campaign_name':'" + name + "','goal':'awareness','channels':['instagram']}")));
            assertThat(error.fieldErrors()).extracting(FieldError::field).containsExactly("campaign_name");
        }
        Campaign campaign = createLaunch(ALICE, "['instagram']");
        for (String name : List.of("   ", "\\u0000", "\\u001b[31mred")) {
            ValidationException error = catchThrowableOfType(ValidationException.class, () -> service.update(ALICE,
                    campaign.campaignId(), json("{'version':1,'campaign_name':'" + name + "'}")));
            assertThat(error.fieldErrors()).extracting(FieldError::field).containsExactly("campaign_name");
        }
        assertThat(campaigns.size()).isEqualTo(1);
        assertThat(service.get(ALICE, campaign.campaignId()).campaignName()).isEqualTo("Aurora lamp launch");
    }

    @Test
    void refusesAnUnpairedSurrogateInAnyStringField() {
        ValidationException error = catchThrowableOfType(ValidationException.class, () -> service.createBlueprint(ALICE,
                json("{'goal':'awareness','channels':['instagram'],'kpi':'a\\ud800b'}")));
        assertThat(error.fieldErrors()).extracting(FieldError::field).containsExactly("kpi");
        assertThat(messageOf(error, "kpi")).contains("well-formed Unicode");
    }

    @Test
    void staleVersionIsAConflict() {
        Campaign campaign = createLaunch(ALICE, "['instagram']");
        service.update(ALICE, campaign.campaignId(), json("{'version':1,'kpi':'more'}"));
        assertThatThrownBy(() -> service.update(ALICE, campaign.campaignId(), json("{'version':1,'kpi':'less'}")))
                .isInstanceOf(VersionConflictException.class).hasMessageContaining("version 2");
    }

    @Test
    void updateValidatesThePatch() {
        Campaign campaign = createLaunch(ALICE, "['instagram']");
        ValidationException error = catchThrowableOfType(ValidationException.class, () -> service.update(ALICE,
                campaign.campaignId(), json("{'goal':'awareness','channels':[],'launch_date':null,'campaign_name':7}")));
        assertThat(error.fieldErrors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("goal", "version", "channels", "launch_date", "campaign_name");
        assertThat(messageOf(error, "version")).isEqualTo("is required");
    }

    @Test
    void changingChannelsReplansAndKeepsSurvivingNodes() {
        Campaign campaign = createLaunch(ALICE, "['instagram','tiktok']");

        Campaign updated = service.update(ALICE, campaign.campaignId(), json("{'version':1,'channels':['instagram','x']}"));

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
        Campaign campaign = createLaunch(ALICE, "['email']");

        Campaign moved = service.update(ALICE, campaign.campaignId(), json("{'version':1,'launch_date':'2026-12-20'}"));

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
        Campaign campaign = createLaunch(ALICE, "['email']");
        ValidationException error = catchThrowableOfType(ValidationException.class, () -> service.update(ALICE,
                campaign.campaignId(), json("{'version':1,'start_date':'2026-12-20','launch_date':'2026-12-19'}")));
        assertThat(error.fieldErrors()).extracting(FieldError::field).containsExactly("launch_date");

        Campaign stretched = service.update(ALICE, campaign.campaignId(),
                json("{'version':1,'start_date':'2026-12-01','launch_date':'2026-12-15'}"));
        assertThat(stretched.phases().get(0).durationDays()).isEqualTo(14);
        assertThat(stretched.changes().get(0).fields()).containsExactly("start_date", "launch_date");
    }

    @Test
    void movingTheStartOfAnotherGoalShiftsItsPhases() {
        Campaign campaign = service.createBlueprint(ALICE, json("{'campaign_name':'Loyal','goal':'retention','channels':['email']}"));
        Campaign moved = service.update(ALICE, campaign.campaignId(), json("{'version':1,'start_date':'2027-01-04'}"));
        assertThat(moved.phases()).extracting(Phase::name).containsExactly("onboarding", "engagement", "loyalty");
        assertThat(moved.startDate()).isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(moved.phases().get(2).endDate()).isEqualTo(LocalDate.of(2027, 1, 4).plusDays(7 + 21 + 14 - 1));
        assertThat(moved.assetNodes()).allSatisfy(n -> assertThat(n.dueDate()).isAfterOrEqualTo(LocalDate.of(2027, 1, 4)));
    }

    @Test
    void theChangeLogKeepsTheMostRecentEntries() {
        Campaign campaign = createLaunch(ALICE, "['email']");
        for (int version = 1; version <= CampaignService.MAX_CHANGES_KEPT + 2; version++) {
            campaign = service.update(ALICE, campaign.campaignId(), json("{'version':" + version + ",'kpi':'kpi " + version + "'}"));
        }
        assertThat(campaign.changes()).hasSize(CampaignService.MAX_CHANGES_KEPT);
        assertThat(campaign.changes().get(CampaignService.MAX_CHANGES_KEPT - 1).fields()).containsExactly("kpi");
        assertThat(campaign.version()).isEqualTo(CampaignService.MAX_CHANGES_KEPT + 3);
    }

    @Test
    void rejectsAnOversizedProductContext() {
        String many = String.join(",", Collections.nCopies(5, "'" + "d".repeat(4_500) + "'"));
        ValidationException error = catchThrowableOfType(ValidationException.class, () -> service.createBlueprint(ALICE,
                json("{'campaign_name':'a','goal':'awareness','channels':['email'],'product_context':{'notes':[" + many + "]}}")));
        assertThat(error.fieldErrors()).extracting(FieldError::field).containsExactly("product_context");
        assertThat(error.fieldErrors().get(0).message()).contains("too large");
    }

    @Test
    void anUnchangedPatchStoresNothing() {
        Campaign campaign = createLaunch(ALICE, "['email']");
        assertThat(service.update(ALICE, campaign.campaignId(), json("{'version':1,'channels':['email']}"))).isEqualTo(campaign);
    }

    @Test
    void deleteRemovesOnceThenIsNotFound() {
        Campaign campaign = createLaunch(ALICE, "['email']");
        service.delete(ALICE, campaign.campaignId());
        assertThatThrownBy(() -> service.get(ALICE, campaign.campaignId())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.delete(ALICE, campaign.campaignId())).isInstanceOf(NotFoundException.class);
    }

    private static String messageOf(ValidationException error, String field) {
        return error.fieldErrors().stream().filter(e -> e.field().equals(field)).findFirst().orElseThrow().message();
    }
}
