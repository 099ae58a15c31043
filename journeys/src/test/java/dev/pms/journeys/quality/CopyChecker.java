package dev.pms.journeys.quality;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.channel.Placement;
import dev.pms.core.channel.TextField;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The copy defects: instruction text in the copy (writing instructions, art direction, sentences of the prompt that
 * are not facts of the brief), sentences repeated across assets (the CTA and the brand line excepted), email
 * subjects and preheaders that repeat or are missing, and fields over the placement's hard limit.
 */
final class CopyChecker {
    /** Phrases of the prompt catalogue's writing instructions and art direction that no published copy contains. */
    private static final List<Pattern> INSTRUCTION_PHRASES = List.of(
            Pattern.compile("(?i)\\blead with\\b"),
            Pattern.compile("(?i)\\btext for [\\w /-]+:"),
            Pattern.compile("(?i)\\bfocus:"),
            Pattern.compile("(?i)\\bhook:"),
            Pattern.compile("(?i)\\bpurpose:"),
            Pattern.compile("(?i)\\bopen with a question\\b"),
            Pattern.compile("(?i)\\bstate the single biggest benefit\\b"),
            Pattern.compile("(?i)\\bchallenge a common belief\\b"),
            Pattern.compile("(?i)\\bthen (introduce|show how)\\b"),
            Pattern.compile("(?i)\\bin the first line\\b"),
            Pattern.compile("(?i)\\bwith space for\\b"),
            Pattern.compile("(?i)\\balone on a\\b"),
            Pattern.compile("(?i)\\bbrand[- ]colou?r field\\b"),
            Pattern.compile("(?i)\\bone short, confident line\\b"),
            Pattern.compile("(?i)\\blorem ipsum\\b"),
            Pattern.compile("(?i)\\bplaceholder\\b"));
    /** A prompt sentence this long that reappears in the copy is an echo, unless the brief itself says it. */
    private static final int ECHO_MIN_WORDS = 6;
    /** Sentences this short (CTAs such as "Start now.", the product name) may repeat. */
    private static final int REPEATABLE_MAX_WORDS = 3;

    private final ChannelCatalog catalog;

    CopyChecker(ChannelCatalog catalog) {
        this.catalog = catalog;
    }

    /** The copy's fields (name → each value; list fields give several) read from a text asset's file. */
    static Map<String, List<String>> fields(JsonNode copy) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (copy.isTextual()) {
            fields.put("text", List.of(copy.asText()));
        }
        copy.fields().forEachRemaining(field -> {
            List<String> values = new ArrayList<>();
            if (field.getValue().isTextual()) {
                values.add(field.getValue().asText());
            } else if (field.getValue().isArray()) {
                field.getValue().forEach(item -> {
                    if (item.isTextual()) {
                        values.add(item.asText());
                    }
                });
            }
            if (!values.isEmpty()) {
                fields.put(field.getKey(), values);
            }
        });
        return fields;
    }

    List<Defect> check(DemoRun run) {
        List<Defect> defects = new ArrayList<>();
        List<String> facts = run.briefFacts().stream()
                .flatMap(fact -> Stream.concat(Stream.of(fact),
                        Arrays.stream(fact.split("[:;,.—–]"))))
                .map(Sentences::normalise).filter(fact -> !fact.isBlank()).distinct().toList();
        Set<String> ctas = ctas(run);
        Map<String, String> firstAssetOfSentence = new HashMap<>();
        Map<String, String> subjects = new HashMap<>();
        Map<String, String> preheaders = new HashMap<>();
        for (DemoRun.Asset asset : run.assets) {
            if (!asset.type().equals("text") || asset.file() == null) {
                continue;
            }
            Map<String, List<String>> fields = fields(DemoRun.readJson(asset.file()));
            String prompt = Sentences.normalise(asset.entry().path("prompt").asText(""));
            Set<String> sentencesOfAsset = new HashSet<>();
            for (Map.Entry<String, List<String>> field : fields.entrySet()) {
                for (String value : field.getValue()) {
                    echoes(run, asset, field.getKey(), value, prompt, facts, defects);
                    for (String sentence : Sentences.of(value)) {
                        String normalised = Sentences.normalise(sentence);
                        if (repeatable(run, sentence, normalised, ctas) || !sentencesOfAsset.add(normalised)) {
                            continue;
                        }
                        String first = firstAssetOfSentence.putIfAbsent(normalised, asset.relativePath());
                        if (first != null) {
                            defects.add(new Defect(run.briefName, DefectKind.REPEATED_SENTENCE, asset.label(),
                                    asset.relativePath(), field.getKey() + " repeats " + Sentences.quote(sentence)
                                    + " from " + first));
                        }
                    }
                }
            }
            limits(run, asset, fields, defects);
            emailLines(run, asset, fields, "subject", subjects, defects);
            emailLines(run, asset, fields, "preheader", preheaders, defects);
        }
        return defects;
    }

    private static void echoes(DemoRun run, DemoRun.Asset asset, String field, String value, String prompt,
                               List<String> facts, List<Defect> defects) {
        for (Pattern phrase : INSTRUCTION_PHRASES) {
            var found = phrase.matcher(value);
            if (found.find()) {
                defects.add(new Defect(run.briefName, DefectKind.INSTRUCTION_ECHO, asset.label(), asset.relativePath(),
                        field + " contains the instruction \"" + found.group() + "\" in " + Sentences.quote(
                                sentenceAround(value, found.start()))));
                return;
            }
        }
        for (String sentence : Sentences.of(value)) {
            String normalised = Sentences.normalise(sentence);
            if (Sentences.words(sentence) >= ECHO_MIN_WORDS && prompt.contains(normalised)
                    && !madeOfFacts(normalised, facts)) {
                defects.add(new Defect(run.briefName, DefectKind.INSTRUCTION_ECHO, asset.label(), asset.relativePath(),
                        field + " repeats the prompt: " + Sentences.quote(sentence)));
                return;
            }
        }
    }

    private static String sentenceAround(String text, int index) {
        int offset = 0;
        for (String sentence : Sentences.of(text)) {
            int at = text.indexOf(sentence, offset);
            if (at >= 0 && index < at + sentence.length()) {
                return sentence;
            }
            offset = Math.max(offset, at + sentence.length());
        }
        return text;
    }

    private static boolean repeatable(DemoRun run, String sentence, String normalised, Set<String> ctas) {
        return Sentences.words(sentence) <= REPEATABLE_MAX_WORDS || Sentences.onlyHashtags(sentence)
                || ctas.contains(normalised) || normalised.equals(Sentences.normalise(run.productName()))
                || run.brandLines().stream().anyMatch(line -> line.equals(normalised) || normalised.contains(line));
    }

    /** The brief's CTA and every CTA recorded on an asset of the run (drawn on an image or closing a text). */
    private static Set<String> ctas(DemoRun run) {
        Set<String> ctas = new HashSet<>();
        String briefCta = run.brief.path("product_context").path("cta").asText("");
        if (!briefCta.isBlank()) {
            ctas.add(Sentences.normalise(briefCta));
        }
        for (DemoRun.Asset asset : run.assets) {
            String cta = asset.details().path("cta").asText("");
            if (!cta.isBlank()) {
                ctas.add(Sentences.normalise(cta));
                Sentences.of(cta).forEach(sentence -> ctas.add(Sentences.normalise(sentence)));
            }
        }
        return ctas;
    }

    private void limits(DemoRun run, DemoRun.Asset asset, Map<String, List<String>> fields, List<Defect> defects) {
        Placement placement = catalog.placement(asset.entry().path("placement").asText()).orElse(null);
        if (placement == null) {
            return;
        }
        for (TextField limit : placement.textFields()) {
            if (limit.maxChars() == null) {
                continue;
            }
            for (String value : fields.getOrDefault(limit.name(), List.of())) {
                int length = value.codePointCount(0, value.length());
                if (length > limit.maxChars()) {
                    defects.add(new Defect(run.briefName, DefectKind.OVER_LIMIT, asset.label(), asset.relativePath(),
                            limit.name() + " has " + length + " characters, the limit is " + limit.maxChars() + ": "
                                    + Sentences.quote(value)));
                }
            }
        }
    }

    private static void emailLines(DemoRun run, DemoRun.Asset asset, Map<String, List<String>> fields, String name,
                                   Map<String, String> seen, List<Defect> defects) {
        if (!asset.entry().path("channel").asText().equals("email")) {
            return;
        }
        List<String> values = fields.getOrDefault(name, List.of());
        if (values.isEmpty() || values.get(0).isBlank()) {
            defects.add(new Defect(run.briefName, DefectKind.EMAIL_SUBJECT, asset.label(), asset.relativePath(),
                    "the email has no " + name));
            return;
        }
        String value = values.get(0);
        String earlier = seen.putIfAbsent(Sentences.normalise(value).toLowerCase(Locale.ROOT), asset.relativePath());
        if (earlier != null) {
            defects.add(new Defect(run.briefName, DefectKind.EMAIL_SUBJECT, asset.label(), asset.relativePath(),
                    name + " " + Sentences.quote(value) + " is the same as in " + earlier));
        }
    }

    /** Whether a sentence is the brief's facts put together (e.g. product name and description), not the prompt's. */
    private static boolean madeOfFacts(String normalised, List<String> facts) {
        String rest = " " + normalised + " ";
        for (String fact : facts) {
            if (!fact.isBlank()) {
                rest = rest.replace(" " + fact + " ", " ");
            }
        }
        return Sentences.words(rest) < 2;
    }
}
