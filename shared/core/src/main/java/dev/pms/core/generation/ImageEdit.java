package dev.pms.core.generation;

import java.util.Map;

/**
 * An edit of an existing image, as a provider job carries it: the {@code operation} (a fix plan's {@code crop},
 * {@code upscale}, {@code relight}, {@code restore}, {@code background_to_white}, {@code recolour},
 * {@code downscale}, {@code convert_format}, {@code compress}, {@code regenerate}, or {@code derive} for a channel
 * variant), its {@code parameters} (crop box, factor, target size and format, palette, fit and overlay text), and
 * the image to work on.
 */
public record ImageEdit(String operation, Map<String, Object> parameters, byte[] source) {

    public ImageEdit {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    /** A parameter as a whole number, or {@code fallback} when absent. */
    public int intParameter(String name, int fallback) {
        return parameters.get(name) instanceof Number number ? number.intValue() : fallback;
    }

    public String textParameter(String name) {
        Object value = parameters.get(name);
        return value == null ? null : String.valueOf(value);
    }
}
