package dev.pms.providers.stability;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Makes an image exactly a canvas's size: scaled to cover it, the overflow cropped evenly from both sides. */
final class CanvasFit {

    private CanvasFit() {
    }

    static BufferedImage cover(BufferedImage source, int width, int height) {
        double scale = Math.max((double) width / source.getWidth(), (double) height / source.getHeight());
        double cropWidth = width / scale;
        double cropHeight = height / scale;
        int x = (int) Math.round((source.getWidth() - cropWidth) / 2);
        int y = (int) Math.round((source.getHeight() - cropHeight) / 2);
        int x2 = Math.min(source.getWidth(), x + (int) Math.round(cropWidth));
        int y2 = Math.min(source.getHeight(), y + (int) Math.round(cropHeight));
        boolean alpha = source.getColorModel().hasAlpha();
        BufferedImage fitted = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = fitted.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, x, y, x2, y2, null);
        } finally {
            g.dispose();
        }
        return fitted;
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer is installed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing a PNG to memory failed", e);
        }
        return out.toByteArray();
    }
}
