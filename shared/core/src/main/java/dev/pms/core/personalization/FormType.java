package dev.pms.core.personalization;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.pms.core.channel.AssetType;
import dev.pms.core.common.EnumCodes;
import dev.pms.core.studio.StudioTemplate;
import dev.pms.core.studio.StudioTemplates;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The forms whose defaults are personalised: the campaign wizard and the product studio's screens. */
public enum FormType {
    CAMPAIGN_CREATOR(null, List.of("channels", "goal")),
    PRODUCT_PHOTOSHOOT(AssetType.IMAGE, List.of("environment", "background_style", "lighting", "style", "resolution",
            "num_variations", "brand_colors")),
    PRODUCT_VIDEO(AssetType.VIDEO, List.of("video_type", "resolution", "duration")),
    PRODUCT_ANIMATION(AssetType.VIDEO, List.of("animation_type", "resolution", "duration")),
    PRODUCT_AVATAR(AssetType.AVATAR, List.of("explainer_type", "resolution"));

    private final AssetType assetType;
    private final List<String> fields;

    FormType(AssetType assetType, List<String> fields) {
        this.assetType = assetType;
        this.fields = fields;
    }

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }

    /** The asset type a studio form makes; null for the campaign wizard. */
    public AssetType assetType() {
        return assetType;
    }

    /** The fields of the form's defaults, in the form's order. */
    public List<String> fields() {
        return fields;
    }

    public boolean studio() {
        return assetType != null;
    }

    /** The studio form a template pre-fills. */
    public static FormType ofTemplate(StudioTemplate template) {
        return switch (template.category()) {
            case StudioTemplates.PRODUCT_IMAGE -> PRODUCT_PHOTOSHOOT;
            case StudioTemplates.PRODUCT_AVATAR -> PRODUCT_AVATAR;
            default -> template.settings().containsKey("animation_type") ? PRODUCT_ANIMATION : PRODUCT_VIDEO;
        };
    }

    public static Optional<FormType> parse(String value) {
        return EnumCodes.parse(FormType.class, value);
    }

    /** "campaign_creator, product_photoshoot, …" for messages. */
    public static String codes() {
        return Arrays.stream(values()).map(FormType::code).collect(Collectors.joining(", "));
    }
}
