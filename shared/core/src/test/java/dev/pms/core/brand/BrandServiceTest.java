package dev.pms.core.brand;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.channel.Channel;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.VersionConflictException;
import dev.pms.core.json.Json;
import dev.pms.core.support.InMemoryBrandProfileRepository;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static dev.pms.core.support.Fixtures.CLOCK;
import static dev.pms.core.support.Fixtures.brandProfile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrandServiceTest {
    private static final String ALICE = "alice";
    private static final String FULL_PROFILE = "{'website_analysis':{'website_url':'https://aurora.example',"
            + "'writing_style':{'tone':'calm and expert','voice':'first person plural','complexity':'advanced','engagement_level':'high'},"
            + "'target_audience':{'demographics':['home office workers','designers'],'industry_focus':'smart home','expertise_level':'expert'},"
            + "'brand_analysis':{'brand_values':['craft','light'],'positioning':'premium smart lighting',"
            + "'differentiators':['circadian presets'],'unique_value_props':['sleep better in a week']},"
            + "'style_guidelines':{'imagery':'warm evening interiors'},'content_type':'blog'},"
            + "'persona_data':{'core_persona':{'persona_name':'Lumen','archetype':'Creator','core_belief':'light shapes mood',"
            + "'linguistic_fingerprint':'sensory verbs'},'platform_personas':{'linkedin':{'tone':'data-backed lighting expert'}},"
            + "'selected_platforms':['instagram','twitter','linkedin']},"
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
        service.putProfile(ALICE, brandProfile(FULL_PROFILE));
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
        service.putProfile(ALICE, brandProfile("{'website_analysis':{'target_audience':{'expertise_level':'beginner'}}}"));
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
        service.putProfile(ALICE, brandProfile(FULL_PROFILE));

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
    void storesTheProfileAsAFirstVersion() throws Exception {
        StoredBrandProfile stored = service.putProfile(ALICE, brandProfile(FULL_PROFILE));

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
    void versionMakesTheSaveOptimisticOtherwiseLastWriterWins() {
        service.putProfile(ALICE, phrases(0L, "a"));
        assertThatThrownBy(() -> service.putProfile(ALICE, phrases(0L, "b")))
                .isInstanceOf(VersionConflictException.class);
        assertThat(service.putProfile(ALICE, phrases(1L, "c")).version()).isEqualTo(2);
        assertThat(service.putProfile(ALICE, phrases(null, "d")).version()).isEqualTo(3);
        assertThat(service.getProfile(ALICE).profile().forbiddenPhrases()).containsExactly("d");
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

    private static PutBrandProfile phrases(Long expectedVersion, String phrase) {
        return new PutBrandProfile(brandProfile("{'forbidden_phrases':['" + phrase + "']}").profile(), expectedVersion);
    }
}
