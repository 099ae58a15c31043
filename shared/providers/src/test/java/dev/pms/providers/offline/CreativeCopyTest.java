package dev.pms.providers.offline;

import dev.pms.core.channel.AssetType;
import dev.pms.core.generation.GenerationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CreativeCopyTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Acme Notes alone on a bold brand-colour field with one short, confident line|false",
            "One striking close-up detail of Acme Notes that makes people look twice|false",
            "A real moment where Acme Notes fits naturally into someone's day|false",
            "Lead with one specific, verifiable fact about Acme Notes|false",
            "Write less, remember more|true",
            "Your meetings, already written up|true"})
    void onlyAShortLineThatIsNotArtDirectionIsPrintedAsAHeadline(String hook, boolean printable) {
        assertThat(CreativeCopy.isPrintableHook(hook)).isEqualTo(printable);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Teaser image for Instagram feed_portrait (1080x1350): x|teaser",
            "Nurture image for LinkedIn post_landscape: y|nurture",
            "Something else entirely|launch"})
    void thePhaseIsTheConceptSummarysFirstWord(String concept, String phase) {
        assertThat(CreativeCopy.phaseOf(request(Map.of("product_name", "Acme Notes"), concept, "hook"))).isEqualTo(phase);
    }

    @Test
    void headlinesAreWrittenFromTheBriefAndVaryWithTheSeed() {
        Map<String, Object> context = Map.of("product_name", "Acme Notes",
                "product_description", "Notes that write themselves: meetings, calls and ideas turned into clear notes");
        String artDirection = "Acme Notes alone on a bold brand-colour field with one short, confident line";
        Set<String> headlines = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            CreativeCopy copy = CreativeCopy.of(request(context, "Launch image", artDirection), seed);
            headlines.add(copy.headline());
            assertThat(copy.headline()).doesNotContain("brand-colour").doesNotContain("short, confident");
            assertThat(copy.wordmark()).isEqualTo("Acme Notes");
        }
        assertThat(headlines).contains("Notes that write themselves", "Introducing Acme Notes", "Meet Acme Notes");
    }

    @Test
    void theSublineContinuesTheDescriptionAfterALeadClauseHeadline() {
        Map<String, Object> context = Map.of("product_name", "Acme Notes",
                "product_description", "Notes that write themselves: meetings, calls and ideas turned into clear notes");
        for (long seed = 0; seed < 10; seed++) {
            CreativeCopy copy = CreativeCopy.of(request(context, "Launch image", ""), seed);
            if (copy.headline().equals("Notes that write themselves")) {
                assertThat(copy.subline()).isEqualTo("Meetings, calls and ideas turned into clear notes.");
                return;
            }
        }
        throw new AssertionError("no seed chose the description's lead clause as headline");
    }

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "sign-ups|Launch|Sign up today",
            "pre-orders|Launch|Pre-order now",
            "sales|Nurture|Shop now",
            "sign-ups|Teaser|Join the waiting list",
            "awareness|Nurture|See what customers say"})
    void theCallToActionFollowsTheGoalAndPhase(String goal, String phase, String cta) {
        CreativeCopy copy = CreativeCopy.of(request(Map.of("product_name", "Acme Notes", "marketing_goal", goal),
                phase + " image", ""), 1);

        assertThat(copy.cta()).isEqualTo(cta);
    }

    @Test
    void aCallToActionInTheBriefWins() {
        CreativeCopy copy = CreativeCopy.of(request(Map.of("product_name", "Acme Notes", "cta", "Start your free trial",
                "marketing_goal", "sales"), "Teaser image", ""), 1);

        assertThat(copy.cta()).isEqualTo("Start your free trial");
    }

    @Test
    void aFigureInTheBriefBecomesAStatWithWhatItMeasures() {
        Map<String, Object> context = new HashMap<>(Map.of("product_name", "Acme Notes",
                "product_description", "Notes that write themselves. Summaries in under 30 seconds."));
        CreativeCopy copy = CreativeCopy.of(request(context, "Launch image", ""), 1);

        assertThat(copy.stat()).isEqualTo(new CreativeCopy.Stat("30 seconds", "Summaries in under 30 seconds"));

        context.put("features", List.of("Cut note-taking time by 50%", "Offline sync"));
        CreativeCopy percent = CreativeCopy.of(request(context, "Launch image", ""), 1);
        assertThat(percent.stat()).isEqualTo(new CreativeCopy.Stat("50%", "Cut note-taking time"));
        assertThat(percent.features()).containsExactly("Cut note-taking time by 50%", "Offline sync");
    }

    @Test
    void withoutFiguresFeaturesOrOfferTheLayoutsThatNeedThemAreNotCandidates() {
        CreativeCopy copy = CreativeCopy.of(request(Map.of("product_name", "Acme Notes",
                "product_description", "Notes that write themselves"), "Launch image", ""), 1);

        assertThat(copy.stat()).isNull();
        assertThat(CreativeLayout.candidates(1080, 1350, "launch", copy))
                .doesNotContain(CreativeLayout.STAT, CreativeLayout.FEATURE_LIST, CreativeLayout.OFFER)
                .contains(CreativeLayout.HERO, CreativeLayout.SPLIT, CreativeLayout.QUOTE);
        assertThat(CreativeLayout.candidates(970, 300, "launch", copy)).containsExactly(CreativeLayout.COMPACT);
        assertThat(CreativeLayout.candidates(1464, 600, "launch", copy)).containsExactly(CreativeLayout.BANNER,
                CreativeLayout.SPLIT);
    }

    private static GenerationRequest request(Map<String, Object> context, String concept, String hook) {
        return new GenerationRequest("job-1", "asset-1", AssetType.IMAGE, Requests.placement("instagram/feed_portrait"),
                "A launch visual", hook, concept, context, List.of("#1A73E8"), List.of(), "offline", null, null, null, null);
    }
}
