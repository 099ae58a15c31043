package dev.pms.providers.offline;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** The brand palette as colours: hex entries ({@code #1F6FEB}, {@code 1f6feb}, {@code #abc}) as given, other names hashed to a stable colour. */
record BrandColours(Color primary, Color secondary, Color accent) {

    static BrandColours from(List<String> palette, long seed) {
        List<Color> colours = new ArrayList<>();
        for (String entry : palette) {
            if (entry != null && !entry.isBlank()) {
                colours.add(parse(entry.strip()));
            }
        }
        Random random = new Random(seed);
        while (colours.size() < 3) {
            float hue = random.nextFloat();
            colours.add(Color.getHSBColor(hue, 0.55f + 0.3f * random.nextFloat(), 0.45f + 0.4f * random.nextFloat()));
        }
        return new BrandColours(colours.get(0), colours.get(1), colours.get(2));
    }

    static Color parse(String entry) {
        String hex = entry.startsWith("#") ? entry.substring(1) : entry;
        if (hex.matches("[0-9a-fA-F]{6}")) {
            return new Color(Integer.parseInt(hex, 16));
        }
        if (hex.matches("[0-9a-fA-F]{3}")) {
            int r = Integer.parseInt(hex.substring(0, 1), 16) * 17;
            int g = Integer.parseInt(hex.substring(1, 2), 16) * 17;
            int b = Integer.parseInt(hex.substring(2, 3), 16) * 17;
            return new Color(r, g, b);
        }
        return new Color((int) (OfflineSeed.hash(entry.toLowerCase(Locale.ROOT)) & 0xFFFFFF));
    }

    /** Relative luminance in 0..1 (sRGB weights, no gamma). */
    static double luminance(Color colour) {
        return (0.2126 * colour.getRed() + 0.7152 * colour.getGreen() + 0.0722 * colour.getBlue()) / 255.0;
    }

    static Color mix(Color a, Color b) {
        return new Color((a.getRed() + b.getRed()) / 2, (a.getGreen() + b.getGreen()) / 2, (a.getBlue() + b.getBlue()) / 2);
    }

    /** Near-white or near-black, whichever reads better on {@code background}. */
    static Color textOn(Color background) {
        return luminance(background) > 0.55 ? new Color(0x14, 0x14, 0x1A) : new Color(0xFA, 0xFA, 0xFA);
    }
}
