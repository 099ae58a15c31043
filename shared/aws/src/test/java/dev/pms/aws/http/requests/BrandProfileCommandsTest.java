package dev.pms.aws.http.requests;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.brand.BrandProfile;
import dev.pms.core.brand.PutBrandProfile;
import dev.pms.core.brand.StoredBrandProfile;
import dev.pms.core.channel.Channel;
import dev.pms.core.error.FieldError;
import dev.pms.core.error.ValidationException;
import dev.pms.core.json.Json;
import org.junit.jupiter.api.Test;

import java.util.Collections;

import static dev.pms.aws.http.requests.RequestBodies.CLOCK;
import static dev.pms.aws.http.requests.RequestBodies.json;
import static dev.pms.aws.http.requests.RequestBodies.messageOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Unit: a brand profile body read into its command, normalised, every problem reported with its path. */
class BrandProfileCommandsTest {
    private static final String FULL_PROFILE = "{'website_analysis':{'website_url':'https://aurora.example',"
            + "'writing_style':{'tone':'calm and expert','voice':'first person plural','complexity':'Advanced','engagement_level':'high'},"
            + "'target_audience':{'demographics':['home office workers','designers'],'industry_focus':'smart home','expertise_level':'expert'},"
            + "'brand_analysis':{'brand_values':['craft','light'],'positioning':'premium smart lighting',"
            + "'differentiators':['circadian presets'],'unique_value_props':['sleep better in a week']},"
            + "'style_guidelines':{'imagery':'warm evening interiors'},'content_type':'blog'},"
            + "'persona_data':{'core_persona':{'persona_name':'Lumen','archetype':'Creator','core_belief':'light shapes mood',"
            + "'linguistic_fingerprint':'sensory verbs'},'platform_personas':{'LinkedIn':{'tone':'data-backed lighting expert'}},"
            + "'selected_platforms':['instagram','x','linkedin','twitter']},"
            + "'research_preferences':{'research_depth':'comprehensive','content_types':['guides'],'auto_research':true,'factual_content':true},"
            + "'competitor_analyses':[{'competitor_url':'https://lumio.example','analysis_data':{'summary':'cheap but harsh light'}}],"
            + "'color_palette':['#112233','#FFAA00'],'vocabulary':{'preferred':['glow'],'avoid':['cheap']},"
            + "'forbidden_phrases':['cures insomnia']}";

    @Test
    void readsAValidProfileNormalisingChannelsAndEnums() {
        PutBrandProfile command = BrandProfileCommands.put(json(FULL_PROFILE));

        assertThat(command.expectedVersion()).isNull();
        BrandProfile profile = command.profile();
        assertThat(profile.personaData().selectedPlatforms()).containsExactly(Channel.INSTAGRAM, Channel.TWITTER, Channel.LINKEDIN);
        assertThat(profile.personaData().platformPersonas()).containsOnlyKeys("linkedin");
        assertThat(profile.websiteAnalysis().writingStyle().complexity()).isEqualTo("advanced");
        assertThat(BrandProfileCommands.put(json("{'version':0,'forbidden_phrases':['a']}")).expectedVersion()).isZero();
    }

    @Test
    void reportsEveryProblemOfAProfileWithItsPath() {
        ValidationException error = catchThrowableOfType(ValidationException.class, () -> BrandProfileCommands.put(json(
                "{'mood':'sunny','version':'3',"
                        + "'website_analysis':{'website_url':'ftp://aurora.example','writing_style':'calm',"
                        + "'target_audience':{'demographics':'everyone','expertise_level':'guru'},'brand_analysis':[]},"
                        + "'persona_data':{'core_persona':{'persona_name':'" + "n".repeat(201) + "'},"
                        + "'platform_personas':{'myspace':{},'tiktok':'fun'},'selected_platforms':['instagram','x','friendster']},"
                        + "'research_preferences':{'research_depth':'deep','auto_research':'yes'},"
                        + "'competitor_analyses':[{'competitor_url':'https://a.example','extra':1}],"
                        + "'color_palette':['#12345','#ABCDEF',3],'vocabulary':{'preferred':[null]},"
                        + "'forbidden_phrases':" + bigList(101) + "}")));

        assertThat(error.fieldErrors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                "mood", "version",
                "website_analysis.website_url", "website_analysis.writing_style",
                "website_analysis.target_audience.demographics", "website_analysis.target_audience.expertise_level",
                "website_analysis.brand_analysis",
                "persona_data.core_persona.persona_name", "persona_data.platform_personas.myspace",
                "persona_data.platform_personas.tiktok", "persona_data.selected_platforms[2]",
                "research_preferences.research_depth", "research_preferences.auto_research",
                "competitor_analyses[0].extra", "color_palette[0]", "color_palette[2]", "vocabulary.preferred[0]",
                "forbidden_phrases");
        assertThat(messageOf(error, "website_analysis.target_audience.expertise_level")).contains("beginner, intermediate, expert");
        assertThat(messageOf(error, "research_preferences.research_depth")).contains("basic, standard, comprehensive");
        assertThat(messageOf(error, "color_palette[0]")).contains("#RRGGBB");
        assertThat(messageOf(error, "website_analysis.website_url")).contains("http(s)");
        assertThat(messageOf(error, "website_analysis.writing_style")).isEqualTo("must be an object, not a string");
        assertThat(messageOf(error, "version")).contains("whole number");
        assertThat(messageOf(error, "persona_data.core_persona.persona_name")).contains("at most 200");
    }

    @Test
    void rejectsABodyThatIsNotAnObjectAndBoundsFreeFormParts() {
        assertThat(catchThrowableOfType(ValidationException.class, () -> BrandProfileCommands.put(json("'hello'")))
                .fieldErrors()).extracting(FieldError::field).containsExactly("body");
        String deep = "{'a':".repeat(8) + "1" + "}".repeat(8);
        ValidationException error = catchThrowableOfType(ValidationException.class, () -> BrandProfileCommands.put(
                json("{'website_analysis':{'style_guidelines':" + deep + ",'brand_analysis':{'story':'" + "s".repeat(2001) + "'}}}")));
        assertThat(error.fieldErrors()).extracting(FieldError::field)
                .anySatisfy(f -> assertThat(f).startsWith("website_analysis.style_guidelines.a.a"))
                .contains("website_analysis.brand_analysis.story");
    }

    @Test
    void aProfileReadBackCanBeSavedAgainUnchanged() {
        PutBrandProfile first = BrandProfileCommands.put(json(FULL_PROFILE));
        JsonNode asRead = Json.mapper().valueToTree(new StoredBrandProfile(first.profile(), CLOCK.instant(), 1));

        PutBrandProfile second = BrandProfileCommands.put(asRead);

        assertThat(second.expectedVersion()).isEqualTo(1);
        assertThat(second.profile()).isEqualTo(first.profile());
    }

    @Test
    void rejectsAnOversizedProfile() {
        String competitors = String.join(",", Collections.nCopies(20,
                "{'competitor_url':'https://c.example','analysis_data':{'notes':['" + "n".repeat(1_990) + "','"
                        + "n".repeat(1_990) + "','" + "n".repeat(1_990) + "']}}"));
        ValidationException error = catchThrowableOfType(ValidationException.class,
                () -> BrandProfileCommands.put(json("{'competitor_analyses':[" + competitors + "]}")));
        assertThat(error.fieldErrors()).extracting(FieldError::field).containsExactly("body");
    }

    private static String bigList(int size) {
        return "[" + String.join(",", Collections.nCopies(size, "'p'")) + "]";
    }
}
