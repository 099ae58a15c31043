package dev.pms.providers.wavespeed;

import dev.pms.providers.wavespeed.WaveSpeedModel.OutputKind;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@link WaveSpeedProvider#poll} needs of a pending job, as the compact string the worker stores:
 * {@code ws1|<model>|<output kind>|<prediction id>|<width>x<height>|<seconds>|<characters>|<http calls>}, followed,
 * while a voice is being made for an avatar, by {@code |<avatar model>|<key frame URL>}. Width and height are the
 * placement canvas (0x0 when there is none), seconds the expected duration, characters the voice-over text billed
 * so far and http calls those the asset has used so far; the id and URL are URL-encoded. A product-studio job ends
 * with one more field, {@code st=<studio tag>} ({@link StudioTag}, URL-encoded).
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
        String nextImageUrl,
        StudioTag studio) {

    static final String PREFIX = "ws1";
    private static final String SEPARATOR = "|";
    private static final String STUDIO_PREFIX = "st=";

    /** A campaign asset's handle: no studio tag. */
    public WaveSpeedHandle(WaveSpeedModel model, OutputKind kind, String predictionId, int width, int height,
                           double seconds, long characters, int httpCalls, WaveSpeedModel nextModel,
                           String nextImageUrl) {
        this(model, kind, predictionId, width, height, seconds, characters, httpCalls, nextModel, nextImageUrl, null);
    }

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
        if (studio != null) {
            text.append(SEPARATOR).append(STUDIO_PREFIX)
                    .append(URLEncoder.encode(studio.encode(), StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    /** The handle a string encodes; empty when it is not one this provider wrote. */
    public static Optional<WaveSpeedHandle> decode(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split("\\|", -1);
        if (parts.length < 8 || parts.length > 11 || !PREFIX.equals(parts[0])) {
            return Optional.empty();
        }
        StudioTag studio = null;
        if (parts.length % 2 == 1) {
            String last = parts[parts.length - 1];
            if (!last.startsWith(STUDIO_PREFIX)) {
                return Optional.empty();
            }
            try {
                studio = StudioTag.decode(URLDecoder.decode(last.substring(STUDIO_PREFIX.length()),
                        StandardCharsets.UTF_8)).orElse(null);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            if (studio == null) {
                return Optional.empty();
            }
            parts = Arrays.copyOf(parts, parts.length - 1);
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
                    Integer.parseInt(parts[7]), next, nextUrl, studio));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    WaveSpeedHandle withCalls(int calls) {
        return new WaveSpeedHandle(model, kind, predictionId, width, height, seconds, characters, calls, nextModel,
                nextImageUrl, studio);
    }

    @Override
    public String toString() {
        return encode();
    }
}
