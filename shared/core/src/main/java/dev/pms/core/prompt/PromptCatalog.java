package dev.pms.core.prompt;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.json.Json;
import dev.pms.core.pricing.QualityTier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prompt catalogue, loaded from the versioned data file {@code prompt-catalog.json}: templates per asset type and
 * channel (with a {@value #DEFAULT_CHANNEL} channel per asset type), the wording of each campaign phase, the quality
 * tiers and research depths, and the hook angles per asset type.
 */
public final class PromptCatalog {
    public static final String DEFAULT_CHANNEL = "default";
    /** The only placeholder a hook may carry. */
    public static final String PRODUCT_NAME_PLACEHOLDER = "{product_name}";
    private static final String RESOURCE = "/prompt-catalog.json";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    /** One template; {@code shotType} is absent for copy-only templates. */
    public record Template(String id, String shotType, String text) {
    }

    /** How a campaign phase shapes a prompt: its purpose and its default call to action. */
    public record PhaseWording(String purpose, String cta) {
    }

    /** One hook angle: a short name and the hook it gives. */
    public record HookAngle(String angle, String hook) {
    }

    private final String version;
    private final Map<AssetType, Map<String, Template>> templates;
    private final Map<String, PhaseWording> phases;
    private final Map<QualityTier, String> qualityTiers;
    private final String defaultResearchDepth;
    private final Map<String, String> researchDepths;
    private final Map<AssetType, List<HookAngle>> hookAngles;
    private final Map<String, Template> studioTemplates;

    private PromptCatalog(String version, Map<AssetType, Map<String, Template>> templates, Map<String, PhaseWording> phases,
                          Map<QualityTier, String> qualityTiers, String defaultResearchDepth,
                          Map<String, String> researchDepths, Map<AssetType, List<HookAngle>> hookAngles,
                          Map<String, Template> studioTemplates) {
        this.studioTemplates = studioTemplates;
        this.version = version;
        this.templates = templates;
        this.phases = phases;
        this.qualityTiers = qualityTiers;
        this.defaultResearchDepth = defaultResearchDepth;
        this.researchDepths = researchDepths;
        this.hookAngles = hookAngles;
    }

    /** The catalogue of the bundled data file, parsed once per class loader. */
    public static PromptCatalog load() {
        return Bundled.INSTANCE;
    }

    private static final class Bundled {
        static final PromptCatalog INSTANCE = parseBundled();
    }

    private static PromptCatalog parseBundled() {
        try (InputStream in = PromptCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource " + RESOURCE);
            }
            return parse(Json.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /**
     * Parses and checks a catalogue: every asset type has a default template and at least two hook angles, every
     * placeholder is a {@link PromptSlot}, every tier has wording.
     *
     * @throws IllegalStateException for a catalogue that breaks one of these rules
     */
    static PromptCatalog parse(JsonNode root) {
        var mapper = Json.mapper();
        String version = root.path("version").asText(null);
        if (version == null || version.isBlank()) {
            throw new IllegalStateException("prompt catalogue has no version");
        }
        Map<String, Map<String, Template>> rawTemplates = mapper.convertValue(root.path("templates"), new TypeReference<>() { });
        Map<String, PhaseWording> phases = mapper.convertValue(root.path("phases"), new TypeReference<>() { });
        Map<String, String> rawTiers = mapper.convertValue(root.path("quality_tiers"), new TypeReference<>() { });
        Map<String, String> depths = new LinkedHashMap<>(mapper.convertValue(root.path("research_depths"), new TypeReference<Map<String, String>>() { }));
        Map<String, List<HookAngle>> rawHooks = mapper.convertValue(root.path("hook_angles"), new TypeReference<>() { });
        Map<String, Template> studio = root.has("studio")
                ? mapper.convertValue(root.path("studio"), new TypeReference<LinkedHashMap<String, Template>>() { })
                : Map.of();
        studio.forEach((operation, template) -> {
            if (template.id() == null || template.text() == null) {
                throw new IllegalStateException("studio." + operation + " needs an id and a text");
            }
            slotsOf(template);
        });

        Map<AssetType, Map<String, Template>> templates = new EnumMap<>(AssetType.class);
        rawTemplates.forEach((type, byChannel) -> {
            AssetType assetType = assetType(type, "templates");
            byChannel.forEach((channel, template) -> {
                if (!channel.equals(DEFAULT_CHANNEL) && Channel.parse(channel).filter(c -> c.code().equals(channel)).isEmpty()) {
                    throw new IllegalStateException("templates." + type + "." + channel + " is no channel code");
                }
                if (template.id() == null || template.text() == null) {
                    throw new IllegalStateException("templates." + type + "." + channel + " needs an id and a text");
                }
                slotsOf(template);
            });
            templates.put(assetType, Collections.unmodifiableMap(new LinkedHashMap<>(byChannel)));
        });
        Map<AssetType, List<HookAngle>> hookAngles = new EnumMap<>(AssetType.class);
        rawHooks.forEach((type, hooks) -> {
            for (HookAngle hook : hooks) {
                Matcher placeholders = PLACEHOLDER.matcher(hook.hook());
                while (placeholders.find()) {
                    if (!placeholders.group().equals(PRODUCT_NAME_PLACEHOLDER)) {
                        throw new IllegalStateException("hook '" + hook.angle() + "' uses " + placeholders.group()
                                + "; hooks may only use " + PRODUCT_NAME_PLACEHOLDER);
                    }
                }
            }
            hookAngles.put(assetType(type, "hook_angles"), List.copyOf(hooks));
        });
        for (AssetType type : AssetType.values()) {
            if (!templates.containsKey(type) || !templates.get(type).containsKey(DEFAULT_CHANNEL)) {
                throw new IllegalStateException("prompt catalogue has no default template for " + type.code());
            }
            if (hookAngles.getOrDefault(type, List.of()).size() < 2) {
                throw new IllegalStateException("prompt catalogue needs at least two hook angles for " + type.code());
            }
        }
        Map<QualityTier, String> qualityTiers = new EnumMap<>(QualityTier.class);
        for (QualityTier tier : QualityTier.values()) {
            String wording = rawTiers.get(tier.code());
            if (wording == null) {
                throw new IllegalStateException("prompt catalogue has no wording for quality tier " + tier.code());
            }
            qualityTiers.put(tier, wording);
        }
        String defaultDepth = depths.remove("default");
        if (defaultDepth == null || !depths.containsKey(defaultDepth)) {
            throw new IllegalStateException("research_depths.default must name one of " + depths.keySet());
        }
        return new PromptCatalog(version, Collections.unmodifiableMap(templates), Map.copyOf(phases),
                Collections.unmodifiableMap(qualityTiers), defaultDepth, Map.copyOf(depths),
                Collections.unmodifiableMap(hookAngles), Map.copyOf(studio));
    }

    private static AssetType assetType(String code, String section) {
        return AssetType.parse(code).filter(t -> t.code().equals(code))
                .orElseThrow(() -> new IllegalStateException(section + "." + code + " is no asset type"));
    }

    /**
     * The slots a template uses, in order of first use.
     *
     * @throws IllegalStateException for a placeholder that is no {@link PromptSlot}
     */
    public static Set<PromptSlot> slotsOf(Template template) {
        Set<PromptSlot> slots = new LinkedHashSet<>();
        Matcher placeholders = PLACEHOLDER.matcher(template.text());
        while (placeholders.find()) {
            String code = placeholders.group(1);
            slots.add(PromptSlot.parse(code).orElseThrow(() -> new IllegalStateException(
                    "template " + template.id() + " uses the unknown slot {" + code + "}")));
        }
        return slots;
    }

    public String version() {
        return version;
    }

    /** The channel's template for the asset type, else the asset type's default. */
    public Template template(AssetType type, Channel channel) {
        Map<String, Template> byChannel = templates.get(type);
        return byChannel.getOrDefault(channel.code(), byChannel.get(DEFAULT_CHANNEL));
    }

    /** The product studio's template for an operation code (e.g. {@code photoshoot}). */
    public Template studioTemplate(String operation) {
        Template template = studioTemplates.get(operation);
        if (template == null) {
            throw new IllegalStateException("prompt catalogue has no studio template for " + operation);
        }
        return template;
    }

    /** Every template by asset type, then channel code (or {@value #DEFAULT_CHANNEL}). */
    public Map<AssetType, Map<String, Template>> templates() {
        return templates;
    }

    public Optional<PhaseWording> phase(String name) {
        return Optional.ofNullable(name == null ? null : phases.get(name));
    }

    public String quality(QualityTier tier) {
        return qualityTiers.get(tier);
    }

    /** The wording of a research depth; an absent or unknown depth reads as the catalogue's default depth. */
    public String research(String depth) {
        return researchDepths.getOrDefault(depth == null ? defaultResearchDepth : depth, researchDepths.get(defaultResearchDepth));
    }

    public String defaultResearchDepth() {
        return defaultResearchDepth;
    }

    public List<HookAngle> hookAngles(AssetType type) {
        return hookAngles.get(type);
    }

    /** The hook angle at {@code index}, wrapping around the asset type's list (so any index is valid). */
    public HookAngle hookAngle(AssetType type, int index) {
        List<HookAngle> angles = hookAngles.get(type);
        return angles.get(Math.floorMod(index, angles.size()));
    }

    /** The position of the named angle in the asset type's list, if it is one. */
    public Optional<Integer> angleIndex(AssetType type, String angle) {
        List<HookAngle> angles = hookAngles.get(type);
        for (int i = 0; i < angles.size(); i++) {
            if (angles.get(i).angle().equals(angle)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
