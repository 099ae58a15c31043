package dev.pms.core.channel;

import java.time.LocalDate;
import java.util.List;

/**
 * One catalogue entry, keyed {@code channel/placement} (e.g. {@code instagram/feed_portrait}). Visual placements
 * carry a canvas and safe zone; text placements carry text fields. Absent parts are null.
 */
public record Placement(
        String key,
        Channel channel,
        AssetType assetType,
        Canvas canvas,
        PixelBounds minPx,
        PixelBounds maxPx,
        Long maxBytes,
        List<String> formats,
        SafeZone safeZone,
        List<TextField> textFields,
        Hashtags hashtags,
        VideoLimits video,
        List<String> notes,
        String source,
        LocalDate verifiedOn) {

    public Placement {
        formats = formats == null ? List.of() : List.copyOf(formats);
        textFields = textFields == null ? List.of() : List.copyOf(textFields);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** The part of the key after the channel, e.g. {@code feed_portrait}. */
    public String name() {
        return key.substring(key.indexOf('/') + 1);
    }

    Placement withKey(String newKey, Channel newChannel) {
        return new Placement(newKey, newChannel, assetType, canvas, minPx, maxPx, maxBytes, formats, safeZone, textFields,
                hashtags, video, notes, source, verifiedOn);
    }
}
