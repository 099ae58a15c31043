package dev.pms.core.audit;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;

/**
 * Opaque pixels as {@code 0xRRGGBB}, row by row; transparent pixels are shown over white, as a page would.
 * Grey samples are taken as they are stored (as a browser shows them), not through Java's linear grey space.
 */
record PixelGrid(int width, int height, int[] rgb) {

    static PixelGrid of(BufferedImage image) {
        int[] rgb = interleavedBytes(image);
        if (rgb == null) {
            rgb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            boolean alpha = image.getColorModel().hasAlpha();
            for (int i = 0; i < rgb.length; i++) {
                rgb[i] = alpha ? overWhite(rgb[i] & 0xFFFFFF, rgb[i] >>> 24) : rgb[i] & 0xFFFFFF;
            }
        }
        return new PixelGrid(image.getWidth(), image.getHeight(), rgb);
    }

    /**
     * Reads 8-bit interleaved sRGB or grey rasters (what the PNG and JPEG readers return) straight from their
     * bytes, which is several times faster than {@link BufferedImage#getRGB}; null for any other layout.
     */
    private static int[] interleavedBytes(BufferedImage image) {
        Raster raster = image.getRaster();
        if (!(raster.getDataBuffer() instanceof DataBufferByte buffer)
                || buffer.getNumBanks() != 1
                || !(raster.getSampleModel() instanceof PixelInterleavedSampleModel model)
                || !(image.getColorModel() instanceof ComponentColorModel colours)
                || colours.isAlphaPremultiplied()
                || raster.getSampleModelTranslateX() != 0 || raster.getSampleModelTranslateY() != 0) {
            return null;
        }
        ColorSpace space = colours.getColorSpace();
        boolean grey = space.getType() == ColorSpace.TYPE_GRAY;
        if (!grey && !space.isCS_sRGB()) {
            return null;
        }
        int colourBands = grey ? 1 : 3;
        boolean alpha = colours.hasAlpha();
        if (model.getNumBands() != colourBands + (alpha ? 1 : 0)) {
            return null;
        }
        byte[] data = buffer.getData();
        int[] offsets = model.getBandOffsets();
        int pixelStride = model.getPixelStride();
        int width = image.getWidth();
        int height = image.getHeight();
        int[] rgb = new int[width * height];
        for (int y = 0; y < height; y++) {
            int position = buffer.getOffset() + y * model.getScanlineStride();
            for (int x = 0; x < width; x++, position += pixelStride) {
                int r = data[position + offsets[0]] & 0xFF;
                int g = grey ? r : data[position + offsets[1]] & 0xFF;
                int b = grey ? r : data[position + offsets[2]] & 0xFF;
                int pixel = (r << 16) | (g << 8) | b;
                rgb[y * width + x] = alpha ? overWhite(pixel, data[position + offsets[colourBands]] & 0xFF) : pixel;
            }
        }
        return rgb;
    }

    private static int overWhite(int rgb, int alpha) {
        int r = blend((rgb >> 16) & 0xFF, alpha);
        int g = blend((rgb >> 8) & 0xFF, alpha);
        int b = blend(rgb & 0xFF, alpha);
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
