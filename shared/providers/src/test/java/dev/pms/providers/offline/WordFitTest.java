package dev.pms.providers.offline;

import dev.pms.core.prompt.ForbiddenPhrases;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WordFitTest {

    @Test
    void keepsWholeWordsWithinTheLimit() {
        assertThat(WordFit.fit("alpha beta gamma", 12)).isEqualTo("alpha beta");
        assertThat(WordFit.fit("alpha beta gamma", 16)).isEqualTo("alpha beta gamma");
        assertThat(WordFit.fit("alpha beta gamma", 10)).isEqualTo("alpha beta");
    }

    @Test
    void dropsADanglingCommaOrDash() {
        assertThat(WordFit.fit("alpha, beta", 8)).isEqualTo("alpha");
        assertThat(WordFit.fit("alpha - beta", 8)).isEqualTo("alpha");
    }

    @Test
    void givesNothingWhenTheFirstWordIsTooLong() {
        assertThat(WordFit.fit("supercalifragilistic word", 10)).isEmpty();
    }

    @Test
    void splitsSentencesAtTerminalPunctuation() {
        assertThat(WordFit.sentences("One. Two! Three? Four")).containsExactly("One.", "Two!", "Three?", "Four");
    }

    @Test
    void scrubsForbiddenPhrasesCaseInsensitivelyWithTheirWholeWords() {
        ForbiddenPhrases forbidden = new ForbiddenPhrases(List.of("game changer", "cheap"));
        assertThat(forbidden.scrubWholeWords("Try our Game Changer today. The cheapest way in.")).isEqualTo("Try our today. The way in.");
        assertThat(forbidden.allows("A GAME CHANGER")).isFalse();
        assertThat(forbidden.allows("A game plan")).isTrue();
    }
}
