package dev.pms.providers.offline;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/**
 * Draws the product for a packshot: a drawn product of its {@link ProductForm} in its {@link ProductFinish}, or the
 * user's own photo (cut out of its backdrop) when there is one, standing with its base's centre on a given point.
 */
final class PackshotPainter {
    private final ProductForm form;
    private final BufferedImage photo;
    private final LathePainter lathe;
    private final CuboidPainter cuboid;
    private final FlatProductPainter flat;

    PackshotPainter(ProductForm form, ProductFinish finish, SurfaceShader shader, BufferedImage photo) {
        this.form = form;
        this.photo = photo;
        this.lathe = form.round() ? new LathePainter(LathePainter.profile(form), finish, shader) : null;
        this.cuboid = form.cuboid() ? new CuboidPainter(form, finish, shader) : null;
        this.flat = !form.round() && !form.cuboid() ? new FlatProductPainter(form, finish, shader) : null;
    }

    boolean photographed() {
        return photo != null;
    }

    /** The silhouette's bounds for a product 1 unit tall whose base's centre is at (0, 0); y grows downwards. */
    Rectangle2D unitBounds(double yaw, double pitch) {
        if (photo != null) {
            double aspect = (double) photo.getWidth() / photo.getHeight();
            return new Rectangle2D.Double(-aspect / 2, -1, aspect, 1);
        }
        if (lathe != null) {
            return LathePainter.unitBounds(LathePainter.profile(form), yaw, pitch);
        }
        return cuboid != null ? cuboid.unitBounds(yaw, pitch) : flat.unitBounds(yaw, pitch);
    }

    /** Paints the product, {@code height} pixels tall (a unit of {@link #unitBounds}), onto a transparent layer. */
    void paint(BufferedImage layer, double cx, double baseY, double height, double yaw, double pitch) {
        Graphics2D g = OfflineImageRenderer.graphics(layer);
        try {
            if (photo != null) {
                double width = height * photo.getWidth() / photo.getHeight();
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
                BufferedImage sized = ImageFilters.scaled(photo, (int) Math.round(width), (int) Math.round(height), true);
                g.drawImage(sized, AffineTransform.getTranslateInstance(cx - width / 2, baseY - height), null);
            } else if (lathe != null) {
                lathe.paint(g, cx, baseY, height, yaw, pitch);
            } else if (cuboid != null) {
                cuboid.paint(g, cx, baseY, height, yaw, pitch);
            } else {
                flat.paint(g, cx, baseY, height, yaw, pitch);
            }
        } finally {
            g.dispose();
        }
    }
}
