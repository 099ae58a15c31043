package dev.pms.core.studio;

import dev.pms.core.generation.StudioBrief.Operation;
import dev.pms.core.generation.StudioBrief.Scene;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The studio's vocabulary: which settings and presets each screen accepts, how a preset or a photoshoot's look reads
 * as a shot description, how a product video's scenes follow from its preset and the product's facts, and what frame a
 * resolution means for a picture of a given shape.
 */
public final class StudioPresets {
    public static final String PHOTOSHOOT = "photoshoot";
    public static final Map<String, String> ENVIRONMENTS = ordered(
            "studio", "a professional photo studio",
            "lifestyle", "a bright, lived-in everyday setting",
            "outdoor", "outdoors in natural surroundings",
            "minimalist", "a minimal set with generous negative space",
            "luxury", "a premium set with rich materials");
    public static final Map<String, String> BACKGROUNDS = ordered(
            "white", "on a seamless pure white background",
            "transparent", "isolated on a transparent background",
            "lifestyle", "in a softly blurred scene that suits it",
            "branded", "on a field of the brand's primary colour");
    public static final Map<String, String> LIGHTING = ordered(
            "natural", "soft natural window light",
            "studio", "even three-point studio light",
            "dramatic", "dramatic low-key spotlight with deep shadows",
            "soft", "soft diffuse light with gentle shadows");
    public static final Map<String, String> STYLES = ordered(
            "photorealistic", "photorealistic",
            "minimalist", "clean and minimal",
            "luxury", "luxurious editorial",
            "technical", "precise technical catalogue");
    public static final Map<String, String> ANGLES = ordered(
            "front", "seen from the front at eye level",
            "side", "seen from a three-quarter side angle",
            "top", "seen from directly above",
            "360", "seen from evenly spaced angles around it");
    public static final Map<String, String> ANIMATIONS = ordered(
            "reveal", "a cinematic reveal: light sweeps in from darkness with a slow push-in",
            "rotation", "a smooth turntable rotation with the camera fixed",
            "demo", "a slow camera pan across the product's details, then a pull back",
            "lifestyle", "a gentle handheld drift with soft parallax");
    public static final Map<String, String> VIDEO_TYPES = ordered(
            "demo", "a product demo: what it is, how it works, the detail that convinces, then the call to action",
            "storytelling", "a short story: the everyday problem, the product arriving, the better day, then the call to action",
            "feature_highlight", "one scene per key feature with the feature named on screen, then the call to action",
            "launch", "a launch teaser building to the reveal, then where to get it");
    public static final Map<String, String> EXPLAINER_TYPES = ordered(
            "product_overview", "a friendly introduction of the product",
            "feature_explainer", "an explanation of one key feature and why it matters",
            "tutorial", "a step-by-step walkthrough of getting started",
            "brand_message", "a warm, personal message from the brand");
    public static final Set<String> VIDEO_RESOLUTIONS = Set.of("480p", "720p", "1080p");
    public static final Set<String> AVATAR_RESOLUTIONS = Set.of("480p", "720p");
    public static final Set<Integer> DURATIONS = Set.of(5, 10);
    public static final int MIN_SIDE = 256;
    public static final int MAX_SIDE = 2048;
    public static final int MAX_VARIATIONS = 4;
    /** WAN 2.5 and its text-to-video sizes make 480p clips 832 px long (1280 and 1920 at 720p and 1080p). */
    static final int WAN_480P_LONG_SIDE = 832;
    /** Words a narrator speaks per second at a calm pace. */
    static final double WORDS_PER_SECOND = 2.3;

    private StudioPresets() {
    }

    /** The route segments of the preset routes, e.g. {@code /products/avatar/brand-message}. */
    public static Optional<String> presetOfRoute(Operation operation, String segment) {
        String code = segment.toLowerCase(Locale.ROOT).replace('-', '_');
        return switch (operation) {
            case ANIMATE -> ANIMATIONS.containsKey(code) ? Optional.of(code) : Optional.empty();
            case PRODUCT_VIDEO -> VIDEO_TYPES.containsKey(code) ? Optional.of(code) : Optional.empty();
            case AVATAR_EXPLAINER -> switch (code) {
                case "overview" -> Optional.of("product_overview");
                case "feature" -> Optional.of("feature_explainer");
                case "tutorial", "brand_message" -> Optional.of(code);
                default -> EXPLAINER_TYPES.containsKey(code) ? Optional.of(code) : Optional.empty();
            };
            case PHOTOSHOOT -> Optional.empty();
        };
    }

    public static Map<String, String> presets(Operation operation) {
        return switch (operation) {
            case ANIMATE -> ANIMATIONS;
            case PRODUCT_VIDEO -> VIDEO_TYPES;
            case AVATAR_EXPLAINER -> EXPLAINER_TYPES;
            case PHOTOSHOOT -> Map.of(PHOTOSHOOT, "a product photoshoot");
        };
    }

    /** A photoshoot's look in words, e.g. "photorealistic shot in a professional photo studio, …". */
    public static String photoshootShot(Map<String, String> look, int variation, int variations) {
        List<String> parts = new ArrayList<>();
        parts.add(STYLES.get(look.get("style")) + " product shot in " + ENVIRONMENTS.get(look.get("environment")));
        parts.add(BACKGROUNDS.get(look.get("background_style")));
        parts.add(LIGHTING.get(look.get("lighting")));
        String angle = look.get("angle");
        if ("360".equals(angle) && variations > 1) {
            parts.add("seen from " + (360 * (variation - 1) / variations) + " degrees around it");
        } else {
            parts.add(ANGLES.get(angle));
        }
        if (look.containsKey("product_variant")) {
            parts.add("the " + look.get("product_variant") + " variant");
        }
        return String.join(", ", parts);
    }

    /**
     * A product video's scenes for its preset, from the product's facts: as many as the narrator can speak in the clip's
     * length, the call to action always last.
     */
    public static List<Scene> scenes(String videoType, String productName, String description, int seconds) {
        String name = productName.strip();
        List<String> facts = sentences(description);
        List<Scene> body = new ArrayList<>();
        Scene callToAction;
        switch (videoType) {
            case "storytelling" -> {
                body.add(new Scene("problem", "Sound familiar?", "Some everyday jobs take longer than they should."));
                body.add(new Scene("turn", "Meet " + name, "Then there is " + name + "."));
                facts.stream().limit(2).forEach(fact -> body.add(new Scene("better_day", shortLine(fact), fact)));
                callToAction = new Scene("call_to_action", "Try " + name + " today", "Try " + name + " today.");
            }
            case "feature_highlight" -> {
                body.add(new Scene("intro", name, name + "."));
                features(description).stream().limit(3).forEach(feature -> body.add(
                        new Scene("feature", shortLine(feature), sentence(feature))));
                callToAction = new Scene("call_to_action", "Get " + name, "Get " + name + " now.");
            }
            case "launch" -> {
                body.add(new Scene("tease", "Something new is here", "Something new is here."));
                body.add(new Scene("reveal", name, "Introducing " + name + "."));
                facts.stream().limit(1).forEach(fact -> body.add(new Scene("promise", shortLine(fact), fact)));
                callToAction = new Scene("call_to_action", "Available now", "Available now.");
            }
            default -> {
                body.add(new Scene("intro", "Meet " + name, "Meet " + name + "."));
                facts.stream().limit(2).forEach(fact -> body.add(new Scene("how_it_works", shortLine(fact), fact)));
                callToAction = new Scene("call_to_action", "Try " + name + " today", "Try " + name + " today.");
            }
        }
        int budget = (int) Math.floor(seconds * WORDS_PER_SECOND) - words(callToAction.narration());
        List<Scene> scenes = new ArrayList<>();
        int spoken = 0;
        for (Scene scene : body) {
            int cost = words(scene.narration());
            if (!scenes.isEmpty() && spoken + cost > budget) {
                break;
            }
            scenes.add(scene);
            spoken += cost;
        }
        scenes.add(callToAction);
        return scenes;
    }

    /** The frame of a clip at {@code resolution} (480p, 720p, 1080p) for a picture of the given shape. */
    public static Frame frame(String resolution, int pictureWidth, int pictureHeight) {
        int shortSide = Integer.parseInt(resolution.substring(0, resolution.length() - 1));
        int longSide = shortSide == 480 ? WAN_480P_LONG_SIDE : even(Math.round(shortSide * 16 / 9f));
        double ratio = (double) pictureWidth / pictureHeight;
        if (ratio >= 1.2) {
            return new Frame(longSide, shortSide, "16:9");
        }
        if (ratio <= 1 / 1.2) {
            return new Frame(shortSide, longSide, "9:16");
        }
        return new Frame(shortSide, shortSide, "1:1");
    }

    /** A frame size with its aspect ratio written W:H. */
    public record Frame(int width, int height, String ratio) {
        public static Frame exact(int width, int height) {
            int divisor = gcd(width, height);
            return new Frame(width, height, (width / divisor) + ":" + (height / divisor));
        }
    }

    static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        if (text == null) {
            return sentences;
        }
        for (String part : text.strip().split("(?<=[.!?])\\s+")) {
            String trimmed = part.strip();
            if (trimmed.length() > 2) {
                sentences.add(sentence(trimmed));
            }
        }
        return sentences;
    }

    static List<String> features(String description) {
        List<String> features = new ArrayList<>();
        if (description == null) {
            return features;
        }
        for (String part : description.split("[.;,!?]|\\band\\b|\\bwith\\b")) {
            String trimmed = part.strip();
            if (words(trimmed) >= 2) {
                features.add(Character.toUpperCase(trimmed.charAt(0)) + trimmed.substring(1));
            }
        }
        return features;
    }

    private static String shortLine(String text) {
        String line = text.strip().replaceAll("[.!?]+$", "");
        String[] words = line.split("\\s+");
        if (words.length <= 7) {
            return line;
        }
        return String.join(" ", Arrays.copyOf(words, 7)) + "…";
    }

    private static String sentence(String text) {
        String trimmed = text.strip();
        return trimmed.matches(".*[.!?]$") ? trimmed : trimmed + ".";
    }

    static int words(String text) {
        String trimmed = text == null ? "" : text.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }

    private static int even(int value) {
        return value % 2 == 0 ? value : value + 1;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
