package dev.pms.core.personalization;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromptEditTest {
    private static final String PROPOSED = "Write a LinkedIn post (linkedin/post) that reads as a useful insight. "
            + "Open with this hook: Lead with one fact about Aurora. Hard limits: body ≤ 3,000 chars (first 210 "
            + "visible), ≤ 5 hashtags (3 recommended). Tone: confident. Research: basic wording. Close with the call "
            + "to action: Learn more.";

    @Test
    void aSentenceAddedIsAPhraseAndARewordedOneIsNot() {
        String edited = PROPOSED.replace("≤ 5 hashtags (3 recommended)", "≤ 1 hashtags (1 recommended)")
                .replace(" Research: basic wording.", "") + " Mention free shipping to mainland Europe.";

        PromptEdit edit = PromptEdit.between(PROPOSED, edited);

        assertThat(edit.phrasesAdded()).containsExactly("Mention free shipping to mainland Europe");
        assertThat(edit.phrasesRemoved()).containsExactly("Research: basic wording");
        assertThat(edit.hashtagsBefore()).isEqualTo(3);
        assertThat(edit.hashtagsAfter()).isEqualTo(1);
        assertThat(edit.hashtagsChanged()).isTrue();
        assertThat(edit.informative()).isTrue();
    }

    @Test
    void theHashtagCountAPromptAsksFor() {
        assertThat(PromptEdit.hashtagsAskedFor("≤ 30 hashtags (5 recommended)")).isEqualTo(5);
        assertThat(PromptEdit.hashtagsAskedFor("≤ 30 hashtags (5 recommended). Use 2 hashtags at most.")).isEqualTo(2);
        assertThat(PromptEdit.hashtagsAskedFor("≤ 30 hashtags (5 recommended). No hashtags please.")).isEqualTo(0);
        assertThat(PromptEdit.hashtagsAskedFor("End with #aurora #desklamp")).isEqualTo(2);
        assertThat(PromptEdit.hashtagsAskedFor("A clean hero shot.")).isNull();
        assertThat(PromptEdit.hashtagsAskedFor("≤ 1 hashtag (the user's own preference on this channel)")).isEqualTo(1);
    }

    @Test
    void personalDataNeverReachesAPhrase() {
        PromptEdit edit = PromptEdit.between("Make it bright.",
                "Make it bright. Credit jane.doe@example.com and https://example.com/jane or call +44 20 7946 0958.");

        assertThat(edit.phrasesAdded()).hasSize(1);
        assertThat(edit.phrasesAdded().get(0)).doesNotContain("jane.doe", "example.com", "7946").startsWith("Credit");
    }

    @Test
    void anUnchangedPromptTeachesNothing() {
        PromptEdit edit = PromptEdit.between(PROPOSED, PROPOSED.replace("  ", " ") + "\n");

        assertThat(edit.informative()).isFalse();
    }
}
