package dev.pms.providers.offline;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * The set behind and under a photographed product: a pure white or transparent field, the brand's colour, or a scene
 * for the environment (a paper sweep in the studio, a sunlit room with a wooden table, a landscape at golden hour, a
 * pastel set with a plinth, a dark stage with a glossy floor), painted sharp and then thrown out of focus like a
 * background behind a product shot with a wide aperture.
 */
final class PhotoshootScene {
    private static final Color NEAR_BLACK = new Color(0x0C, 0x0C, 0x0F);

    private final PhotoshootLook look;
    private final CreativePalette palette;
    private final boolean lightFromLeft;
    private final Random random;

    PhotoshootScene(PhotoshootLook look, CreativePalette palette, boolean lightFromLeft, long seed) {
        this.look = look;
        this.palette = palette;
        this.lightFromLeft = lightFromLeft;
        this.random = new Random(seed);
    }

    /** Whether the product stands on a plinth (a minimalist set that is not a plain field). */
    boolean plinth() {
        return look.environment().equals("minimalist") && (look.scene() || look.branded());
    }

    /** A short description for the asset's details. */
    String describe() {
        if (look.white()) {
            return "pure white (#FFFFFF) field";
        }
        if (look.transparent()) {
            return "transparent (alpha 0) around the product and its shadow";
        }
        String base = look.branded() ? "the brand's primary colour " + hex(palette.primary()) + " as a seamless field"
                : switch (look.environment()) {
                    case "lifestyle" -> "a sunlit room: window light on the wall, a plant, a wooden table, out of focus";
                    case "outdoor" -> "a landscape at golden hour: sky, layered hills, a stone ledge, out of focus";
                    case "minimalist" -> "a pastel set in the brand's tint with an arch";
                    case "luxury" -> "a dark stage with a warm spotlight, bokeh and a glossy black floor";
                    default -> "a seamless paper sweep with a soft spotlight";
                };
        return base + (plinth() ? ", the product on a plinth" : "") + (look.reflectiveFloor() ? ", reflected in the floor" : "");
    }

    /**
     * Paints the set. {@code floorY} is where the product stands, {@code product} its silhouette's bounds (for the
     * spotlight, the plinth and the table's depth).
     */
    void paint(BufferedImage canvas, double floorY, Rectangle2D product) {
        if (look.transparent()) {
            return;
        }
        Graphics2D g = OfflineImageRenderer.graphics(canvas);
        try {
            int width = canvas.getWidth();
            int height = canvas.getHeight();
            if (look.white()) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, width, height);
                return;
            }
            if (look.branded()) {
                paintBranded(g, width, height, floorY, product);
            } else {
                switch (look.environment()) {
                    case "lifestyle" -> paintRoom(canvas, g, floorY, product);
                    case "outdoor" -> paintOutdoor(canvas, g, floorY, product);
                    case "minimalist" -> paintPastel(g, width, height, floorY, product);
                    case "luxury" -> paintDarkStage(canvas, g, floorY, product);
                    default -> paintSweep(g, width, height, floorY, product, tint(new Color(0xEC, 0xEA, 0xE6), 0.05));
                }
            }
            if (look.lighting().equals("dramatic")) {
                vignette(g, width, height, 0.55);
            }
        } finally {
            g.dispose();
        }
    }

    /** A plinth under the product, drawn after the set and before the product's shadow. */
    void paintPlinth(BufferedImage canvas, double cx, double floorY, double radius, SurfaceShader shader) {
        Graphics2D g = OfflineImageRenderer.graphics(canvas);
        try {
            double squash = 0.22;
            double depth = canvas.getHeight() - floorY + radius;
            Color stone = look.branded() ? CreativePalette.mix(palette.primary(), Color.WHITE, 0.35)
                    : CreativePalette.mix(palette.primary(), Color.WHITE, 0.72);
            Rectangle2D side = new Rectangle2D.Double(cx - radius, floorY, 2 * radius, depth);
            float[] stops = {0f, 0.5f, 1f};
            Color[] colours = {shader.shade(stone, 0.1, -0.9, 0, 0.45), shader.shade(stone, 0.1, 0, 0, 1),
                    shader.shade(stone, 0.1, 0.9, 0, 0.45)};
            g.setPaint(new LinearGradientPaint((float) (cx - radius), 0f, (float) (cx + radius), 0f, stops, colours));
            g.fill(side);
            g.setColor(shader.shade(stone, 0.1, 0, 1, 0));
            g.fill(new Ellipse2D.Double(cx - radius, floorY - radius * squash, 2 * radius, 2 * radius * squash));
        } finally {
            g.dispose();
        }
    }

    private void paintBranded(Graphics2D g, int width, int height, double floorY, Rectangle2D product) {
        Color field = palette.primary();
        double horizon = Math.max(height * 0.2, floorY - product.getHeight() * 0.25);
        g.setPaint(new LinearGradientPaint(0f, 0f, 0f, (float) height, new float[] {0f, (float) (horizon / height),
                Math.min(1f, (float) (horizon / height) + 0.08f), 1f},
                new Color[] {CreativePalette.mix(field, Color.BLACK, 0.06), field, CreativePalette.mix(field, Color.WHITE, 0.05),
                        CreativePalette.mix(field, Color.BLACK, 0.04)}));
        g.fillRect(0, 0, width, height);
        glow(g, product.getCenterX(), product.getCenterY(), Math.max(product.getWidth(), product.getHeight()) * 1.1,
                new Color(255, 255, 255, 60));
        if (plinth()) {
            arch(g, product, CreativePalette.mix(field, Color.WHITE, 0.12), floorY);
        }
    }

    private void paintSweep(Graphics2D g, int width, int height, double floorY, Rectangle2D product, Color paper) {
        double horizon = Math.max(height * 0.15, floorY - product.getHeight() * 0.3);
        float h = (float) (horizon / height);
        g.setPaint(new LinearGradientPaint(0f, 0f, 0f, (float) height, new float[] {0f, h, Math.min(0.999f, h + 0.12f), 1f},
                new Color[] {CreativePalette.mix(paper, Color.BLACK, 0.1), paper, CreativePalette.mix(paper, Color.WHITE, 0.3),
                        CreativePalette.mix(paper, Color.BLACK, 0.05)}));
        g.fillRect(0, 0, width, height);
        glow(g, product.getCenterX() + (lightFromLeft ? -1 : 1) * product.getWidth() * 0.3, product.getCenterY(),
                Math.max(product.getWidth(), product.getHeight()) * 1.3, new Color(255, 255, 255, 150));
    }

    private void paintPastel(Graphics2D g, int width, int height, double floorY, Rectangle2D product) {
        Color wall = CreativePalette.mix(palette.primary(), Color.WHITE, 0.8);
        Color floor = CreativePalette.mix(palette.primary(), Color.WHITE, 0.7);
        double horizon = Math.max(height * 0.25, floorY - product.getHeight() * 0.02);
        g.setPaint(new GradientPaint(0, 0, CreativePalette.mix(wall, Color.WHITE, 0.2), 0, (float) horizon, wall));
        g.fillRect(0, 0, width, (int) Math.ceil(horizon));
        g.setPaint(new GradientPaint(0, (float) horizon, floor, 0, height, CreativePalette.mix(floor, Color.BLACK, 0.05)));
        g.fillRect(0, (int) Math.floor(horizon), width, height - (int) Math.floor(horizon));
        arch(g, product, CreativePalette.mix(palette.primary(), Color.WHITE, 0.62), horizon);
    }

    /** A tall arch behind the product, a staple of minimalist product sets. */
    private static void arch(Graphics2D g, Rectangle2D product, Color colour, double bottom) {
        double width = Math.max(product.getWidth() * 1.7, product.getHeight() * 0.8);
        double top = product.getY() - product.getHeight() * 0.28;
        double left = product.getCenterX() - width / 2;
        Path2D arch = new Path2D.Double();
        arch.moveTo(left, bottom);
        arch.lineTo(left, top + width / 2);
        arch.append(new Arc2D.Double(left, top, width, width, 180, -180, Arc2D.OPEN), true);
        arch.lineTo(left + width, bottom);
        arch.closePath();
        g.setColor(colour);
        g.fill(arch);
    }

    private void paintRoom(BufferedImage canvas, Graphics2D g, double floorY, Rectangle2D product) {
        int width = canvas.getWidth();
        int height = canvas.getHeight();
        double tableEdge = Math.max(height * 0.3, floorY - product.getHeight() * 0.28);
        Color wall = tint(new Color(0xEE, 0xE7, 0xDC), 0.06);
        g.setPaint(new GradientPaint(0, 0, CreativePalette.mix(wall, Color.BLACK, 0.12), 0, (float) tableEdge, wall));
        g.fillRect(0, 0, width, (int) Math.ceil(tableEdge) + 1);
        double side = lightFromLeft ? -1 : 1;
        double windowX = product.getCenterX() + side * width * 0.22;
        Path2D sunlight = new Path2D.Double();
        double patchWidth = width * 0.36;
        double patchTop = tableEdge * 0.08;
        sunlight.moveTo(windowX - patchWidth / 2, patchTop);
        sunlight.lineTo(windowX + patchWidth / 2, patchTop);
        sunlight.lineTo(windowX + patchWidth / 2 - side * patchWidth * 0.35, tableEdge);
        sunlight.lineTo(windowX - patchWidth / 2 - side * patchWidth * 0.35, tableEdge);
        sunlight.closePath();
        g.setColor(new Color(255, 246, 226, 150));
        g.fill(sunlight);
        g.setColor(CreativePalette.mix(wall, Color.BLACK, 0.1));
        g.setStroke(new BasicStroke((float) (width * 0.012)));
        g.draw(new Line2D.Double(windowX - side * patchWidth * 0.17, patchTop, windowX - side * patchWidth * 0.17
                - side * patchWidth * 0.35, tableEdge));
        g.draw(new Line2D.Double(windowX - patchWidth / 2 - side * patchWidth * 0.17, (patchTop + tableEdge) / 2,
                windowX + patchWidth / 2 - side * patchWidth * 0.17, (patchTop + tableEdge) / 2));
        paintPlant(g, product.getCenterX() - side * Math.max(width * 0.3, product.getWidth() * 1.1), tableEdge,
                Math.min(width, height) * 0.5);
        ImageFilters.blur(canvas, Math.max(2, (int) Math.round(Math.min(width, height) * 0.018)));
        Color oak = new Color(0xC9, 0xA2, 0x78);
        g.setPaint(new GradientPaint(0, (float) tableEdge, CreativePalette.mix(oak, Color.WHITE, 0.12), 0, height,
                CreativePalette.mix(oak, Color.BLACK, 0.22)));
        g.fill(new Rectangle2D.Double(0, tableEdge, width, height - tableEdge));
        g.setStroke(new BasicStroke((float) Math.max(1, height * 0.0022)));
        for (int i = 0; i < 26; i++) {
            double t = i / 26.0;
            double y = tableEdge + (height - tableEdge) * t * t * 1.02 + random.nextDouble() * 3;
            g.setColor(new Color(0x7A, 0x52, 0x30, 22 + random.nextInt(30)));
            Path2D grain = new Path2D.Double();
            grain.moveTo(0, y);
            double phase = random.nextDouble() * Math.PI * 2;
            for (int x = 0; x <= width; x += Math.max(8, width / 60)) {
                grain.lineTo(x, y + Math.sin(x / (width * 0.11) + phase) * (2 + 6 * t));
            }
            g.draw(grain);
        }
        g.setColor(new Color(255, 255, 255, 70));
        g.fill(new Rectangle2D.Double(0, tableEdge, width, Math.max(1, height * 0.004)));
        glow(g, windowX - side * patchWidth * 0.3, tableEdge + (height - tableEdge) * 0.3, width * 0.45,
                new Color(255, 240, 210, 70));
    }

    private void paintPlant(Graphics2D g, double x, double bottom, double size) {
        Color[] greens = {new Color(0x3F, 0x6B, 0x45), new Color(0x2F, 0x57, 0x3A), new Color(0x5A, 0x85, 0x55)};
        Color pot = new Color(0xB8, 0x8E, 0x6E);
        double potWidth = size * 0.34;
        double potHeight = size * 0.3;
        for (int i = 0; i < 14; i++) {
            double angle = -Math.PI / 2 + (random.nextDouble() - 0.5) * 2.2;
            double length = size * (0.35 + random.nextDouble() * 0.4);
            double leafWidth = size * (0.1 + random.nextDouble() * 0.08);
            double baseX = x + (random.nextDouble() - 0.5) * potWidth * 0.4;
            double baseY = bottom - potHeight;
            Graphics2D leaf = (Graphics2D) g.create();
            leaf.translate(baseX, baseY);
            leaf.rotate(angle + Math.PI / 2);
            leaf.setColor(greens[random.nextInt(greens.length)]);
            leaf.fill(new Ellipse2D.Double(-leafWidth / 2, -length, leafWidth, length));
            leaf.dispose();
        }
        g.setColor(pot);
        Path2D potShape = new Path2D.Double();
        potShape.moveTo(x - potWidth / 2, bottom - potHeight);
        potShape.lineTo(x + potWidth / 2, bottom - potHeight);
        potShape.lineTo(x + potWidth * 0.38, bottom);
        potShape.lineTo(x - potWidth * 0.38, bottom);
        potShape.closePath();
        g.fill(potShape);
    }

    private void paintOutdoor(BufferedImage canvas, Graphics2D g, double floorY, Rectangle2D product) {
        int width = canvas.getWidth();
        int height = canvas.getHeight();
        double ledge = Math.max(height * 0.35, floorY - product.getHeight() * 0.16);
        double horizon = Math.max(height * 0.22, ledge - height * 0.1);
        g.setPaint(new LinearGradientPaint(0f, 0f, 0f, (float) horizon, new float[] {0f, 0.6f, 1f},
                new Color[] {new Color(0x7F, 0xA9, 0xD6), new Color(0xC9, 0xD6, 0xE0), new Color(0xF7, 0xD9, 0xAA)}));
        g.fillRect(0, 0, width, (int) Math.ceil(horizon) + 2);
        double sunX = lightFromLeft ? width * 0.15 : width * 0.85;
        glow(g, sunX, horizon * 0.72, Math.max(width, height) * 0.45, new Color(255, 236, 190, 200));
        g.setColor(new Color(255, 250, 235));
        double sun = Math.min(width, height) * 0.045;
        g.fill(new Ellipse2D.Double(sunX - sun, horizon * 0.72 - sun, 2 * sun, 2 * sun));
        ridge(g, width, horizon, height * 0.16, new Color(0x9D, 0xAE, 0xC2), 3.0);
        ridge(g, width, horizon + height * 0.03, height * 0.11, new Color(0x7A, 0x8F, 0x84), 5.0);
        g.setColor(new Color(0x6B, 0x7C, 0x5A));
        g.fill(new Rectangle2D.Double(0, horizon + height * 0.03, width, height));
        ImageFilters.blur(canvas, Math.max(2, (int) Math.round(Math.min(width, height) * 0.02)));
        Color stone = new Color(0xB7, 0xA9, 0x95);
        Path2D rock = new Path2D.Double();
        rock.moveTo(0, ledge + height * 0.02);
        rock.curveTo(width * 0.3, ledge - height * 0.01, width * 0.7, ledge - height * 0.012, width, ledge + height * 0.015);
        rock.lineTo(width, height);
        rock.lineTo(0, height);
        rock.closePath();
        g.setPaint(new GradientPaint(0, (float) ledge, CreativePalette.mix(stone, new Color(0xFF, 0xE2, 0xB0), 0.35), 0,
                height, CreativePalette.mix(stone, Color.BLACK, 0.35)));
        g.fill(rock);
        for (int i = 0; i < 90; i++) {
            double x = random.nextDouble() * width;
            double y = ledge + random.nextDouble() * (height - ledge);
            double r = Math.min(width, height) * (0.002 + random.nextDouble() * 0.006);
            g.setColor(new Color(0x4A, 0x40, 0x35, 20 + random.nextInt(35)));
            g.fill(new Ellipse2D.Double(x - r, y - r * 0.5, 2 * r, r));
        }
        g.setColor(new Color(255, 231, 190, 80));
        g.fill(new Rectangle2D.Double(0, ledge - height * 0.005, width, height * 0.006));
    }

    private void ridge(Graphics2D g, int width, double baseline, double amplitude, Color colour, double frequency) {
        Path2D ridge = new Path2D.Double();
        double phase = random.nextDouble() * 10;
        ridge.moveTo(0, baseline + amplitude);
        for (int x = 0; x <= width; x += Math.max(4, width / 120)) {
            double t = (double) x / width;
            double y = baseline - amplitude * (0.45 + 0.3 * Math.sin(t * frequency + phase)
                    + 0.15 * Math.sin(t * frequency * 2.7 + phase * 1.3) + 0.08 * Math.sin(t * frequency * 7.1 + phase));
            ridge.lineTo(x, y);
        }
        ridge.lineTo(width, baseline + amplitude);
        ridge.closePath();
        g.setColor(colour);
        g.fill(ridge);
    }

    private void paintDarkStage(BufferedImage canvas, Graphics2D g, double floorY, Rectangle2D product) {
        int width = canvas.getWidth();
        int height = canvas.getHeight();
        double horizon = Math.max(height * 0.25, floorY - product.getHeight() * 0.12);
        g.setPaint(new GradientPaint(0, 0, new Color(0x24, 0x22, 0x25), 0, (float) horizon, new Color(0x10, 0x10, 0x13)));
        g.fillRect(0, 0, width, (int) Math.ceil(horizon) + 1);
        Color warm = new Color(0xE8, 0xC3, 0x86);
        for (int i = 0; i < 18; i++) {
            double x = random.nextDouble() * width;
            double y = random.nextDouble() * horizon * 0.9;
            double r = Math.min(width, height) * (0.015 + random.nextDouble() * 0.035);
            g.setColor(new Color(warm.getRed(), warm.getGreen(), warm.getBlue(), 18 + random.nextInt(40)));
            g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
        }
        glow(g, product.getCenterX(), product.getY() + product.getHeight() * 0.35,
                Math.max(product.getWidth(), product.getHeight()) * 1.2, new Color(0xFF, 0xE6, 0xB8, 70));
        ImageFilters.blur(canvas, Math.max(2, (int) Math.round(Math.min(width, height) * 0.012)));
        g.setPaint(new GradientPaint(0, (float) horizon, new Color(0x16, 0x15, 0x18), 0, height, NEAR_BLACK));
        g.fill(new Rectangle2D.Double(0, horizon, width, height - horizon));
        glow(g, product.getCenterX(), floorY, Math.max(product.getWidth(), product.getHeight()) * 0.9,
                new Color(0xFF, 0xE6, 0xB8, 40));
        g.setColor(new Color(255, 255, 255, 28));
        g.fill(new Rectangle2D.Double(0, horizon, width, Math.max(1, height * 0.002)));
    }

    private static void glow(Graphics2D g, double x, double y, double radius, Color colour) {
        if (radius <= 1) {
            return;
        }
        Color clear = new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 0);
        g.setPaint(new RadialGradientPaint(new Point2D.Double(x, y), (float) radius, new float[] {0f, 1f},
                new Color[] {colour, clear}, MultipleGradientPaint.CycleMethod.NO_CYCLE));
        g.fill(new Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius));
    }

    private static void vignette(Graphics2D g, int width, int height, double strength) {
        double radius = Math.hypot(width, height) / 2;
        g.setComposite(AlphaComposite.SrcOver);
        g.setPaint(new RadialGradientPaint(new Point2D.Double(width / 2.0, height / 2.0), (float) radius,
                new float[] {0.45f, 1f}, new Color[] {new Color(0, 0, 0, 0), new Color(0, 0, 0, (int) (255 * strength))},
                MultipleGradientPaint.CycleMethod.NO_CYCLE));
        g.fillRect(0, 0, width, height);
    }

    /** A neutral colour nudged towards the brand's primary colour. */
    private Color tint(Color neutral, double share) {
        return CreativePalette.mix(neutral, palette.primary(), share);
    }

    private static String hex(Color colour) {
        return String.format("#%06X", colour.getRGB() & 0xFFFFFF);
    }
}
