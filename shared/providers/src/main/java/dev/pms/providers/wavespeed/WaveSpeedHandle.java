package dev.pms.providers.wavespeed;

import dev.pms.providers.wavespeed.WaveSpeedModel.OutputKind;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@link WaveSpeedProvider#poll} needs of a pending job, as the compact string the worker stores:
 * {@code ws1|<model>|<output kind>|<prediction id>|<width>x<height>|<seconds>|<characters>|<http calls>}, followed,
 * while a voice is being made for an avatar, by {@code |<avatar model>|<key frame URL>}. Width and height are the
 * placement canvas (0x0 when there is none), seconds the expected duration, characters the voice-over text billed
 * so far and http calls those the asset has used so far; the id and URL are URL-encoded.
 */
public record WaveSpeedHandle(
        WaveSpeedModel model,
        OutputKind kind,
        String predictionId,
        int width,
        int height,
        double seconds,
        long characters,
        int httpCalls,
        WaveSpeedModel nextModel,
        String nextImageUrl) {

    static final String PREFIX = "ws1";
    private static final String SEPARATOR = "|";

    public String encode() {
        StringBuilder text = new StringBuilder(PREFIX)
                .append(SEPARATOR).append(model.code())
                .append(SEPARATOR).append(kind.code())
                .append(SEPARATOR).append(URLEncoder.encode(predictionId, StandardCharsets.UTF_8))
                .append(SEPARATOR).append(width).append('x').append(height)
                .append(SEPARATOR).append(String.format(Locale.ROOT, "%.2f", seconds))
                .append(SEPARATOR).append(characters)
                .append(SEPARATOR).append(httpCalls);
        if (nextModel != null) {
            text.append(SEPARATOR).append(nextModel.code())
                    .append(SEPARATOR).append(URLEncoder.encode(nextImageUrl, StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    /** The handle a string encodes; empty when it is not one this provider wrote. */
    public static Optional<WaveSpeedHandle> decode(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split("\\|", -1);
        if ((parts.length != 8 && parts.length != 10) || !PREFIX.equals(parts[0])) {
            return Optional.empty();
        }
        try {
            Optional<WaveSpeedModel> model = WaveSpeedModel.byCode(parts[1]);
            Optional<OutputKind> kind = OutputKind.parse(parts[2]);
            String id = URLDecoder.decode(parts[3], StandardCharsets.UTF_8);
            String[] size = parts[4].split("x", -1);
            if (model.isEmpty() || kind.isEmpty() || id.isBlank() || size.length != 2) {
                return Optional.empty();
            }
            WaveSpeedModel next = null;
            String nextUrl = null;
            if (parts.length == 10) {
                next = WaveSpeedModel.byCode(parts[8]).orElse(null);
                nextUrl = URLDecoder.decode(parts[9], StandardCharsets.UTF_8);
                if (next == null || nextUrl.isBlank()) {
                    return Optional.empty();
                }
            }
            return Optional.of(new WaveSpeedHandle(model.get(), kind.get(), id, Integer.parseInt(size[0]),
                    Integer.parseInt(size[1]), Double.parseDouble(parts[5]), Long.parseLong(parts[6]),
                    Integer.parseInt(parts[7]), next, nextUrl));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    WaveSpeedHandle withCalls(int calls) {
        return new WaveSpeedHandle(model, kind, predictionId, width, height, seconds, characters, calls, nextModel,
                nextImageUrl);
    }

    @Override
    public String toString() {
        return encode();
    }
}
