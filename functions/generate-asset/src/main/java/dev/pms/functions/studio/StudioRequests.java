package dev.pms.functions.studio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.audit.AuditLimits;
import dev.pms.core.media.MediaTooLargeException;
import dev.pms.core.audit.UntrustedImages;
import dev.pms.core.error.FieldError;
import dev.pms.core.error.ValidationException;
import dev.pms.core.generation.StudioBrief.Operation;
import dev.pms.core.media.AudioClips;
import dev.pms.core.studio.StudioOrder;
import dev.pms.core.studio.StudioPresets;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a studio route's JSON body into a {@link StudioOrder}: every field's type, length and allowed values are
 * checked and every problem is named; pictures pass the audit's checks (size before decoding, sniffed format, pixel
 * limits) and a voice is measured from its own headers.
 */
final class StudioRequests {
    /** A picture or voice larger than this in base64 cannot have come in a 6 MB synchronous Lambda payload. */
    static final int MAX_BASE64_CHARS = 6_291_456;
    private static final AuditLimits PICTURE_LIMITS = new AuditLimits(MAX_BASE64_CHARS, 40_000_000L, 8_192, 256);
    private static final Pattern SIZE = Pattern.compile("^\\s*(\\d{2,5})\\s*[x×*]\\s*(\\d{2,5})\\s*$");
    private static final Pattern COLOUR = Pattern.compile("^#[0-9a-fA-F]{6}$");
    private static final int MAX_NAME = 200;
    private static final int MAX_DESCRIPTION = 2_000;
    private static final int MAX_CONTEXT = 1_000;
    private static final int MAX_SCRIPT = 1_500;
    private static final int MAX_VARIANT = 100;
    private static final int MAX_COLOURS = 6;

    private final UntrustedImages pictures = new UntrustedImages(PICTURE_LIMITS);

    StudioOrder photoshoot(JsonNode body) {
        Fields in = new Fields(body);
        String name = in.text("product_name", MAX_NAME);
        String description = in.text("product_description", MAX_DESCRIPTION);
        Map<String, String> look = new LinkedHashMap<>();
        look.put("environment", in.choice("environment", StudioPresets.ENVIRONMENTS.keySet(), "studio"));
        look.put("background_style", in.choice("background_style", StudioPresets.BACKGROUNDS.keySet(), "white"));
        look.put("lighting", in.choice("lighting", StudioPresets.LIGHTING.keySet(), "studio"));
        look.put("style", in.choice("style", StudioPresets.STYLES.keySet(), "photorealistic"));
        look.put("angle", in.choice("angle", StudioPresets.ANGLES.keySet(), "front"));
        String variant = in.text("product_variant", MAX_VARIANT);
        if (variant != null) {
            look.put("product_variant", variant);
        }
        String resolution = in.text("resolution", 20);
        int width = 1024;
        int height = 1024;
        if (resolution != null) {
            Matcher size = SIZE.matcher(resolution);
            if (!size.matches()) {
                in.problem("resolution", "must be WIDTHxHEIGHT in pixels, e.g. 1024x1024 or 1280x720");
            } else {
                width = Integer.parseInt(size.group(1));
                height = Integer.parseInt(size.group(2));
                if (width < StudioPresets.MIN_SIDE || height < StudioPresets.MIN_SIDE || width > StudioPresets.MAX_SIDE
                        || height > StudioPresets.MAX_SIDE) {
                    in.problem("resolution", "must have sides from " + StudioPresets.MIN_SIDE + " to "
                            + StudioPresets.MAX_SIDE + " pixels; " + resolution.strip() + " is outside");
                }
            }
        }
        int variations = in.integer("num_variations", 1);
        List<String> colours = in.colours("brand_colors");
        String context = in.text("additional_context", MAX_CONTEXT);
        in.check();
        return new StudioOrder(Operation.PHOTOSHOOT, StudioPresets.PHOTOSHOOT, name, description, look,
                width + "x" + height, width, height, 0, variations, colours, null, null, null, context);
    }

    StudioOrder animate(JsonNode body, String routePreset) {
        Fields in = new Fields(body);
        String preset = routePreset != null ? routePreset
                : in.choice("animation_type", StudioPresets.ANIMATIONS.keySet(), "reveal");
        String name = in.text("product_name", MAX_NAME);
        String description = in.text("product_description", MAX_DESCRIPTION);
        String resolution = in.choice("resolution", StudioPresets.VIDEO_RESOLUTIONS, "720p");
        int duration = in.duration();
        String context = in.text("additional_context", MAX_CONTEXT);
        UntrustedImages.CheckedImage image = in.picture("product_image_base64", pictures);
        in.check();
        return new StudioOrder(Operation.ANIMATE, preset, name, description, Map.of(), resolution, 0, 0, duration, 1,
                List.of(), image, null, null, context);
    }

    StudioOrder productVideo(JsonNode body, String routePreset) {
        Fields in = new Fields(body);
        String preset = routePreset != null ? routePreset
                : in.choice("video_type", StudioPresets.VIDEO_TYPES.keySet(), "demo");
        String name = in.text("product_name", MAX_NAME);
        String description = in.text("product_description", MAX_DESCRIPTION);
        String resolution = in.choice("resolution", StudioPresets.VIDEO_RESOLUTIONS, "720p");
        int duration = in.duration();
        String context = in.text("additional_context", MAX_CONTEXT);
        in.check();
        return new StudioOrder(Operation.PRODUCT_VIDEO, preset, name, description, Map.of(), resolution, 0, 0,
                duration, 1, List.of(), null, null, null, context);
    }

    StudioOrder avatarExplainer(JsonNode body, String routePreset) {
        Fields in = new Fields(body);
        String preset = routePreset != null ? routePreset
                : in.choice("explainer_type", StudioPresets.EXPLAINER_TYPES.keySet(), "product_overview");
        String name = in.text("product_name", MAX_NAME);
        String description = in.text("product_description", MAX_DESCRIPTION);
        String resolution = in.choice("resolution", StudioPresets.AVATAR_RESOLUTIONS, "480p");
        String script = in.text("script_text", MAX_SCRIPT);
        String prompt = in.text("prompt", MAX_CONTEXT);
        String context = in.text("additional_context", MAX_CONTEXT);
        UntrustedImages.CheckedImage image = in.picture("avatar_image_base64", pictures);
        AudioClips.AudioClip audio = in.audio("audio_base64");
        in.check();
        String direction = prompt == null ? context : context == null ? prompt : prompt + ". " + context;
        return new StudioOrder(Operation.AVATAR_EXPLAINER, preset, name, description, Map.of(), resolution, 0, 0, 0,
                1, List.of(), image, script, audio, direction);
    }

    /** The body's fields, read one by one with every problem collected. */
    private static final class Fields {
        private final JsonNode body;
        private final List<FieldError> errors = new ArrayList<>();

        Fields(JsonNode body) {
            this.body = body;
        }

        void problem(String field, String message) {
            errors.add(new FieldError(field, message));
        }

        void check() {
            if (!errors.isEmpty()) {
                throw new ValidationException(ValidationException.sentence("studio request", errors), errors);
            }
        }

        String text(String field, int maxChars) {
            JsonNode value = body.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual()) {
                problem(field, "must be text");
                return null;
            }
            String text = value.asText().strip();
            if (text.length() > maxChars) {
                problem(field, "has " + text.length() + " characters; at most " + maxChars);
                return null;
            }
            return text.isEmpty() ? null : text;
        }

        String choice(String field, Collection<String> allowed, String fallback) {
            String text = text(field, 40);
            if (text == null) {
                return fallback;
            }
            String code = text.toLowerCase(Locale.ROOT);
            if (!allowed.contains(code)) {
                problem(field, "must be one of " + String.join(", ", allowed.stream().sorted().toList()) + "; not "
                        + text);
                return fallback;
            }
            return code;
        }

        int integer(String field, int fallback) {
            JsonNode value = body.get(field);
            if (value == null || value.isNull()) {
                return fallback;
            }
            if (value.isIntegralNumber() && value.canConvertToInt()) {
                return value.asInt();
            }
            if (value.isTextual() && value.asText().strip().matches("\\d{1,3}")) {
                return Integer.parseInt(value.asText().strip());
            }
            problem(field, "must be a whole number");
            return fallback;
        }

        int duration() {
            int seconds = integer("duration", 5);
            if (!StudioPresets.DURATIONS.contains(seconds)) {
                problem("duration", "must be 5 or 10 seconds, not " + seconds);
                return 5;
            }
            return seconds;
        }

        List<String> colours(String field) {
            JsonNode value = body.get(field);
            if (value == null || value.isNull()) {
                return List.of();
            }
            if (!value.isArray() || value.size() > MAX_COLOURS) {
                problem(field, "must be a list of at most " + MAX_COLOURS + " colours like #1A73E8");
                return List.of();
            }
            List<String> colours = new ArrayList<>();
            for (JsonNode colour : value) {
                if (!colour.isTextual() || !COLOUR.matcher(colour.asText().strip()).matches()) {
                    problem(field, "must hold colours written #RRGGBB, e.g. #1A73E8");
                    return List.of();
                }
                colours.add(colour.asText().strip().toUpperCase(Locale.ROOT));
            }
            return colours;
        }

        UntrustedImages.CheckedImage picture(String field, UntrustedImages pictures) {
            JsonNode value = body.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual()) {
                problem(field, "must be a data: URL or base64 text");
                return null;
            }
            return pictures.read(value.asText(), field);
        }

        AudioClips.AudioClip audio(String field) {
            JsonNode value = body.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual()) {
                problem(field, "must be a data: URL or base64 text");
                return null;
            }
            String text = value.asText().strip();
            if (text.length() > MAX_BASE64_CHARS) {
                throw new MediaTooLargeException(field + " has " + text.length() + " characters; at most "
                        + MAX_BASE64_CHARS + " are accepted");
            }
            if (text.regionMatches(true, 0, "data:", 0, 5)) {
                int comma = text.indexOf(',');
                if (comma < 0 || !text.substring(0, comma).toLowerCase(Locale.ROOT).endsWith(";base64")) {
                    problem(field, "must be base64 or a data: URL with ;base64");
                    return null;
                }
                text = text.substring(comma + 1);
            }
            byte[] bytes;
            try {
                bytes = Base64.getMimeDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                problem(field, "is not valid base64");
                return null;
            }
            if (bytes.length == 0) {
                problem(field, "must not be empty");
                return null;
            }
            return AudioClips.inspect(bytes, field);
        }
    }
}
