package dev.pms.providers.offline;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.channel.Hashtags;
import dev.pms.core.channel.Placement;
import dev.pms.core.channel.TextField;
import dev.pms.core.generation.GeneratedMedia;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.MediaProvider;
import dev.pms.core.generation.ProviderJob;
import dev.pms.core.json.Json;

import dev.pms.core.prompt.ForbiddenPhrases;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Deterministic copy for a text placement, within each field's hard character limit and value count, cut only between
 * words, free of the brand's forbidden phrases. With a {@link dev.pms.core.generation.CopyBrief} the copy is written by
 * {@link FrameworkCopy} from the brief's facts, never from the proposal's writing instructions; without one (older
 * callers) it is filled from the proposal's hook and concept and the product facts.
 */
public final class OfflineCopywriter implements MediaProvider {
    public static final String MODEL = "offline-copywriter-1";
    /** Length of a long-form post where the platform allows far more (a 63,206-character Facebook post). */
    static final int LONG_FORM_CHARS = 1_200;
    /** Above this limit a prose field is written as paragraphs (and carries the hashtags). */
    static final int SHORT_PROSE_CHARS = 150;
    private static final List<TextField> FIELDS_WITHOUT_PLACEMENT = List.of(
            new TextField("headline", 60, null, null, null, null, null),
            new TextField("body", 1_000, null, null, null, null, null));
    private static final Set<String> LINE_FIELDS = Set.of("headline", "title", "subject", "long_headline");
    private static final Set<String> ITEM_FIELDS = Set.of("bullet", "benefit_bullets");

    @Override
    public String name() {
        return OfflineProviders.NAME;
    }

    @Override
    public boolean supports(AssetType type) {
        return type == AssetType.TEXT;
    }

    @Override
    public ProviderJob submit(GenerationRequest request) {
        Map<String, Object> copy = write(request);
        String json;
        try {
            json = Json.mapper().writeValueAsString(copy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("copy of strings and lists always serialises", e);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("engine", MODEL);
        details.put("placement", request.placement() == null ? "none" : request.placement().key());
        details.put("fields", copy.size());
        String callToAction = callToAction(request);
        if (!callToAction.isBlank()) {
            details.put("cta", callToAction);
        }
        return new ProviderJob.Completed(new GeneratedMedia(json.getBytes(StandardCharsets.UTF_8), "application/json", json,
                null, null, null, OfflineProviders.NAME, MODEL, BigDecimal.ZERO, details));
    }

    private static String callToAction(GenerationRequest request) {
        if (request.copyBrief() == null) {
            return "";
        }
        Channel channel = request.placement() == null ? null : request.placement().channel();
        return new FrameworkCopy(request.copyBrief(), channel,
                new ForbiddenPhrases(request.forbiddenPhrases())).callToAction();
    }

    @Override
    public ProviderJob poll(String handle) {
        return OfflineProviders.noPendingJobs(handle);
    }

    /**
     * The copy by field name, in the placement's field order: a string for a single-valued field, a list of strings
     * for a field with a value count (headlines, bullets).
     */
    public Map<String, Object> write(GenerationRequest request) {
        return new Draft(request).write();
    }

    /** The copy fields written for a placement: its text fields, or a headline and body when it has none. */
    public static List<TextField> fieldsOf(Placement placement) {
        return placement == null || placement.textFields().isEmpty() ? FIELDS_WITHOUT_PLACEMENT : placement.textFields();
    }

    private static final class Draft {
        private final Placement placement;
        private final ProductFacts facts;
        private final ForbiddenPhrases forbidden;
        private final String hook;
        private final String concept;
        private final String callToAction;
        private final FrameworkCopy framework;
        private boolean hashtagsPlaced;

        Draft(GenerationRequest request) {
            this.placement = request.placement();
            this.facts = ProductFacts.from(request.productContext());
            this.forbidden = new ForbiddenPhrases(request.forbiddenPhrases());
            this.hook = clean(request.hook());
            this.concept = clean(request.conceptSummary());
            Channel channel = placement == null ? null : placement.channel();
            this.framework = request.copyBrief() == null ? null : new FrameworkCopy(request.copyBrief(), channel, forbidden);
            this.callToAction = framework != null ? framework.callToAction()
                    : callToAction(facts, channel, OfflineSeed.of(request));
        }

        Map<String, Object> write() {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (TextField field : fieldsOf(placement)) {
                copy.put(field.name(), field.countMax() == null ? single(field) : repeated(field));
            }
            return copy;
        }

        private String single(TextField field) {
            String name = field.name().toLowerCase(Locale.ROOT);
            if (framework != null && name.equals("subject")) {
                return framework.subject(limit(field));
            }
            if (framework != null && name.equals("preheader")) {
                return framework.preheader(field.minChars() == null ? 0 : field.minChars(),
                        field.maxChars() == null ? LONG_FORM_CHARS : field.maxChars());
            }
            if (LINE_FIELDS.contains(name)) {
                return first(lineCandidates(), limit(field));
            }
            if (name.equals("business_name")) {
                return first(List.of(facts.brandName(), facts.name(), "Our shop"), limit(field));
            }
            if (ITEM_FIELDS.contains(name)) {
                return first(itemCandidates(), limit(field));
            }
            return prose(field);
        }

        private List<String> repeated(TextField field) {
            String name = field.name().toLowerCase(Locale.ROOT);
            List<String> candidates;
            if (LINE_FIELDS.contains(name)) {
                candidates = lineCandidates();
            } else if (name.equals("path")) {
                candidates = pathCandidates();
            } else if (ITEM_FIELDS.contains(name)) {
                candidates = itemCandidates();
            } else {
                candidates = sentenceCandidates();
            }
            List<String> values = fitted(candidates, limit(field));
            int wanted = Math.max(field.countMin() == null ? 1 : field.countMin(), Math.min(field.countMax(), values.size()));
            List<String> result = new ArrayList<>(values.subList(0, Math.min(wanted, values.size())));
            List<String> fillers = fitted(fillerLines(), limit(field));
            for (int i = 0; result.size() < wanted && i < fillers.size(); i++) {
                if (!result.contains(fillers.get(i))) {
                    result.add(fillers.get(i));
                }
            }
            return List.copyOf(result);
        }

        /** Hook first, then story, features and call to action; paragraphs when the field is long-form. */
        private String prose(TextField field) {
            int hardMax = field.maxChars() == null ? Integer.MAX_VALUE : field.maxChars();
            int target = Math.min(limit(field), LONG_FORM_CHARS);
            boolean longForm = target > SHORT_PROSE_CHARS;
            String hashtagLine = "";
            if (longForm && !hashtagsPlaced && placement != null && placement.hashtags() != null) {
                hashtagLine = hashtagLine(placement.hashtags(), target / 3);
                hashtagsPlaced = true;
            }
            int textBudget = hashtagLine.isEmpty() ? target : target - hashtagLine.length() - 2;
            List<String> pieces = longForm ? paragraphs() : sentenceCandidates();
            String separator = longForm ? "\n\n" : " ";
            String text = forbidden.scrubWholeWords(assemble(pieces, separator, textBudget));
            int minChars = field.minChars() == null ? 0 : field.minChars();
            int padBudget = Math.min(hardMax, Math.max(textBudget, minChars));
            for (String filler : fillerSentences()) {
                if (text.length() >= minChars) {
                    break;
                }
                String longer = text.isEmpty() ? filler : text + " " + filler;
                if (longer.length() <= padBudget) {
                    text = forbidden.scrubWholeWords(longer);
                }
            }
            String result = hashtagLine.isEmpty() ? text : text + "\n\n" + hashtagLine;
            return WordFit.fit(result, hardMax);
        }

        private static String assemble(List<String> pieces, String separator, int budget) {
            StringBuilder out = new StringBuilder();
            for (String piece : pieces) {
                if (out.length() == 0) {
                    out.append(WordFit.fit(piece, budget));
                } else if (out.length() + separator.length() + piece.length() <= budget) {
                    out.append(separator).append(piece);
                }
            }
            return out.toString();
        }

        private List<String> paragraphs() {
            if (framework != null) {
                return frameworkParagraphs();
            }
            List<String> paragraphs = new ArrayList<>();
            if (!hook.isEmpty()) {
                paragraphs.add(WordFit.asSentence(hook));
            }
            paragraphs.add(String.join(" ", allowed(sentences(concept))));
            paragraphs.add(String.join(" ", allowed(sentences(facts.description()))));
            if (!facts.features().isEmpty()) {
                paragraphs.add(String.join("\n", facts.features().stream().map(f -> "• " + f).toList()));
            }
            if (!callToAction.isEmpty()) {
                paragraphs.add(callToAction);
            }
            paragraphs.addAll(fillerSentences());
            return allowed(paragraphs);
        }

        /** Hook, the formula's body, proof, a question or a preferred word, call to action, brand line. */
        private List<String> frameworkParagraphs() {
            List<String> paragraphs = new ArrayList<>();
            paragraphs.add(framework.hook());
            paragraphs.add(String.join(" ", framework.body()));
            paragraphs.add(framework.proof());
            paragraphs.add(framework.question());
            if (placement == null || placement.hashtags() == null) {
                paragraphs.add(framework.vocabularyLine());
            }
            paragraphs.add(callToAction);
            paragraphs.add(framework.brandLine());
            return allowed(paragraphs);
        }

        private List<String> lineCandidates() {
            if (framework != null) {
                return allowed(framework.lines());
            }
            List<String> lines = new ArrayList<>();
            lines.add(stripFinalStop(hook));
            if (facts.hasName()) {
                lines.add(facts.name());
                lines.add("Meet " + facts.name());
            }
            for (String feature : facts.features()) {
                lines.add(WordFit.capitalized(feature));
                if (facts.hasName()) {
                    lines.add(facts.name() + ": " + feature);
                }
            }
            sentences(concept).forEach(s -> lines.add(stripFinalStop(s)));
            sentences(facts.description()).forEach(s -> lines.add(stripFinalStop(s)));
            lines.add(stripFinalStop(callToAction));
            lines.addAll(fillerLines());
            return allowed(lines);
        }

        private List<String> sentenceCandidates() {
            if (framework != null) {
                List<String> sentences = new ArrayList<>();
                sentences.add(framework.hook());
                sentences.addAll(framework.body());
                sentences.add(framework.proof());
                sentences.add(framework.question());
                sentences.add(callToAction);
                return allowed(sentences);
            }
            List<String> sentences = new ArrayList<>();
            if (!hook.isEmpty()) {
                sentences.add(WordFit.asSentence(hook));
            }
            sentences.addAll(sentences(concept));
            sentences.addAll(sentences(facts.description()));
            facts.features().forEach(f -> sentences.add(WordFit.asSentence(WordFit.capitalized(f))));
            if (!callToAction.isEmpty()) {
                sentences.add(callToAction);
            }
            sentences.addAll(fillerSentences());
            return allowed(sentences);
        }

        private List<String> itemCandidates() {
            if (framework != null) {
                return allowed(framework.items());
            }
            List<String> items = new ArrayList<>();
            List<String> support = new ArrayList<>(sentences(concept));
            support.addAll(sentences(facts.description()));
            boolean marketplace = placement != null && placement.channel() == Channel.AMAZON;
            for (int i = 0; i < facts.features().size(); i++) {
                String feature = facts.features().get(i);
                String detail = support.isEmpty() ? "" : " " + support.get(i % support.size());
                items.add(marketplace
                        ? feature.toUpperCase(Locale.ROOT) + " —" + (detail.isEmpty() ? " built into " + facts.name() + "." : detail)
                        : WordFit.asSentence(WordFit.capitalized(feature)) + detail);
            }
            items.addAll(support);
            items.addAll(fillerSentences());
            return allowed(items);
        }

        private List<String> pathCandidates() {
            List<String> paths = new ArrayList<>();
            paths.add(slug(facts.name()));
            facts.features().forEach(f -> paths.add(slug(f)));
            paths.add("offer");
            return allowed(paths.stream().filter(p -> !p.isEmpty()).toList());
        }

        /** Lines that pad a counted field to its minimum; a brief-written draft pads with its own lines only. */
        private List<String> fillerLines() {
            if (framework != null) {
                return List.of();
            }
            return allowed(List.of("Try " + facts.name() + " today", "See what is new", "Made for everyday use",
                    "Built to save you time", "Discover the difference", "Now available", "Easy to get started"));
        }

        private List<String> fillerSentences() {
            if (framework != null) {
                return List.of();
            }
            return allowed(List.of(
                    "Discover what " + facts.name() + " can do for you.",
                    "It is built to make every day a little easier.",
                    "Getting started takes only a few minutes."));
        }

        private String hashtagLine(Hashtags hashtags, int maxChars) {
            int count = Math.min(hashtags.max(), Math.max(1, hashtags.recommended()));
            Set<String> tags = new LinkedHashSet<>();
            if (framework != null) {
                tags.addAll(framework.hashtags());
            } else {
                tags.add(hashtag(facts.name()));
                tags.add(hashtag(facts.brandName()));
                facts.features().forEach(f -> tags.add(hashtag(f)));
                tags.addAll(List.of("#NewLaunch", "#MadeBetter", "#EverydayEssentials"));
            }
            StringBuilder line = new StringBuilder();
            int used = 0;
            for (String tag : tags) {
                if (used == count) {
                    break;
                }
                if (tag.length() > 1 && tag.length() <= 30 && forbidden.allows(tag)
                        && line.length() + tag.length() + 1 <= maxChars) {
                    line.append(line.length() == 0 ? "" : " ").append(tag);
                    used++;
                }
            }
            return line.toString();
        }

        private static String hashtag(String phrase) {
            StringBuilder tag = new StringBuilder("#");
            for (String word : phrase.split("[^\\p{L}\\p{N}]+")) {
                if (!word.isEmpty()) {
                    tag.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
                }
            }
            return tag.toString();
        }

        private static String slug(String phrase) {
            String slug = phrase.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
            while (slug.length() > 15 && slug.contains("-")) {
                slug = slug.substring(0, slug.lastIndexOf('-'));
            }
            return slug.length() > 15 ? "" : slug;
        }

        private List<String> allowed(List<String> texts) {
            return texts.stream().filter(t -> !t.isBlank() && forbidden.allows(t)).distinct().toList();
        }

        private String first(List<String> candidates, int limit) {
            List<String> values = fitted(candidates, limit);
            return values.isEmpty() ? "" : values.get(0);
        }

        /** The candidates cut to the limit; those that fit whole come before those that had to be shortened. */
        private List<String> fitted(List<String> candidates, int limit) {
            List<String> whole = candidates.stream().filter(c -> c.length() <= limit).toList();
            List<String> shortened = candidates.stream().filter(c -> c.length() > limit).map(c -> WordFit.fit(c, limit)).toList();
            return Stream.concat(whole.stream(), shortened.stream())
                    .filter(c -> !c.isEmpty() && forbidden.allows(c)).distinct().toList();
        }

        /** The advised length when the catalogue gives one, else the hard limit. */
        private static int limit(TextField field) {
            int limit = Integer.MAX_VALUE;
            if (field.maxChars() != null) {
                limit = field.maxChars();
            }
            if (field.warnChars() != null && field.warnChars() < limit) {
                limit = field.warnChars();
            }
            return limit;
        }

        private static List<String> sentences(String text) {
            return text.isEmpty() ? List.of() : WordFit.sentences(text);
        }

        private static String stripFinalStop(String text) {
            return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        }

        private static String clean(String text) {
            return Objects.toString(text, "").strip().replaceAll("\\s+", " ");
        }

        private static String callToAction(ProductFacts facts, Channel channel, long seed) {
            if (!facts.callToAction().isEmpty()) {
                return WordFit.asSentence(facts.callToAction());
            }
            if (channel == null) {
                return "Learn more.";
            }
            List<String> options = switch (channel) {
                case INSTAGRAM -> List.of("Save this for later.", "Share it with a friend who needs it.");
                case FACEBOOK -> List.of("Learn more.", "Tell us what you think.");
                case META_ADS -> List.of("Shop now.", "Learn more.");
                case TIKTOK -> List.of("Try this.", "Follow for part 2.");
                case LINKEDIN -> List.of("Book a demo.", "Share your view.");
                case TWITTER -> List.of("Reply with your take.", "Repost if you agree.");
                case PINTEREST -> List.of("Save it for later.", "Try it.");
                case YOUTUBE -> List.of("Subscribe for more.", "Watch next.");
                case EMAIL -> List.of("Start now.", "See what's new.");
                case SHOPIFY -> List.of("Add to cart.");
                case AMAZON -> List.of("");
                case GOOGLE_ADS -> List.of("Try it free.", "Get a quote.");
            };
            return options.get(Math.floorMod(seed, options.size()));
        }
    }
}
