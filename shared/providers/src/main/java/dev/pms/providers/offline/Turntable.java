package dev.pms.providers.offline;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;

/**
 * The turntable illusion for a flat picture: turned by θ about its vertical axis, it narrows to |cos θ| of its width,
 * the edge nearer the camera grows a little taller than the far one (perspective), the side turning away darkens, its
 * thickness shows as an edge, and past a quarter turn its mirrored, darker back faces the camera.
 */
final class Turntable {
    private static final int STRIPS = 40;
    private static final double PERSPECTIVE = 0.09;
    private static final ThreadLocal<BufferedImage[]> SCRATCH = ThreadLocal.withInitial(() -> new BufferedImage[1]);

    private Turntable() {
    }

    /**
     * Draws {@code subject} turned by {@code angle} into {@code box} (its size facing the camera). A cut-out product
     * stands on the floor with a contact shadow and a thick edge; a whole picture is a card with a drop shadow.
     */
    static void draw(Graphics2D g, BufferedImage subject, Rectangle2D box, double angle, boolean cutOut) {
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double squash = Math.max(0.015, Math.abs(cos));
        double thickness = box.getWidth() * (cutOut ? 0.08 : 0.018) * Math.abs(sin);
        double faceWidth = box.getWidth() * squash;
        double total = faceWidth + thickness;
        double left = box.getCenterX() - total / 2;
        boolean back = cos < 0;
        boolean edgeOnRight = sin > 0 != back;
        double faceLeft = edgeOnRight ? left : left + thickness;
        double edgeLeft = edgeOnRight ? left + faceWidth : left;
        if (cutOut) {
            g.setColor(new Color(0, 0, 0, 70));
            double shadow = Math.max(total, box.getWidth() * 0.3) * 0.92;
            g.fill(new Ellipse2D.Double(box.getCenterX() - shadow / 2, box.getMaxY() - box.getHeight() * 0.025, shadow,
                    box.getHeight() * 0.05));
        } else {
            g.setColor(new Color(0, 0, 0, 90));
            double offset = box.getHeight() * 0.02;
            double corner = Math.min(box.getWidth(), box.getHeight()) * 0.03;
            g.fill(new RoundRectangle2D.Double(left + offset, box.getY() + offset * 1.5, total, box.getHeight(), corner, corner));
        }
        int pad = (int) Math.ceil(box.getHeight() * PERSPECTIVE) + 2;
        int layerWidth = (int) Math.ceil(total) + 2;
        int layerHeight = (int) Math.ceil(box.getHeight()) + 2 * pad;
        BufferedImage layer = scratch(layerWidth, layerHeight);
        Graphics2D l = layer.createGraphics();
        try {
            l.setComposite(AlphaComposite.Clear);
            l.fillRect(0, 0, layer.getWidth(), layer.getHeight());
            l.setComposite(AlphaComposite.SrcOver);
            l.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            double originX = left - 1;
            double originY = box.getY() - pad;
            int sourceWidth = subject.getWidth();
            for (int k = 0; k < STRIPS; k++) {
                double u0 = (double) k / STRIPS;
                double u1 = (double) (k + 1) / STRIPS;
                double facing = back ? 1 - (u0 + u1) / 2 : (u0 + u1) / 2;
                double depth = (facing - 0.5) * (back ? -sin : sin);
                double grow = 1 + PERSPECTIVE * 2 * depth;
                double height = box.getHeight() * grow;
                double top = box.getCenterY() - height / 2 - originY;
                if (cutOut) {
                    top = box.getMaxY() - height - originY;
                }
                int sx0 = (int) Math.floor(u0 * sourceWidth);
                int sx1 = Math.max(sx0 + 1, (int) Math.floor(u1 * sourceWidth));
                double dx0 = faceLeft - originX + (back ? (1 - u1) : u0) * faceWidth;
                double dx1 = faceLeft - originX + (back ? (1 - u0) : u1) * faceWidth;
                int x0 = (int) Math.floor(dx0);
                int x1 = Math.max(x0 + 1, (int) Math.ceil(dx1));
                if (back) {
                    l.drawImage(subject, x0, (int) Math.round(top), x1, (int) Math.round(top + height), sx1, 0, sx0,
                            subject.getHeight(), null);
                } else {
                    l.drawImage(subject, x0, (int) Math.round(top), x1, (int) Math.round(top + height), sx0, 0, sx1,
                            subject.getHeight(), null);
                }
            }
            double shade = (back ? 0.3 : 0) + 0.35 * Math.abs(sin) * (1 - squash * 0.3);
            if (shade > 0.01) {
                l.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_ATOP, (float) Math.min(0.7, shade)));
                l.setColor(Color.BLACK);
                l.fillRect(0, 0, layerWidth, layerHeight);
            }
            if (thickness >= 1) {
                l.setComposite(AlphaComposite.SrcOver);
                int column = edgeOnRight != back ? sourceWidth - 1 - sourceWidth / 50 : sourceWidth / 50;
                double x = edgeLeft - originX;
                double height = box.getHeight() * (1 + PERSPECTIVE * Math.abs(sin) * 0.5);
                double top = cutOut ? box.getMaxY() - height - originY : box.getCenterY() - height / 2 - originY;
                l.drawImage(subject, (int) Math.floor(x), (int) Math.round(top), (int) Math.ceil(x + thickness),
                        (int) Math.round(top + height), column, 0, column + 1, subject.getHeight(), null);
                l.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_ATOP, 0.45f));
                l.setColor(Color.BLACK);
                l.fill(new Rectangle2D.Double(x, 0, thickness, layerHeight));
            }
        } finally {
            l.dispose();
        }
        int x = (int) Math.round(left - 1);
        int y = (int) Math.round(box.getY() - pad);
        g.drawImage(layer, x, y, x + layerWidth, y + layerHeight, 0, 0, layerWidth, layerHeight, null);
    }

    private static BufferedImage scratch(int width, int height) {
        BufferedImage[] held = SCRATCH.get();
        if (held[0] == null || held[0].getWidth() < width || held[0].getHeight() < height) {
            held[0] = new BufferedImage(Math.max(width, 1), Math.max(height, 1), BufferedImage.TYPE_INT_ARGB);
        }
        return held[0];
    }
}
