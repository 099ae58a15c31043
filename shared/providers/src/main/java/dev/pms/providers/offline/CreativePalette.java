package dev.pms.providers.offline;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The brand palette and the tints and shades derived from it, the only colours a creative paints with; text colours
 * are picked from them (else pure white or near-black) to reach a WCAG AA contrast of 4.5:1.
 */
record CreativePalette(List<Color> brand, Color primary, Color secondary, Color accent, Color light, Color paper,
                       Color ink) {
    static final double AA_CONTRAST = 4.5;
    /** A house palette for briefs without brand colours, so every image of such a campaign still matches. */
    static final List<String> HOUSE_PALETTE = List.of("#1F3A5F", "#F2A541");
    private static final Color WHITE = Color.WHITE;
    private static final Color NEAR_BLACK = new Color(0x10, 0x12, 0x16);

    static CreativePalette of(List<String> palette) {
        List<Color> brand = new ArrayList<>();
        for (String entry : palette) {
            if (entry != null && !entry.isBlank()) {
                brand.add(BrandColours.parse(entry.strip()));
            }
        }
        if (brand.isEmpty()) {
            HOUSE_PALETTE.forEach(hex -> brand.add(BrandColours.parse(hex)));
        }
        Color primary = brand.get(0);
        Color secondary = brand.size() > 1 ? brand.get(1) : mix(primary, Color.BLACK, 0.55);
        Color accent = brand.size() > 2 ? brand.get(2) : mix(primary, Color.WHITE, 0.45);
        Color darkest = relativeLuminance(secondary) < relativeLuminance(primary) ? secondary : primary;
        return new CreativePalette(List.copyOf(brand), primary, secondary, accent, mix(primary, Color.WHITE, 0.86),
                mix(primary, Color.WHITE, 0.95), mix(darkest, Color.BLACK, 0.55));
    }

    /** Every colour a creative may paint with besides anti-aliased edges and photos. */
    List<Color> swatches() {
        Set<Color> all = new LinkedHashSet<>(brand);
        all.addAll(List.of(primary, secondary, accent, light, paper, ink));
        return List.copyOf(all);
    }

    /** The swatch that reads best on every one of {@code backgrounds}, else white or near-black, whichever reads better. */
    Color textOn(Set<Color> backgrounds) {
        Color best = bestOf(swatches(), backgrounds);
        if (minContrast(best, backgrounds) >= AA_CONTRAST) {
            return best;
        }
        return bestOf(List.of(WHITE, NEAR_BLACK), backgrounds);
    }

    /** A brand colour (accent first) that reaches AA on {@code background}, else {@link #textOn}. */
    Color brandTextOn(Color background) {
        List<Color> candidates = new ArrayList<>(List.of(accent));
        candidates.addAll(brand);
        for (Color candidate : candidates) {
            if (contrast(candidate, background) >= AA_CONTRAST) {
                return candidate;
            }
        }
        return textOn(Set.of(background));
    }

    /** A fill for a button on {@code background}: the brand colour that stands out most from it. */
    Color buttonOn(Color background) {
        List<Color> candidates = new ArrayList<>(List.of(accent, secondary, primary));
        candidates.addAll(brand);
        Color best = candidates.get(0);
        for (Color candidate : candidates) {
            if (contrast(candidate, background) > contrast(best, background)) {
                best = candidate;
            }
        }
        return best;
    }

    /** WCAG 2 relative luminance (sRGB linearised). */
    static double relativeLuminance(Color colour) {
        return 0.2126 * linear(colour.getRed()) + 0.7152 * linear(colour.getGreen()) + 0.0722 * linear(colour.getBlue());
    }

    /** WCAG 2 contrast ratio, 1 to 21. */
    static double contrast(Color a, Color b) {
        double la = relativeLuminance(a);
        double lb = relativeLuminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static Color mix(Color from, Color to, double share) {
        return new Color(
                (int) Math.round(from.getRed() + (to.getRed() - from.getRed()) * share),
                (int) Math.round(from.getGreen() + (to.getGreen() - from.getGreen()) * share),
                (int) Math.round(from.getBlue() + (to.getBlue() - from.getBlue()) * share));
    }

    private static Color bestOf(List<Color> candidates, Set<Color> backgrounds) {
        Color best = candidates.get(0);
        for (Color candidate : candidates) {
            if (minContrast(candidate, backgrounds) > minContrast(best, backgrounds)) {
                best = candidate;
            }
        }
        return best;
    }

    static double minContrast(Color text, Set<Color> backgrounds) {
        return backgrounds.stream().mapToDouble(background -> contrast(text, background)).min().orElse(21);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
