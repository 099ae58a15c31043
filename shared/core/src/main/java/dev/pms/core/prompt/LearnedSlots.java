package dev.pms.core.prompt;

import java.util.List;

/**
 * What a user's own edits taught about their prompts on one channel, for {@link PromptBuilder}: how many hashtags
 * they keep, phrases they keep adding (which become the {@link PromptSlot#USER_PHRASES} slot) and phrases they keep
 * deleting. Each part carries the sentence its provenance gives, e.g. "learned from 4 of your edits".
 *
 * @param hashtags      the hashtag count to ask for, null when nothing was learned
 * @param hashtagsNote  where that count comes from
 * @param include       phrases to include, in the user's words
 * @param leaveOut      phrases to leave out
 * @param phrasesNote   where the phrases come from
 */
public record LearnedSlots(Integer hashtags, String hashtagsNote, List<String> include, List<String> leaveOut,
                           String phrasesNote) {
    public static final LearnedSlots NONE = new LearnedSlots(null, null, List.of(), List.of(), null);

    public LearnedSlots {
        include = include == null ? List.of() : List.copyOf(include);
        leaveOut = leaveOut == null ? List.of() : List.copyOf(leaveOut);
    }

    public boolean hasPhrases() {
        return !include.isEmpty() || !leaveOut.isEmpty();
    }

    public boolean empty() {
        return hashtags == null && !hasPhrases();
    }
}
