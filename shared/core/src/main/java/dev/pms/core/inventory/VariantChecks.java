package dev.pms.core.inventory;

import dev.pms.core.channel.Canvas;
import dev.pms.core.channel.PixelBounds;
import dev.pms.core.channel.Placement;
import dev.pms.core.channel.SafeZone;
import dev.pms.core.inventory.VariantBoard.VariantCheck;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The placement checks of a made variant, from the file itself and the catalogue (not from what the engine says it
 * did, where that can be measured): the exact canvas size and a format the placement takes, read from the file's
 * header; the minimum resolution, from the source region the variant shows and how much it was enlarged; the safe zone,
 * from the boxes text was drawn in against the catalogue's margins.
 */
final class VariantChecks {
    private VariantChecks() {
    }

    static List<VariantCheck> of(byte[] bytes, Placement placement, Map<?, ?> details) {
        List<VariantCheck> checks = new ArrayList<>();
        Canvas canvas = placement.canvas();
        int[] size = size(bytes);
        if (size == null) {
            checks.add(new VariantCheck("canvas_size", false, "the file is not a readable image"));
            return checks;
        }
        boolean exact = size[0] == canvas.width() && size[1] == canvas.height();
        checks.add(new VariantCheck("canvas_size", exact, size[0] + "x" + size[1]
                + (exact ? " is the canvas of " : " is not the " + canvas.dimensions() + " canvas of ") + placement.key()));
        String format = format(bytes);
        boolean formatOk = placement.formats().isEmpty() || placement.formats().contains(format)
                || (format.equals("jpg") && placement.formats().contains("jpeg"));
        checks.add(new VariantCheck("format", formatOk, format + (formatOk ? " is" : " is not") + " accepted ("
                + String.join(", ", placement.formats()) + ")"));
        checks.add(minResolution(placement, details));
        checks.add(safeZone(placement, canvas, details));
        return checks;
    }

    /**
     * The detail a variant carries is its canvas divided by how much the source was enlarged; it must reach the
     * placement's minimum size.
     */
    private static VariantCheck minResolution(Placement placement, Map<?, ?> details) {
        Canvas canvas = placement.canvas();
        double scale = details.get("scale") instanceof Number number ? number.doubleValue() : 1;
        double enlarged = Math.max(1, scale);
        double width = canvas.width() / enlarged;
        double height = canvas.height() / enlarged;
        PixelBounds min = placement.minPx();
        boolean ok = true;
        String needed = "no minimum";
        if (min != null) {
            List<String> parts = new ArrayList<>();
            if (min.width() != null) {
                ok &= width + 0.5 >= min.width();
                parts.add("width " + min.width());
            }
            if (min.height() != null) {
                ok &= height + 0.5 >= min.height();
                parts.add("height " + min.height());
            }
            if (min.longSide() != null) {
                ok &= Math.max(width, height) + 0.5 >= min.longSide();
                parts.add("longest side " + min.longSide());
            }
            needed = String.join(", ", parts);
        }
        String detail = enlarged <= 1.0001
                ? String.format(Locale.ROOT, "the source is shown at %.2fx (no enlargement); at least %s", scale, needed)
                : String.format(Locale.ROOT, "the source is enlarged %.2fx, so it carries the detail of %dx%d; at least"
                + " %s", enlarged, Math.round(width), Math.round(height), needed);
        return new VariantCheck("min_resolution", ok, detail);
    }

    private static VariantCheck safeZone(Placement placement, Canvas canvas, Map<?, ?> details) {
        List<?> boxes = details.get("text_boxes") instanceof List<?> list ? list : List.of();
        if (boxes.isEmpty()) {
            return new VariantCheck("safe_zone", true, "no text drawn");
        }
        SafeZone zone = placement.safeZone() == null ? new SafeZone(0, 0, 0, 0) : placement.safeZone();
        double left = canvas.width() * zone.left();
        double top = canvas.height() * zone.top();
        double right = canvas.width() * (1 - zone.right());
        double bottom = canvas.height() * (1 - zone.bottom());
        for (Object item : boxes) {
            if (!(item instanceof Map<?, ?> box)) {
                return new VariantCheck("safe_zone", false, "a text box is unreadable");
            }
            int x = number(box, "x");
            int y = number(box, "y");
            int w = number(box, "width");
            int h = number(box, "height");
            if (x < left - 0.5 || y < top - 0.5 || x + w > right + 0.5 || y + h > bottom + 0.5) {
                return new VariantCheck("safe_zone", false, String.format(Locale.ROOT, "text at %d,%d %dx%d leaves the"
                        + " safe area %.0f,%.0f to %.0f,%.0f", x, y, w, h, left, top, right, bottom));
            }
        }
        return new VariantCheck("safe_zone", true, boxes.size() + " text box(es) inside the safe area ("
                + String.format(Locale.ROOT, "%.0f,%.0f to %.0f,%.0f", left, top, right, bottom) + ")");
    }

    private static int number(Map<?, ?> map, String key) {
        return map.get(key) instanceof Number number ? number.intValue() : 0;
    }

    private static String format(byte[] bytes) {
        if (bytes.length > 3 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P') {
            return "png";
        }
        if (bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8) {
            return "jpg";
        }
        return "unknown";
    }

    private static int[] size(byte[] bytes) {
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
