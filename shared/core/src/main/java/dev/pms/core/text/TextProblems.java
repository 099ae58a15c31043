package dev.pms.core.text;

import java.util.Optional;

/**
 * What makes a string unfit to be stored or shown: ill-formed UTF-16 (an unpaired surrogate, which no byte
 * encoding can carry) and control characters. Line breaks and tabs are text; every other control character is not.
 */
public final class TextProblems {
    private TextProblems() {
    }

    /** The first problem of {@code text} as a phrase to follow a field name, or empty when it is well formed. */
    public static Optional<String> of(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of(unpaired(i));
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of(unpaired(i));
            }
            if (isControl(c)) {
                return Optional.of(String.format("contains the control character U+%04X at position %d", (int) c, i));
            }
        }
        return Optional.empty();
    }

    /** Like {@link #of(String)}, for single-line display strings (names, titles): line breaks and tabs refused too. */
    public static Optional<String> ofSingleLine(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                return Optional.of(String.format("must be a single line (U+%04X at position %d)", (int) c, i));
            }
        }
        return of(text);
    }

    private static boolean isControl(char c) {
        return Character.getType(c) == Character.CONTROL && c != '\n' && c != '\r' && c != '\t';
    }

    private static String unpaired(int position) {
        return "is not well-formed Unicode (an unpaired UTF-16 surrogate at position " + position + ")";
    }
}
