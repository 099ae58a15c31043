package dev.pms.providers.stability;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a pending job needs to be finished by any instance of the provider, as the handle string
 * {@code stability:<model>:<width>x<height>:<placement key or none>:<generation id>}, e.g.
 * {@code stability:upscale-creative:1080x1920:instagram/reel:a6dc6c6e20acda010fe14d71f180658f2896ed9b4ec25aa99a6ff06c796987c4}.
 * A size of {@code 0x0} means the result is kept at the size the provider made it.
 */
record StabilityHandle(StabilityOperation operation, int width, int height, String placementKey, String generationId) {
    static final String PREFIX = "stability:";
    private static final Pattern FORMAT = Pattern.compile(
            "stability:([a-z0-9-]+):(\\d{1,5})x(\\d{1,5}):([A-Za-z0-9_./-]+):([A-Za-z0-9_-]{1,200})");
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-]{1,200}");

    static boolean validGenerationId(String id) {
        return id != null && SAFE_ID.matcher(id).matches();
    }

    String encode() {
        return PREFIX + operation.model() + ":" + width + "x" + height + ":" + placementKey + ":" + generationId;
    }

    static Optional<StabilityHandle> decode(String handle) {
        if (handle == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(handle);
        if (!m.matches()) {
            return Optional.empty();
        }
        return StabilityOperation.forModel(m.group(1))
                .filter(StabilityOperation::async)
                .map(op -> new StabilityHandle(op, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m.group(4),
                        m.group(5)));
    }
}
