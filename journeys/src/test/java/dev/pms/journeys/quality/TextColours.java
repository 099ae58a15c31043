package dev.pms.journeys.quality;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;

/**
 * The text colour and background of a text box, from its pixels: the commonest colour is the background, the
 * commonest colour clearly different from it (anti-aliased edges aside) is the text. Contrast is WCAG 2's ratio of
 * relative luminances.
 */
record TextColours(Color text, Color background) {
    /** Colours closer than this (RGB distance) to the background are its noise or the glyphs' soft edges. */
    private static final double SAME_AS_BACKGROUND = 30;
    /** The text must cover at least this share of its box. */
    private static final double MIN_TEXT_SHARE = 0.01;

    static TextColours measure(BufferedImage image, Rectangle box) {
        Map<Integer, long[]> bins = new HashMap<>();
        long total = 0;
        for (int y = box.y; y < box.y + box.height; y++) {
            for (int x = box.x; x < box.x + box.width; x++) {
                int rgb = image.getRGB(x, y);
                long[] bin = bins.computeIfAbsent(rgb & 0xF8F8F8, key -> new long[4]);
                bin[0]++;
                bin[1] += (rgb >> 16) & 0xFF;
                bin[2] += (rgb >> 8) & 0xFF;
                bin[3] += rgb & 0xFF;
                total++;
            }
        }
        long[] background = bins.values().stream().max((a, b) -> Long.compare(a[0], b[0])).orElseThrow();
        Color backgroundColour = mean(background);
        long[] text = null;
        for (long[] bin : bins.values()) {
            if (bin == background || CreativeChecker.distance(mean(bin), backgroundColour) < SAME_AS_BACKGROUND) {
                continue;
            }
            if (text == null || bin[0] > text[0]) {
                text = bin;
            }
        }
        if (text == null || (double) text[0] / total < MIN_TEXT_SHARE) {
            return null;
        }
        return new TextColours(commonest(image, box, text), backgroundColour);
    }

    /** The exact colour most of a bin's pixels have: the glyphs' fill, where the bin's mean blends in their soft edges. */
    private static Color commonest(BufferedImage image, Rectangle box, long[] bin) {
        Color binMean = mean(bin);
        int binKey = binMean.getRGB() & 0xF8F8F8;
        Map<Integer, Integer> exact = new HashMap<>();
        for (int y = box.y; y < box.y + box.height; y++) {
            for (int x = box.x; x < box.x + box.width; x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                if ((rgb & 0xF8F8F8) == binKey) {
                    exact.merge(rgb, 1, Integer::sum);
                }
            }
        }
        return exact.entrySet().stream().max(Map.Entry.comparingByValue()).map(entry -> new Color(entry.getKey()))
                .orElse(binMean);
    }

    private static Color mean(long[] bin) {
        return new Color((int) (bin[1] / bin[0]), (int) (bin[2] / bin[0]), (int) (bin[3] / bin[0]));
    }

    double contrast() {
        double a = luminance(text);
        double b = luminance(background);
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    static double luminance(Color colour) {
        return 0.2126 * channel(colour.getRed()) + 0.7152 * channel(colour.getGreen()) + 0.0722 * channel(colour.getBlue());
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
