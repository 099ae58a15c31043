package dev.pms.core.personalization;

import dev.pms.core.studio.StudioTemplate;
import dev.pms.core.studio.StudioTemplates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The intelligent prompt: from a few words ("iPhone case for my store") a complete studio configuration. What the
 * words support comes from them (read by the text provider when one is configured and its answer checks out, else
 * by the {@link OfflinePromptParser}); every other field is filled, in this order, from the user's learned
 * preferences, the matching template and the Brand DNA, and is listed in {@code inferred_fields} with a lower
 * confidence.
 */
public final class IntelligentPromptService {
    static final double PROVIDER_STATED = 0.85;
    static final double PROVIDER_DESCRIPTION = 0.6;
    static final double TEMPLATE = 0.5;
    static final double BRAND_DNA = 0.45;
    static final double DEFAULT = 0.3;
    static final double GENERATED = 0.4;
    static final int MAX_PROVIDER_TEXT = 300;
    /** Fields whose value sets the look; the Brand DNA decides them before a template does. */
    private static final List<String> LOOK_FIELDS = List.of("environment", "background_style", "lighting", "style");

    private final PersonalizationService personalization;
    private final PromptInterpreter interpreter;
    private final StudioTemplates templates;
    private final OfflinePromptParser parser = new OfflinePromptParser();

    public IntelligentPromptService(PersonalizationService personalization, PromptInterpreter interpreter,
                                    StudioTemplates templates) {
        this.personalization = Objects.requireNonNull(personalization, "personalization");
        this.interpreter = Objects.requireNonNull(interpreter, "interpreter");
        this.templates = Objects.requireNonNull(templates, "templates");
    }

    /** Where one configuration field came from and how sure it is. */
    public record FieldSource(String source, double confidence, String note) {
    }

    /** Body of {@code POST /intelligent-prompt}. */
    public record Body(boolean success, String userInput, Map<String, Object> configuration, double confidence,
                       List<String> inferredFields, Map<String, FieldSource> fieldSources, String engine) {
    }

    public Body infer(String userId, IntelligentPromptRequest request) {
        Interpretation offline = parser.parse(request.userInput(), request.assetType());
        Interpretation reading = interpreter.interpret(request.userInput(), request.assetType())
                .map(answer -> checked(answer, offline, request))
                .orElse(offline);
        String assetType = request.assetType() != null ? request.assetType()
                : reading.assetType() != null ? reading.assetType() : "image";
        FormType form = StudioChoices.formFor(assetType);
        PersonalizationService.Context context = personalization.context(userId);
        Builder config = new Builder();

        config.put("product_name", reading.productName() != null ? reading.productName() : "Your product",
                reading.productName() != null ? source("input", OfflinePromptParser.NAMED, "named in your words")
                        : source("default", 0.1, "your words name no product"));
        description(config, reading);
        config.put("asset_type", assetType, request.assetType() != null ? source("input", 1.0, "asked for")
                : reading.assetType() != null ? source("input", OfflinePromptParser.NAMED, "named in your words")
                : source("default", 0.5, "your words name no asset type; an image is the usual start"));

        Map<String, Learned<Object>> defaults = context.defaults(form);
        Map<String, Object> resolved = new LinkedHashMap<>();
        for (String field : StudioChoices.of(form).keySet()) {
            if (reading.stated().containsKey(field)) {
                resolved.put(field, reading.stated().get(field).value());
            } else if (defaults.containsKey(field) && (defaults.get(field).learned() || LOOK_FIELDS.contains(field))) {
                resolved.put(field, defaults.get(field).value());
            }
        }
        StudioTemplate template = template(form, reading, resolved, context.learned());
        for (String field : StudioChoices.of(form).keySet()) {
            setting(config, field, reading, defaults.get(field), template);
        }
        brandColors(config, reading, defaults.get("brand_colors"), context);
        config.put("template_id", template.id(), source("template", templateConfidence(template, reading),
                "the " + template.name() + " template matches " + matchNote(template, reading, resolved)));
        config.put("template_name", template.name(), null);
        config.put("additional_context", reading.additionalContext() == null ? "" : reading.additionalContext(),
                reading.additionalContext() == null ? null : source("input", OfflinePromptParser.NAMED, "your words"));
        return config.body(request.userInput(), reading.engine());
    }

    /** A provider's answer with only what checks out: allowed values whose quoted words are really in the input. */
    Interpretation checked(Interpretation answer, Interpretation offline, IntelligentPromptRequest request) {
        String input = request.userInput().toLowerCase(Locale.ROOT);
        String type = StudioChoices.ASSET_TYPES.contains(String.valueOf(answer.assetType())) ? answer.assetType()
                : offline.assetType();
        FormType form = StudioChoices.formFor(request.assetType() != null ? request.assetType()
                : type == null ? "image" : type);
        Map<String, Interpretation.Stated> stated = new LinkedHashMap<>();
        answer.stated().forEach((field, value) -> {
            Object allowed = StudioChoices.allowed(form, field, value.value());
            boolean quoted = value.cue() != null && !value.cue().isBlank()
                    && input.contains(value.cue().toLowerCase(Locale.ROOT).strip());
            if (allowed != null && quoted) {
                stated.put(field, new Interpretation.Stated(allowed, PROVIDER_STATED, value.cue()));
            }
        });
        String name = answer.productName() != null && answer.productName().length() <= MAX_PROVIDER_TEXT
                && input.contains(answer.productName().toLowerCase(Locale.ROOT).strip()) ? answer.productName().strip()
                : offline.productName();
        String description = answer.productDescription() != null && !answer.productDescription().isBlank()
                && answer.productDescription().length() <= MAX_PROVIDER_TEXT ? answer.productDescription().strip() : null;
        String context = answer.additionalContext() != null
                && input.contains(answer.additionalContext().toLowerCase(Locale.ROOT).strip())
                && !answer.additionalContext().isBlank() ? answer.additionalContext().strip() : offline.additionalContext();
        return new Interpretation(answer.engine(), name, description, context, type, stated, offline.brandColors(),
                offline.channels());
    }

    private void description(Builder config, Interpretation reading) {
        boolean fromProvider = !OfflinePromptParser.ENGINE.equals(reading.engine());
        if (reading.productDescription() != null && !fromProvider) {
            config.put("product_description", reading.productDescription(),
                    source("input", OfflinePromptParser.DESCRIBED, "described in your words"));
        } else if (reading.productDescription() != null) {
            config.put("product_description", reading.productDescription(),
                    source("text_provider", PROVIDER_DESCRIPTION, "written by the text provider from your words"));
        } else {
            String name = reading.productName() != null ? OfflinePromptParser.capitalized(reading.productName()) : "The product";
            config.put("product_description", name + ", " + purpose(reading),
                    source("generated", GENERATED, "your words describe the product no further"));
        }
    }

    private static String purpose(Interpretation reading) {
        String context = reading.additionalContext() == null ? "" : reading.additionalContext().toLowerCase(Locale.ROOT);
        if (context.matches(".*\\b(store|shop|listing|amazon|shopify|etsy|e-?commerce|marketplace)\\b.*")) {
            return "shown clearly and true to life for an online store listing";
        }
        if (!reading.channels().isEmpty()) {
            return "presented for " + String.join(" and ", reading.channels());
        }
        return "shown clearly and true to life";
    }

    private static void setting(Builder config, String field, Interpretation reading, Learned<Object> fallback,
                                StudioTemplate template) {
        Interpretation.Stated stated = reading.stated().get(field);
        if (stated != null) {
            config.put(field, stated.value(), source("input", stated.confidence(), "from \"" + stated.cue() + "\""));
            return;
        }
        if (fallback != null && fallback.learned()) {
            config.put(field, fallback.value(), source("learned", 0.5 + 0.3 * fallback.confidence(), fallback.note()));
            return;
        }
        boolean look = LOOK_FIELDS.contains(field);
        if (fallback != null && (look || !template.settings().containsKey(field))) {
            boolean dna = fallback.source() == Learned.Source.BRAND_DNA;
            config.put(field, fallback.value(), source(dna ? "brand_dna" : "default", dna ? BRAND_DNA : DEFAULT,
                    fallback.note()));
        } else if (template.settings().containsKey(field)) {
            config.put(field, template.settings().get(field), source("template", TEMPLATE,
                    "the " + template.name() + " template's " + field.replace('_', ' ')));
        }
    }

    private static void brandColors(Builder config, Interpretation reading, Learned<Object> dnaColors,
                                    PersonalizationService.Context context) {
        if (!reading.brandColors().isEmpty()) {
            config.put("brand_colors", reading.brandColors(), source("input", OfflinePromptParser.NAMED, "named in your words"));
        } else {
            Object palette = dnaColors != null ? dnaColors.value() : context.dna().visualIdentity().colorPalette();
            config.put("brand_colors", palette, source("brand_dna", 0.6, "brand DNA: visual_identity.color_palette"));
        }
    }

    /** The form's template whose settings and channels match best; the library's order breaks ties. */
    private StudioTemplate template(FormType form, Interpretation reading, Map<String, Object> resolved,
                                    LearnedPreferences learned) {
        StudioTemplate best = null;
        double bestScore = -1;
        for (StudioTemplate candidate : templates.all()) {
            if (FormType.ofTemplate(candidate) != form) {
                continue;
            }
            double score = 0;
            for (Map.Entry<String, Object> setting : candidate.settings().entrySet()) {
                Object value = resolved.get(setting.getKey());
                if (value != null && String.valueOf(value).equals(String.valueOf(setting.getValue()))) {
                    score += reading.stated().containsKey(setting.getKey()) ? 1.5 : 1.0;
                }
            }
            for (String channel : reading.channels()) {
                score += candidate.suits(channel) ? 1.0 : 0;
            }
            if (learned.channels() != null) {
                for (String channel : learned.channels().value()) {
                    score += candidate.suits(channel) ? 0.25 : 0;
                }
            }
            score += learned.templateUse().getOrDefault(candidate.id(), 0.0) > 0 ? 0.5 : 0;
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return Objects.requireNonNull(best, "the template library has no template for " + form.code());
    }

    private static double templateConfidence(StudioTemplate template, Interpretation reading) {
        long matched = template.settings().entrySet().stream()
                .filter(setting -> Optional.ofNullable(reading.stated().get(setting.getKey()))
                        .map(stated -> String.valueOf(stated.value()).equals(String.valueOf(setting.getValue())))
                        .orElse(false))
                .count();
        return Math.min(0.8, TEMPLATE + 0.1 * matched);
    }

    private static String matchNote(StudioTemplate template, Interpretation reading, Map<String, Object> resolved) {
        List<String> matched = new ArrayList<>();
        template.settings().forEach((field, value) -> {
            if (String.valueOf(value).equals(String.valueOf(resolved.get(field)))) {
                matched.add(field.replace('_', ' ') + " " + value);
            }
        });
        reading.channels().stream().filter(template::suits).forEach(matched::add);
        return matched.isEmpty() ? "the form best" : String.join(", ", matched);
    }

    private static FieldSource source(String source, double confidence, String note) {
        return new FieldSource(source, Math.round(confidence * 100) / 100.0, note);
    }

    /** The configuration in the order fields are put, each with its source. */
    private static final class Builder {
        private final Map<String, Object> values = new LinkedHashMap<>();
        private final Map<String, FieldSource> sources = new LinkedHashMap<>();

        void put(String field, Object value, FieldSource source) {
            values.put(field, value);
            if (source != null) {
                sources.put(field, source);
            }
        }

        Body body(String userInput, String engine) {
            List<String> inferred = new ArrayList<>();
            double sum = 0;
            for (Map.Entry<String, FieldSource> source : sources.entrySet()) {
                sum += source.getValue().confidence();
                if (!source.getValue().source().equals("input")) {
                    inferred.add(source.getKey());
                }
            }
            double confidence = sources.isEmpty() ? 0 : Math.round(sum / sources.size() * 100) / 100.0;
            return new Body(true, userInput, values, confidence, inferred, sources, engine);
        }
    }
}
