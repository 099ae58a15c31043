package dev.pms.core.generation;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a product-studio call asks of a provider, beyond the fields every request has. The product facts travel in
 * {@link GenerationRequest#productContext()} ({@code product_name}, {@code product_description},
 * {@code additional_context}), the exact output size in the request's placement canvas, brand colours in its palette,
 * the image to animate or the avatar's picture in its key frame, a script to speak in its script.
 *
 * @param operation     which studio screen made the call
 * @param preset        the preset's code: an animation type (reveal, rotation, demo, lifestyle), a video type (demo,
 *                      storytelling, feature_highlight, launch) or an explainer type (product_overview,
 *                      feature_explainer, tutorial, brand_message); {@code photoshoot} for a photoshoot
 * @param settings      a photoshoot's look ({@code environment}, {@code background_style}, {@code lighting},
 *                      {@code style}, {@code angle}, {@code product_variant}), each a checked code or absent
 * @param durationSeconds the clip's asked length (0 for a still)
 * @param scenes        a product video's scenes in order, the last one the call to action (empty otherwise)
 * @param audio         a voice the caller sent for an avatar to lip-sync (WAV or MP3 bytes), null when the script
 *                      is to be spoken
 * @param audioMimeType {@code audio/wav} or {@code audio/mpeg} when {@code audio} is given
 * @param variation     which of the photoshoot's variations this is, from 1
 * @param variations    how many variations the call asked for
 */
public record StudioBrief(Operation operation, String preset, Map<String, String> settings, int durationSeconds,
                          List<Scene> scenes, byte[] audio, String audioMimeType, int variation, int variations) {

    public enum Operation {
        PHOTOSHOOT, ANIMATE, PRODUCT_VIDEO, AVATAR_EXPLAINER;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One scene of a product video: the words shown on screen and the words spoken over it. */
    public record Scene(String purpose, String onScreenText, String narration) {
    }

    public StudioBrief {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
        scenes = scenes == null ? List.of() : List.copyOf(scenes);
    }

    public String setting(String name, String fallback) {
        return settings.getOrDefault(name, fallback);
    }
}
