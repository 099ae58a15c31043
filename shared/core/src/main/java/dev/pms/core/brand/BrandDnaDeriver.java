package dev.pms.core.brand;

import dev.pms.core.channel.Channel;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.channel.ChannelProfile;
import dev.pms.core.channel.Placement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Pure derivation of the Brand DNA from the stored onboarding inputs. Every field the profile does not supply is
 * filled with a sensible default and its path listed in {@code defaulted_fields}, so the result is always complete.
 */
public final class BrandDnaDeriver {
    static final String DEFAULT_TONE = "confident, warm and clear";
    static final String DEFAULT_VOICE = "active voice, speaks to the reader as 'you', plain words over jargon";
    static final List<String> DEFAULT_DEMOGRAPHICS = List.of("adults 25-44", "digitally active shoppers",
            "value quality, convenience and honest information");
    static final String DEFAULT_INDUSTRY = "consumer products";
    static final List<String> DEFAULT_PALETTE = List.of("#1F2937", "#2563EB", "#F59E0B", "#F9FAFB");
    static final List<String> DEFAULT_VALUES = List.of("quality", "clarity", "trust");
    static final String DEFAULT_POSITIONING = "a dependable, well-made choice that makes everyday life easier";
    static final Map<String, Object> DEFAULT_STYLE_GUIDELINES = ordered(
            "imagery", "natural light, real people using the product, uncluttered backgrounds",
            "typography", "one bold sans-serif for headlines, a readable sans-serif for body text",
            "layout", "generous white space, one focal point, brand colour as an accent");
    static final String DEFAULT_PERSONA_NAME = "The Helpful Expert";
    static final String DEFAULT_ARCHETYPE = "Sage";
    static final String DEFAULT_CORE_BELIEF = "Good products should explain themselves and earn trust with facts";
    static final String DEFAULT_FINGERPRINT = "short sentences, concrete verbs, specific numbers, no hype";
    static final List<String> DEFAULT_DIFFERENTIATORS = List.of("clear, honest product information",
            "thoughtful design details", "responsive, human support");
    static final List<String> DEFAULT_VALUE_PROPS = List.of("saves time with a simpler experience",
            "quality you can verify before you buy");
    static final String DEFAULT_MARKET_POSITION = "challenger: clearer and more customer-focused than the incumbents";
    static final List<BrandDna.CompetitorInsight> DEFAULT_INSIGHTS = List.of(new BrandDna.CompetitorInsight(
            "category leaders", "They lean on generic claims; win on specifics, proof and a clearer promise"));
    static final List<String> DEFAULT_PREFERRED = List.of("you", "simple", "proven", "designed for", "in minutes");
    static final List<String> DEFAULT_AVOID = List.of("synergy", "world-class", "revolutionary", "game-changing",
            "cutting-edge");
    static final List<String> DEFAULT_FORBIDDEN = List.of("guaranteed results", "best in the world",
            "risk-free", "miracle");
    /** The channels the SPA's wizard offers; default platform personas are given for these. */
    static final List<Channel> WIZARD_CHANNELS = List.of(Channel.INSTAGRAM, Channel.LINKEDIN, Channel.FACEBOOK,
            Channel.TIKTOK, Channel.TWITTER, Channel.PINTEREST, Channel.YOUTUBE);

    private final ChannelCatalog catalog;

    public BrandDnaDeriver(ChannelCatalog catalog) {
        this.catalog = catalog;
    }

    public BrandDna derive(Optional<StoredBrandProfile> stored) {
        Optional<BrandProfile> profile = stored.map(StoredBrandProfile::profile);
        Filler fill = new Filler();
        BrandProfile.WebsiteAnalysis website = profile.map(BrandProfile::websiteAnalysis).orElse(null);
        BrandProfile.WritingStyle style = website == null ? null : website.writingStyle();
        BrandProfile.TargetAudience audience = website == null ? null : website.targetAudience();
        Map<String, Object> analysis = website == null || website.brandAnalysis() == null ? Map.of() : website.brandAnalysis();
        BrandProfile.PersonaData personaData = profile.map(BrandProfile::personaData).orElse(null);
        BrandProfile.CorePersona core = personaData == null ? null : personaData.corePersona();

        String expertise = audience == null ? null : audience.expertiseLevel();
        String complexity = style == null ? null : style.complexity();
        BrandDna.WritingStyle writingStyle = new BrandDna.WritingStyle(
                fill.text("writing_style.tone", style == null ? null : style.tone(), () -> DEFAULT_TONE),
                fill.text("writing_style.voice", style == null ? null : style.voice(), () -> DEFAULT_VOICE),
                fill.text("writing_style.complexity", complexity, () -> complexityFor(expertise)),
                fill.text("writing_style.engagement_level", style == null ? null : style.engagementLevel(), () -> "medium"));
        BrandDna.TargetAudience targetAudience = new BrandDna.TargetAudience(
                fill.list("target_audience.demographics", audience == null ? null : audience.demographics(),
                        () -> DEFAULT_DEMOGRAPHICS),
                fill.text("target_audience.industry_focus", firstNonBlank(audience == null ? null : audience.industryFocus(),
                        text(analysis, "industry", "industry_focus")), () -> DEFAULT_INDUSTRY),
                fill.text("target_audience.expertise_level", expertise, () -> expertiseFor(complexity)));
        String positioning = text(analysis, "positioning", "brand_positioning");
        BrandDna.VisualIdentity visualIdentity = new BrandDna.VisualIdentity(
                fill.list("visual_identity.color_palette", profile.map(BrandProfile::colorPalette)
                        .filter(p -> !p.isEmpty()).orElse(strings(analysis, "color_palette", "colors")), () -> DEFAULT_PALETTE),
                fill.list("visual_identity.brand_values", strings(analysis, "brand_values", "values"), () -> DEFAULT_VALUES),
                fill.text("visual_identity.positioning", positioning, () -> DEFAULT_POSITIONING),
                fill.map("visual_identity.style_guidelines", website == null ? null : website.styleGuidelines(),
                        () -> DEFAULT_STYLE_GUIDELINES));
        List<Channel> selected = personaData == null || personaData.selectedPlatforms() == null
                ? List.of() : personaData.selectedPlatforms();
        BrandDna.Persona persona = new BrandDna.Persona(
                fill.text("persona.persona_name", core == null ? null : core.personaName(), () -> DEFAULT_PERSONA_NAME),
                fill.text("persona.archetype", core == null ? null : core.archetype(), () -> DEFAULT_ARCHETYPE),
                fill.text("persona.core_belief", core == null ? null : core.coreBelief(), () -> DEFAULT_CORE_BELIEF),
                fill.text("persona.linguistic_fingerprint", core == null ? null : core.linguisticFingerprint(),
                        () -> DEFAULT_FINGERPRINT),
                fill.map("persona.platform_personas", personaData == null ? null : personaData.platformPersonas(),
                        () -> defaultPlatformPersonas(selected.isEmpty() ? WIZARD_CHANNELS : selected)));
        List<BrandProfile.CompetitorAnalysis> competitors = profile.map(BrandProfile::competitorAnalyses).orElse(List.of());
        BrandDna.CompetitivePositioning competitive = new BrandDna.CompetitivePositioning(
                fill.list("competitive_positioning.differentiators",
                        strings(analysis, "differentiators", "competitive_advantages"), () -> DEFAULT_DIFFERENTIATORS),
                fill.list("competitive_positioning.unique_value_props",
                        strings(analysis, "unique_value_props", "unique_value_propositions", "value_propositions"),
                        () -> DEFAULT_VALUE_PROPS),
                fill.text("competitive_positioning.market_position",
                        firstNonBlank(text(analysis, "market_position"), positioning), () -> DEFAULT_MARKET_POSITION),
                fill.list("competitive_positioning.competitor_insights", insights(competitors), () -> DEFAULT_INSIGHTS));
        BrandProfile.Vocabulary vocabulary = profile.map(BrandProfile::vocabulary).orElse(null);
        BrandDna.Vocabulary words = new BrandDna.Vocabulary(
                fill.list("vocabulary.preferred", vocabulary == null ? null : vocabulary.preferred(), () -> DEFAULT_PREFERRED),
                fill.list("vocabulary.avoid", vocabulary == null ? null : vocabulary.avoid(), () -> DEFAULT_AVOID));
        List<String> forbidden = fill.list("forbidden_phrases", profile.map(BrandProfile::forbiddenPhrases).orElse(null),
                () -> DEFAULT_FORBIDDEN);

        return new BrandDna(writingStyle, targetAudience, visualIdentity, persona, competitive,
                stored.isPresent() ? BrandDna.SOURCE_PROFILE : BrandDna.SOURCE_DEFAULTS,
                stored.map(StoredBrandProfile::version).orElse(null), words, forbidden, fill.defaulted());
    }

    /** The DNA adapted to one channel from the catalogue, with the profile's platform persona when it has one. */
    public BrandDna.ForChannel forChannel(BrandDna dna, Channel channel) {
        ChannelProfile guidance = catalog.channel(channel);
        List<BrandDna.PlacementRule> placements = catalog.placements(channel).stream().map(BrandDnaDeriver::rule).toList();
        boolean personasFromProfile = !dna.defaultedFields().contains("persona.platform_personas");
        Map<String, Object> platformPersona = personasFromProfile ? dna.persona().platformPersonas().get(channel.code()) : null;
        String tone = dna.writingStyle().tone() + "; on " + guidance.platform() + ": " + guidance.toneShift();
        if (platformPersona != null && platformPersona.get("tone") instanceof String personaTone && !personaTone.isBlank()) {
            tone = tone + "; persona: " + personaTone;
        }
        BrandDna.PlatformAdaptation adaptation = new BrandDna.PlatformAdaptation(
                guidance.platform(), tone,
                new BrandDna.ContentFormatRules(guidance.toneShift(), guidance.formatRules(), placements),
                new BrandDna.EngagementPatterns(guidance.engagementPatterns(), guidance.copyFramework().name(),
                        guidance.copyFramework().structure(), guidance.copyFramework().ctaStyle(), guidance.optimizationTips()),
                new BrandDna.ChannelVisualIdentity(guidance.visualIdentity(), dna.visualIdentity().colorPalette(),
                        dna.visualIdentity().styleGuidelines()),
                platformPersona);
        return new BrandDna.ForChannel(dna, adaptation);
    }

    private static BrandDna.PlacementRule rule(Placement placement) {
        return new BrandDna.PlacementRule(placement.key(), placement.assetType(),
                placement.canvas() == null ? null : placement.canvas().dimensions(),
                placement.canvas() == null ? null : placement.canvas().ratio(),
                placement.safeZone(), placement.textFields().isEmpty() ? null : placement.textFields(),
                placement.hashtags(), placement.video());
    }

    private Map<String, Map<String, Object>> defaultPlatformPersonas(List<Channel> channels) {
        Map<String, Map<String, Object>> personas = new LinkedHashMap<>();
        for (Channel channel : channels) {
            ChannelProfile guidance = catalog.channel(channel);
            personas.put(channel.code(), ordered("tone", guidance.toneShift(), "cta_style", guidance.copyFramework().ctaStyle()));
        }
        return Collections.unmodifiableMap(personas);
    }

    /** An unmodifiable map of key/value pairs in the given order, so the JSON reads the same every time. */
    private static Map<String, Object> ordered(String... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    private static List<BrandDna.CompetitorInsight> insights(List<BrandProfile.CompetitorAnalysis> competitors) {
        if (competitors == null) {
            return List.of();
        }
        List<BrandDna.CompetitorInsight> insights = new ArrayList<>();
        for (BrandProfile.CompetitorAnalysis competitor : competitors) {
            Map<String, Object> data = competitor.analysisData() == null ? Map.of() : competitor.analysisData();
            String summary = firstNonBlank(text(data, "summary", "insight", "positioning"),
                    String.join("; ", strings(data, "weaknesses", "gaps", "differentiation_opportunities", "strengths")));
            String name = firstNonBlank(text(data, "name", "competitor_name"), competitor.competitorUrl());
            if (name != null && summary != null) {
                insights.add(new BrandDna.CompetitorInsight(name, summary));
            }
        }
        return insights;
    }

    private static String complexityFor(String expertise) {
        if (expertise == null) {
            return "moderate";
        }
        return switch (expertise) {
            case "beginner" -> "simple";
            case "expert" -> "advanced";
            default -> "moderate";
        };
    }

    private static String expertiseFor(String complexity) {
        if (complexity == null) {
            return "intermediate";
        }
        return switch (complexity) {
            case "simple" -> "beginner";
            case "advanced" -> "expert";
            default -> "intermediate";
        };
    }

    /** The first key of {@code data} holding a non-blank string. */
    private static String text(Map<String, Object> data, String... keys) {
        for (String key : keys) {
            if (data.get(key) instanceof String value && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }

    /** The first key of {@code data} holding a list of strings, or a comma-separated string. */
    private static List<String> strings(Map<String, Object> data, String... keys) {
        for (String key : keys) {
            Object value = data.get(key);
            List<String> items = new ArrayList<>();
            if (value instanceof List<?> list) {
                list.stream().filter(String.class::isInstance).map(v -> ((String) v).trim()).filter(v -> !v.isEmpty())
                        .forEach(items::add);
            } else if (value instanceof String text) {
                Arrays.stream(text.split(",")).map(String::trim).filter(v -> !v.isEmpty()).forEach(items::add);
            }
            if (!items.isEmpty()) {
                return List.copyOf(items);
            }
        }
        return List.of();
    }

    private static String firstNonBlank(String first, String second) {
        if (first != null && !first.isBlank()) {
            return first;
        }
        return second == null || second.isBlank() ? null : second;
    }

    /** Picks the given value or the default, remembering which paths were defaulted. */
    private static final class Filler {
        private final List<String> defaulted = new ArrayList<>();

        String text(String path, String given, Supplier<String> fallback) {
            if (given != null && !given.isBlank()) {
                return given.trim();
            }
            defaulted.add(path);
            return fallback.get();
        }

        <T> List<T> list(String path, List<T> given, Supplier<List<T>> fallback) {
            if (given != null && !given.isEmpty()) {
                return List.copyOf(given);
            }
            defaulted.add(path);
            return fallback.get();
        }

        <V> Map<String, V> map(String path, Map<String, V> given, Supplier<Map<String, V>> fallback) {
            if (given != null && !given.isEmpty()) {
                return given;
            }
            defaulted.add(path);
            return fallback.get();
        }

        List<String> defaulted() {
            return List.copyOf(defaulted);
        }
    }
}
