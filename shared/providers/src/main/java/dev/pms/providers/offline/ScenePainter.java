package dev.pms.providers.offline;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Paints a product video's scenes in the brand palette, one treatment per preset: {@code launch} sets big bold type on
 * a near-black field with the product in a spotlight, the words growing into place; {@code storytelling} is
 * soft, a light tint with the words fading up; {@code demo} is a clean light screen with numbered steps sliding in;
 * {@code feature_highlight} puts each feature on a white card over the brand's colour with a ring round the product.
 * The last scene is the call to action as a button. Text stays inside the placement's safe zone, in black or white,
 * whichever reaches the higher contrast on what lies under it (at least WCAG AA).
 */
final class ScenePainter {
    enum Treatment {
        LAUNCH, STORYTELLING, DEMO, FEATURE_HIGHLIGHT;

        static Treatment of(String preset) {
            String code = preset == null ? "" : preset.strip().toLowerCase(Locale.ROOT).replace('-', '_');
            return switch (code) {
                case "launch" -> LAUNCH;
                case "storytelling" -> STORYTELLING;
                case "feature_highlight", "feature", "features" -> FEATURE_HIGHLIGHT;
                default -> DEMO;
            };
        }

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final int width;
    private final int height;
    private final Rectangle inner;
    private final Treatment treatment;
    private final CreativePalette palette;
    private final BufferedImage product;
    private final String productName;
    private final Color field;
    private final boolean landscape;

    ScenePainter(int width, int height, Rectangle safe, Treatment treatment, CreativePalette palette,
                 BufferedImage product, String productName) {
        this.width = width;
        this.height = height;
        int margin = OfflineImageRenderer.textMargin(safe);
        this.inner = new Rectangle(safe.x + margin, safe.y + margin, safe.width - 2 * margin, safe.height - 2 * margin);
        this.treatment = treatment;
        this.palette = palette;
        this.product = product;
        this.productName = productName;
        this.landscape = width > height * 1.1;
        this.field = switch (treatment) {
            case LAUNCH -> CreativePalette.mix(palette.primary(), new Color(0x08, 0x09, 0x0C), 0.82);
            case STORYTELLING -> CreativePalette.mix(palette.primary(), Color.WHITE, 0.86);
            case DEMO -> new Color(0xF4, 0xF6, 0xF9);
            case FEATURE_HIGHLIGHT -> palette.primary();
        };
    }

    Color field() {
        return field;
    }

    /**
     * Scene {@code index} of {@code count} showing {@code text}; {@code entrance} runs 0 to 1 while the scene appears,
     * {@code hold} 0 to 1 over the rest of it (a slow drift of the product).
     */
    List<DrawnText> paint(BufferedImage frame, int index, int count, String text, boolean callToAction, double entrance,
                          double hold) {
        List<DrawnText> drawn = new ArrayList<>();
        Graphics2D g = OfflineImageRenderer.graphics(frame);
        try {
            g.setColor(field);
            g.fillRect(0, 0, width, height);
            paintAmbience(g, index);
            Rectangle productBox;
            Rectangle textBox;
            if (landscape) {
                productBox = new Rectangle(inner.x, inner.y, (int) (inner.width * 0.42), inner.height);
                textBox = new Rectangle(inner.x + (int) (inner.width * 0.48), inner.y, (int) (inner.width * 0.52), inner.height);
            } else {
                productBox = new Rectangle(inner.x, inner.y, inner.width, (int) (inner.height * 0.5));
                textBox = new Rectangle(inner.x, inner.y + (int) (inner.height * 0.56), inner.width, (int) (inner.height * 0.44));
            }
            if (callToAction && !landscape) {
                productBox = new Rectangle(inner.x, inner.y, inner.width, (int) (inner.height * 0.45));
                textBox = new Rectangle(inner.x, inner.y + (int) (inner.height * 0.5), inner.width, (int) (inner.height * 0.5));
            }
            paintProduct(g, productBox, entrance, hold);
            if (callToAction) {
                paintCallToAction(g, textBox, text, entrance, drawn);
            } else {
                paintLine(g, textBox, text, index, entrance, drawn);
            }
        } finally {
            g.dispose();
        }
        return drawn;
    }

    /** Draws {@code block} and records where it landed on the frame (through any transform) and on what. */
    private static void draw(Graphics2D g, TextBlock block, String role, Color colour, Color background,
                             List<DrawnText> drawn) {
        if (block.isEmpty()) {
            return;
        }
        block.draw(g, colour);
        drawn.add(new DrawnText(role, String.join(" ", block.lines()),
                g.getTransform().createTransformedShape(block.bounds()).getBounds(), colour, background));
    }

    private void paintAmbience(Graphics2D g, int index) {
        switch (treatment) {
            case LAUNCH -> glow(g, landscape ? width * 0.27 : width * 0.5, landscape ? height * 0.5 : height * 0.3,
                    Math.max(width, height) * 0.45, withAlpha(palette.primary(), 120));
            case STORYTELLING -> glow(g, width * (index % 2 == 0 ? 0.2 : 0.8), height * 0.2, Math.max(width, height) * 0.6,
                    new Color(255, 255, 255, 160));
            case FEATURE_HIGHLIGHT -> glow(g, width * 0.5, height * 0.5, Math.max(width, height) * 0.7,
                    withAlpha(CreativePalette.mix(palette.primary(), Color.WHITE, 0.3), 120));
            case DEMO -> {
                g.setColor(palette.primary());
                g.fillRect(0, 0, width, Math.max(4, height / 90));
            }
        }
    }

    private void paintProduct(Graphics2D g, Rectangle box, double entrance, double hold) {
        if (product == null) {
            return;
        }
        double scale = Math.min(box.width * 0.9 / product.getWidth(), box.height * 0.9 / product.getHeight());
        double zoom = 1 + 0.04 * hold;
        double appear = treatment == Treatment.LAUNCH ? 0.92 + 0.08 * StudioClip.easeInOut(entrance) : 1;
        scale *= zoom * appear;
        double w = product.getWidth() * scale;
        double h = product.getHeight() * scale;
        double x = box.getCenterX() - w / 2;
        double y = box.getCenterY() - h / 2;
        if (treatment == Treatment.FEATURE_HIGHLIGHT) {
            double ring = Math.max(w, h) * (1.05 + 0.03 * Math.sin(hold * Math.PI * 2));
            g.setColor(withAlpha(Color.WHITE, 70));
            g.fill(new Ellipse2D.Double(box.getCenterX() - ring / 2, box.getCenterY() - ring / 2, ring, ring));
            g.setColor(withAlpha(palette.accent(), 230));
            g.setStroke(new BasicStroke((float) Math.max(2, ring / 70)));
            g.draw(new Ellipse2D.Double(box.getCenterX() - ring / 2, box.getCenterY() - ring / 2, ring, ring));
        }
        g.setColor(new Color(0, 0, 0, treatment == Treatment.LAUNCH ? 120 : 45));
        g.fill(new Ellipse2D.Double(box.getCenterX() - w * 0.4, y + h - h * 0.03, w * 0.8, h * 0.06));
        Graphics2D p = (Graphics2D) g.create();
        p.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER,
                (float) (treatment == Treatment.STORYTELLING ? StudioClip.easeInOut(entrance) : 1)));
        p.drawImage(product, new AffineTransform(scale, 0, 0, scale, x, y), null);
        p.dispose();
    }

    private void paintLine(Graphics2D g, Rectangle box, String text, int index, double entrance, List<DrawnText> drawn) {
        double k = StudioClip.easeInOut(entrance);
        Rectangle lines = new Rectangle(box);
        Color under = field;
        Graphics2D t = (Graphics2D) g.create();
        try {
            switch (treatment) {
                case DEMO -> {
                    int chip = Math.max(TextBlock.MIN_FONT_PX * 2, Math.min(box.height / 6, box.width / 8));
                    int travel = box.width / 12;
                    box = new Rectangle(box.x, box.y, box.width - travel, box.height);
                    t.translate((int) Math.round((1 - k) * travel), 0);
                    t.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) Math.max(0.05, k)));
                    t.setColor(palette.primary());
                    int chipY = box.y + box.height / 2 - chip * 2;
                    int chipX = landscape ? box.x : box.x + (box.width - chip) / 2;
                    t.fill(new Ellipse2D.Double(chipX, chipY, chip, chip));
                    TextBlock number = TextBlock.layout(t, String.valueOf(index + 1), new Rectangle(chipX, chipY, chip, chip),
                            chip / 2, true);
                    draw(t, number, "step", SlidePainter.textOn(palette.primary()), palette.primary(), drawn);
                    lines = new Rectangle(box.x, chipY + chip + chip / 3, box.width, box.y + box.height - chipY - chip - chip / 3);
                }
                case FEATURE_HIGHLIGHT -> {
                    int rise = (int) Math.round((1 - k) * box.height * 0.08);
                    t.translate(0, rise);
                    t.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) Math.max(0.05, k)));
                    Rectangle card = new Rectangle(box.x, box.y + box.height / 5, box.width, box.height * 3 / 5);
                    t.setColor(Color.WHITE);
                    int corner = Math.max(8, card.height / 8);
                    t.fill(new RoundRectangle2D.Double(card.x, card.y, card.width, card.height, corner, corner));
                    t.setColor(palette.accent());
                    t.fillRect(card.x + card.width / 10, card.y + card.height - card.height / 8, card.width * 4 / 5,
                            Math.max(3, card.height / 28));
                    under = Color.WHITE;
                    int pad = Math.max(4, card.height / 8);
                    lines = new Rectangle(card.x + pad, card.y + pad, card.width - 2 * pad, card.height - 2 * pad - card.height / 8);
                }
                case LAUNCH -> {
                    double zoom = 0.9 + 0.1 * k;
                    t.translate(box.getCenterX(), box.getCenterY());
                    t.scale(zoom, zoom);
                    t.translate(-box.getCenterX(), -box.getCenterY());
                    t.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) Math.max(0.05, k)));
                    t.setColor(palette.accent());
                    t.fillRect(box.x + box.width / 4, box.y + box.height * 3 / 4, box.width / 2, Math.max(4, box.height / 40));
                    lines = new Rectangle(box.x, box.y + box.height / 8, box.width, box.height * 5 / 8);
                }
                default -> {
                    int rise = (int) Math.round((1 - k) * box.height * 0.04);
                    t.translate(0, rise);
                    t.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) Math.max(0.05, k)));
                    lines = new Rectangle(box.x + box.width / 12, box.y + box.height / 6, box.width * 5 / 6, box.height * 2 / 3);
                }
            }
            int maxFont = switch (treatment) {
                case LAUNCH -> Math.min(lines.height / 2, lines.width / 6);
                case STORYTELLING -> Math.min(lines.height / 3, lines.width / 10);
                default -> Math.min(lines.height / 3, lines.width / 9);
            };
            TextBlock block = TextBlock.layout(t, treatment == Treatment.LAUNCH ? text.toUpperCase(Locale.ROOT) : text, lines,
                    Math.max(TextBlock.MIN_FONT_PX, maxFont), true);
            draw(t, block, "line", SlidePainter.textOn(under), under, drawn);
        } finally {
            t.dispose();
        }
    }

    private void paintCallToAction(Graphics2D g, Rectangle box, String text, double entrance, List<DrawnText> drawn) {
        double k = StudioClip.easeInOut(entrance);
        Graphics2D t = (Graphics2D) g.create();
        try {
            t.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) Math.max(0.05, k)));
            Rectangle nameBox = new Rectangle(box.x, box.y + box.height / 10, box.width, box.height * 3 / 10);
            TextBlock name = TextBlock.layout(t, productName, nameBox, Math.min(nameBox.height / 2, nameBox.width / 7), true);
            draw(t, name, "product", SlidePainter.textOn(field), field, drawn);
            Rectangle buttonArea = new Rectangle(box.x + box.width / 10, box.y + box.height / 2, box.width * 4 / 5,
                    box.height * 3 / 10);
            Color button = CreativePalette.contrast(palette.accent(), field) >= 3 ? palette.accent()
                    : CreativePalette.contrast(palette.primary(), field) >= 3 ? palette.primary() : SlidePainter.textOn(field);
            double grow = 0.9 + 0.1 * k;
            int pad = Math.max(4, buttonArea.height / 6);
            Rectangle label = new Rectangle(buttonArea.x + pad * 2, buttonArea.y + pad, buttonArea.width - pad * 4,
                    buttonArea.height - pad * 2);
            TextBlock block = TextBlock.layout(t, text, label, Math.min(label.height * 2 / 3, label.width / 8), true);
            Rectangle pill = new Rectangle(block.bounds());
            pill.grow(pad * 2, pad);
            pill = pill.intersection(buttonArea);
            t.translate(pill.getCenterX(), pill.getCenterY());
            t.scale(grow, grow);
            t.translate(-pill.getCenterX(), -pill.getCenterY());
            t.setColor(button);
            t.fill(new RoundRectangle2D.Double(pill.x, pill.y, pill.width, pill.height, pill.height, pill.height));
            draw(t, block, "cta", SlidePainter.textOn(button), button, drawn);
        } finally {
            t.dispose();
        }
    }

    private static void glow(Graphics2D g, double x, double y, double radius, Color colour) {
        Color clear = new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 0);
        g.setPaint(new RadialGradientPaint(new Point2D.Double(x, y), (float) radius, new float[] {0f, 1f},
                new Color[] {colour, clear}, MultipleGradientPaint.CycleMethod.NO_CYCLE));
        g.fill(new Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius));
    }

    private static Color withAlpha(Color colour, int alpha) {
        return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), alpha);
    }
}
