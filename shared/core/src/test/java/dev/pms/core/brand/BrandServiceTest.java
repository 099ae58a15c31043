package dev.pms.core.brand;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.channel.Channel;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.error.FieldError;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.ValidationException;
import dev.pms.core.error.VersionConflictException;
import dev.pms.core.json.Json;
import dev.pms.core.support.InMemoryBrandProfileRepository;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static dev.pms.core.support.Fixtures.CLOCK;
import static dev.pms.core.support.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BrandServiceTest {
    private static final String ALICE = "alice";
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

    private final InMemoryBrandProfileRepository profiles = new InMemoryBrandProfileRepository(CLOCK);
    private final BrandService service = new BrandService(profiles, ChannelCatalog.load(), CLOCK);

    private JsonNode dnaJson(String user) {
        return Json.mapper().valueToTree(service.brandDna(user));
    }

    private JsonNode channelJson(String user, String channel) {
        return Json.mapper().valueToTree(service.channelBrandDna(user, channel));
    }

    @Test
    void withoutAProfileTheDnaIsACompleteSetOfDefaults() {
        JsonNode dna = dnaJson(ALICE).get("brand_dna");

        assertContractShape(dna);
        assertThat(dna.get("source").asText()).isEqualTo("defaults");
        assertThat(dna.has("profile_version")).isFalse();
        assertThat(emptyContainers(dna, "brand_dna")).isEmpty();
        assertThat(dna.get("defaulted_fields")).extracting(JsonNode::asText)
                .contains("writing_style.tone", "persona.platform_personas", "competitive_positioning.competitor_insights");
        assertThat(dna.get("persona").get("platform_personas").has("tiktok")).isTrue();
    }

    @Test
    void derivesTheDnaFromTheStoredProfile() {
        service.putProfile(ALICE, json(FULL_PROFILE));
        JsonNode dna = dnaJson(ALICE).get("brand_dna");

        assertContractShape(dna);
        assertThat(dna.get("source").asText()).isEqualTo("profile");
        assertThat(dna.get("profile_version").asLong()).isEqualTo(1);
        assertThat(dna.at("/writing_style/tone").asText()).isEqualTo("calm and expert");
        assertThat(dna.at("/writing_style/complexity").asText()).isEqualTo("advanced");
        assertThat(dna.at("/target_audience/demographics/1").asText()).isEqualTo("designers");
        assertThat(dna.at("/visual_identity/color_palette/0").asText()).isEqualTo("#112233");
        assertThat(dna.at("/visual_identity/brand_values/0").asText()).isEqualTo("craft");
        assertThat(dna.at("/visual_identity/positioning").asText()).isEqualTo("premium smart lighting");
        assertThat(dna.at("/persona/persona_name").asText()).isEqualTo("Lumen");
        assertThat(dna.at("/persona/platform_personas/linkedin/tone").asText()).isEqualTo("data-backed lighting expert");
        assertThat(dna.at("/competitive_positioning/differentiators/0").asText()).isEqualTo("circadian presets");
        assertThat(dna.at("/competitive_positioning/competitor_insights/0/competitor").asText()).isEqualTo("https://lumio.example");
        assertThat(dna.at("/competitive_positioning/competitor_insights/0/insight").asText()).isEqualTo("cheap but harsh light");
        assertThat(dna.at("/forbidden_phrases/0").asText()).isEqualTo("cures insomnia");
        assertThat(dna.get("defaulted_fields")).isEmpty();
    }

    @Test
    void aPartialProfileIsCompletedAndTheDefaultsAreNamed() {
        service.putProfile(ALICE, json("{'website_analysis':{'target_audience':{'expertise_level':'beginner'}}}"));
        JsonNode dna = dnaJson(ALICE).get("brand_dna");

        assertThat(dna.get("source").asText()).isEqualTo("profile");
        assertThat(dna.at("/writing_style/complexity").asText()).isEqualTo("simple");
        assertThat(emptyContainers(dna, "brand_dna")).isEmpty();
        List<String> defaulted = new ArrayList<>();
        dna.get("defaulted_fields").forEach(f -> defaulted.add(f.asText()));
        assertThat(defaulted).contains("writing_style.complexity", "writing_style.tone")
                .doesNotContain("target_audience.expertise_level");
    }

    @Test
    void channelAdaptationDiffersPerChannel() {
        JsonNode linkedin = channelJson(ALICE, "linkedin");
        JsonNode tiktok = channelJson(ALICE, "tiktok");

        assertThat(linkedin.get("channel").asText()).isEqualTo("linkedin");
        assertContractShape(linkedin.get("brand_dna"));
        JsonNode linkedinAdaptation = linkedin.at("/brand_dna/platform_adaptation");
        JsonNode tiktokAdaptation = tiktok.at("/brand_dna/platform_adaptation");
        for (String part : List.of("content_format_rules", "engagement_patterns", "visual_identity")) {
            assertThat(linkedinAdaptation.has(part)).as(part).isTrue();
            assertThat(linkedinAdaptation.get(part)).as(part).isNotEqualTo(tiktokAdaptation.get(part));
        }
        assertThat(linkedinAdaptation.at("/content_format_rules/tone_shift").asText()).contains("authoritative");
        assertThat(tiktokAdaptation.at("/content_format_rules/tone_shift").asText()).contains("playful");
        assertThat(linkedinAdaptation.get("tone").asText()).startsWith(linkedin.at("/brand_dna/writing_style/tone").asText());
        assertThat(linkedinAdaptation.at("/content_format_rules/placements")).anySatisfy(placement -> {
            assertThat(placement.get("placement").asText()).isEqualTo("linkedin/post_copy");
            assertThat(placement.at("/text_fields/0/max_chars").asInt()).isEqualTo(3000);
        });
        assertThat(tiktokAdaptation.at("/content_format_rules/placements")).anySatisfy(placement -> {
            assertThat(placement.get("placement").asText()).isEqualTo("tiktok/video");
            assertThat(placement.get("dimensions").asText()).isEqualTo("1080x1920");
            assertThat(placement.at("/video/max_seconds").asInt()).isEqualTo(600);
        });
        assertThat(channelJson(ALICE, "instagram").at("/brand_dna/platform_adaptation/content_format_rules/placements"))
                .anySatisfy(p -> assertThat(p.at("/hashtags/max").asInt()).isEqualTo(5));
    }

    @Test
    void channelDnaCarriesTheProfilesPlatformPersonaOnlyWhereItHasOne() {
        assertThat(channelJson(ALICE, "linkedin").at("/brand_dna/platform_adaptation").has("platform_persona")).isFalse();
        service.putProfile(ALICE, json(FULL_PROFILE));

        JsonNode linkedin = channelJson(ALICE, "linkedin").at("/brand_dna/platform_adaptation");
        assertThat(linkedin.at("/platform_persona/tone").asText()).isEqualTo("data-backed lighting expert");
        assertThat(linkedin.get("tone").asText()).contains("calm and expert", "authoritative", "data-backed lighting expert");
        assertThat(channelJson(ALICE, "tiktok").at("/brand_dna/platform_adaptation").has("platform_persona")).isFalse();
        assertThat(channelJson(ALICE, "linkedin").at("/brand_dna/visual_identity/color_palette/0").asText()).isEqualTo("#112233");
    }

    @Test
    void xIsTwitterAndAnUnknownChannelIsNotFound() {
        assertThat(channelJson(ALICE, "x").get("channel").asText()).isEqualTo("twitter");
        assertThat(channelJson(ALICE, "X").at("/brand_dna/platform_adaptation/platform").asText()).isEqualTo("X (Twitter)");
        assertThatThrownBy(() -> service.channelBrandDna(ALICE, "myspace")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void storesAValidProfileNormalisingChannelsAndEnums() throws Exception {
        StoredBrandProfile stored = service.putProfile(ALICE, json(FULL_PROFILE));

        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.updatedAt()).isEqualTo(CLOCK.instant());
        BrandProfile profile = stored.profile();
        assertThat(profile.personaData().selectedPlatforms()).containsExactly(Channel.INSTAGRAM, Channel.TWITTER, Channel.LINKEDIN);
        assertThat(profile.personaData().platformPersonas()).containsOnlyKeys("linkedin");
        assertThat(profile.websiteAnalysis().writingStyle().complexity()).isEqualTo("advanced");
        assertThat(service.getProfile(ALICE)).isEqualTo(stored);

        JsonNode body = Json.mapper().valueToTree(stored);
        assertThat(body.get("version").asLong()).isEqualTo(1);
        assertThat(body.get("updated_at").asText()).isEqualTo("2026-11-25T08:00:00Z");
        assertThat(body.at("/persona_data/selected_platforms/1").asText()).isEqualTo("twitter");
        assertThat(body.at("/website_analysis/brand_analysis/positioning").asText()).isEqualTo("premium smart lighting");
    }

    @Test
    void reportsEveryProblemOfAProfileWithItsPath() {
        ValidationException error = catchThrowableOfType(ValidationException.class, () -> service.putProfile(ALICE, json(
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
        assertThatThrownBy(() -> service.getProfile(ALICE)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void rejectsABodyThatIsNotAnObjectAndBoundsFreeFormParts() {
        assertThat(catchThrowableOfType(ValidationException.class, () -> service.putProfile(ALICE, json("'hello'")))
                .fieldErrors()).extracting(FieldError::field).containsExactly("body");
        String deep = "{'a':".repeat(8) + "1" + "}".repeat(8);
        ValidationException error = catchThrowableOfType(ValidationException.class, () -> service.putProfile(ALICE,
                json("{'website_analysis':{'style_guidelines':" + deep + ",'brand_analysis':{'story':'" + "s".repeat(2001) + "'}}}")));
        assertThat(error.fieldErrors()).extracting(FieldError::field)
                .anySatisfy(f -> assertThat(f).startsWith("website_analysis.style_guidelines.a.a"))
                .contains("website_analysis.brand_analysis.story");
    }

    @Test
    void versionMakesTheSaveOptimisticOtherwiseLastWriterWins() {
        service.putProfile(ALICE, json("{'version':0,'forbidden_phrases':['a']}"));
        assertThatThrownBy(() -> service.putProfile(ALICE, json("{'version':0,'forbidden_phrases':['b']}")))
                .isInstanceOf(VersionConflictException.class);
        assertThat(service.putProfile(ALICE, json("{'version':1,'forbidden_phrases':['c']}")).version()).isEqualTo(2);
        assertThat(service.putProfile(ALICE, json("{'forbidden_phrases':['d']}")).version()).isEqualTo(3);
        assertThat(service.getProfile(ALICE).profile().forbiddenPhrases()).containsExactly("d");
    }

    @Test
    void aProfileReadBackCanBeSavedAgainUnchanged() {
        StoredBrandProfile first = service.putProfile(ALICE, json(FULL_PROFILE));
        JsonNode asRead = Json.mapper().valueToTree(service.getProfile(ALICE));

        StoredBrandProfile second = service.putProfile(ALICE, asRead);

        assertThat(second.version()).isEqualTo(2);
        assertThat(second.profile()).isEqualTo(first.profile());
    }

    @Test
    void rejectsAnOversizedProfile() {
        String competitors = String.join(",", Collections.nCopies(20,
                "{'competitor_url':'https://c.example','analysis_data':{'notes':['" + "n".repeat(1_990) + "','"
                        + "n".repeat(1_990) + "','" + "n".repeat(1_990) + "']}}"));
        ValidationException error = catchThrowableOfType(ValidationException.class,
                () -> service.putProfile(ALICE, json("{'competitor_analyses':[" + competitors + "]}")));
        assertThat(error.fieldErrors()).extracting(FieldError::field).containsExactly("body");
    }

    @Test
    void anUnsavedProfileIsNotFound() {
        assertThatThrownBy(() -> service.getProfile(ALICE)).isInstanceOf(NotFoundException.class);
    }

    private static void assertContractShape(JsonNode dna) {
        Map<String, List<String>> parts = Map.of(
                "writing_style", List.of("tone", "voice", "complexity", "engagement_level"),
                "target_audience", List.of("demographics", "industry_focus", "expertise_level"),
                "visual_identity", List.of("color_palette", "brand_values", "positioning", "style_guidelines"),
                "persona", List.of("persona_name", "archetype", "core_belief", "linguistic_fingerprint", "platform_personas"),
                "competitive_positioning", List.of("differentiators", "unique_value_props", "market_position", "competitor_insights"));
        parts.forEach((part, fields) -> {
            List<String> actual = new ArrayList<>();
            dna.get(part).fieldNames().forEachRemaining(actual::add);
            assertThat(actual).as(part).containsExactlyInAnyOrderElementsOf(fields);
        });
        for (String list : List.of("/target_audience/demographics", "/visual_identity/color_palette",
                "/visual_identity/brand_values", "/competitive_positioning/differentiators",
                "/competitive_positioning/unique_value_props", "/competitive_positioning/competitor_insights")) {
            assertThat(dna.at(list).isArray()).as(list).isTrue();
        }
    }

    /** Paths of empty objects or arrays, except {@code defaulted_fields}, which may rightly be empty. */
    private static List<String> emptyContainers(JsonNode node, String path) {
        List<String> empty = new ArrayList<>();
        if (node.isContainerNode() && node.isEmpty() && !path.endsWith("defaulted_fields")) {
            empty.add(path);
        }
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                empty.addAll(emptyContainers(node.get(name), path + "." + name));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                empty.addAll(emptyContainers(node.get(i), path + "[" + i + "]"));
            }
        }
        return empty;
    }

    private static String bigList(int size) {
        return "[" + String.join(",", Collections.nCopies(size, "'p'")) + "]";
    }

    private static String messageOf(ValidationException error, String field) {
        return error.fieldErrors().stream().filter(e -> e.field().equals(field)).findFirst().orElseThrow().message();
    }
}
