package dev.pms.aws.http.requests;

import dev.pms.core.campaign.CampaignStatus;
import dev.pms.core.campaign.CreateCampaign;
import dev.pms.core.campaign.Goal;
import dev.pms.core.campaign.ListCampaigns;
import dev.pms.core.campaign.PatchCampaign;
import dev.pms.core.channel.Channel;
import dev.pms.core.error.FieldError;
import dev.pms.core.error.ValidationException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static dev.pms.aws.http.requests.RequestBodies.CLOCK;
import static dev.pms.aws.http.requests.RequestBodies.json;
import static dev.pms.aws.http.requests.RequestBodies.messageOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Unit: campaign request bodies and queries read into their commands, every problem of a request at once. */
class CampaignCommandsTest {
    private final CampaignCommands commands = new CampaignCommands(null, CLOCK);

    private CreateCampaign create(String body) {
        return commands.create(json(body), List::of);
    }

    @Test
    void readsACompleteRequest() {
        CreateCampaign create = create("{'campaign_name':' Aurora lamp launch ','goal':'product_launch',"
                + "'kpi':'1,000 pre-orders','channels':['instagram','email'],'launch_date':'2026-12-10',"
                + "'product_context':{'product_name':'Aurora'}}");

        assertThat(create).isEqualTo(new CreateCampaign("Aurora lamp launch", Goal.PRODUCT_LAUNCH, "1,000 pre-orders",
                List.of(Channel.INSTAGRAM, Channel.EMAIL), Map.of("product_name", "Aurora"), null,
                LocalDate.of(2026, 12, 10)));
        assertThat(create("{'campaign_name':' ','goal':'awareness','channels':['email']}").campaignName()).isNull();
    }

    @Test
    void acceptsXAsTwitterAndDropsDuplicateChannels() {
        assertThat(create("{'goal':'awareness','channels':['x','Twitter','linkedin','x']}").channels())
                .containsExactly(Channel.TWITTER, Channel.LINKEDIN);
    }

    @Test
    void keepsUnknownProductContextKeysAndExactDecimals() {
        CreateCampaign create = create("{'campaign_name':'Sale','goal':'conversion',"
                + "'channels':['google_ads'],'utm':'x','product_context':{'product_name':'Aurora','price':19.99,"
                + "'bundle':{'items':['lamp','bulb']}}}");
        assertThat(create.productContext()).containsEntry("price", new BigDecimal("19.99"))
                .containsEntry("bundle", Map.of("items", List.of("lamp", "bulb")));
    }

    @Test
    void reportsEveryProblemOfTheRequestAtOnce() {
        ValidationException error = catchThrowableOfType(ValidationException.class, () -> create(
                "{'campaign_name':'','goal':'world_domination','kpi':'" + "k".repeat(501) + "',"
                        + "'channels':['instagram','myspace',7],'launch_date':'12/10/2026','start_date':3,"
                        + "'product_context':'lamp'}"));

        assertThat(error.fieldErrors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                "goal", "kpi", "channels[1]", "channels[2]", "launch_date", "start_date", "product_context");
        assertThat(messageOf(error, "goal")).contains("product_launch, awareness, conversion, retention");
        assertThat(messageOf(error, "channels[1]")).contains("myspace", "x = twitter");
        assertThat(messageOf(error, "channels[2]")).contains("must be a string");
        assertThat(messageOf(error, "kpi")).contains("at most 500");
        assertThat(messageOf(error, "launch_date")).contains("YYYY-MM-DD");
        assertThat(messageOf(error, "product_context")).contains("must be an object");
    }

    @Test
    void rejectsABodyThatIsNotAnObjectAndMissingRequiredFields() {
        assertThat(catchThrowableOfType(ValidationException.class, () -> create("[1]"))
                .fieldErrors()).extracting(FieldError::field).containsExactly("body");
        assertThat(catchThrowableOfType(ValidationException.class, () -> create("{}"))
                .fieldErrors()).extracting(FieldError::field).containsExactlyInAnyOrder("goal", "channels");
        assertThat(catchThrowableOfType(ValidationException.class, () -> create(
                "{'campaign_name':'a','goal':'awareness','channels':["
                        + String.join(",", Collections.nCopies(13, "'instagram'")) + "]}")).fieldErrors())
                .extracting(FieldError::message).containsExactly("must name at most 12 channels (got 13)");
    }

    @Test
    void rejectsALaunchDateNotAfterTheStartDate() {
        ValidationException error = catchThrowableOfType(ValidationException.class, () -> create(
                "{'campaign_name':'a','goal':'product_launch','channels':['email'],"
                        + "'start_date':'2026-12-10','launch_date':'2026-12-10'}"));
        assertThat(error.fieldErrors()).extracting(FieldError::field).containsExactly("launch_date");
    }

    @Test
    void aRequestWithoutChannelsTakesThePersonaPlatformsOrNamesTheMissingChannels() {
        CreateCampaign create = commands.create(json("{'campaign_name':'Brand','goal':'awareness','channels':[]}"),
                () -> List.of(Channel.LINKEDIN, Channel.PINTEREST));

        assertThat(create.channels()).containsExactly(Channel.LINKEDIN, Channel.PINTEREST);
        assertThat(catchThrowableOfType(ValidationException.class, () -> create(
                "{'campaign_name':'Brand','goal':'awareness'}")).fieldErrors())
                .singleElement().satisfies(e -> {
                    assertThat(e.field()).isEqualTo("channels");
                    assertThat(e.message()).contains("selected_platforms");
                });
    }

    @Test
    void refusesControlCharactersInTheNameOnCreateAndPatchAsItRefusesABlankPatch() {
        for (String name : List.of("\\u0000", "Launch\\u0007", "two\\nlines")) {
            ValidationException error = catchThrowableOfType(ValidationException.class, () -> create(
                    "{'campaign_name':'" + name + "','goal':'awareness','channels':['instagram']}"));
            assertThat(error.fieldErrors()).extracting(FieldError::field).containsExactly("campaign_name");
        }
        for (String name : List.of("   ", "\\u0000", "\\u001b[31mred")) {
            ValidationException error = catchThrowableOfType(ValidationException.class, () -> commands.patch(
                    json("{'version':1,'campaign_name':'" + name + "'}")));
            assertThat(error.fieldErrors()).extracting(FieldError::field).containsExactly("campaign_name");
        }
    }

    @Test
    void refusesAnUnpairedSurrogateInAnyStringField() {
        ValidationException error = catchThrowableOfType(ValidationException.class, () -> create(
                "{'goal':'awareness','channels':['instagram'],'kpi':'a\\ud800b'}"));
        assertThat(error.fieldErrors()).extracting(FieldError::field).containsExactly("kpi");
        assertThat(messageOf(error, "kpi")).contains("well-formed Unicode");
    }

    @Test
    void rejectsAnOversizedProductContext() {
        String many = String.join(",", Collections.nCopies(5, "'" + "d".repeat(4_500) + "'"));
        ValidationException error = catchThrowableOfType(ValidationException.class, () -> create(
                "{'campaign_name':'a','goal':'awareness','channels':['email'],'product_context':{'notes':[" + many + "]}}"));
        assertThat(error.fieldErrors()).extracting(FieldError::field).containsExactly("product_context");
        assertThat(error.fieldErrors().get(0).message()).contains("too large");
    }

    @Test
    void readsAPatchTellingAClearedKpiFromOneNotSent() {
        assertThat(commands.patch(json("{'version':1,'campaign_name':' Aurora v2 ','kpi':null}")))
                .isEqualTo(new PatchCampaign("Aurora v2", true, null, null, null, null, 1));
        assertThat(commands.patch(json("{'version':3,'channels':['instagram','x'],'launch_date':'2026-12-20'}")))
                .isEqualTo(new PatchCampaign(null, false, null, null, LocalDate.of(2026, 12, 20),
                        List.of(Channel.INSTAGRAM, Channel.TWITTER), 3));
    }

    @Test
    void updateValidatesThePatch() {
        ValidationException error = catchThrowableOfType(ValidationException.class, () -> commands.patch(
                json("{'goal':'awareness','channels':[],'launch_date':null,'campaign_name':7}")));
        assertThat(error.fieldErrors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("goal", "version", "channels", "launch_date", "campaign_name");
        assertThat(messageOf(error, "version")).isEqualTo("is required");
    }

    @Test
    void listValidatesStatusLimitAndToken() {
        assertThat(commands.list(null, null, null)).isEqualTo(new ListCampaigns(null, 50, null));
        assertThat(commands.list("Draft", "200", "10")).isEqualTo(new ListCampaigns(CampaignStatus.DRAFT, 200, "10"));

        ValidationException error = catchThrowableOfType(ValidationException.class,
                () -> commands.list("finished", "0", null));
        assertThat(error.fieldErrors()).extracting(FieldError::field).containsExactly("status", "limit");
        assertThat(catchThrowableOfType(ValidationException.class, () -> commands.list(null, "ten", null))
                .fieldErrors()).extracting(FieldError::field).containsExactly("limit");
        assertThat(catchThrowableOfType(ValidationException.class, () -> commands.list(null, null, "t".repeat(2049)))
                .fieldErrors()).extracting(FieldError::field).containsExactly("next_token");
    }
}
