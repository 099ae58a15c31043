package dev.pms.aws.http.requests;

import dev.pms.core.error.FieldError;
import dev.pms.core.error.ValidationException;
import dev.pms.core.pricing.QualityTier;
import dev.pms.core.prompt.PromptSlot;
import dev.pms.core.proposal.GenerateProposals;
import dev.pms.core.proposal.ProposalChange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static dev.pms.aws.http.requests.RequestBodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Unit: proposal request bodies read into their commands, every problem of a body reported at once. */
class ProposalCommandsTest {
    private static final String CAMPAIGN_ID = "11111111-2222-3333-4444-555555555555";

    @Test
    void readsAnEditTrimmingTheTextAndKeepingTheSlotOrder() {
        ProposalChange change = ProposalCommands.change(json("{'action':'edit','version':1,"
                + "'proposed_prompt':' A lamp on a desk at dawn ','settings':{'tier':'premium','focal_subject':' the lamp ',"
                + "'cta':'Reserve yours','model':' stability/stable-image-core '}}"));

        assertThat(change.action()).isEqualTo(ProposalChange.Action.EDIT);
        assertThat(change.proposedPrompt()).isEqualTo("A lamp on a desk at dawn");
        assertThat(change.tier()).isEqualTo(QualityTier.PREMIUM);
        assertThat(change.model()).isEqualTo("stability/stable-image-core");
        assertThat(change.overrides().keySet()).containsExactly(PromptSlot.CTA, PromptSlot.FOCAL_SUBJECT);
        assertThat(change.overrides()).containsEntry(PromptSlot.FOCAL_SUBJECT, "the lamp");
        assertThat(ProposalCommands.change(json("{'action':'reject','version':3,'reason':' Off brand '}")).reason())
                .isEqualTo("Off brand");
    }

    @Test
    void aModelThatIsNoProviderSlashModelIsRejected() {
        ValidationException error = catchThrowableOfType(ValidationException.class, () -> ProposalCommands.change(
                json("{'action':'edit','version':1,'settings':{'model':'no slash'}}")));
        assertThat(error.fieldErrors()).extracting(FieldError::field).containsExactly("settings.model");
    }

    @Test
    void readsAGenerationRequestOrNoneAtAll() {
        assertThat(ProposalCommands.generate(null, CAMPAIGN_ID)).isEqualTo(GenerateProposals.defaults());
        assertThat(ProposalCommands.generate(json("{'campaign_id':'" + CAMPAIGN_ID + "','tier':'premium',"
                + "'product_context':{'product_name':'Aurora Pro','price':129.5}}"), CAMPAIGN_ID))
                .isEqualTo(new GenerateProposals(QualityTier.PREMIUM, Map.of("product_name", "Aurora Pro",
                        "price", new BigDecimal("129.5"))));
    }

    @Test
    void aRejectNeedsAReason() {
        ValidationException error = catchThrowableOfType(ValidationException.class,
                () -> ProposalCommands.change(json("{'action':'reject','version':1}")));

        assertThat(error.fieldErrors()).containsExactly(new FieldError("reason", "is required"));
    }

    @Test
    void aBadChangeReportsEveryFieldError() {
        ValidationException error = catchThrowableOfType(ValidationException.class, () -> ProposalCommands.change(
                json("{'action':'approve','version':'1','reason':'x','color':'red'}")));
        assertThat(error.fieldErrors()).extracting(FieldError::field).containsExactlyInAnyOrder("color", "version", "reason");

        ValidationException edit = catchThrowableOfType(ValidationException.class, () -> ProposalCommands.change(
                json("{'action':'edit','version':1,'settings':{'tier':'gold','mood':'happy'}}")));
        assertThat(edit.fieldErrors()).extracting(FieldError::field).containsExactlyInAnyOrder("settings.tier", "settings.mood");

        ValidationException empty = catchThrowableOfType(ValidationException.class, () -> ProposalCommands.change(
                json("{'action':'edit','version':1}")));
        assertThat(empty.fieldErrors()).containsExactly(new FieldError("proposed_prompt", "an edit needs proposed_prompt or settings"));

        ValidationException generate = catchThrowableOfType(ValidationException.class, () -> ProposalCommands.generate(
                json("{'campaign_id':'other','tier':'gold','product_context':'Aurora'}"), CAMPAIGN_ID));
        assertThat(generate.fieldErrors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("campaign_id", "tier", "product_context");
    }
}
