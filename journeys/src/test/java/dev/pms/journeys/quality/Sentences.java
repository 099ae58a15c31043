package dev.pms.journeys.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Splits copy into sentences and normalises them, so the same sentence matches across assets and prompts. */
final class Sentences {
    private static final Pattern BOUNDARY = Pattern.compile("(?<=[.!?])\\s+|\\n+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}#%$€£]+");

    private Sentences() {
    }

    static List<String> of(String text) {
        List<String> sentences = new ArrayList<>();
        if (text == null) {
            return sentences;
        }
        for (String part : BOUNDARY.split(text)) {
            String sentence = part.strip();
            if (!sentence.isEmpty()) {
                sentences.add(sentence);
            }
        }
        return sentences;
    }

    /** Lower case, punctuation and quotes dropped, single spaces. */
    static String normalise(String text) {
        return NOT_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    static int words(String text) {
        String normalised = normalise(text);
        return normalised.isEmpty() ? 0 : normalised.split(" ").length;
    }

    static boolean onlyHashtags(String sentence) {
        return sentence.strip().matches("(#\\S+\\s*)+");
    }

    static String quote(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return "\"" + (oneLine.length() > 140 ? oneLine.substring(0, 137) + "..." : oneLine) + "\"";
    }
}
