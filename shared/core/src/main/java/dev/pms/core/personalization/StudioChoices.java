package dev.pms.core.personalization;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The values each studio form field takes, as the SPA's forms offer them. */
public final class StudioChoices {
    private static final Map<FormType, Map<String, List<Object>>> CHOICES = choices();

    private StudioChoices() {
    }

    private static Map<FormType, Map<String, List<Object>>> choices() {
        Map<FormType, Map<String, List<Object>>> all = new LinkedHashMap<>();
        Map<String, List<Object>> photoshoot = new LinkedHashMap<>();
        photoshoot.put("environment", List.of("studio", "lifestyle", "outdoor", "minimalist", "luxury"));
        photoshoot.put("background_style", List.of("white", "transparent", "lifestyle", "branded"));
        photoshoot.put("lighting", List.of("natural", "studio", "dramatic", "soft"));
        photoshoot.put("style", List.of("photorealistic", "minimalist", "luxury", "technical"));
        photoshoot.put("resolution", List.of("1024x1024", "1080x1080", "1080x1350", "1080x1920", "1280x720"));
        photoshoot.put("num_variations", List.of(1, 2, 3, 4));
        photoshoot.put("angle", List.of("front", "side", "top", "360"));
        all.put(FormType.PRODUCT_PHOTOSHOOT, photoshoot);
        Map<String, List<Object>> video = new LinkedHashMap<>();
        video.put("video_type", List.of("demo", "storytelling", "feature_highlight", "launch"));
        video.put("resolution", List.of("480p", "720p", "1080p"));
        video.put("duration", List.of(5, 10));
        all.put(FormType.PRODUCT_VIDEO, video);
        Map<String, List<Object>> animation = new LinkedHashMap<>();
        animation.put("animation_type", List.of("reveal", "rotation", "demo", "lifestyle"));
        animation.put("resolution", List.of("480p", "720p", "1080p"));
        animation.put("duration", List.of(5, 10));
        all.put(FormType.PRODUCT_ANIMATION, animation);
        Map<String, List<Object>> avatar = new LinkedHashMap<>();
        avatar.put("explainer_type", List.of("product_overview", "feature_explainer", "tutorial", "brand_message"));
        avatar.put("resolution", List.of("480p", "720p"));
        all.put(FormType.PRODUCT_AVATAR, avatar);
        return all;
    }

    /** Field → allowed values of a studio form, in the form's order; empty for the campaign wizard. */
    public static Map<String, List<Object>> of(FormType form) {
        return CHOICES.getOrDefault(form, Map.of());
    }

    /** The allowed value equal to {@code value} (compared as text), or null. */
    public static Object allowed(FormType form, String field, Object value) {
        if (value == null) {
            return null;
        }
        for (Object choice : of(form).getOrDefault(field, List.of())) {
            if (String.valueOf(choice).equalsIgnoreCase(String.valueOf(value).strip())) {
                return choice;
            }
        }
        return null;
    }

    /** The studio form an intelligent-prompt {@code asset_type} (image, video, animation, avatar) fills. */
    public static FormType formFor(String assetType) {
        return switch (assetType) {
            case "video" -> FormType.PRODUCT_VIDEO;
            case "animation" -> FormType.PRODUCT_ANIMATION;
            case "avatar" -> FormType.PRODUCT_AVATAR;
            default -> FormType.PRODUCT_PHOTOSHOOT;
        };
    }

    public static final List<String> ASSET_TYPES = List.of("image", "video", "animation", "avatar");
}
