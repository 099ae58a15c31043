package dev.pms.core.audit;

import java.awt.image.BufferedImage;

/** Opaque pixels as {@code 0xRRGGBB}, row by row; transparent pixels are shown over white, as a page would. */
record PixelGrid(int width, int height, int[] rgb) {

    static PixelGrid of(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        if (image.getColorModel().hasAlpha()) {
            for (int i = 0; i < argb.length; i++) {
                argb[i] = overWhite(argb[i]);
            }
        } else {
            for (int i = 0; i < argb.length; i++) {
                argb[i] &= 0xFFFFFF;
            }
        }
        return new PixelGrid(width, height, argb);
    }

    private static int overWhite(int argb) {
        int alpha = argb >>> 24;
        int r = blend((argb >> 16) & 0xFF, alpha);
        int g = blend((argb >> 8) & 0xFF, alpha);
        int b = blend(argb & 0xFF, alpha);
        return (r << 16) | (g << 8) | b;
    }

    private static int blend(int channel, int alpha) {
        return (channel * alpha + 255 * (255 - alpha) + 127) / 255;
    }

    /** Rec. 601 luma, 0–255. */
    int[] luma() {
        int[] luma = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            luma[i] = (299 * ((p >> 16) & 0xFF) + 587 * ((p >> 8) & 0xFF) + 114 * (p & 0xFF) + 500) / 1000;
        }
        return luma;
    }
}
