package dev.pms.providers.openai;

import dev.pms.core.channel.Hashtags;
import dev.pms.core.channel.TextField;
import dev.pms.core.prompt.ForbiddenPhrases;
import dev.pms.providers.offline.WordFit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a model's copy fit the placement whatever the model wrote: forbidden phrases removed, hashtags beyond the
 * cap dropped, every value cut between words to its field's hard limit, value counts capped. A value that ends up
 * empty or under its minimum length, and a field short of its minimum count, is completed from the offline
 * copywriter's copy for the same request, which always fits.
 */
final class CopyFitter {
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_&])#[\\p{L}_][\\p{L}\\p{N}_]*");

    private final List<TextField> fields;
    private final ForbiddenPhrases forbidden;
    private final Supplier<Map<String, Object>> offlineCopy;
    private int hashtagsLeft;

    /** {@code hashtags} null: the placement takes none. */
    CopyFitter(List<TextField> fields, Hashtags hashtags, ForbiddenPhrases forbidden, Supplier<Map<String, Object>> offlineCopy) {
        this.fields = fields;
        this.forbidden = forbidden;
        this.offlineCopy = offlineCopy;
        this.hashtagsLeft = hashtags == null ? 0 : hashtags.max();
    }

    record FittedCopy(Map<String, Object> copy, List<String> adjustedFields, List<String> completedOffline) {
    }

    /** {@code written}: the model's values by field name; fields it left out are completed offline. */
    FittedCopy fit(Map<String, List<String>> written) {
        Map<String, Object> copy = new LinkedHashMap<>();
        List<String> adjusted = new ArrayList<>();
        List<String> completedOffline = new ArrayList<>();
        for (TextField field : fields) {
            List<String> values = written.getOrDefault(field.name(), List.of());
            Object fitted;
            boolean offline;
            if (field.countMax() == null) {
                String text = String.join("\n\n", values);
                String value = fitValue(text, field);
                offline = value.isEmpty();
                if (offline) {
                    value = fitValue(offlineSingle(field), field);
                } else if (!value.equals(text)) {
                    adjusted.add(field.name());
                }
                spendHashtags(value);
                fitted = value;
            } else {
                List<String> kept = addFitted(values, field, new ArrayList<>(), field.countMax());
                int wanted = field.countMin() == null ? 1 : field.countMin();
                offline = kept.size() < wanted;
                if (offline) {
                    addFitted(offlineRepeated(field), field, kept, wanted);
                } else if (!kept.equals(values)) {
                    adjusted.add(field.name());
                }
                fitted = List.copyOf(kept);
            }
            if (offline) {
                completedOffline.add(field.name());
            }
            copy.put(field.name(), fitted);
        }
        return new FittedCopy(copy, adjusted, completedOffline);
    }

    /** Adds the fitted values not yet in {@code kept} until it holds {@code limit}, and returns it. */
    private List<String> addFitted(List<String> values, TextField field, List<String> kept, int limit) {
        for (String value : values) {
            if (kept.size() >= limit) {
                break;
            }
            String fitted = fitValue(value, field);
            if (!fitted.isEmpty() && !kept.contains(fitted)) {
                spendHashtags(fitted);
                kept.add(fitted);
            }
        }
        return kept;
    }

    /** The value within the field's rules, or empty when nothing usable is left. */
    private String fitValue(String value, TextField field) {
        String text = forbidden.scrubWholeWords(normalised(value));
        text = normalised(withinHashtagBudget(text));
        if (field.maxChars() != null) {
            text = WordFit.fit(text, field.maxChars());
        }
        if (field.minChars() != null && text.length() < field.minChars()) {
            return "";
        }
        return text;
    }

    private void spendHashtags(String keptText) {
        hashtagsLeft -= (int) HASHTAG.matcher(keptText).results().count();
    }

    private String withinHashtagBudget(String text) {
        Matcher matcher = HASHTAG.matcher(text);
        StringBuilder out = new StringBuilder();
        int used = 0;
        while (matcher.find()) {
            matcher.appendReplacement(out, used < hashtagsLeft ? Matcher.quoteReplacement(matcher.group()) : "");
            used++;
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String offlineSingle(TextField field) {
        return Objects.toString(offlineCopy.get().get(field.name()), "");
    }

    private List<String> offlineRepeated(TextField field) {
        Object value = offlineCopy.get().get(field.name());
        if (value instanceof List<?> list) {
            return list.stream().map(Object::toString).toList();
        }
        return value == null ? List.of() : List.of(value.toString());
    }

    /** Trims, collapses runs of spaces and keeps at most one blank line between paragraphs. */
    private static String normalised(String text) {
        return text.replace("\r\n", "\n")
                .replaceAll("[ \\t\\x0B\\f]+", " ")
                .replaceAll(" ?\n ?", "\n")
                .replaceAll("\n{3,}", "\n\n")
                .strip();
    }
}
