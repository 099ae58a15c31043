package dev.pms.providers.offline;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.channel.Placement;
import dev.pms.core.channel.TextField;
import dev.pms.core.generation.GeneratedMedia;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.ProviderJob;
import dev.pms.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class OfflineCopywriterTest {
    private static final List<String> FORBIDDEN = List.of("game changer", "it listens", "REVOLUTIONARY");
    private static final String LONG_HOOK = "Extraordinarily comprehensive meeting-intelligence notebooks that summarise, "
            + "organise and prioritise absolutely everything your distributed team discusses, decides and delegates";
    private static final String LONG_CONCEPT = "A revolutionary game changer for teams. It listens so you can think. "
            + "Acme Notes captures every conversation, extracts commitments and deadlines automatically, and "
            + "synchronises them with the calendars and task boards your colleagues already use every single day.";

    private final OfflineCopywriter copywriter = new OfflineCopywriter();

    static Stream<Arguments> textPlacementsWithShortAndLongInputs() {
        List<Arguments> cases = new ArrayList<>();
        for (Placement placement : ChannelCatalog.load().placements()) {
            if (placement.assetType() == AssetType.TEXT) {
                cases.add(Arguments.of(placement.key(), Requests.HOOK, Requests.CONCEPT));
                cases.add(Arguments.of(placement.key(), LONG_HOOK, LONG_CONCEPT));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} with hook ''{1}''")
    @MethodSource("textPlacementsWithShortAndLongInputs")
    void copyFitsEveryFieldOfEveryTextPlacement(String key, String hook, String concept) {
        Placement placement = Requests.placement(key);
        Map<String, Object> copy = copywriter.write(request(placement, hook, concept));

        assertThat(copy.keySet()).containsExactlyElementsOf(placement.textFields().stream().map(TextField::name).toList());
        List<String> allValues = new ArrayList<>();
        for (TextField field : placement.textFields()) {
            List<String> values = values(copy.get(field.name()), field);
            int min = field.countMin() == null ? 1 : field.countMin();
            assertThat(values).as("%s.%s count", key, field.name()).hasSizeGreaterThanOrEqualTo(Math.max(min, 1));
            if (field.countMax() != null) {
                assertThat(values).as("%s.%s count", key, field.name()).hasSizeLessThanOrEqualTo(field.countMax());
                assertThat(values).as("%s.%s distinct", key, field.name()).doesNotHaveDuplicates();
            }
            for (String value : values) {
                assertThat(value).as("%s.%s", key, field.name()).isNotBlank().isEqualTo(value.strip());
                if (field.maxChars() != null) {
                    assertThat(value.length()).as("%s.%s length of '%s'", key, field.name(), value)
                            .isLessThanOrEqualTo(field.maxChars());
                }
                if (field.minChars() != null) {
                    assertThat(value.length()).as("%s.%s length of '%s'", key, field.name(), value)
                            .isGreaterThanOrEqualTo(field.minChars());
                }
                assertNoForbiddenPhrase(value);
                assertNoCutWord(value, hook + " " + concept + " " + Requests.PRODUCT.values());
            }
            allValues.addAll(values);
        }
        long hashtags = allValues.stream().flatMap(v -> Stream.of(v.split("\\s+"))).filter(t -> t.startsWith("#")).count();
        if (placement.hashtags() == null) {
            assertThat(hashtags).as("%s hashtags", key).isZero();
        } else {
            assertThat(hashtags).as("%s hashtags", key).isBetween(1L, (long) placement.hashtags().max());
        }
    }

    @Test
    void instagramCaptionLeadsWithTheHookAndCarriesCappedHashtags() {
        Map<String, Object> copy = copywriter.write(request(Requests.placement("instagram/caption"), Requests.HOOK, Requests.CONCEPT));
        String caption = (String) copy.get("caption");

        assertThat(caption).startsWith(Requests.HOOK).contains("Acme Notes").contains("offline sync").contains("#AcmeNotes");
        assertThat(caption.split("#").length - 1).isLessThanOrEqualTo(5);
    }

    @Test
    void dropsOnlyTheSentenceThatCarriesAForbiddenPhrase() {
        Map<String, Object> copy = copywriter.write(request(Requests.placement("facebook/post_copy"), Requests.HOOK, Requests.CONCEPT));

        assertThat((String) copy.get("text")).contains("Acme Notes turns every meeting into clear next steps.")
                .doesNotContainIgnoringCase("it listens");
    }

    @Test
    void googleSearchAdsGetAtLeastThreeHeadlinesAndTwoDescriptions() {
        Map<String, Object> copy = copywriter.write(request(Requests.placement("google_ads/search_copy"), Requests.HOOK, Requests.CONCEPT));

        assertThat(values(copy.get("headline"), null)).hasSizeBetween(3, 15).allSatisfy(h -> assertThat(h.length()).isLessThanOrEqualTo(30));
        assertThat(values(copy.get("description"), null)).hasSizeBetween(2, 4).allSatisfy(d -> assertThat(d.length()).isLessThanOrEqualTo(90));
    }

    @Test
    void returnsTheCopyAsJsonTextAndBytes() throws Exception {
        GenerationRequest request = request(Requests.placement("email/copy"), Requests.HOOK, Requests.CONCEPT);
        GeneratedMedia media = ((ProviderJob.Completed) copywriter.submit(request)).media();

        assertThat(media.mimeType()).isEqualTo("application/json");
        assertThat(media.provider()).isEqualTo("offline");
        assertThat(media.model()).isEqualTo(OfflineCopywriter.MODEL);
        assertThat(new String(media.bytes(), StandardCharsets.UTF_8)).isEqualTo(media.textContent());
        Map<String, Object> parsed = Json.mapper().readValue(media.textContent(), new TypeReference<>() { });
        assertThat(parsed).containsOnlyKeys("subject", "preheader", "body").isEqualTo(copywriter.write(request));
    }

    @Test
    void sameRequestWritesTheSameBytes() {
        GenerationRequest request = request(Requests.placement("twitter/post_copy"), Requests.HOOK, Requests.CONCEPT);

        byte[] first = ((ProviderJob.Completed) copywriter.submit(request)).media().bytes();
        byte[] second = ((ProviderJob.Completed) copywriter.submit(request)).media().bytes();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void writesAHeadlineAndBodyWhenThereIsNoTextPlacement() {
        Map<String, Object> copy = copywriter.write(request(null, Requests.HOOK, Requests.CONCEPT));

        assertThat(copy).containsOnlyKeys("headline", "body");
        assertThat((String) copy.get("body")).contains(Requests.HOOK);
    }

    private static GenerationRequest request(Placement placement, String hook, String concept) {
        return new GenerationRequest("job-1", "asset-1", AssetType.TEXT, placement, "prompt", hook, concept,
                Requests.PRODUCT, Requests.PALETTE, FORBIDDEN, "offline", null, null, null, null);
    }

    private static List<String> values(Object value, TextField field) {
        if (value instanceof List<?> list) {
            return list.stream().map(String.class::cast).toList();
        }
        assertThat(field == null || field.countMax() == null).as("a single value only for an uncounted field").isTrue();
        return List.of((String) value);
    }

    private static void assertNoForbiddenPhrase(String value) {
        for (String phrase : FORBIDDEN) {
            assertThat(value.toLowerCase(Locale.ROOT)).doesNotContain(phrase.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * Shortening only ever drops the end of a text, so the last word of each line must be a whole word: either a word
     * of the inputs or no beginning of one.
     */
    private static void assertNoCutWord(String value, String inputs) {
        Set<String> inputWords = new HashSet<>(words(inputs));
        for (String line : value.split("\n")) {
            List<String> lineWords = words(line);
            if (lineWords.isEmpty()) {
                continue;
            }
            String last = lineWords.get(lineWords.size() - 1);
            if (!inputWords.contains(last)) {
                assertThat(inputWords).as("'%s' ending '%s' is a cut word", last, line).noneMatch(input -> input.startsWith(last));
            }
        }
    }

    private static List<String> words(String text) {
        return Stream.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
    }
}
