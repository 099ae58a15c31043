package dev.pms.core.personalization;

import dev.pms.core.brand.BrandDna;
import dev.pms.core.brand.BrandProfile;
import dev.pms.core.brand.StoredBrandProfile;
import dev.pms.core.channel.Channel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What every form starts from before anything is learned: the Brand DNA where it says something (the persona's
 * platforms, the palette, the look its style guidelines and positioning describe), else the suite's defaults. This is
 * also the baseline personalisation is measured against.
 */
public final class BrandDefaults {
    /** The wizard's channels when the profile names none: the three most campaigns run on. */
    static final List<String> DEFAULT_CHANNELS = List.of("instagram", "facebook", "linkedin");
    static final String DEFAULT_GOAL = "product_launch";
    static final String DEFAULT_RESOLUTION = "1024x1024";
    static final int DEFAULT_VARIATIONS = 2;

    /** A photoshoot look and the words in the DNA's style text that call for it, most specific first. */
    private record Look(String name, List<String> cues, String environment, String background, String lighting,
                        String style) {
    }

    private static final List<Look> LOOKS = List.of(
            new Look("luxury", List.of("luxury", "luxurious", "premium", "elegant", "high-end", "exclusive", "refined",
                    "sophisticated"), "luxury", "branded", "dramatic", "luxury"),
            new Look("technical", List.of("technical", "engineering", "engineered", "precision", "specification",
                    "industrial", "b2b", "professional-grade"), "studio", "white", "studio", "technical"),
            new Look("outdoor", List.of("outdoor", "outdoors", "adventure", "nature", "rugged", "trail", "hiking"),
                    "outdoor", "lifestyle", "natural", "photorealistic"),
            new Look("minimal", List.of("minimal", "minimalist", "white space", "understated", "clean lines"),
                    "minimalist", "branded", "soft", "minimalist"),
            new Look("lifestyle", List.of("natural light", "real people", "lifestyle", "everyday", "at home", "in use"),
                    "lifestyle", "lifestyle", "natural", "photorealistic"));
    private static final Look STUDIO = new Look("studio", List.of(), "studio", "white", "studio", "photorealistic");

    private final BrandDna dna;
    private final Optional<StoredBrandProfile> profile;

    public BrandDefaults(BrandDna dna, Optional<StoredBrandProfile> profile) {
        this.dna = dna;
        this.profile = profile;
    }

    /** Every field of the form, from the DNA where it says something, else the suite's default. */
    public Map<String, Learned<Object>> of(FormType form) {
        Map<String, Learned<Object>> fields = new LinkedHashMap<>();
        switch (form) {
            case CAMPAIGN_CREATOR -> {
                fields.put("channels", channels());
                fields.put("goal", Learned.byDefault(DEFAULT_GOAL, "the wizard's default goal"));
            }
            case PRODUCT_PHOTOSHOOT -> photoshoot(fields);
            case PRODUCT_VIDEO -> {
                fields.put("video_type", Learned.byDefault("demo", "the studio's default"));
                fields.put("resolution", Learned.byDefault("720p", "the studio's default"));
                fields.put("duration", Learned.byDefault(10, "the studio's default"));
            }
            case PRODUCT_ANIMATION -> {
                fields.put("animation_type", Learned.byDefault("reveal", "the studio's default"));
                fields.put("resolution", Learned.byDefault("720p", "the studio's default"));
                fields.put("duration", Learned.byDefault(5, "the studio's default"));
            }
            case PRODUCT_AVATAR -> {
                fields.put("explainer_type", Learned.byDefault("product_overview", "the studio's default"));
                fields.put("resolution", Learned.byDefault("720p", "the studio's default"));
            }
        }
        return fields;
    }

    /** The channels the persona works on: the profile's selected platforms, else its platform personas. */
    @SuppressWarnings("unchecked")
    Learned<Object> channels() {
        Optional<BrandProfile.PersonaData> persona = profile.map(StoredBrandProfile::profile).map(BrandProfile::personaData);
        List<Channel> selected = persona.map(BrandProfile.PersonaData::selectedPlatforms).orElse(List.of());
        if (selected != null && !selected.isEmpty()) {
            return Learned.fromDna(codes(selected), "brand profile: the persona's selected platforms");
        }
        boolean personasFromProfile = !dna.defaultedFields().contains("persona.platform_personas");
        List<String> personaChannels = new ArrayList<>();
        if (personasFromProfile) {
            dna.persona().platformPersonas().keySet().forEach(code -> Channel.parse(code)
                    .ifPresent(channel -> personaChannels.add(channel.code())));
        }
        if (!personaChannels.isEmpty()) {
            return Learned.fromDna(List.copyOf(new LinkedHashSet<>(personaChannels)),
                    "brand DNA: the channels of persona.platform_personas");
        }
        return Learned.byDefault((Object) DEFAULT_CHANNELS, "no platforms in the brand profile: the wizard's default channels");
    }

    private void photoshoot(Map<String, Learned<Object>> fields) {
        Look look = look();
        boolean fromDna = look != STUDIO;
        String note = fromDna ? "brand DNA: a " + look.name() + " look (visual_identity style guidelines and positioning)"
                : "the studio's default look (the brand DNA names no look)";
        fields.put("environment", source(look.environment(), fromDna, note));
        fields.put("background_style", source(look.background(), fromDna, note));
        fields.put("lighting", source(look.lighting(), fromDna, note));
        fields.put("style", source(look.style(), fromDna, note));
        fields.put("resolution", Learned.byDefault(DEFAULT_RESOLUTION, "the studio's default"));
        fields.put("num_variations", Learned.byDefault(DEFAULT_VARIATIONS, "the studio's default"));
        fields.put("brand_colors", Learned.fromDna(dna.visualIdentity().colorPalette(),
                "brand DNA: visual_identity.color_palette"));
    }

    /** The look the DNA's visual words call for most (ties go to the more specific look); studio when none. */
    String lookName() {
        return look().name();
    }

    private Look look() {
        String text = visualText();
        Look best = STUDIO;
        int bestHits = 0;
        for (Look look : LOOKS) {
            int hits = (int) look.cues().stream().filter(text::contains).count();
            if (hits > bestHits) {
                best = look;
                bestHits = hits;
            }
        }
        return best;
    }

    private String visualText() {
        BrandDna.VisualIdentity visual = dna.visualIdentity();
        StringBuilder text = new StringBuilder();
        visual.styleGuidelines().values().forEach(value -> text.append(' ').append(value));
        text.append(' ').append(visual.positioning());
        visual.brandValues().forEach(value -> text.append(' ').append(value));
        text.append(' ').append(dna.competitivePositioning().marketPosition());
        return text.toString().toLowerCase(Locale.ROOT);
    }

    private static Learned<Object> source(String value, boolean fromDna, String note) {
        return fromDna ? Learned.fromDna(value, note) : Learned.byDefault(value, note);
    }

    private static List<String> codes(List<Channel> channels) {
        return List.copyOf(new LinkedHashSet<>(channels.stream().map(Channel::code).toList()));
    }
}
