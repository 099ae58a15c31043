package dev.pms.providers.offline;

import java.util.List;
import java.util.Locale;

/** The brand's forbidden phrases, matched case-insensitively anywhere in a text. */
public final class ForbiddenPhrases {
    private final List<String> phrases;

    public ForbiddenPhrases(List<String> phrases) {
        this.phrases = phrases.stream()
                .filter(phrase -> phrase != null && !phrase.isBlank())
                .map(phrase -> phrase.strip().toLowerCase(Locale.ROOT))
                .toList();
    }

    public boolean allows(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return phrases.stream().noneMatch(lower::contains);
    }

    /**
     * Removes every word that takes part in a forbidden phrase (a phrase can appear where two allowed sentences
     * meet), repeating until none is left.
     */
    public String scrub(String text) {
        String current = text;
        while (true) {
            int[] hit = firstHit(current);
            if (hit == null) {
                return current;
            }
            int start = hit[0];
            int end = hit[1];
            while (start > 0 && !Character.isWhitespace(current.charAt(start - 1))) {
                start--;
            }
            while (end < current.length() && !Character.isWhitespace(current.charAt(end))) {
                end++;
            }
            current = (current.substring(0, start) + current.substring(end)).replaceAll("[ \\t]{2,}", " ").strip();
        }
    }

    private int[] firstHit(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String phrase : phrases) {
            int index = lower.indexOf(phrase);
            if (index >= 0) {
                return new int[] {index, index + phrase.length()};
            }
        }
        return null;
    }
}
