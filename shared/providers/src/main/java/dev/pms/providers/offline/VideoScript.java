package dev.pms.providers.offline;

import dev.pms.core.generation.GenerationRequest;

import dev.pms.core.prompt.ForbiddenPhrases;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a clip says, one slide per line, then the call to action on the end card: the request's script when it has
 * one, else lines built from the brief's facts (name, description, features). Never the prompt, hook instructions or
 * art direction. Lines with a forbidden phrase are left out.
 */
record VideoScript(String productName, List<String> lines, String callToAction) {
    private static final int MAX_FEATURES = 3;
    /** Longer sentences are split at a colon or semicolon so that a slide stays readable. */
    private static final int LONG_LINE_CHARS = 60;

    static VideoScript of(GenerationRequest request) {
        ProductFacts facts = ProductFacts.from(request.productContext());
        String name = facts.hasName() ? facts.name() : facts.brandName().isEmpty() ? "Our new product" : facts.brandName();
        ForbiddenPhrases forbidden = new ForbiddenPhrases(request.forbiddenPhrases());
        String callToAction = facts.callToAction().isEmpty() ? "Try " + name + " today."
                : WordFit.asSentence(WordFit.capitalized(facts.callToAction()));
        List<String> lines = new ArrayList<>();
        String given = Objects.toString(request.script(), "").strip();
        if (!given.isEmpty()) {
            WordFit.sentences(given).forEach(sentence -> addLine(lines, sentence));
        } else {
            addLine(lines, "Meet " + name + ".");
            if (!facts.description().isEmpty()) {
                WordFit.sentences(facts.description()).forEach(sentence -> addLine(lines, sentence));
            }
            facts.features().stream().limit(MAX_FEATURES).forEach(feature -> addLine(lines, feature));
        }
        lines.removeIf(line -> !forbidden.allows(line) || line.equalsIgnoreCase(callToAction));
        if (lines.isEmpty()) {
            lines.add("Meet " + name + ".");
        }
        return new VideoScript(name, List.copyOf(lines), forbidden.allows(callToAction) ? callToAction : "Learn more.");
    }

    /** Everything spoken, in order: the lines, then the call to action. */
    List<String> spoken() {
        List<String> spoken = new ArrayList<>(lines);
        spoken.add(callToAction);
        return spoken;
    }

    private static void addLine(List<String> lines, String text) {
        String sentence = WordFit.asSentence(WordFit.capitalized(text.strip().replaceAll("\\s+", " ")));
        int split = Math.max(sentence.indexOf(": "), sentence.indexOf("; "));
        if (sentence.length() > LONG_LINE_CHARS && split > 0) {
            addLine(lines, sentence.substring(0, split));
            addLine(lines, sentence.substring(split + 2));
        } else if (!sentence.isEmpty()) {
            lines.add(sentence);
        }
    }
}
