package dev.pms.core.prompt;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ForbiddenPhrasesTest {
    private final ForbiddenPhrases forbidden = new ForbiddenPhrases(Arrays.asList("Risk-free", " ", null, "risk", "best ever"));

    @Test
    void ignoresBlankEntriesAndMatchesCaseInsensitively() {
        assertThat(forbidden.phrases()).containsExactly("Risk-free", "risk", "best ever");
        assertThat(forbidden.foundIn("Totally RISK-FREE")).containsExactly("Risk-free", "risk");
        assertThat(forbidden.foundIn("calm light")).isEmpty();
    }

    @Test
    void scrubRemovesEveryOccurrenceIncludingOnesARemovalCreates() {
        assertThat(forbidden.scrub("A RISK-free, best  ever lamp")).isEqualTo("A , lamp");
        assertThat(forbidden.scrub("best ririsksk ever")).isEmpty();
        assertThat(forbidden.scrub("best   ever")).isEmpty();
        assertThat(new ForbiddenPhrases(List.of()).scrub(" plain  text ")).isEqualTo("plain text");
    }

    @Test
    void allowsATextWithNoPhraseInAnyCase() {
        assertThat(forbidden.allows("A calm lamp")).isTrue();
        assertThat(forbidden.allows("The BEST EVER lamp")).isFalse();
        assertThat(new ForbiddenPhrases(List.of()).allows("anything")).isTrue();
    }

    @Test
    void scrubWholeWordsTakesTheWordsAPhraseTouchesAndLeavesCleanTextAsItWas() {
        assertThat(forbidden.scrubWholeWords("Our riskless, best everyday lamp.")).isEqualTo("Our lamp.");
        assertThat(forbidden.scrubWholeWords("  calm   lamp ")).isEqualTo("  calm   lamp ");
        assertThat(new ForbiddenPhrases(List.of("ever")).scrubWholeWords("How?Ever. Fine")).isEqualTo("Fine");
    }

    @Test
    void spelledOutNamesThePhrasesWithoutContainingThem() {
        String spelled = forbidden.spelledOut();

        assertThat(spelled).isEqualTo("\"r·i·s·k·-·f·r·e·e\", \"r·i·s·k\", \"b·e·s·t e·v·e·r\"");
        assertThat(forbidden.foundIn(spelled)).isEmpty();
    }
}
