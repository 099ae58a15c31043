package dev.pms.providers.offline;

import java.util.ArrayList;
import java.util.List;

/** Shortening copy to a hard character limit without ever cutting a word. */
public final class WordFit {
    private static final String TRAILING_JOINERS = ",;:-–—&/( ";

    private WordFit() {
    }

    /**
     * The longest run of whole words from the start of {@code text} within {@code maxChars}, without a dangling
     * comma or dash at the end; empty when even the first word is too long.
     */
    public static String fit(String text, int maxChars) {
        String trimmed = text.strip();
        if (trimmed.length() <= maxChars) {
            return trimmed;
        }
        for (int cut = maxChars; cut > 0; cut--) {
            if (Character.isWhitespace(trimmed.charAt(cut))) {
                return stripTrailingJoiners(trimmed.substring(0, cut));
            }
        }
        return "";
    }

    private static String stripTrailingJoiners(String text) {
        int end = text.length();
        while (end > 0 && TRAILING_JOINERS.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(0, end);
    }

    /** Splits prose into sentences at ., ! or ? followed by white space. */
    static List<String> sentences(String text) {
        List<String> result = new ArrayList<>();
        for (String sentence : text.strip().split("(?<=[.!?])\\s+")) {
            if (!sentence.isBlank()) {
                result.add(sentence.strip());
            }
        }
        return result;
    }

    /** Ends a phrase with a full stop unless it already ends in punctuation. */
    static String asSentence(String phrase) {
        String trimmed = phrase.strip();
        if (trimmed.isEmpty() || ".!?".indexOf(trimmed.charAt(trimmed.length() - 1)) >= 0) {
            return trimmed;
        }
        return trimmed + ".";
    }

    static String capitalized(String phrase) {
        return phrase.isEmpty() ? phrase : Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1);
    }
}
