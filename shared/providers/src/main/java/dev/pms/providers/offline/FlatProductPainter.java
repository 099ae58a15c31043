package dev.pms.providers.offline;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;

/**
 * Draws a product that is mostly one face (a sneaker in profile, a tote bag, a T-shirt) as painted artwork, then turns
 * it by the yaw: the face narrows with the cosine of the angle, its edge shows as a strip as wide as the product is
 * thick, and past a quarter turn the plain back faces the camera.
 */
final class FlatProductPainter {
    /** Fabric and leather scatter light: a flat product facing the camera never drops below this much of its colour. */
    private static final double MATTE_MIN_LIGHT = 0.9;

    private final ProductForm form;
    private final ProductFinish finish;
    private final SurfaceShader shader;

    FlatProductPainter(ProductForm form, ProductFinish finish, SurfaceShader shader) {
        this.form = form;
        this.finish = finish;
        this.shader = shader;
    }

    /** Width over height of the artwork. */
    double aspect() {
        return switch (form) {
            case SHOE -> 2.45;
            case BAG -> 0.86;
            default -> 1.0;
        };
    }

    /** How thick the product is, relative to its height. */
    private double thickness() {
        return switch (form) {
            case SHOE -> 0.95;
            case BAG -> 0.2;
            default -> 0.05;
        };
    }

    Rectangle2D unitBounds(double yaw, double pitch) {
        double width = aspect() * Math.abs(Math.cos(yaw)) + thickness() * Math.abs(Math.sin(yaw));
        double height = verticalScale(pitch);
        return new Rectangle2D.Double(-width / 2, -height, width, height);
    }

    private static double verticalScale(double pitch) {
        return 0.8 + 0.2 * Math.cos(pitch);
    }

    void paint(Graphics2D g, double cx, double baseY, double height, double yaw, double pitch) {
        double artHeight = height;
        int artWidthPx = (int) Math.max(4, Math.round(aspect() * artHeight));
        int artHeightPx = (int) Math.max(4, Math.round(artHeight));
        double cos = Math.cos(yaw);
        double sin = Math.sin(yaw);
        boolean front = cos >= 0;
        BufferedImage art = front ? frontArt(artWidthPx, artHeightPx) : backArt(artWidthPx, artHeightPx);
        double[] light = shader.lighting(finish.bodyGloss(), sin, 0, Math.abs(cos));
        lightUp(art, Math.max(MATTE_MIN_LIGHT, light[0]), light[1] * 0.5);
        double faceWidth = artWidthPx * Math.max(0.04, Math.abs(cos));
        double edgeWidth = thickness() * height * Math.abs(sin);
        double screenHeight = artHeightPx * verticalScale(pitch);
        double left = cx - (faceWidth + edgeWidth) / 2;
        double top = baseY - screenHeight;
        boolean edgeOnLeft = sin > 0 == front;
        double faceLeft = edgeOnLeft ? left + edgeWidth : left;
        double edgeLeft = edgeOnLeft ? left : left + faceWidth;
        if (edgeWidth > 0.5 && form != ProductForm.APPAREL) {
            paintEdge(g, edgeLeft, top, edgeWidth, screenHeight, art, edgeOnLeft ? 0 : artWidthPx - 1, sin);
        }
        Graphics2D faceGraphics = (Graphics2D) g.create();
        try {
            faceGraphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            AffineTransform place = new AffineTransform();
            place.translate(faceLeft, top);
            place.scale(faceWidth / artWidthPx, screenHeight / artHeightPx);
            if (!front) {
                place.translate(artWidthPx, 0);
                place.scale(-1, 1);
            }
            faceGraphics.drawImage(art, place, null);
        } finally {
            faceGraphics.dispose();
        }
    }

    /** The product's side seen edge-on: the colours of the artwork's outermost column, darker. */
    private void paintEdge(Graphics2D g, double left, double top, double width, double height, BufferedImage art,
                           int column, double sin) {
        BufferedImage strip = new BufferedImage(1, art.getHeight(), BufferedImage.TYPE_INT_ARGB);
        int inset = form == ProductForm.SHOE ? art.getWidth() / 2 : Math.min(art.getWidth() - 1,
                Math.max(0, column == 0 ? art.getWidth() / 40 : art.getWidth() - 1 - art.getWidth() / 40));
        double[] light = shader.lighting(finish.bodyGloss(), -Math.signum(sin), 0, 0.3);
        for (int y = 0; y < art.getHeight(); y++) {
            int pixel = art.getRGB(inset, y);
            strip.setRGB(0, y, pixel >>> 24 == 0 ? 0 : ImageFilters.shade(pixel, Math.min(0.85, light[0]), 0));
        }
        Graphics2D edge = (Graphics2D) g.create();
        try {
            edge.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            edge.drawImage(strip, (int) Math.round(left), (int) Math.round(top), (int) Math.round(width) + 1,
                    (int) Math.round(height), null);
        } finally {
            edge.dispose();
        }
    }

    private static void lightUp(BufferedImage art, double factor, double add) {
        int[] pixels = ImageFilters.pixels(art);
        for (int i = 0; i < pixels.length; i++) {
            if (pixels[i] >>> 24 != 0) {
                pixels[i] = ImageFilters.shade(pixels[i], factor, add);
            }
        }
    }

    private BufferedImage frontArt(int width, int height) {
        return switch (form) {
            case SHOE -> shoe(width, height);
            case BAG -> bag(width, height, true);
            default -> shirt(width, height, true);
        };
    }

    private BufferedImage backArt(int width, int height) {
        return switch (form) {
            case SHOE -> shoe(width, height);
            case BAG -> bag(width, height, false);
            default -> shirt(width, height, false);
        };
    }

    private static BufferedImage canvas(int width, int height) {
        return new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    }

    /** A sneaker in profile, toe to the right: upper in the body colour, white midsole, accent stripe, laces. */
    private BufferedImage shoe(int width, int height) {
        BufferedImage art = canvas(width, height);
        Graphics2D g = OfflineImageRenderer.graphics(art);
        try {
            g.scale(width, height);
            Color upperColour = finish.body();
            Path2D upper = new Path2D.Double();
            upper.moveTo(0.05, 0.76);
            upper.curveTo(0.015, 0.58, 0.02, 0.33, 0.075, 0.21);
            upper.curveTo(0.11, 0.14, 0.2, 0.13, 0.245, 0.2);
            upper.curveTo(0.3, 0.28, 0.38, 0.3, 0.44, 0.26);
            upper.lineTo(0.475, 0.14);
            upper.curveTo(0.51, 0.1, 0.56, 0.12, 0.565, 0.2);
            upper.curveTo(0.66, 0.35, 0.8, 0.45, 0.915, 0.54);
            upper.curveTo(0.99, 0.6, 1.0, 0.7, 0.975, 0.77);
            upper.closePath();
            g.setPaint(new GradientPaint(0f, 0.12f, CreativePalette.mix(upperColour, Color.WHITE, 0.16), 0f, 0.78f,
                    CreativePalette.mix(upperColour, Color.BLACK, 0.22)));
            g.fill(upper);
            Shape saved = g.getClip();
            g.clip(upper);
            g.setColor(CreativePalette.mix(upperColour, Color.WHITE, 0.28));
            g.fill(new Ellipse2D.Double(0.78, 0.5, 0.34, 0.4));
            g.setColor(CreativePalette.mix(upperColour, Color.BLACK, 0.18));
            g.fill(new Ellipse2D.Double(-0.06, 0.16, 0.24, 0.7));
            Path2D eyestay = new Path2D.Double();
            eyestay.moveTo(0.43, 0.27);
            eyestay.lineTo(0.575, 0.2);
            eyestay.curveTo(0.62, 0.3, 0.68, 0.37, 0.74, 0.42);
            eyestay.lineTo(0.66, 0.47);
            eyestay.curveTo(0.58, 0.42, 0.5, 0.36, 0.43, 0.27);
            g.setColor(CreativePalette.mix(upperColour, Color.BLACK, 0.3));
            g.fill(eyestay);
            Path2D stripe = new Path2D.Double();
            stripe.moveTo(0.22, 0.66);
            stripe.curveTo(0.4, 0.68, 0.62, 0.55, 0.8, 0.44);
            stripe.curveTo(0.64, 0.6, 0.44, 0.74, 0.2, 0.74);
            stripe.closePath();
            g.setColor(finish.detail());
            g.fill(stripe);
            g.setClip(saved);
            g.setColor(new Color(255, 255, 255, 235));
            g.setStroke(new BasicStroke(0.012f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (int i = 0; i < 5; i++) {
                double t = i / 4.0;
                double x = 0.47 + 0.2 * t;
                double y = 0.25 + 0.15 * t;
                g.draw(new Line2D.Double(x - 0.025, y - 0.035, x + 0.035, y + 0.02));
            }
            g.setColor(finish.detail());
            g.fill(new RoundRectangle2D.Double(0.035, 0.19, 0.05, 0.2, 0.03, 0.03));
            Path2D sole = new Path2D.Double();
            sole.moveTo(0.045, 0.72);
            sole.curveTo(0.0, 0.78, 0.005, 0.95, 0.07, 0.965);
            sole.lineTo(0.8, 0.975);
            sole.curveTo(0.93, 0.975, 0.998, 0.9, 0.992, 0.79);
            sole.curveTo(0.985, 0.75, 0.96, 0.735, 0.93, 0.74);
            sole.curveTo(0.6, 0.77, 0.3, 0.75, 0.045, 0.72);
            sole.closePath();
            Color soleColour = finish.cap();
            g.setPaint(new GradientPaint(0f, 0.72f, soleColour, 0f, 0.98f, CreativePalette.mix(soleColour, Color.BLACK, 0.14)));
            g.fill(sole);
            g.clip(sole);
            g.setColor(CreativePalette.mix(soleColour, Color.BLACK, 0.55));
            g.fill(new Rectangle2D.Double(0, 0.935, 1, 0.06));
            g.setColor(CreativePalette.mix(soleColour, Color.BLACK, 0.12));
            g.setStroke(new BasicStroke(0.006f));
            g.draw(new Line2D.Double(0.05, 0.84, 0.97, 0.86));
            g.setClip(saved);
        } finally {
            g.dispose();
        }
        return art;
    }

    /** A canvas tote: body wider at the bottom, two handles, a hem, the product's name printed on it (front only). */
    private BufferedImage bag(int width, int height, boolean front) {
        BufferedImage art = canvas(width, height);
        Graphics2D g = OfflineImageRenderer.graphics(art);
        try {
            Color fabric = finish.body();
            Color strap = CreativePalette.mix(fabric, Color.BLACK, 0.12);
            float strapWidth = (float) (width * 0.055);
            g.setStroke(new BasicStroke(strapWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
            for (int pass = 0; pass < 2; pass++) {
                double offset = pass == 0 ? width * 0.03 : 0;
                g.setColor(pass == 0 ? CreativePalette.mix(strap, Color.BLACK, 0.25) : strap);
                Path2D handle = new Path2D.Double();
                handle.moveTo(width * 0.27 + offset, height * 0.36);
                handle.curveTo(width * 0.27 + offset, height * 0.0, width * 0.73 + offset, height * 0.0,
                        width * 0.73 + offset, height * 0.36);
                g.draw(handle);
            }
            Path2D body = new Path2D.Double();
            body.moveTo(width * 0.1, height * 0.32);
            body.lineTo(width * 0.9, height * 0.32);
            body.lineTo(width * 0.97, height * 0.97);
            body.quadTo(width * 0.97, height, width * 0.93, height);
            body.lineTo(width * 0.07, height);
            body.quadTo(width * 0.03, height, width * 0.03, height * 0.97);
            body.closePath();
            g.setPaint(new GradientPaint(0, 0, CreativePalette.mix(fabric, Color.BLACK, 0.08), width, 0,
                    CreativePalette.mix(fabric, Color.BLACK, 0.16)));
            g.fill(body);
            Shape saved = g.getClip();
            g.clip(body);
            g.setPaint(new GradientPaint((float) (width * 0.35), 0, new Color(255, 255, 255, 60), (float) (width * 0.7), 0,
                    new Color(255, 255, 255, 0)));
            g.fill(body);
            g.setColor(CreativePalette.mix(fabric, Color.BLACK, 0.1));
            g.fill(new Rectangle2D.Double(0, height * 0.32, width, height * 0.05));
            g.setColor(new Color(0, 0, 0, 22));
            g.setStroke(new BasicStroke((float) (width * 0.012)));
            for (double x : new double[] {0.3, 0.62, 0.8}) {
                g.draw(new QuadCurve2D.Double(width * x, height * 0.38, width * (x + 0.03), height * 0.7,
                        width * (x - 0.01), height * 0.98));
            }
            g.setClip(saved);
            if (front) {
                Color print = CreativePalette.contrast(finish.cap(), fabric) >= 3 ? finish.cap() : SlidePainter.textOn(fabric);
                Rectangle printBox = new Rectangle((int) (width * 0.22), (int) (height * 0.5), (int) (width * 0.56),
                        (int) (height * 0.26));
                TextBlock block = TextBlock.layout(g, finish.label().name(), printBox, printBox.height / 2, true);
                if (!block.isEmpty()) {
                    block.draw(g, print);
                }
            }
        } finally {
            g.dispose();
        }
        return art;
    }

    /** A T-shirt laid flat: the product's name printed on the chest (front only), a ribbed collar, soft folds. */
    private BufferedImage shirt(int width, int height, boolean front) {
        BufferedImage art = canvas(width, height);
        Graphics2D g = OfflineImageRenderer.graphics(art);
        try {
            Color cotton = finish.body();
            Path2D shirt = new Path2D.Double();
            shirt.moveTo(width * 0.38, height * 0.04);
            shirt.curveTo(width * 0.42, height * (front ? 0.15 : 0.08), width * 0.58, height * (front ? 0.15 : 0.08),
                    width * 0.62, height * 0.04);
            shirt.lineTo(width * 0.84, height * 0.11);
            shirt.lineTo(width * 1.0, height * 0.33);
            shirt.lineTo(width * 0.87, height * 0.43);
            shirt.lineTo(width * 0.8, height * 0.35);
            shirt.lineTo(width * 0.8, height * 0.985);
            shirt.quadTo(width * 0.5, height * 1.0, width * 0.2, height * 0.985);
            shirt.lineTo(width * 0.2, height * 0.35);
            shirt.lineTo(width * 0.13, height * 0.43);
            shirt.lineTo(width * 0.0, height * 0.33);
            shirt.lineTo(width * 0.16, height * 0.11);
            shirt.closePath();
            g.setPaint(new GradientPaint(0, 0, CreativePalette.mix(cotton, Color.WHITE, 0.08), 0, height,
                    CreativePalette.mix(cotton, Color.BLACK, 0.12)));
            g.fill(shirt);
            Shape saved = g.getClip();
            g.clip(shirt);
            g.setStroke(new BasicStroke((float) (width * 0.02), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.setColor(new Color(0, 0, 0, 26));
            g.draw(new QuadCurve2D.Double(width * 0.26, height * 0.5, width * 0.3, height * 0.75,
                    width * 0.27, height * 0.98));
            g.draw(new QuadCurve2D.Double(width * 0.72, height * 0.45, width * 0.69, height * 0.7,
                    width * 0.74, height * 0.98));
            g.setColor(new Color(255, 255, 255, 30));
            g.draw(new QuadCurve2D.Double(width * 0.45, height * 0.6, width * 0.5, height * 0.8,
                    width * 0.46, height * 0.97));
            g.setClip(saved);
            g.setColor(CreativePalette.mix(cotton, Color.BLACK, 0.22));
            g.setStroke(new BasicStroke((float) (width * 0.022), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new CubicCurve2D.Double(width * 0.38, height * 0.045, width * 0.42,
                    height * (front ? 0.15 : 0.08), width * 0.58, height * (front ? 0.15 : 0.08), width * 0.62,
                    height * 0.045));
            if (front) {
                Color print = finish.label().ink();
                if (CreativePalette.contrast(print, cotton) < 3) {
                    print = SlidePainter.textOn(cotton);
                }
                Rectangle printBox = new Rectangle((int) (width * 0.32), (int) (height * 0.25), (int) (width * 0.36),
                        (int) (height * 0.2));
                TextBlock block = TextBlock.layout(g, finish.label().name(), printBox, printBox.height / 2, true);
                if (!block.isEmpty()) {
                    block.draw(g, print);
                }
            }
        } finally {
            g.dispose();
        }
        return art;
    }
}
