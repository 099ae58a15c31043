package dev.pms.providers.offline;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Paints a clip's slides in the brand palette: the primary colour as the field, the secondary for bands and the
 * lower-third, the third palette colour (white when the palette has two) for the call-to-action button. Text is set
 * in near-black or near-white, whichever contrasts more with what lies under it, and every text box lies inside the
 * placement's safe zone and apart from every other box ({@link #textBoxes()} lists them for checks).
 */
final class SlidePainter {
    /** Pure black and white: one of them contrasts at least 4.58:1 with any colour (WCAG AA asks 4.5:1). */
    private static final Color DARK_TEXT = Color.BLACK;
    private static final Color LIGHT_TEXT = new Color(0xFF, 0xFF, 0xFF);

    private final int width;
    private final int height;
    private final Rectangle safe;
    private final Rectangle inner;
    private final Color field;
    private final Color band;
    private final Color button;
    private final List<Rectangle> textBoxes = new ArrayList<>();

    SlidePainter(int width, int height, Rectangle safe, BrandColours colours, boolean paletteHasAccent) {
        this.width = width;
        this.height = height;
        this.safe = safe;
        int margin = OfflineImageRenderer.textMargin(safe);
        this.inner = new Rectangle(safe.x + margin, safe.y + margin, safe.width - 2 * margin, safe.height - 2 * margin);
        this.field = colours.primary();
        this.band = colours.secondary();
        this.button = paletteHasAccent ? colours.accent() : Color.WHITE;
    }

    /** The boxes text was drawn in on the last painted slide. */
    List<Rectangle> textBoxes() {
        return List.copyOf(textBoxes);
    }

    Rectangle inner() {
        return inner;
    }

    /** A line of the script with the wordmark above it and the slide's place in the clip below. */
    BufferedImage lineSlide(String wordmark, String line, int index, int count) {
        BufferedImage slide = canvas();
        Graphics2D g = OfflineImageRenderer.graphics(slide);
        try {
            paintField(g);
            Rectangle[] rows = rows(inner, 0.12, 0.04, 0.72, 0.04, 0.08);
            drawText(g, wordmark.toUpperCase(Locale.ROOT), rows[0], field, rows[0].height * 2 / 3);
            drawText(g, line, rows[2], field, Math.min(rows[2].height / 3, rows[2].width / 8));
            paintProgress(g, rows[4], index, count);
        } finally {
            g.dispose();
        }
        return slide;
    }

    /** The end card: product name and the call to action as a button. */
    BufferedImage endCard(String productName, String callToAction) {
        BufferedImage slide = canvas();
        Graphics2D g = OfflineImageRenderer.graphics(slide);
        try {
            paintField(g);
            Rectangle[] rows = rows(inner, 0.2, 0.25, 0.08, 0.22, 0.25);
            drawText(g, productName, rows[1], field, Math.min(rows[1].height / 2, rows[1].width / 7));
            drawButton(g, callToAction, rows[3]);
        } finally {
            g.dispose();
        }
        return slide;
    }

    /**
     * An avatar slide: the presenter card (portrait or monogram in a circle, name, role), the line as a caption, and
     * a lower-third with the presenter's name and the call to action.
     */
    BufferedImage presenterSlide(BufferedImage portrait, String name, String role, String caption, String callToAction) {
        BufferedImage slide = canvas();
        Graphics2D g = OfflineImageRenderer.graphics(slide);
        try {
            paintField(g);
            Rectangle[] rows = rows(inner, 0.78, 0.04, 0.18);
            Rectangle card;
            Rectangle captionBox;
            if (rows[0].width > rows[0].height * 1.2) {
                Rectangle[] columns = columns(rows[0], 0.36, 0.06, 0.58);
                card = columns[0];
                captionBox = columns[2];
            } else {
                Rectangle[] stacked = rows(rows[0], 0.5, 0.06, 0.44);
                card = stacked[0];
                captionBox = stacked[2];
            }
            paintPresenterCard(g, card, portrait, name, role);
            drawText(g, caption, captionBox, field, Math.min(captionBox.height / 3, captionBox.width / 9));
            paintLowerThird(g, rows[2], name, callToAction);
        } finally {
            g.dispose();
        }
        return slide;
    }

    private BufferedImage canvas() {
        textBoxes.clear();
        return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    /** The primary field, with secondary bands in the margins outside the safe zone (or thin ones at the edges). */
    private void paintField(Graphics2D g) {
        g.setColor(field);
        g.fillRect(0, 0, width, height);
        g.setColor(band);
        int edge = Math.max(2, height / 60);
        g.fillRect(0, 0, width, Math.max(edge, safe.y / 3));
        int bottom = height - safe.y - safe.height;
        int bottomBand = Math.max(edge, bottom / 3);
        g.fillRect(0, height - bottomBand, width, bottomBand);
    }

    private void paintProgress(Graphics2D g, Rectangle box, int index, int count) {
        int dot = Math.max(4, Math.min(box.height / 2, box.width / (count * 3)));
        int gap = dot;
        int total = count * dot + (count - 1) * gap;
        int x = box.x + (box.width - total) / 2;
        int y = box.y + (box.height - dot) / 2;
        Color on = textOn(field);
        for (int i = 0; i < count; i++) {
            g.setColor(i == index ? on : blend(on, field, 0.35));
            g.fill(new Ellipse2D.Double(x + i * (dot + gap), y, dot, dot));
        }
    }

    private void paintPresenterCard(Graphics2D g, Rectangle card, BufferedImage portrait, String name, String role) {
        Rectangle[] rows = rows(card, 0.66, 0.04, 0.17, 0.13);
        int diameter = Math.min(rows[0].width, rows[0].height);
        Rectangle circle = new Rectangle(rows[0].x + (rows[0].width - diameter) / 2, rows[0].y, diameter, diameter);
        Shape disc = new Ellipse2D.Double(circle.x, circle.y, diameter, diameter);
        if (portrait != null) {
            Graphics2D clipped = (Graphics2D) g.create();
            clipped.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            clipped.clip(disc);
            double scale = Math.max((double) diameter / portrait.getWidth(), (double) diameter / portrait.getHeight());
            int drawnWidth = (int) Math.ceil(portrait.getWidth() * scale);
            int drawnHeight = (int) Math.ceil(portrait.getHeight() * scale);
            clipped.drawImage(portrait, circle.x + (diameter - drawnWidth) / 2, circle.y + (diameter - drawnHeight) / 2,
                    drawnWidth, drawnHeight, null);
            clipped.dispose();
        } else {
            g.setColor(band);
            g.fill(disc);
            int inset = diameter / 5;
            Rectangle monogram = new Rectangle(circle.x + inset, circle.y + inset, diameter - 2 * inset, diameter - 2 * inset);
            drawText(g, initials(name), monogram, band, monogram.height * 3 / 5);
        }
        g.setColor(button);
        g.setStroke(new BasicStroke(Math.max(2f, diameter / 40f)));
        g.draw(disc);
        drawText(g, name, rows[2], field, rows[2].height * 3 / 4);
        drawText(g, role, rows[3], field, rows[3].height * 3 / 4);
    }

    private void paintLowerThird(Graphics2D g, Rectangle bar, String name, String callToAction) {
        int corner = bar.height / 3;
        g.setColor(band);
        g.fill(new RoundRectangle2D.Double(bar.x, bar.y, bar.width, bar.height, corner, corner));
        int pad = Math.max(2, bar.height / 8);
        Rectangle content = new Rectangle(bar.x + pad, bar.y + pad, bar.width - 2 * pad, bar.height - 2 * pad);
        Rectangle[] columns = columns(content, 0.4, 0.04, 0.56);
        drawText(g, name, columns[0], band, columns[0].height / 2);
        drawButton(g, callToAction, columns[2]);
    }

    private void drawButton(Graphics2D g, String text, Rectangle box) {
        int pad = Math.max(2, Math.min(box.height / 6, box.width / 20));
        Rectangle label = new Rectangle(box.x + pad * 2, box.y + pad, box.width - pad * 4, box.height - pad * 2);
        TextBlock block = TextBlock.layout(g, text, label, Math.min(label.height / 2, label.width / 8), true);
        if (block.isEmpty()) {
            return;
        }
        Rectangle pill = new Rectangle(block.bounds());
        pill.grow(pad * 2, pad);
        pill = pill.intersection(box);
        g.setColor(button);
        g.fill(new RoundRectangle2D.Double(pill.x, pill.y, pill.width, pill.height, pill.height, pill.height));
        block.draw(g, textOn(button));
        textBoxes.add(block.bounds());
    }

    private void drawText(Graphics2D g, String text, Rectangle box, Color background, int maxFontPx) {
        if (text == null || text.isBlank() || box.width <= 0 || box.height <= 0) {
            return;
        }
        TextBlock block = TextBlock.layout(g, text, box, Math.max(TextBlock.MIN_FONT_PX, maxFontPx), true);
        if (!block.isEmpty()) {
            block.draw(g, textOn(background));
            textBoxes.add(block.bounds());
        }
    }

    /** Near-black or white, whichever has the higher WCAG contrast ratio on {@code background}. */
    static Color textOn(Color background) {
        return contrast(DARK_TEXT, background) >= contrast(LIGHT_TEXT, background) ? DARK_TEXT : LIGHT_TEXT;
    }

    /** The WCAG 2 contrast ratio, 1 to 21. */
    static double contrast(Color a, Color b) {
        double lighter = Math.max(relativeLuminance(a), relativeLuminance(b));
        double darker = Math.min(relativeLuminance(a), relativeLuminance(b));
        return (lighter + 0.05) / (darker + 0.05);
    }

    private static double relativeLuminance(Color colour) {
        return 0.2126 * linear(colour.getRed()) + 0.7152 * linear(colour.getGreen()) + 0.0722 * linear(colour.getBlue());
    }

    private static double linear(int channel) {
        double value = channel / 255.0;
        return value <= 0.04045 ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4);
    }

    static String initials(String name) {
        StringBuilder initials = new StringBuilder();
        for (String word : name.strip().split("\\s+")) {
            if (!word.isEmpty() && initials.length() < 2) {
                initials.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
            }
        }
        return initials.toString();
    }

    private static Color blend(Color a, Color b, double shareOfA) {
        return new Color((int) Math.round(a.getRed() * shareOfA + b.getRed() * (1 - shareOfA)),
                (int) Math.round(a.getGreen() * shareOfA + b.getGreen() * (1 - shareOfA)),
                (int) Math.round(a.getBlue() * shareOfA + b.getBlue() * (1 - shareOfA)));
    }

    /** Splits {@code box} top to bottom into rows of the given shares of its height. */
    private static Rectangle[] rows(Rectangle box, double... shares) {
        Rectangle[] rows = new Rectangle[shares.length];
        double y = box.y;
        for (int i = 0; i < shares.length; i++) {
            double next = y + box.height * shares[i];
            rows[i] = new Rectangle(box.x, (int) Math.round(y), box.width, (int) Math.round(next) - (int) Math.round(y));
            y = next;
        }
        return rows;
    }

    /** Splits {@code box} left to right into columns of the given shares of its width. */
    private static Rectangle[] columns(Rectangle box, double... shares) {
        Rectangle[] columns = new Rectangle[shares.length];
        double x = box.x;
        for (int i = 0; i < shares.length; i++) {
            double next = x + box.width * shares[i];
            columns[i] = new Rectangle((int) Math.round(x), box.y, (int) Math.round(next) - (int) Math.round(x), box.height);
            x = next;
        }
        return columns;
    }
}
