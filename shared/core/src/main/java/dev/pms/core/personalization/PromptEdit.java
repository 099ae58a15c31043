package dev.pms.core.personalization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a user's rewrite of a prompt changed, sentence by sentence: the sentences added and removed (a sentence that
 * was only reworded counts as neither) and the number of hashtags each version asks for.
 *
 * @param hashtagsBefore the hashtags the old prompt asks for, null when it does not say
 * @param hashtagsAfter  the hashtags the new prompt asks for, null when it does not say
 */
public record PromptEdit(List<String> phrasesAdded, List<String> phrasesRemoved, Integer hashtagsBefore,
                         Integer hashtagsAfter) {
    /** The most phrases one edit keeps each way. */
    static final int MAX_PHRASES = 5;
    /** Word overlap at and above which a new sentence is a rewording of a removed one. */
    static final double REWORDING_OVERLAP = 0.5;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\s*\\n+\\s*");
    private static final Pattern NO_HASHTAGS = Pattern.compile(
            "(?i)\\b(no|zero|without|skip|drop|remove|avoid)\\s+(any\\s+|the\\s+)?hashtags?\\b");
    private static final Pattern HASHTAG_NUMBER = Pattern.compile("(?i)(\\d{1,2})\\s+hashtags?\\b");
    private static final Pattern RECOMMENDED_NUMBER = Pattern.compile("(?i)hashtags?\\s*\\((\\d{1,2})\\s+recommended");
    private static final Pattern LITERAL_HASHTAG = Pattern.compile("(?<![\\w&#])#[\\p{L}][\\p{L}\\p{N}_]*");

    public PromptEdit {
        phrasesAdded = List.copyOf(phrasesAdded);
        phrasesRemoved = List.copyOf(phrasesRemoved);
    }

    public static PromptEdit between(String before, String after) {
        List<String> old = sentences(before);
        List<String> now = sentences(after);
        Set<String> oldKeys = keys(old);
        Set<String> newKeys = keys(now);
        List<String> added = now.stream().filter(s -> !oldKeys.contains(SignalText.normalized(s))).toList();
        List<String> removed = old.stream().filter(s -> !newKeys.contains(SignalText.normalized(s))).toList();
        List<String> trulyAdded = added.stream().filter(s -> !rewordingOfAny(s, removed)).toList();
        List<String> trulyRemoved = removed.stream().filter(s -> !rewordingOfAny(s, added)).toList();
        return new PromptEdit(phrases(trulyAdded), phrases(trulyRemoved), hashtagsAskedFor(before),
                hashtagsAskedFor(after));
    }

    /** Whether the edit changed anything a preference can be learned from. */
    public boolean informative() {
        return !phrasesAdded.isEmpty() || !phrasesRemoved.isEmpty() || hashtagsChanged();
    }

    public boolean hashtagsChanged() {
        return hashtagsAfter != null && !hashtagsAfter.equals(hashtagsBefore);
    }

    /**
     * How many hashtags a prompt asks for: 0 when it says no hashtags; else the smallest number it names next to
     * "hashtags" (so "≤ 5 hashtags (3 recommended)" asks for 3 and an added "use 1 hashtag" for 1); else the number
     * of hashtags written out; null when it does not say.
     */
    static Integer hashtagsAskedFor(String prompt) {
        if (prompt == null) {
            return null;
        }
        if (NO_HASHTAGS.matcher(prompt).find()) {
            return 0;
        }
        Integer smallest = null;
        for (Pattern pattern : List.of(HASHTAG_NUMBER, RECOMMENDED_NUMBER)) {
            Matcher numbers = pattern.matcher(prompt);
            while (numbers.find()) {
                int number = Integer.parseInt(numbers.group(1));
                smallest = smallest == null ? number : Math.min(smallest, number);
            }
        }
        if (smallest != null) {
            return smallest;
        }
        long written = LITERAL_HASHTAG.matcher(prompt).results().count();
        return written > 0 ? (int) written : null;
    }

    private static List<String> sentences(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(SENTENCE_END.split(text.strip()))
                .map(String::strip)
                .filter(s -> !SignalText.normalized(s).isEmpty())
                .toList();
    }

    private static Set<String> keys(List<String> sentences) {
        Set<String> keys = new HashSet<>();
        sentences.forEach(s -> keys.add(SignalText.normalized(s)));
        return keys;
    }

    private static boolean rewordingOfAny(String sentence, List<String> others) {
        Set<String> words = words(sentence);
        for (String other : others) {
            Set<String> otherWords = words(other);
            Set<String> union = new HashSet<>(words);
            union.addAll(otherWords);
            Set<String> common = new HashSet<>(words);
            common.retainAll(otherWords);
            if (!union.isEmpty() && (double) common.size() / union.size() >= REWORDING_OVERLAP) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> words(String sentence) {
        return new HashSet<>(Arrays.asList(SignalText.normalized(sentence).split(" ")));
    }

    /** Up to {@link #MAX_PHRASES} distinct phrases, cleaned of personal data and trailing punctuation. */
    private static List<String> phrases(List<String> sentences) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String sentence : sentences) {
            String phrase = SignalText.phrase(sentence.replaceAll("[.!?;:,]+$", ""));
            if (phrase != null && byKey.size() < MAX_PHRASES) {
                byKey.putIfAbsent(SignalText.normalized(phrase), phrase);
            }
        }
        return new ArrayList<>(byKey.values());
    }
}
