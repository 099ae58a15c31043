package dev.pms.providers.offline;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a round product (bottle, jar, mug, canister) as a body of revolution seen by a camera tilted down by the
 * pitch: its profile is turned into stacked bands, each filled with the shading across a cylinder, bottom to top, so
 * that each band hides what lies behind it. The label is wrapped round the body column by column (so it turns with the
 * product's yaw and compresses towards the edges) and lit like the surface under it.
 */
final class LathePainter {
    private static final int GRADIENT_STOPS = 28;
    private static final int BODY = 0;
    private static final int CAP = 1;

    /**
     * A profile: heights from 0 (base) to 1 (top) with the radius there (1 = the widest radius) and the material from
     * that point up; the label spans {@code labelFrom}..{@code labelTo} of the height and ±{@code labelHalfDegrees}
     * round the front.
     */
    record Profile(double radiusToHeight, double[][] points, double labelFrom, double labelTo, double labelHalfDegrees,
                   boolean openTop, boolean handle) {
    }

    static Profile profile(ProductForm form) {
        return switch (form) {
            case BOTTLE -> new Profile(0.205, bottle(), 0.09, 0.5, 68, false, false);
            case JAR -> new Profile(0.62, new double[][] {{0, 0.95, BODY}, {0.025, 1, BODY}, {0.63, 1, BODY},
                    {0.63, 1.035, CAP}, {0.985, 1.035, CAP}, {1, 1.0, CAP}}, 0.1, 0.52, 62, false, false);
            case MUG -> new Profile(0.41, new double[][] {{0, 0.9, BODY}, {0.02, 0.93, BODY}, {1, 1, BODY}}, 0.2, 0.8,
                    52, true, true);
            default -> new Profile(0.3, new double[][] {{0, 0.97, BODY}, {0.012, 1, BODY}, {0.84, 1, BODY},
                    {0.84, 1.03, CAP}, {0.99, 1.03, CAP}, {1, 1.0, CAP}}, 0.1, 0.76, 80, false, false);
        };
    }

    private static double[][] bottle() {
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, 0.92, BODY});
        points.add(new double[] {0.018, 1, BODY});
        points.add(new double[] {0.58, 1, BODY});
        for (int i = 1; i <= 10; i++) {
            double t = i / 10.0;
            points.add(new double[] {0.58 + 0.15 * t, 0.36 + 0.64 * Math.cos(t * Math.PI / 2), BODY});
        }
        points.add(new double[] {0.79, 0.36, BODY});
        points.add(new double[] {0.79, 0.41, BODY});
        points.add(new double[] {0.805, 0.41, BODY});
        points.add(new double[] {0.805, 0.45, CAP});
        points.add(new double[] {0.99, 0.45, CAP});
        points.add(new double[] {1, 0.43, CAP});
        return points.toArray(double[][]::new);
    }

    private final Profile profile;
    private final ProductFinish finish;
    private final SurfaceShader shader;

    LathePainter(Profile profile, ProductFinish finish, SurfaceShader shader) {
        this.profile = profile;
        this.finish = finish;
        this.shader = shader;
    }

    /** Width and height of the silhouette for a product 1 unit tall, as (x, y, w, h) around the base's centre. */
    static Rectangle2D unitBounds(Profile profile, double yaw, double pitch) {
        double radius = profile.radiusToHeight() * maxRadius(profile);
        double sin = Math.sin(pitch);
        double handle = profile.handle() ? profile.radiusToHeight() * 0.62 * Math.abs(Math.sin(Math.PI / 2 + yaw)) : 0;
        double left = -radius - (profile.handle() && Math.sin(Math.PI / 2 + yaw) < 0 ? handle : 0);
        double right = radius + (profile.handle() && Math.sin(Math.PI / 2 + yaw) > 0 ? handle : 0);
        double top = -Math.cos(pitch) - radius * sin;
        double bottom = radius * sin;
        return new Rectangle2D.Double(left, top, right - left, bottom - top);
    }

    private static double maxRadius(Profile profile) {
        double max = 0;
        for (double[] point : profile.points()) {
            max = Math.max(max, point[1]);
        }
        return max;
    }

    /** Paints the product standing with its base's centre at (cx, baseY), {@code height} pixels tall. */
    void paint(Graphics2D g, double cx, double baseY, double height, double yaw, double pitch) {
        double radius = profile.radiusToHeight() * height;
        double cos = Math.cos(pitch);
        double sin = Math.sin(pitch);
        boolean handleInFront = Math.cos(Math.PI / 2 + yaw) > 0;
        if (profile.handle() && !handleInFront) {
            paintHandle(g, cx, baseY, height, radius, yaw, cos, sin);
        }
        double[][] points = profile.points();
        for (int i = 0; i + 1 < points.length; i++) {
            double[] from = points[i];
            double[] to = points[i + 1];
            if (to[0] <= from[0]) {
                continue;
            }
            Color base = from[2] == CAP ? finish.cap() : finish.body();
            double gloss = from[2] == CAP ? finish.capGloss() : finish.bodyGloss();
            if (Math.abs(to[1] - from[1]) < 1e-9) {
                band(g, cx, centreY(baseY, from[0], height, cos), centreY(baseY, to[0], height, cos), from[1] * radius,
                        sin, base, gloss, 1, 0);
                continue;
            }
            int slices = Math.max(1, (int) Math.ceil((to[0] - from[0]) * height * cos));
            for (int k = 0; k < slices; k++) {
                double a = from[0] + (to[0] - from[0]) * k / slices;
                double b = from[0] + (to[0] - from[0]) * (k + 1) / slices;
                double middle = (a + b) / 2;
                double r = from[1] + (to[1] - from[1]) * (middle - from[0]) / (to[0] - from[0]);
                double slope = slope(middle, radius, height);
                double length = Math.sqrt(1 + slope * slope);
                band(g, cx, centreY(baseY, a, height, cos), centreY(baseY, b, height, cos), r * radius, sin, base, gloss,
                        1 / length, -slope / length);
            }
        }
        double[] top = points[points.length - 1];
        double topY = centreY(baseY, 1, height, cos);
        if (profile.openTop()) {
            paintOpenTop(g, cx, topY, top[1] * radius, sin, height, cos);
        } else {
            paintTopFace(g, cx, topY, top[1] * radius, sin, top[2] == CAP ? finish.cap() : finish.body(),
                    top[2] == CAP ? finish.capGloss() : finish.bodyGloss());
        }
        paintLabel(g, cx, baseY, height, radius, yaw, cos, sin);
        if (profile.handle() && handleInFront) {
            paintHandle(g, cx, baseY, height, radius, yaw, cos, sin);
        }
    }

    private static double centreY(double baseY, double h, double height, double cos) {
        return baseY - h * height * cos;
    }

    /** The part of the body between two heights: the rectangle between their centres and the lower ellipse. */
    private void band(Graphics2D g, double cx, double bottomY, double topY, double r, double sin, Color base,
                      double gloss, double horizontal, double vertical) {
        if (r <= 0.5) {
            return;
        }
        g.setPaint(acrossCylinder(cx, r, base, gloss, horizontal, vertical));
        g.fill(new Rectangle2D.Double(cx - r, topY - 0.4, 2 * r, bottomY - topY + 1.0));
        g.fill(new Ellipse2D.Double(cx - r, bottomY - r * sin, 2 * r, 2 * r * sin + 0.6));
    }

    /** The shading across a cylinder of radius {@code r} centred on {@code cx}, its normals tilted up by {@code vertical}. */
    private LinearGradientPaint acrossCylinder(double cx, double r, Color base, double gloss, double horizontal,
                                               double vertical) {
        float[] fractions = new float[GRADIENT_STOPS];
        Color[] colours = new Color[GRADIENT_STOPS];
        for (int k = 0; k < GRADIENT_STOPS; k++) {
            double t = (double) k / (GRADIENT_STOPS - 1);
            double angle = -Math.PI / 2 + Math.PI * t;
            double x = Math.sin(angle);
            fractions[k] = (float) ((x + 1) / 2);
            double nx = horizontal * x;
            double nz = horizontal * Math.cos(angle);
            Color lit = shader.shade(base, gloss, nx, vertical, nz);
            colours[k] = occluded(lit, Math.cos(angle));
        }
        for (int k = 1; k < GRADIENT_STOPS; k++) {
            if (fractions[k] <= fractions[k - 1]) {
                fractions[k] = Math.min(1f, fractions[k - 1] + 1e-5f);
            }
        }
        fractions[0] = 0f;
        fractions[GRADIENT_STOPS - 1] = 1f;
        return new LinearGradientPaint((float) (cx - r), 0f, (float) (cx + r), 0f, fractions, colours);
    }

    /** Edges turning away from the camera catch less of the set's light. */
    private static Color occluded(Color colour, double facing) {
        double factor = 0.62 + 0.38 * Math.sqrt(Math.max(0, facing));
        return new Color(ImageFilters.clampChannel(colour.getRed() * factor),
                ImageFilters.clampChannel(colour.getGreen() * factor), ImageFilters.clampChannel(colour.getBlue() * factor));
    }

    private void paintTopFace(Graphics2D g, double cx, double topY, double r, double sin, Color base, double gloss) {
        if (sin <= 0.01) {
            return;
        }
        Color lit = shader.shade(base, gloss * 0.6, 0, 1, 0);
        Color far = shader.shade(base, 0, 0, 1, 0);
        Ellipse2D face = new Ellipse2D.Double(cx - r, topY - r * sin, 2 * r, 2 * r * sin);
        g.setPaint(new LinearGradientPaint((float) cx, (float) (topY - r * sin), (float) cx, (float) (topY + r * sin),
                new float[] {0f, 1f}, new Color[] {mix(far, Color.BLACK, 0.08), lit}));
        g.fill(face);
        g.setColor(mix(lit, Color.BLACK, 0.12));
        g.setStroke(new BasicStroke((float) Math.max(1, r * 0.03)));
        g.draw(new Ellipse2D.Double(cx - r * 0.86, topY - r * sin * 0.86, 2 * r * 0.86, 2 * r * sin * 0.86));
    }

    /** A mug's rim, the dark inside wall and the drink's surface inside. */
    private void paintOpenTop(Graphics2D g, double cx, double topY, double r, double sin, double height, double cos) {
        if (sin <= 0.01) {
            return;
        }
        Color rim = shader.shade(finish.body(), finish.bodyGloss(), 0, 1, 0);
        g.setColor(rim);
        g.fill(new Ellipse2D.Double(cx - r, topY - r * sin, 2 * r, 2 * r * sin));
        double inner = r * 0.92;
        Ellipse2D inside = new Ellipse2D.Double(cx - inner, topY - inner * sin, 2 * inner, 2 * inner * sin);
        Color wall = mix(finish.body(), Color.BLACK, 0.35);
        g.setPaint(new LinearGradientPaint((float) cx, (float) (topY - inner * sin), (float) cx, (float) (topY + inner * sin),
                new float[] {0f, 1f}, new Color[] {shader.shade(wall, 0.2, 0, 0, 1), mix(wall, Color.BLACK, 0.4)}));
        g.fill(inside);
        Shape saved = g.getClip();
        g.clip(inside);
        double drop = 0.1 * height * cos;
        double surface = inner * 0.98;
        Ellipse2D drink = new Ellipse2D.Double(cx - surface, topY + drop - surface * sin, 2 * surface, 2 * surface * sin);
        Color drinkColour = finish.detail();
        g.setPaint(new LinearGradientPaint((float) (cx - surface), 0f, (float) (cx + surface), 0f, new float[] {0f, 0.35f, 1f},
                new Color[] {mix(drinkColour, Color.BLACK, 0.25), mix(drinkColour, Color.WHITE, 0.12),
                        mix(drinkColour, Color.BLACK, 0.35)}));
        g.fill(drink);
        g.setClip(saved);
    }

    /** The label wrapped round the body: each screen column shows the label column facing it, lit like the body. */
    private void paintLabel(Graphics2D g, double cx, double baseY, double height, double radius, double yaw, double cos,
                            double sin) {
        double half = Math.toRadians(profile.labelHalfDegrees());
        double labelRadius = radiusAt(profile.labelFrom() + 0.01) * radius;
        int textureWidth = (int) Math.max(8, Math.round(2 * half * labelRadius));
        int textureHeight = (int) Math.max(8, Math.round((profile.labelTo() - profile.labelFrom()) * height));
        double textShare = Math.min(0.9, Math.toRadians(42) * 2 / (2 * half));
        BufferedImage texture = finish.label().paint(textureWidth, textureHeight, textShare);
        double topCentre = centreY(baseY, profile.labelTo(), height, cos);
        double screenHeight = (profile.labelTo() - profile.labelFrom()) * height * cos;
        int left = (int) Math.floor(cx - labelRadius);
        int right = (int) Math.ceil(cx + labelRadius);
        int top = (int) Math.floor(topCentre - labelRadius * sin) - 1;
        int bottom = (int) Math.ceil(topCentre + screenHeight + labelRadius * sin) + 1;
        BufferedImage wrapped = new BufferedImage(Math.max(1, right - left), Math.max(1, bottom - top),
                BufferedImage.TYPE_INT_ARGB);
        int[] pixels = ImageFilters.pixels(wrapped);
        int[] texels = ImageFilters.pixels(texture);
        int wrappedWidth = wrapped.getWidth();
        for (int x = left; x < right; x++) {
            double offset = (x + 0.5 - cx) / labelRadius;
            if (Math.abs(offset) >= 0.999) {
                continue;
            }
            double angle = Math.asin(offset);
            double onLabel = normalised(angle - yaw);
            double edge = (half - Math.abs(onLabel)) * labelRadius * Math.max(0.05, Math.cos(angle));
            if (edge <= 0) {
                continue;
            }
            double u = (onLabel + half) / (2 * half) * textureWidth - 0.5;
            double labelTop = topCentre + labelRadius * sin * Math.cos(angle);
            double[] light = shader.lighting(finish.bodyGloss() * 0.4, offset, 0, Math.cos(angle));
            double occlusion = 0.62 + 0.38 * Math.sqrt(Math.cos(angle));
            for (int y = (int) Math.floor(labelTop); y <= (int) Math.ceil(labelTop + screenHeight); y++) {
                double coverage = Math.min(1, edge) * overlap(y, labelTop, labelTop + screenHeight);
                if (coverage <= 0 || y - top < 0 || y - top >= wrapped.getHeight()) {
                    continue;
                }
                double v = (y + 0.5 - labelTop) / screenHeight * textureHeight - 0.5;
                int texel = bilinear(texels, textureWidth, textureHeight, u, v);
                int alpha = (int) Math.round((texel >>> 24) * coverage);
                int lit = warm(ImageFilters.shade(texel, light[0] * occlusion, light[1]));
                pixels[(y - top) * wrappedWidth + (x - left)] = alpha << 24 | lit & 0xFFFFFF;
            }
        }
        g.drawImage(wrapped, left, top, null);
    }

    /** How much of the pixel row {@code y}..{@code y + 1} lies between {@code from} and {@code to}. */
    private static double overlap(int y, double from, double to) {
        return Math.max(0, Math.min(y + 1, to) - Math.max(y, from));
    }

    /** The texture sampled between its four nearest texels (colour weighted by alpha). */
    static int bilinear(int[] texels, int width, int height, double u, double v) {
        int x0 = (int) Math.floor(u);
        int y0 = (int) Math.floor(v);
        double fx = u - x0;
        double fy = v - y0;
        double a = 0;
        double r = 0;
        double g = 0;
        double b = 0;
        for (int dy = 0; dy <= 1; dy++) {
            for (int dx = 0; dx <= 1; dx++) {
                int tx = Math.min(width - 1, Math.max(0, x0 + dx));
                int ty = Math.min(height - 1, Math.max(0, y0 + dy));
                int texel = texels[ty * width + tx];
                double weight = (dx == 0 ? 1 - fx : fx) * (dy == 0 ? 1 - fy : fy);
                double alpha = (texel >>> 24) * weight;
                a += alpha;
                r += (texel >> 16 & 0xFF) * alpha;
                g += (texel >> 8 & 0xFF) * alpha;
                b += (texel & 0xFF) * alpha;
            }
        }
        if (a <= 0) {
            return 0;
        }
        return (int) Math.round(a) << 24 | ImageFilters.clampChannel(r / a) << 16 | ImageFilters.clampChannel(g / a) << 8
                | ImageFilters.clampChannel(b / a);
    }

    private int warm(int argb) {
        PhotoshootLook.Light light = shader.light();
        int r = ImageFilters.clampChannel((argb >> 16 & 0xFF) * light.warmRed());
        int b = ImageFilters.clampChannel((argb & 0xFF) * light.warmBlue());
        return argb & 0xFF00_FF00 | r << 16 | b;
    }

    /** The profile's slope (pixels of radius per pixel of height) at {@code h}, smoothed over a short span. */
    private double slope(double h, double radius, double height) {
        double span = 0.012;
        double below = radiusAt(Math.max(0, h - span));
        double above = radiusAt(Math.min(1, h + span));
        return (above - below) * radius / ((Math.min(1, h + span) - Math.max(0, h - span)) * height);
    }

    private double radiusAt(double h) {
        double[][] points = profile.points();
        for (int i = 0; i + 1 < points.length; i++) {
            if (h >= points[i][0] && h <= points[i + 1][0] && points[i + 1][0] > points[i][0]) {
                double t = (h - points[i][0]) / (points[i + 1][0] - points[i][0]);
                return points[i][1] + (points[i + 1][1] - points[i][1]) * t;
            }
        }
        return 1;
    }

    private static double normalised(double angle) {
        double wrapped = angle % (2 * Math.PI);
        if (wrapped > Math.PI) {
            wrapped -= 2 * Math.PI;
        } else if (wrapped < -Math.PI) {
            wrapped += 2 * Math.PI;
        }
        return wrapped;
    }

    /**
     * A mug's handle: a loop in the plane through the axis at 90° round from the print, seen whole from the side and
     * edge-on from the front.
     */
    private void paintHandle(Graphics2D g, double cx, double baseY, double height, double radius, double yaw,
                             double cos, double sin) {
        double angle = Math.PI / 2 + yaw;
        double side = Math.sin(angle);
        double depth = Math.cos(angle);
        double attachX = cx + radius * 0.97 * side;
        double topY = centreY(baseY, 0.8, height, cos) + radius * sin * depth;
        double bottomY = centreY(baseY, 0.28, height, cos) + radius * sin * depth;
        double reach = radius * 0.62 * side;
        Path2D loop = new Path2D.Double();
        loop.moveTo(attachX - side * radius * 0.05, topY);
        loop.curveTo(attachX + reach * 1.15, topY - (bottomY - topY) * 0.08, attachX + reach * 1.1,
                bottomY + (bottomY - topY) * 0.05, attachX - side * radius * 0.05, bottomY);
        float thickness = (float) (radius * 0.17);
        g.setStroke(new BasicStroke(thickness, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(shader.shade(finish.body(), finish.bodyGloss(), 0.3 * Math.signum(side), 0, 0.9));
        g.draw(loop);
        g.setStroke(new BasicStroke(thickness * 0.45f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(shader.shade(finish.body(), finish.bodyGloss(), -0.2 * Math.signum(side), 0.3, 0.93));
        Path2D highlight = new Path2D.Double(loop);
        g.translate(-thickness * 0.18 * Math.signum(side), -thickness * 0.12);
        g.draw(highlight);
        g.translate(thickness * 0.18 * Math.signum(side), thickness * 0.12);
    }

    private static Color mix(Color a, Color b, double share) {
        return CreativePalette.mix(a, b, share);
    }
}
