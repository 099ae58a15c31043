package dev.pms.core.prompt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A brand's forbidden phrases, matched case-insensitively anywhere in a text. */
public final class ForbiddenPhrases {
    private static final Pattern SPACE_RUNS = Pattern.compile("[ \\t]{2,}");
    private static final String LETTER_SEPARATOR = "·";

    private final List<String> phrases;
    private final List<Pattern> patterns;
    private final Pattern anyPhrase;

    public ForbiddenPhrases(List<String> phrases) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String phrase : phrases == null ? List.<String>of() : phrases) {
            if (phrase != null && !phrase.isBlank()) {
                distinct.add(phrase.trim());
            }
        }
        this.phrases = List.copyOf(distinct);
        this.patterns = this.phrases.stream()
                .map(p -> Pattern.compile(Pattern.quote(p), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                .toList();
        this.anyPhrase = this.phrases.isEmpty() ? null : Pattern.compile(this.phrases.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|")), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    public List<String> phrases() {
        return phrases;
    }

    /** The phrases that occur in {@code text}, as configured. */
    public List<String> foundIn(String text) {
        List<String> found = new ArrayList<>();
        if (text == null) {
            return found;
        }
        for (int i = 0; i < patterns.size(); i++) {
            if (patterns.get(i).matcher(text).find()) {
                found.add(phrases.get(i));
            }
        }
        return found;
    }

    /** Whether {@code text} contains none of the phrases. */
    public boolean allows(String text) {
        return text == null || anyPhrase == null || !anyPhrase.matcher(text).find();
    }

    /**
     * {@code text} with every occurrence of every phrase removed and the spaces left behind collapsed, repeated until
     * none is left (a removal can join the parts of a new occurrence).
     */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String result = SPACE_RUNS.matcher(text).replaceAll(" ");
        while (anyPhrase != null && anyPhrase.matcher(result).find()) {
            result = SPACE_RUNS.matcher(anyPhrase.matcher(result).replaceAll("")).replaceAll(" ");
        }
        return result.trim();
    }

    /**
     * {@code text} without every word that takes part in an occurrence of a phrase (so "cheap" takes "cheapest" with
     * it, and a phrase that appears where two allowed sentences meet leaves no half words), the spaces left behind
     * collapsed, repeated until none is left; a text with no occurrence comes back as it was.
     */
    public String scrubWholeWords(String text) {
        if (text == null || anyPhrase == null) {
            return text;
        }
        String result = text;
        for (Matcher hit = anyPhrase.matcher(result); hit.find(); hit = anyPhrase.matcher(result)) {
            int start = hit.start();
            int end = hit.end();
            while (start > 0 && !Character.isWhitespace(result.charAt(start - 1))) {
                start--;
            }
            while (end < result.length() && !Character.isWhitespace(result.charAt(end))) {
                end++;
            }
            result = SPACE_RUNS.matcher(result.substring(0, start) + result.substring(end)).replaceAll(" ").strip();
        }
        return result;
    }

    /**
     * The phrases quoted with their letters separated ("m·i·r·a·c·l·e"), so that a prompt can name them for the model
     * without containing them.
     */
    public String spelledOut() {
        return phrases.stream()
                .map(phrase -> "\"" + phrase.toLowerCase(Locale.ROOT).codePoints()
                        .mapToObj(Character::toString)
                        .collect(Collectors.joining(LETTER_SEPARATOR)).replace(LETTER_SEPARATOR + " " + LETTER_SEPARATOR, " ") + "\"")
                .collect(Collectors.joining(", "));
    }
}
