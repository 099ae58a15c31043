package dev.pms.providers.offline;

import dev.pms.core.campaign.Goal;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Placement;
import dev.pms.core.channel.TextField;
import dev.pms.core.generation.CopyBrief;
import dev.pms.core.generation.CopyFormula;
import dev.pms.core.generation.GenerationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The copy of a whole simulated campaign, each asset written on its own from its copy brief, as the provider jobs do. */
class OfflineCopywriterCampaignTest {
    private static final String INSTRUCTION_HOOK = "Lead with one specific, verifiable fact about Trailhead Bottle";
    private static final String INSTRUCTION_CONCEPT = "Launch text for LinkedIn post_copy: open with a question";
    private static final List<String> FORBIDDEN = List.of("unbreakable", "best in the world");
    private static final List<String> AVOIDED = List.of("disrupt", "cheap");
    private static final List<String> PLACEMENTS = List.of("instagram/caption", "linkedin/post_copy", "email/copy",
            "tiktok/caption", "youtube/video_copy", "facebook/post_copy", "twitter/post_copy");
    private static final List<String> PHASES = List.of("first", "second", "third");

    private final OfflineCopywriter copywriter = new OfflineCopywriter();

    @ParameterizedTest
    @EnumSource(Goal.class)
    void noSentenceRepeatsAcrossTheCampaignExceptTheCallToActionAndBrandLine(Goal goal) {
        List<Written> campaign = campaign(goal);
        Map<String, Integer> seen = new HashMap<>();
        Set<String> shared = Set.of("The best gear gets out of the way.");
        for (Written asset : campaign) {
            Set<String> own = new HashSet<>();
            for (String text : texts(asset.copy())) {
                for (String sentence : sentences(text)) {
                    if (own.add(sentence) && !sentence.startsWith("#") && !shared.contains(sentence)
                            && !isCallToAction(sentence)) {
                        seen.merge(sentence, 1, Integer::sum);
                    }
                }
            }
        }
        assertThat(seen).as("sentences written in more than one asset").allSatisfy((sentence, count) ->
                assertThat(count).as(sentence).isEqualTo(1));
    }

    @ParameterizedTest
    @EnumSource(Goal.class)
    void neverEchoesTheInstructionsAndKeepsEveryLimitForbiddenPhraseAndAvoidedWord(Goal goal) {
        for (Written asset : campaign(goal)) {
            Placement placement = Requests.placement(asset.placement());
            for (TextField field : placement.textFields()) {
                Object value = asset.copy().get(field.name());
                List<String> values = value instanceof List<?> list ? list.stream().map(String.class::cast).toList()
                        : List.of((String) value);
                for (String text : values) {
                    assertThat(text).as("%s.%s", asset.placement(), field.name()).isNotBlank()
                            .doesNotContain(INSTRUCTION_HOOK).doesNotContain("Lead with").doesNotContain("post_copy")
                            .doesNotContain("Discover what").doesNotContain("a little easier");
                    if (field.maxChars() != null) {
                        assertThat(text.length()).as("%s.%s length", asset.placement(), field.name())
                                .isLessThanOrEqualTo(field.maxChars());
                    }
                    if (field.minChars() != null) {
                        assertThat(text.length()).isGreaterThanOrEqualTo(field.minChars());
                    }
                    String lower = text.toLowerCase(Locale.ROOT);
                    FORBIDDEN.forEach(phrase -> assertThat(lower).doesNotContain(phrase));
                    AVOIDED.forEach(word -> assertThat(lower).doesNotContainPattern("\\b" + word + "\\b"));
                }
            }
            String all = String.join(" ", texts(asset.copy()));
            if (placement.hashtags() != null) {
                long tags = all.chars().filter(c -> c == '#').count();
                assertThat(tags).as("%s hashtags", asset.placement()).isBetween(1L, (long) placement.hashtags().max());
            }
        }
    }

    @Test
    void emailSubjectsAndPreheadersDifferPerEmailAndStayWithinTheirLimits() {
        for (Goal goal : Goal.values()) {
            List<String> subjects = new ArrayList<>();
            List<String> preheaders = new ArrayList<>();
            for (int email = 0; email < 3; email++) {
                CopyBrief brief = brief(goal, CopyFormula.forPhase(goal, email), email * 7, email);
                Map<String, Object> copy = copywriter.write(request(Requests.placement("email/copy"), brief));
                subjects.add((String) copy.get("subject"));
                preheaders.add((String) copy.get("preheader"));
            }
            assertThat(subjects).as("%s subjects", goal).doesNotHaveDuplicates()
                    .allSatisfy(subject -> assertThat(subject.length()).isBetween(1, 50))
                    .noneMatch(subject -> subject.equals("Trailhead Bottle"));
            assertThat(preheaders).as("%s preheaders", goal).doesNotHaveDuplicates()
                    .allSatisfy(preheader -> assertThat(preheader.length()).isBetween(40, 100));
        }
    }

    @Test
    void usesTheBriefsFactsAndAPreferredWord() {
        CopyBrief brief = brief(Goal.PRODUCT_LAUNCH, CopyFormula.AIDA, 0, 0);
        String body = (String) copywriter.write(request(Requests.placement("email/copy"), brief)).get("body");

        assertThat(body).contains("Trailhead Bottle").contains("weekend hikers")
                .containsAnyOf("cold for 24 hours", "folds flat when empty", "made from recycled steel")
                .containsAnyOf("trail", "refill").contains("free engraving").contains("Sign up today.")
                .contains("The best gear gets out of the way.");
    }

    @Test
    void theFormulaFollowsThePhaseAndShapesTheCopy() {
        assertThat(CopyFormula.forPhase(Goal.PRODUCT_LAUNCH, 0)).isEqualTo(CopyFormula.AIDA);
        assertThat(CopyFormula.forPhase(Goal.AWARENESS, 1)).isEqualTo(CopyFormula.PAS);
        assertThat(CopyFormula.forPhase(Goal.RETENTION, 0)).isEqualTo(CopyFormula.FAB);
        assertThat(CopyFormula.forPhase(null, 0)).isEqualTo(CopyFormula.AIDA);

        String pas = (String) copywriter.write(request(Requests.placement("facebook/post_copy"),
                brief(Goal.AWARENESS, CopyFormula.PAS, 0, 0))).get("text");
        String fab = (String) copywriter.write(request(Requests.placement("facebook/post_copy"),
                brief(Goal.AWARENESS, CopyFormula.FAB, 0, 0))).get("text");
        assertThat(pas).contains("That is why we made Trailhead Bottle").contains("settle for less");
        assertThat(fab).contains("The feature to know about Trailhead Bottle").doesNotContain("That is why we made");
    }

    @Test
    void sameBriefWritesTheSameCopy() {
        GenerationRequest request = request(Requests.placement("linkedin/post_copy"), brief(Goal.CONVERSION, CopyFormula.PAS, 4, 1));

        assertThat(copywriter.write(request)).isEqualTo(copywriter.write(request));
    }

    /** Every placement in every phase, numbered as the campaign's text assets are. */
    private List<Written> campaign(Goal goal) {
        List<Written> written = new ArrayList<>();
        int count = PLACEMENTS.size() * PHASES.size();
        for (int phase = 0; phase < PHASES.size(); phase++) {
            for (int p = 0; p < PLACEMENTS.size(); p++) {
                int index = phase * PLACEMENTS.size() + p;
                CopyBrief brief = new CopyBrief("Trailhead Bottle",
                        "An insulated steel bottle that keeps water cold for 24 hours and packs flat when empty",
                        List.of("cold for 24 hours", "folds flat when empty", "made from recycled steel"),
                        "weekend hikers and trail runners", goal == Goal.AWARENESS ? "" : "free engraving this month",
                        "2,000 sign-ups", "", goal, PHASES.get(phase), "", CopyFormula.forPhase(goal, phase), "playful",
                        "outdoor buddy", List.of("trail", "refill", "disrupt"), AVOIDED,
                        List.of("clear, honest product information"), "the best gear gets out of the way", index, count,
                        phase);
                Placement placement = Requests.placement(PLACEMENTS.get(p));
                written.add(new Written(placement.key(), brief, copywriter.write(request(placement, brief))));
            }
        }
        return written;
    }

    private static CopyBrief brief(Goal goal, CopyFormula formula, int index, int placementIndex) {
        return new CopyBrief("Trailhead Bottle",
                "An insulated steel bottle that keeps water cold for 24 hours and packs flat when empty",
                List.of("cold for 24 hours", "folds flat when empty", "made from recycled steel"),
                "weekend hikers and trail runners", "free engraving this month", "2,000 sign-ups", "", goal, "launch",
                "", formula, "playful", "outdoor buddy", List.of("trail", "refill"), AVOIDED, List.of(),
                "the best gear gets out of the way", index, 21, placementIndex);
    }

    private static GenerationRequest request(Placement placement, CopyBrief brief) {
        return new GenerationRequest("job-" + brief.textAssetIndex(), "asset-" + brief.textAssetIndex(), AssetType.TEXT,
                placement, "Write a caption. " + INSTRUCTION_HOOK, INSTRUCTION_HOOK, INSTRUCTION_CONCEPT,
                Map.of("product_name", "Trailhead Bottle"), List.of(), FORBIDDEN, "offline", null, null, null, null, null, brief, null);
    }

    private static List<String> texts(Map<String, Object> copy) {
        List<String> texts = new ArrayList<>();
        copy.values().forEach(value -> {
            if (value instanceof List<?> list) {
                list.forEach(item -> texts.add((String) item));
            } else {
                texts.add((String) value);
            }
        });
        return texts;
    }

    private static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        for (String line : text.split("\n")) {
            sentences.addAll(WordFit.sentences(line));
        }
        return sentences;
    }

    private static boolean isCallToAction(String sentence) {
        return Set.of("Sign up today.", "Link in bio.", "Link in the description.").contains(sentence);
    }

    private record Written(String placement, CopyBrief copyBrief, Map<String, Object> copy) {
    }
}
