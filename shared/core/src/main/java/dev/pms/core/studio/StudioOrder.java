package dev.pms.core.studio;

import dev.pms.core.audit.UntrustedImages.CheckedImage;
import dev.pms.core.error.FieldError;
import dev.pms.core.error.ValidationException;
import dev.pms.core.generation.StudioBrief.Operation;
import dev.pms.core.media.AudioClips.AudioClip;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One studio call as the edge read it: which screen and preset, the product's facts, the look or frame asked for, and
 * the image and voice the caller sent. It checks the rules that bind its fields together.
 *
 * @param look            a photoshoot's settings by name (environment, background_style, lighting, style, angle,
 *                        product_variant); empty for the other screens
 * @param resolution      {@code WxH} for a photoshoot, {@code 480p}/{@code 720p}/{@code 1080p} for a clip
 * @param durationSeconds 5 or 10 for an animation or product video, 0 for the rest
 * @param brandColors     colours the caller chose ({@code #RRGGBB}); empty means the Brand DNA's palette
 * @param image           the picture to animate or the avatar's picture; null for a photoshoot or product video
 * @param audio           the caller's voice for an avatar; null when {@code scriptText} is to be spoken
 * @param direction       the caller's extra direction ({@code additional_context}, an avatar's {@code prompt}); may be null
 */
public record StudioOrder(Operation operation, String preset, String productName, String productDescription,
                          Map<String, String> look, String resolution, int width, int height, int durationSeconds,
                          int variations, List<String> brandColors, CheckedImage image, String scriptText,
                          AudioClip audio, String direction) {

    public StudioOrder {
        look = look == null ? Map.of() : Map.copyOf(look);
        brandColors = brandColors == null ? List.of() : List.copyOf(brandColors);
        List<FieldError> errors = new ArrayList<>();
        if (productName == null || productName.isBlank()) {
            errors.add(new FieldError("product_name", "is required"));
        }
        switch (operation) {
            case PHOTOSHOOT -> {
                if (productDescription == null || productDescription.isBlank()) {
                    errors.add(new FieldError("product_description", "is required for a photoshoot"));
                }
                if (variations < 1 || variations > StudioPresets.MAX_VARIATIONS) {
                    errors.add(new FieldError("num_variations", "must be 1 to " + StudioPresets.MAX_VARIATIONS));
                }
            }
            case ANIMATE -> {
                if (image == null) {
                    errors.add(new FieldError("product_image_base64", "is required: the product image to animate"));
                }
            }
            case PRODUCT_VIDEO -> {
                if (productDescription == null || productDescription.isBlank()) {
                    errors.add(new FieldError("product_description", "is required for a product video"));
                }
            }
            case AVATAR_EXPLAINER -> {
                if (image == null) {
                    errors.add(new FieldError("avatar_image_base64", "is required: the presenter's picture"));
                }
                boolean script = scriptText != null && !scriptText.isBlank();
                if (!script && audio == null) {
                    errors.add(new FieldError("script_text", "or audio_base64 is required: what the presenter says"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(ValidationException.sentence("studio request", errors), errors);
        }
    }

    public String lookOf(String setting) {
        return look.get(setting);
    }
}
