package dev.pms.core.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextProblemsTest {

    @Test
    void acceptsTextLineBreaksAndSurrogatePairs() {
        assertThat(TextProblems.of("Aurora lamp\nlaunch\t\uD83D\uDE80 é")).isEmpty();
    }

    @Test
    void namesAnUnpairedSurrogateWhereverItStands() {
        assertThat(TextProblems.of("a\uD800")).hasValueSatisfying(problem -> assertThat(problem).contains("position 1"));
        assertThat(TextProblems.of("\uDC00a")).isPresent();
        assertThat(TextProblems.of("\uD800\uD800\uDC00")).isPresent();
    }

    @Test
    void refusesControlCharactersOtherThanLineBreaksAndTabs() {
        assertThat(TextProblems.of("\u0000")).hasValueSatisfying(problem -> assertThat(problem).contains("U+0000"));
        assertThat(TextProblems.of("a\u007Fb")).isPresent();
        assertThat(TextProblems.of("a\u0085b")).isPresent();
    }

    @Test
    void singleLineTextRefusesLineBreaksAndTabsToo() {
        assertThat(TextProblems.ofSingleLine("two\nlines")).isPresent();
        assertThat(TextProblems.ofSingleLine("tab\there")).isPresent();
        assertThat(TextProblems.ofSingleLine("Aurora launch")).isEmpty();
    }
}
