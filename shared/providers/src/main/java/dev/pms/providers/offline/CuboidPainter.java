package dev.pms.providers.offline;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.TexturePaint;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Draws a box or a device as a cuboid turned by the yaw and seen from above by the pitch, in parallel projection (a
 * long lens): each face the camera sees gets its own printed artwork mapped onto it exactly (a face is a
 * parallelogram, so one affine transform maps the artwork), then its light. A package's front carries the label; a
 * phone's front is its screen.
 */
final class CuboidPainter {
    private final boolean device;
    private final ProductFinish finish;
    private final SurfaceShader shader;
    private final double widthToHeight;
    private final double depthToHeight;

    CuboidPainter(ProductForm form, ProductFinish finish, SurfaceShader shader) {
        this.device = form == ProductForm.DEVICE;
        this.finish = finish;
        this.shader = shader;
        this.widthToHeight = device ? 0.49 : 0.72;
        this.depthToHeight = device ? 0.055 : 0.3;
    }

    /** The silhouette's bounds for a product 1 unit tall standing at (0, 0). */
    Rectangle2D unitBounds(double yaw, double pitch) {
        Rectangle2D bounds = null;
        for (double[] corner : corners(1)) {
            Point2D p = project(corner, 0, 0, yaw, pitch);
            if (bounds == null) {
                bounds = new Rectangle2D.Double(p.getX(), p.getY(), 0, 0);
            } else {
                bounds.add(p);
            }
        }
        return bounds;
    }

    private double[][] corners(double height) {
        double w = widthToHeight * height / 2;
        double d = depthToHeight * height / 2;
        return new double[][] {{-w, 0, -d}, {w, 0, -d}, {-w, 0, d}, {w, 0, d}, {-w, height, -d}, {w, height, -d},
                {-w, height, d}, {w, height, d}};
    }

    private static Point2D project(double[] point, double cx, double baseY, double yaw, double pitch) {
        double x = point[0] * Math.cos(yaw) + point[2] * Math.sin(yaw);
        double z = -point[0] * Math.sin(yaw) + point[2] * Math.cos(yaw);
        return new Point2D.Double(cx + x, baseY - point[1] * Math.cos(pitch) + z * Math.sin(pitch));
    }

    /** One face: three corners (top-left, top-right, bottom-left of its artwork), its normal and its artwork. */
    private record Face(double[] topLeft, double[] topRight, double[] bottomLeft, double[] normal, BufferedImage art,
                        double gloss, boolean bevelTop) {
    }

    void paint(Graphics2D g, double cx, double baseY, double height, double yaw, double pitch) {
        double w = widthToHeight * height / 2;
        double d = depthToHeight * height / 2;
        int frontWidth = (int) Math.round(2 * w);
        int sideWidth = (int) Math.max(2, Math.round(2 * d));
        int faceHeight = (int) Math.round(height);
        List<Face> faces = new ArrayList<>();
        faces.add(new Face(new double[] {-w, height, d}, new double[] {w, height, d}, new double[] {-w, 0, d},
                new double[] {0, 0, 1}, front(frontWidth, faceHeight), device ? 0.9 : finish.bodyGloss(), true));
        faces.add(new Face(new double[] {w, height, -d}, new double[] {-w, height, -d}, new double[] {w, 0, -d},
                new double[] {0, 0, -1}, back(frontWidth, faceHeight), finish.bodyGloss(), true));
        faces.add(new Face(new double[] {w, height, d}, new double[] {w, height, -d}, new double[] {w, 0, d},
                new double[] {1, 0, 0}, side(sideWidth, faceHeight), device ? finish.capGloss() : finish.bodyGloss(), true));
        faces.add(new Face(new double[] {-w, height, -d}, new double[] {-w, height, d}, new double[] {-w, 0, -d},
                new double[] {-1, 0, 0}, side(sideWidth, faceHeight), device ? finish.capGloss() : finish.bodyGloss(), true));
        faces.add(new Face(new double[] {-w, height, -d}, new double[] {w, height, -d}, new double[] {-w, height, d},
                new double[] {0, 1, 0}, top(frontWidth, sideWidth), device ? finish.capGloss() : finish.bodyGloss(), false));
        faces.sort(Comparator.comparingDouble(face -> depth(face, yaw, pitch)));
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        for (Face face : faces) {
            double[] n = rotated(face.normal(), yaw);
            double facing = n[1] * Math.sin(pitch) + n[2] * Math.cos(pitch);
            if (facing <= 0.02) {
                continue;
            }
            paintFace(g, face, n, cx, baseY, yaw, pitch);
        }
    }

    private static double depth(Face face, double yaw, double pitch) {
        double[] n = rotated(face.normal(), yaw);
        return n[1] * Math.sin(pitch) + n[2] * Math.cos(pitch);
    }

    private static double[] rotated(double[] v, double yaw) {
        return new double[] {v[0] * Math.cos(yaw) + v[2] * Math.sin(yaw), v[1], -v[0] * Math.sin(yaw) + v[2] * Math.cos(yaw)};
    }

    private void paintFace(Graphics2D g, Face face, double[] normal, double cx, double baseY, double yaw, double pitch) {
        Point2D p0 = project(face.topLeft(), cx, baseY, yaw, pitch);
        Point2D p1 = project(face.topRight(), cx, baseY, yaw, pitch);
        Point2D p3 = project(face.bottomLeft(), cx, baseY, yaw, pitch);
        BufferedImage art = face.art();
        AffineTransform mapping = new AffineTransform(
                (p1.getX() - p0.getX()) / art.getWidth(), (p1.getY() - p0.getY()) / art.getWidth(),
                (p3.getX() - p0.getX()) / art.getHeight(), (p3.getY() - p0.getY()) / art.getHeight(),
                p0.getX(), p0.getY());
        BufferedImage lit = lit(art, face.gloss(), normal);
        Graphics2D faceGraphics = (Graphics2D) g.create();
        try {
            faceGraphics.transform(mapping);
            Rectangle2D artBounds = new Rectangle2D.Double(0, 0, art.getWidth(), art.getHeight());
            faceGraphics.setPaint(new TexturePaint(lit, artBounds));
            faceGraphics.fill(artBounds);
            faceGraphics.setPaint(new GradientPaint(0, 0, new Color(255, 255, 255, 26), 0, art.getHeight(),
                    new Color(0, 0, 0, 30)));
            if (!device) {
                faceGraphics.fill(artBounds);
            }
        } finally {
            faceGraphics.dispose();
        }
        if (face.bevelTop() && !device) {
            g.setStroke(new BasicStroke((float) Math.max(1, p0.distance(p3) / 260), BasicStroke.CAP_ROUND,
                    BasicStroke.JOIN_ROUND));
            g.setColor(new Color(255, 255, 255, 70));
            g.draw(new Line2D.Double(p0, p1));
        }
    }

    /** The face's artwork under the set's light: one factor for the flat face and a highlight that fades downwards. */
    private BufferedImage lit(BufferedImage art, double gloss, double[] normal) {
        double[] light = shader.lighting(gloss, normal[0], normal[1], normal[2]);
        BufferedImage copy = ImageFilters.copy(art, true);
        int[] pixels = ImageFilters.pixels(copy);
        int width = copy.getWidth();
        int height = copy.getHeight();
        PhotoshootLook.Light set = shader.light();
        for (int y = 0; y < height; y++) {
            double sheen = light[1] * (1 - (double) y / height) * 0.8;
            for (int x = 0; x < width; x++) {
                int index = y * width + x;
                int shaded = ImageFilters.shade(pixels[index], light[0], sheen);
                int r = ImageFilters.clampChannel((shaded >> 16 & 0xFF) * set.warmRed());
                int b = ImageFilters.clampChannel((shaded & 0xFF) * set.warmBlue());
                pixels[index] = shaded & 0xFF00_FF00 | r << 16 | b;
            }
        }
        return copy;
    }

    private BufferedImage front(int width, int height) {
        if (!device) {
            return finish.label().paint(width, height, 0.9);
        }
        BufferedImage screen = new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = OfflineImageRenderer.graphics(screen);
        try {
            double corner = width * 0.2;
            g.setColor(new Color(0x0B, 0x0B, 0x0E));
            g.fill(new RoundRectangle2D.Double(0, 0, width, height, corner, corner));
            double inset = width * 0.035;
            RoundRectangle2D glass = new RoundRectangle2D.Double(inset, inset, width - 2 * inset, height - 2 * inset,
                    corner * 0.8, corner * 0.8);
            Color wallpaper = finish.label().paper();
            g.setPaint(new GradientPaint(0, 0, CreativePalette.mix(wallpaper, Color.WHITE, 0.18), width, height,
                    CreativePalette.mix(wallpaper, Color.BLACK, 0.45)));
            g.fill(glass);
            g.setClip(glass);
            g.setColor(withAlpha(finish.label().accent(), 120));
            g.fill(new Ellipse2D.Double(-width * 0.3, height * 0.52, width * 1.1, width * 1.1));
            g.setColor(withAlpha(Color.WHITE, 40));
            g.fill(new Ellipse2D.Double(width * 0.35, -width * 0.25, width * 0.9, width * 0.9));
            g.setClip(null);
            g.setColor(new Color(0x05, 0x05, 0x07));
            double camera = width * 0.05;
            g.fill(new Ellipse2D.Double((width - camera) / 2, inset + height * 0.018, camera, camera));
            Rectangle nameBox = new Rectangle((int) (width * 0.16), (int) (height * 0.4),
                    (int) (width * 0.68), (int) (height * 0.12));
            TextBlock block = TextBlock.layout(g, finish.label().name(), nameBox, nameBox.height / 2, true);
            if (!block.isEmpty()) {
                block.draw(g, SlidePainter.textOn(wallpaper));
            }
            g.setColor(withAlpha(SlidePainter.textOn(wallpaper), 200));
            double bar = width * 0.32;
            g.fill(new RoundRectangle2D.Double((width - bar) / 2, height - inset - height * 0.025, bar, height * 0.008,
                    height * 0.008, height * 0.008));
        } finally {
            g.dispose();
        }
        return screen;
    }

    private BufferedImage back(int width, int height) {
        BufferedImage back = new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = OfflineImageRenderer.graphics(back);
        try {
            if (device) {
                double corner = width * 0.2;
                g.setColor(finish.body());
                g.fill(new RoundRectangle2D.Double(0, 0, width, height, corner, corner));
                g.setColor(CreativePalette.mix(finish.body(), Color.BLACK, 0.35));
                double module = width * 0.34;
                g.fill(new RoundRectangle2D.Double(width * 0.08, width * 0.08, module, module, module * 0.3, module * 0.3));
                g.setColor(new Color(0x08, 0x08, 0x0A));
                double lens = module * 0.36;
                g.fill(new Ellipse2D.Double(width * 0.08 + module * 0.1, width * 0.08 + module * 0.1, lens, lens));
                g.fill(new Ellipse2D.Double(width * 0.08 + module * 0.1, width * 0.08 + module * 0.54, lens, lens));
            } else {
                g.setColor(finish.label().paper());
                g.fillRect(0, 0, width, height);
                g.setColor(finish.label().accent());
                g.fillRect(0, height / 12, width, Math.max(1, height / 40));
            }
        } finally {
            g.dispose();
        }
        return back;
    }

    private BufferedImage side(int width, int height) {
        BufferedImage side = new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = OfflineImageRenderer.graphics(side);
        try {
            if (device) {
                g.setPaint(new GradientPaint(0, 0, CreativePalette.mix(finish.cap(), Color.WHITE, 0.3), width, 0,
                        CreativePalette.mix(finish.cap(), Color.BLACK, 0.25)));
                g.fillRect(0, 0, width, height);
            } else {
                g.setColor(finish.label().paper());
                g.fillRect(0, 0, width, height);
                g.setColor(finish.label().accent());
                g.fillRect(0, 0, width, Math.max(1, height / 16));
                g.fillRect(0, height - Math.max(1, height / 16), width, Math.max(1, height / 16));
            }
        } finally {
            g.dispose();
        }
        return side;
    }

    private BufferedImage top(int width, int depth) {
        BufferedImage top = new BufferedImage(Math.max(1, width), Math.max(1, depth), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = OfflineImageRenderer.graphics(top);
        try {
            g.setColor(device ? finish.cap() : CreativePalette.mix(finish.label().paper(), Color.WHITE, 0.06));
            g.fillRect(0, 0, width, depth);
            if (!device) {
                g.setColor(CreativePalette.mix(finish.label().paper(), Color.BLACK, 0.18));
                g.fillRect(0, depth / 2, width, Math.max(2, depth / 40));
            }
        } finally {
            g.dispose();
        }
        return top;
    }

    private static Color withAlpha(Color colour, int alpha) {
        return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), alpha);
    }
}
