package dev.pms.core.prompt;

import dev.pms.core.brand.BrandDna;
import dev.pms.core.campaign.AssetNode;
import dev.pms.core.channel.Canvas;
import dev.pms.core.channel.ChannelProfile;
import dev.pms.core.channel.Hashtags;
import dev.pms.core.channel.Placement;
import dev.pms.core.channel.SafeZone;
import dev.pms.core.channel.TextField;
import dev.pms.core.pricing.CostComponent;
import dev.pms.core.pricing.CostLine;
import dev.pms.core.pricing.PriceUnit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a catalogue template for one asset node (pure). Every slot the template uses is filled from a named input
 * and recorded in the provenance; every input text passes through the brand's forbidden phrases first, and the finished prompt once more,
 * so the prompt never contains one, while a dedicated slot tells the model to avoid them.
 */
public final class PromptBuilder {
    /** The slots a user may set directly (proposal settings). */
    public static final Set<PromptSlot> OVERRIDABLE = EnumSet.of(
            PromptSlot.HOOK, PromptSlot.CTA, PromptSlot.FOCAL_SUBJECT, PromptSlot.SHOT_TYPE);
    static final int MAX_DESCRIPTION_CHARS = 600;
    static final int MAX_FOCAL_DESCRIPTION_CHARS = 120;
    static final int MAX_COMPETITORS = 3;
    /** Speaking rate used to turn a voice-over's characters into seconds. */
    static final int CHARACTERS_PER_SECOND = 15;
    private static final String NOT_APPLICABLE = "not applicable";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    private final PromptCatalog catalog;

    public PromptBuilder(PromptCatalog catalog) {
        this.catalog = catalog;
    }

    public PromptCatalog catalog() {
        return catalog;
    }

    public BuiltPrompt build(PromptInputs in) {
        AssetNode node = in.node();
        ForbiddenPhrases forbidden = new ForbiddenPhrases(in.dna().forbiddenPhrases());
        PromptCatalog.Template template = catalog.template(node.assetType(), node.channel());
        Slots slots = new Slots(forbidden);
        Facts facts = new Facts(in.productContext());

        slots.put(PromptSlot.PLATFORM, in.channel().platform(), "channel_catalog." + node.channel().code() + ".platform");
        slots.put(PromptSlot.PLACEMENT, in.placement().key(), "asset_node.placement");
        phasePurpose(in, slots);
        PromptCatalog.HookAngle angle = catalog.hookAngle(node.assetType(), in.angleIndex());
        int angleIndex = Math.floorMod(in.angleIndex(), catalog.hookAngles(node.assetType()).size());
        String hookFromAngle = angle.hook().replace(PromptCatalog.PRODUCT_NAME_PLACEHOLDER, facts.productNameOr("the product"));
        slots.putOverridable(in, PromptSlot.HOOK, hookFromAngle,
                "prompt_catalog.hook_angles." + node.assetType().code() + "[" + angleIndex + "] (" + angle.angle() + ")");
        cta(in, slots);
        focalSubject(in, facts, slots);
        slots.putOverridable(in, PromptSlot.SHOT_TYPE,
                template.shotType() == null ? "none (copy only)" : template.shotType(),
                "prompt_catalog.templates." + template.id() + ".shot_type");
        placementSlots(in, slots);
        slots.put(PromptSlot.DURATION, duration(in.cost()), "cost_estimate.units (" + in.cost().model() + ")");
        brandSlots(in, slots);
        slots.put(PromptSlot.PRODUCT_FACTS, facts.summary(), facts.source());
        contrast(in.dna(), slots);
        research(in, slots);
        slots.put(PromptSlot.QUALITY, catalog.quality(in.cost().tier()) + " (model " + in.cost().provider() + "/"
                + in.cost().model() + ")", "quality_tier " + in.cost().tier().code() + " -> " + in.cost().model());
        ChannelProfile channel = in.channel();
        slots.put(PromptSlot.COPY_FRAMEWORK, channel.copyFramework().name() + ": "
                + String.join(" -> ", channel.copyFramework().structure()),
                "channel_catalog." + node.channel().code() + ".copy_framework");
        slots.put(PromptSlot.FORBIDDEN_PHRASES, forbiddenInstruction(forbidden), dnaSource(in.dna(), "forbidden_phrases"));

        String prompt = forbidden.scrub(fill(template, slots) + learnedPhrases(in.learned(), slots));
        String hook = slots.value(PromptSlot.HOOK);
        String summary = forbidden.scrub(capitalize(node.phase()) + " " + node.assetType().code() + " for "
                + channel.platform() + " " + in.placement().name() + sizeNote(in.placement()) + ": " + hook
                + ". Focus: " + slots.value(PromptSlot.FOCAL_SUBJECT) + ".");
        Set<PromptSlot> used = new LinkedHashSet<>(PromptCatalog.slotsOf(template));
        if (in.learned().hasPhrases()) {
            used.add(PromptSlot.USER_PHRASES);
        }
        return new BuiltPrompt(prompt, hook, angle.angle(), angleIndex, summary, template.id(),
                slots.provenance(used));
    }

    /**
     * The {@link PromptSlot#USER_PHRASES} slot, after the template's text: what the user keeps adding to their prompts
     * and what they keep deleting, in their words; empty when nothing was learned.
     */
    private static String learnedPhrases(LearnedSlots learned, Slots slots) {
        if (!learned.hasPhrases()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (!learned.include().isEmpty()) {
            parts.add("always " + String.join("; ", learned.include()));
        }
        if (!learned.leaveOut().isEmpty()) {
            parts.add("leave out " + String.join("; ", learned.leaveOut()));
        }
        slots.put(PromptSlot.USER_PHRASES, String.join("; ", parts), "personalization: " + learned.phrasesNote());
        return " The user's standing preferences: " + slots.value(PromptSlot.USER_PHRASES) + ".";
    }

    /**
     * What a product-studio prompt is built from: the operation's catalogue template, the shot or motion the studio's
     * settings describe, the exact frame and its cost line, the caller's Brand DNA and palette (the request's brand
     * colours when it sent some), the product's facts and the caller's own direction (may be null).
     */
    public record StudioInputs(String operation, String shot, Placement placement, BrandDna dna, List<String> palette,
                               Map<String, Object> productContext, CostLine cost, String direction) {
        public StudioInputs {
            palette = List.copyOf(palette);
            productContext = productContext == null ? Map.of() : productContext;
        }
    }

    /** A studio asset's prompt, filled and guarded exactly as a campaign asset's is. */
    public BuiltPrompt buildStudio(StudioInputs in) {
        ForbiddenPhrases forbidden = new ForbiddenPhrases(in.dna().forbiddenPhrases());
        PromptCatalog.Template template = catalog.studioTemplate(in.operation());
        Slots slots = new Slots(forbidden);
        Facts facts = new Facts(in.productContext());
        String name = facts.productName();
        String description = facts.text("product_description");
        slots.put(PromptSlot.FOCAL_SUBJECT, name == null ? "the product"
                        : description == null ? name : name + " — " + shorten(description, MAX_FOCAL_DESCRIPTION_CHARS),
                "studio request product_name + product_description");
        slots.put(PromptSlot.SHOT_TYPE, in.shot(), "studio preset " + in.operation() + " + request settings");
        Canvas canvas = in.placement().canvas();
        slots.put(PromptSlot.PLACEMENT_SIZE, canvas.width() + "x" + canvas.height() + " px (" + canvas.ratio()
                + "), produce exactly this size", "studio request resolution");
        slots.put(PromptSlot.DURATION, duration(in.cost()), "cost_estimate.units (" + in.cost().model() + ")");
        BrandDna dna = in.dna();
        slots.put(PromptSlot.TONE, dna.writingStyle().tone(), dnaSource(dna, "writing_style.tone"));
        slots.put(PromptSlot.PALETTE, String.join(", ", in.palette()), in.palette().equals(
                dna.visualIdentity().colorPalette()) ? dnaSource(dna, "visual_identity.color_palette")
                : "studio request brand_colors");
        String productAudience = facts.text("audience");
        slots.put(PromptSlot.AUDIENCE, productAudience != null ? productAudience
                        : String.join(", ", dna.targetAudience().demographics()),
                productAudience != null ? "product_context.audience" : dnaSource(dna, "target_audience.demographics"));
        slots.put(PromptSlot.PRODUCT_FACTS, facts.summary(), facts.source());
        slots.put(PromptSlot.HOOK, in.direction() == null || in.direction().isBlank()
                        ? "show the product at its best, true to life" : in.direction().strip(),
                in.direction() == null || in.direction().isBlank() ? "studio default direction"
                        : "studio request additional_context (user)");
        slots.put(PromptSlot.QUALITY, catalog.quality(in.cost().tier()) + " (model " + in.cost().provider() + "/"
                + in.cost().model() + ")", "quality_tier " + in.cost().tier().code() + " -> " + in.cost().model());
        slots.put(PromptSlot.FORBIDDEN_PHRASES, forbiddenInstruction(forbidden), dnaSource(dna, "forbidden_phrases"));
        String prompt = forbidden.scrub(fill(template, slots));
        String summary = forbidden.scrub(capitalize(in.operation().replace('_', ' ')) + " of "
                + slots.value(PromptSlot.FOCAL_SUBJECT) + " (" + canvas.width() + "x" + canvas.height() + "): "
                + in.shot() + ".");
        return new BuiltPrompt(prompt, slots.value(PromptSlot.HOOK), in.operation(), 0, summary, template.id(),
                slots.provenance(PromptCatalog.slotsOf(template)));
    }

    private void phasePurpose(PromptInputs in, Slots slots) {
        String phase = in.node().phase();
        catalog.phase(phase).ifPresentOrElse(
                wording -> slots.put(PromptSlot.PHASE_PURPOSE, wording.purpose(), "prompt_catalog.phases." + phase + ".purpose"),
                () -> {
                    if (in.phase() != null && in.phase().purpose() != null) {
                        slots.put(PromptSlot.PHASE_PURPOSE, in.phase().purpose(), "campaign.phases." + phase + ".purpose");
                    } else {
                        slots.put(PromptSlot.PHASE_PURPOSE, "support the campaign's goal in its " + phase + " phase",
                                "asset_node.phase");
                    }
                });
    }

    private void cta(PromptInputs in, Slots slots) {
        String phase = in.node().phase();
        String channelStyle = in.channel().copyFramework().ctaStyle();
        String channelSource = "channel_catalog." + in.node().channel().code() + ".copy_framework.cta_style";
        String cta = catalog.phase(phase).map(PromptCatalog.PhaseWording::cta)
                .map(phaseCta -> phaseCta + " (channel style: " + channelStyle + ")").orElse(channelStyle);
        String source = catalog.phase(phase).isPresent()
                ? "prompt_catalog.phases." + phase + ".cta + " + channelSource : channelSource;
        slots.putOverridable(in, PromptSlot.CTA, cta, source);
    }

    private static void focalSubject(PromptInputs in, Facts facts, Slots slots) {
        String name = facts.productName();
        String description = facts.text("product_description");
        String focal;
        String source;
        if (name != null) {
            focal = description == null ? name : name + " — " + shorten(description, MAX_FOCAL_DESCRIPTION_CHARS);
            source = description == null ? "product_context.product_name"
                    : "product_context.product_name + product_context.product_description";
        } else if (description != null) {
            focal = shorten(description, MAX_FOCAL_DESCRIPTION_CHARS);
            source = "product_context.product_description";
        } else {
            focal = in.node().title();
            source = "asset_node.title (no product facts given)";
        }
        slots.putOverridable(in, PromptSlot.FOCAL_SUBJECT, focal, source);
    }

    private static void placementSlots(PromptInputs in, Slots slots) {
        Placement placement = in.placement();
        String at = "channel_catalog.placements." + placement.key();
        Canvas canvas = placement.canvas();
        if (canvas != null) {
            slots.put(PromptSlot.PLACEMENT_SIZE, canvas.width() + "x" + canvas.height() + " px (" + canvas.ratio()
                    + "), produce exactly this size", at + ".canvas");
        } else {
            slots.put(PromptSlot.PLACEMENT_SIZE, NOT_APPLICABLE + " (copy placement)", at);
        }
        slots.put(PromptSlot.SAFE_ZONE, safeZone(placement.safeZone()), at + ".safe_zone");
        if (placement.textFields().isEmpty()) {
            slots.put(PromptSlot.TEXT_LIMITS, NOT_APPLICABLE + " (visual placement)", at);
        } else {
            Integer learnedHashtags = learnedHashtags(placement.hashtags(), in.learned());
            String source = at + ".text_fields + hashtags";
            if (learnedHashtags != null) {
                source = source + "; hashtags: personalization, " + in.learned().hashtagsNote();
            }
            slots.put(PromptSlot.TEXT_LIMITS, textLimits(placement.textFields(), placement.hashtags(), learnedHashtags),
                    source);
        }
    }

    private static String safeZone(SafeZone zone) {
        if (zone == null) {
            return NOT_APPLICABLE;
        }
        List<String> edges = new ArrayList<>();
        addEdge(edges, "top", zone.top());
        addEdge(edges, "bottom", zone.bottom());
        addEdge(edges, "left", zone.left());
        addEdge(edges, "right", zone.right());
        if (edges.isEmpty()) {
            return "the whole canvas is usable; keep key elements a little away from the edges";
        }
        return "keep text, logos and faces out of the " + String.join(", ", edges);
    }

    private static void addEdge(List<String> edges, String edge, double fraction) {
        if (fraction > 0) {
            edges.add(edge + " " + BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros().toPlainString() + "%");
        }
    }

    /** The learned hashtag count within the placement's cap; null when nothing was learned or no hashtags fit. */
    private static Integer learnedHashtags(Hashtags hashtags, LearnedSlots learned) {
        if (hashtags == null || learned.hashtags() == null) {
            return null;
        }
        return Math.max(0, Math.min(hashtags.max(), learned.hashtags()));
    }

    static String textLimits(List<TextField> fields, Hashtags hashtags) {
        return textLimits(fields, hashtags, null);
    }

    /** @param learnedHashtags the user's own hashtag count on the channel, which replaces the recommendation */
    static String textLimits(List<TextField> fields, Hashtags hashtags, Integer learnedHashtags) {
        List<String> limits = new ArrayList<>();
        for (TextField field : fields) {
            StringBuilder limit = new StringBuilder(field.name().replace('_', ' '));
            if (field.maxChars() != null) {
                limit.append(" ≤ ").append(thousands(field.maxChars())).append(" chars");
            } else {
                limit.append(" with no hard length limit");
            }
            List<String> notes = new ArrayList<>();
            if (field.visibleChars() != null) {
                notes.add("first " + thousands(field.visibleChars()) + " visible");
            }
            if (field.warnChars() != null) {
                notes.add("aim for ≤ " + thousands(field.warnChars()));
            }
            if (field.minChars() != null) {
                notes.add("at least " + thousands(field.minChars()));
            }
            if (field.countMax() != null) {
                int min = field.countMin() == null ? 1 : field.countMin();
                notes.add(min == field.countMax() ? field.countMax() + " of them" : min + " to " + field.countMax() + " of them");
            }
            if (!notes.isEmpty()) {
                limit.append(" (").append(String.join(", ", notes)).append(")");
            }
            limits.add(limit.toString());
        }
        if (hashtags == null) {
            limits.add("no hashtags");
        } else if (learnedHashtags == null) {
            limits.add("≤ " + hashtags.max() + " hashtags (" + hashtags.recommended() + " recommended)");
        } else if (learnedHashtags == 0) {
            limits.add("no hashtags (the user's own preference on this channel)");
        } else {
            limits.add("≤ " + learnedHashtags + (learnedHashtags == 1 ? " hashtag" : " hashtags")
                    + " (the user's own preference on this channel)");
        }
        return String.join(", ", limits);
    }

    private static String duration(CostLine cost) {
        for (CostComponent component : cost.components()) {
            if (component.unit() == PriceUnit.VIDEO_SECOND) {
                return component.quantity().stripTrailingZeros().toPlainString() + "-second";
            }
            if (component.unit() == PriceUnit.THOUSAND_CHARACTERS) {
                int characters = component.quantity().movePointRight(3).intValue();
                return (characters / CHARACTERS_PER_SECOND) + "-second (about " + thousands(characters) + " characters)";
            }
        }
        return NOT_APPLICABLE;
    }

    private static void brandSlots(PromptInputs in, Slots slots) {
        BrandDna dna = in.dna();
        String channelCode = in.node().channel().code();
        String tone = dna.writingStyle().tone() + "; on " + in.channel().platform() + ": " + in.channel().toneShift();
        String toneSource = dnaSource(dna, "writing_style.tone") + " + channel_catalog." + channelCode + ".tone_shift";
        boolean personasFromProfile = !dna.defaultedFields().contains("persona.platform_personas");
        Map<String, Object> persona = personasFromProfile ? dna.persona().platformPersonas().get(channelCode) : null;
        if (persona != null && persona.get("tone") instanceof String personaTone && !personaTone.isBlank()) {
            tone = tone + "; channel persona: " + personaTone;
            toneSource = toneSource + " + brand_dna.persona.platform_personas." + channelCode + ".tone (profile)";
        }
        slots.put(PromptSlot.TONE, tone, toneSource);
        slots.put(PromptSlot.VOICE, dna.writingStyle().voice() + "; " + dna.persona().linguisticFingerprint(),
                dnaSource(dna, "writing_style.voice") + " + " + dnaSource(dna, "persona.linguistic_fingerprint"));
        String productAudience = new Facts(in.productContext()).text("audience");
        if (productAudience != null) {
            slots.put(PromptSlot.AUDIENCE, productAudience, "product_context.audience");
        } else {
            slots.put(PromptSlot.AUDIENCE, String.join(", ", dna.targetAudience().demographics()) + "; "
                    + dna.targetAudience().expertiseLevel() + " level, " + dna.targetAudience().industryFocus(),
                    dnaSource(dna, "target_audience.demographics"));
        }
        slots.put(PromptSlot.PALETTE, String.join(", ", dna.visualIdentity().colorPalette()),
                dnaSource(dna, "visual_identity.color_palette"));
        slots.put(PromptSlot.VOCABULARY, "prefer " + String.join(", ", dna.vocabulary().preferred())
                        + "; avoid " + String.join(", ", dna.vocabulary().avoid()),
                dnaSource(dna, "vocabulary.preferred") + " + " + dnaSource(dna, "vocabulary.avoid"));
    }

    private static void contrast(BrandDna dna, Slots slots) {
        BrandDna.CompetitivePositioning positioning = dna.competitivePositioning();
        String differentiators = "stand out on " + String.join(", ", positioning.differentiators());
        String differentiatorSource = dnaSource(dna, "competitive_positioning.differentiators");
        boolean competitorsOnFile = !dna.defaultedFields().contains("competitive_positioning.competitor_insights");
        if (!competitorsOnFile) {
            slots.put(PromptSlot.CONTRAST, differentiators, differentiatorSource);
            return;
        }
        List<String> contrasts = positioning.competitorInsights().stream().limit(MAX_COMPETITORS)
                .map(insight -> "contrast vs " + insight.competitor() + " (" + insight.insight() + ")")
                .toList();
        slots.put(PromptSlot.CONTRAST, String.join("; ", contrasts) + "; " + differentiators,
                dnaSource(dna, "competitive_positioning.competitor_insights") + " + " + differentiatorSource);
    }

    private void research(PromptInputs in, Slots slots) {
        String depth = in.researchDepth();
        String wording = catalog.research(depth);
        String source = depth == null
                ? "prompt_catalog.research_depths.default (" + catalog.defaultResearchDepth() + "; no preference on file)"
                : "brand_profile.research_preferences.research_depth (" + depth + ")";
        slots.put(PromptSlot.RESEARCH, wording, source);
    }

    private static String forbiddenInstruction(ForbiddenPhrases forbidden) {
        if (forbidden.phrases().isEmpty()) {
            return "The brand has no forbidden phrases on file; still avoid hype and claims that cannot be verified.";
        }
        return "Never use the brand's forbidden phrases, in any spelling or case; they are written here letter by "
                + "letter so that this prompt does not contain them: " + forbidden.spelledOut() + ".";
    }

    private static String fill(PromptCatalog.Template template, Slots slots) {
        Matcher placeholders = PLACEHOLDER.matcher(template.text());
        StringBuilder filled = new StringBuilder();
        while (placeholders.find()) {
            PromptSlot slot = PromptSlot.parse(placeholders.group(1)).orElseThrow(() -> new IllegalStateException(
                    "template " + template.id() + " uses the unknown slot " + placeholders.group()));
            placeholders.appendReplacement(filled, Matcher.quoteReplacement(slots.value(slot)));
        }
        placeholders.appendTail(filled);
        return filled.toString();
    }

    /** "Brand DNA field (profile)" or "(defaults)", by whether the profile supplied it. */
    static String dnaSource(BrandDna dna, String path) {
        return "brand_dna." + path + " (" + (dna.defaultedFields().contains(path) ? BrandDna.SOURCE_DEFAULTS
                : BrandDna.SOURCE_PROFILE) + ")";
    }

    private static String sizeNote(Placement placement) {
        return placement.canvas() == null ? "" : " (" + placement.canvas().dimensions() + ")";
    }

    private static String thousands(int value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String capitalize(String text) {
        return text == null || text.isEmpty() ? "" : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    static String shorten(String text, int maxChars) {
        String trimmed = text.trim();
        if (trimmed.length() <= maxChars) {
            return trimmed;
        }
        int cut = trimmed.lastIndexOf(' ', maxChars - 1);
        return trimmed.substring(0, cut > 0 ? cut : maxChars - 1) + "…";
    }

    /** The filled slots with their sources; every value is scrubbed of forbidden phrases on the way in. */
    private static final class Slots {
        private final ForbiddenPhrases forbidden;
        private final Map<PromptSlot, String> values = new EnumMap<>(PromptSlot.class);
        private final Map<String, String> provenance = new LinkedHashMap<>();

        Slots(ForbiddenPhrases forbidden) {
            this.forbidden = forbidden;
        }

        void put(PromptSlot slot, String value, String source) {
            boolean scrubbed = !forbidden.foundIn(value).isEmpty();
            values.put(slot, forbidden.scrub(value));
            provenance.put(slot.code(), scrubbed ? source + " (forbidden phrase removed)" : source);
        }

        void putOverridable(PromptInputs in, PromptSlot slot, String value, String source) {
            String override = in.overrides().get(slot);
            if (override != null && !override.isBlank()) {
                put(slot, override, "settings." + slot.code() + " (user)");
            } else {
                put(slot, value, source);
            }
        }

        String value(PromptSlot slot) {
            String value = values.get(slot);
            if (value == null) {
                throw new IllegalStateException("slot " + slot.code() + " was not filled");
            }
            return value;
        }

        /** The sources of the given slots (those the template uses), in template order. */
        Map<String, String> provenance(Set<PromptSlot> used) {
            Map<String, String> sources = new LinkedHashMap<>();
            used.forEach(slot -> sources.put(slot.code(), provenance.get(slot.code())));
            return sources;
        }
    }

    /** The product facts of the campaign's product_context, as given (slots scrub them). */
    private static final class Facts {
        private static final List<String> KEYS = List.of("product_name", "product_description", "features", "price", "audience");
        private final Map<String, Object> context;

        Facts(Map<String, Object> context) {
            this.context = context;
        }

        String text(String key) {
            Object value = context.get(key);
            String text = null;
            if (value instanceof String s) {
                text = s;
            } else if (value instanceof BigDecimal number) {
                text = number.toPlainString();
            } else if (value instanceof Number || value instanceof Boolean) {
                text = value.toString();
            } else if (value instanceof List<?> list) {
                List<String> items = list.stream().filter(item -> item instanceof String || item instanceof Number)
                        .map(Object::toString).toList();
                text = items.isEmpty() ? null : String.join(", ", items);
            }
            if (text == null) {
                return null;
            }
            return text.isBlank() ? null : text.trim();
        }

        String productName() {
            return text("product_name");
        }

        String productNameOr(String fallback) {
            String name = productName();
            return name == null ? fallback : name;
        }

        String summary() {
            List<String> parts = new ArrayList<>();
            for (String key : KEYS) {
                String value = text(key);
                if (value != null) {
                    String label = key.startsWith("product_") ? key.substring("product_".length()) : key;
                    parts.add(label + ": " + (key.equals("product_description") ? shorten(value, MAX_DESCRIPTION_CHARS) : value));
                }
            }
            return parts.isEmpty() ? "none given; describe the product only in general terms and invent no specifics"
                    : String.join("; ", parts);
        }

        String source() {
            List<String> used = KEYS.stream().filter(key -> text(key) != null).map(key -> "product_context." + key).toList();
            return used.isEmpty() ? "product_context (empty)" : String.join(" + ", used);
        }
    }
}
