package dev.pms.providers.offline;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Lines of text wrapped at word boundaries and set in the largest font size at which they fit a box; the
 * {@link #bounds()} it occupies always lie inside that box (a word too long for the box at the smallest size
 * is left out rather than drawn across the edge).
 */
record TextBlock(List<String> lines, Font font, Rectangle bounds, int lineHeight, int ascent) {
    static final int MIN_FONT_PX = 9;
    /**
     * DejaVu Sans Bold ships with the module, so text renders the same on every machine (identical bytes for identical
     * requests) and on runtimes without system fonts, such as Lambda's.
     */
    private static final Font TYPEFACE = loadTypeface();

    /** Lays {@code text} out in {@code box}, starting at {@code maxFontPx} and shrinking until it fits. */
    static TextBlock layout(Graphics2D g, String text, Rectangle box, int maxFontPx, boolean centred) {
        List<String> words = List.of(text.strip().split("\\s+"));
        for (int size = Math.max(maxFontPx, MIN_FONT_PX); size >= MIN_FONT_PX; size = shrink(size)) {
            Font font = TYPEFACE.deriveFont((float) size);
            FontMetrics metrics = g.getFontMetrics(font);
            List<String> lines = wrap(words, metrics, box.width);
            int lineHeight = metrics.getAscent() + metrics.getDescent();
            if (lines != null && lines.size() * lineHeight <= box.height) {
                return place(lines, font, metrics, box, centred);
            }
        }
        Font smallest = TYPEFACE.deriveFont((float) MIN_FONT_PX);
        FontMetrics metrics = g.getFontMetrics(smallest);
        int maxLines = Math.max(0, box.height / (metrics.getAscent() + metrics.getDescent()));
        List<String> lines = wrapDroppingLongWords(words, metrics, box.width);
        return place(lines.subList(0, Math.min(maxLines, lines.size())), smallest, metrics, box, centred);
    }

    void draw(Graphics2D g, Color color) {
        g.setFont(font);
        g.setColor(color);
        FontMetrics metrics = g.getFontMetrics(font);
        int y = bounds.y + ascent;
        for (String line : lines) {
            int x = bounds.x + (bounds.width - metrics.stringWidth(line)) / 2;
            g.drawString(line, x, y);
            y += lineHeight;
        }
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    private static Font loadTypeface() {
        try (InputStream in = TextBlock.class.getResourceAsStream("DejaVuSans-Bold.ttf")) {
            if (in == null) {
                throw new IllegalStateException("DejaVuSans-Bold.ttf is missing from the class path");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("cannot load the bundled typeface", e);
        }
    }

    private static int shrink(int size) {
        return size > 40 ? size * 9 / 10 : size - 1;
    }

    /** Greedy word wrap; null when a single word is wider than the box. */
    private static List<String> wrap(List<String> words, FontMetrics metrics, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            if (metrics.stringWidth(word) > width) {
                return null;
            }
            String longer = line.length() == 0 ? word : line + " " + word;
            if (metrics.stringWidth(longer) <= width) {
                line.setLength(0);
                line.append(longer);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static List<String> wrapDroppingLongWords(List<String> words, FontMetrics metrics, int width) {
        List<String> fitting = words.stream().filter(w -> metrics.stringWidth(w) <= width).toList();
        return wrap(fitting, metrics, width);
    }

    private static TextBlock place(List<String> lines, Font font, FontMetrics metrics, Rectangle box, boolean centred) {
        int lineHeight = metrics.getAscent() + metrics.getDescent();
        int widest = lines.stream().mapToInt(metrics::stringWidth).max().orElse(0);
        int height = lines.size() * lineHeight;
        int x = box.x + (box.width - widest) / 2;
        int y = centred ? box.y + (box.height - height) / 2 : box.y;
        return new TextBlock(List.copyOf(lines), font, new Rectangle(x, y, widest, height), lineHeight, metrics.getAscent());
    }
}
