package dev.pms.providers.edit;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Deterministic image operations on RGB images, in plain Java2D: the offline engine behind every fix of an audit plan
 * (crop, resize, upscale with sharpening, exposure and contrast correction, denoising and sharpening, background to
 * white, recolouring toward a palette). Each returns a new image and leaves its input alone.
 */
public final class ImageOps {
    private ImageOps() {
    }

    /** The image as an opaque RGB image (alpha flattened onto white). */
    public static BufferedImage rgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = copy.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, copy.getWidth(), copy.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return copy;
    }

    /** The box, clamped to the image. */
    public static BufferedImage crop(BufferedImage image, int x, int y, int width, int height) {
        int x0 = Math.max(0, Math.min(image.getWidth() - 1, x));
        int y0 = Math.max(0, Math.min(image.getHeight() - 1, y));
        int w = Math.max(1, Math.min(image.getWidth() - x0, width));
        int h = Math.max(1, Math.min(image.getHeight() - y0, height));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, -x0, -y0, null);
        g.dispose();
        return out;
    }

    /**
     * Resized to exactly {@code width} × {@code height}: downscaling halves in steps (so no detail aliases away),
     * upscaling is bicubic followed by a light unsharp mask.
     */
    public static BufferedImage resize(BufferedImage image, int width, int height) {
        BufferedImage current = rgb(image);
        while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        }
        boolean upscaling = width > current.getWidth() || height > current.getHeight();
        BufferedImage resized = current.getWidth() == width && current.getHeight() == height ? current
                : draw(current, width, height, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        return upscaling ? unsharp(resized, 1, 0.6) : resized;
    }

    private static BufferedImage draw(BufferedImage image, int width, int height, Object interpolation) {
        BufferedImage out = new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, interpolation);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(image, 0, 0, out.getWidth(), out.getHeight(), null);
        g.dispose();
        return out;
    }

    /** Upscaled by {@code factor} in steps of at most 2×, each followed by sharpening. */
    public static BufferedImage upscale(BufferedImage image, double factor) {
        BufferedImage current = rgb(image);
        int targetWidth = (int) Math.round(image.getWidth() * factor);
        int targetHeight = (int) Math.round(image.getHeight() * factor);
        while (current.getWidth() < targetWidth) {
            int w = Math.min(targetWidth, current.getWidth() * 2);
            int h = Math.min(targetHeight, current.getHeight() * 2);
            current = unsharp(draw(current, w, h, RenderingHints.VALUE_INTERPOLATION_BICUBIC), 1, 0.5);
        }
        return current;
    }

    /**
     * Exposure and contrast: the luma range between the 0.5th and 99.5th percentiles is stretched over 2..253, then
     * a gamma brings the mean luma toward mid-grey (118); one curve for all channels, so colours keep their hue.
     */
    public static BufferedImage relight(BufferedImage image) {
        BufferedImage source = rgb(image);
        int[] rgb = pixels(source);
        int[] histogram = new int[256];
        for (int pixel : rgb) {
            histogram[luma(pixel)]++;
        }
        int low = percentile(histogram, rgb.length, 0.005);
        int high = Math.max(low + 1, percentile(histogram, rgb.length, 0.995));
        double mean = 0;
        for (int value = 0; value < 256; value++) {
            mean += (double) histogram[value] * stretch(value, low, high);
        }
        mean /= rgb.length;
        double gamma = Math.max(0.35, Math.min(2.8, Math.log(118 / 255.0) / Math.log(Math.max(1, mean) / 255.0)));
        int[] curve = new int[256];
        for (int value = 0; value < 256; value++) {
            double stretched = stretch(value, low, high) / 255.0;
            curve[value] = clamp((int) Math.round(255 * Math.pow(stretched, gamma)));
        }
        int[] out = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            out[i] = curve[p >> 16 & 0xFF] << 16 | curve[p >> 8 & 0xFF] << 8 | curve[p & 0xFF];
        }
        return image(source.getWidth(), source.getHeight(), out);
    }

    private static double stretch(int value, int low, int high) {
        return Math.max(0, Math.min(255, 2 + (value - low) * 251.0 / (high - low)));
    }

    /**
     * Restoration: a 3×3 median per channel (removes sensor noise and JPEG block edges) followed by an unsharp mask
     * that brings back the edges a soft or shaken photo lost.
     */
    public static BufferedImage restore(BufferedImage image) {
        BufferedImage source = rgb(image);
        return unsharp(median3(source), 2, 1.1);
    }

    /**
     * Background to pure white: the background is what connects to the border through small colour steps (a flood
     * fill over a lightly smoothed copy, so gradients and grain count as background and the product's edges stop it);
     * it becomes RGB 255,255,255 and the boundary is feathered by one pixel.
     */
    public static BufferedImage backgroundToWhite(BufferedImage image) {
        BufferedImage source = rgb(image);
        int width = source.getWidth();
        int height = source.getHeight();
        int[] smooth = pixels(box3(source));
        boolean[] background = null;
        for (int step : new int[] {14, 9, 6, 4}) {
            background = flood(smooth, width, height, step);
            if (count(background) <= 0.92 * background.length) {
                break;
            }
        }
        dropSpecks(background, width, height);
        int[] rgb = pixels(source);
        int[] out = rgb.clone();
        for (int i = 0; i < out.length; i++) {
            if (background[i]) {
                out[i] = 0xFFFFFF;
            } else if (touches(background, i % width, i / width, width, height)) {
                out[i] = blend(rgb[i], 0xFFFFFF, 0.5);
            }
        }
        return image(width, height, out);
    }

    /**
     * Islands left outside the background that are far smaller than the subject (grain, texture lines the fill could
     * not cross) join the background: a part of the foreground is kept when it has at least 0.4 % of the pixels and
     * 5 % of the largest part.
     */
    private static void dropSpecks(boolean[] background, int width, int height) {
        int[] label = new int[background.length];
        List<Integer> sizes = new ArrayList<>();
        sizes.add(0);
        int[] queue = new int[background.length];
        for (int start = 0; start < background.length; start++) {
            if (background[start] || label[start] != 0) {
                continue;
            }
            int id = sizes.size();
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            label[start] = id;
            while (head < tail) {
                int at = queue[head++];
                int x = at % width;
                int[] next = {x + 1 < width ? at + 1 : -1, x > 0 ? at - 1 : -1, at + width < label.length ? at + width : -1,
                        at - width};
                for (int n : next) {
                    if (n >= 0 && !background[n] && label[n] == 0) {
                        label[n] = id;
                        queue[tail++] = n;
                    }
                }
            }
            sizes.add(tail);
        }
        int largest = sizes.stream().mapToInt(Integer::intValue).max().orElse(0);
        double keep = Math.max(0.004 * background.length, 0.05 * largest);
        for (int i = 0; i < background.length; i++) {
            if (!background[i] && sizes.get(label[i]) < keep) {
                background[i] = true;
            }
        }
    }

    /** What connects to the border through colour steps of at most {@code step}. */
    private static boolean[] flood(int[] smooth, int width, int height, int step) {
        boolean[] background = new boolean[width * height];
        int[] queue = new int[width * height];
        int head = 0;
        int tail = 0;
        for (int x = 0; x < width; x++) {
            tail = seed(queue, tail, background, x, 0, width);
            tail = seed(queue, tail, background, x, height - 1, width);
        }
        for (int y = 0; y < height; y++) {
            tail = seed(queue, tail, background, 0, y, width);
            tail = seed(queue, tail, background, width - 1, y, width);
        }
        while (head < tail) {
            int at = queue[head++];
            int x = at % width;
            int y = at / width;
            if (x + 1 < width) {
                tail = grow(queue, tail, background, smooth, at, at + 1, step);
            }
            if (x > 0) {
                tail = grow(queue, tail, background, smooth, at, at - 1, step);
            }
            if (y + 1 < height) {
                tail = grow(queue, tail, background, smooth, at, at + width, step);
            }
            if (y > 0) {
                tail = grow(queue, tail, background, smooth, at, at - width, step);
            }
        }
        return background;
    }

    private static int grow(int[] queue, int tail, boolean[] background, int[] smooth, int from, int to, int step) {
        if (!background[to] && distance(smooth[from], smooth[to]) <= step) {
            background[to] = true;
            queue[tail++] = to;
        }
        return tail;
    }

    private static int count(boolean[] mask) {
        int n = 0;
        for (boolean value : mask) {
            n += value ? 1 : 0;
        }
        return n;
    }

    private static int seed(int[] queue, int tail, boolean[] background, int x, int y, int width) {
        int at = y * width + x;
        if (!background[at]) {
            background[at] = true;
            queue[tail++] = at;
        }
        return tail;
    }

    private static boolean touches(boolean[] mask, int x, int y, int width, int height) {
        return (x > 0 && mask[y * width + x - 1]) || (x + 1 < width && mask[y * width + x + 1])
                || (y > 0 && mask[(y - 1) * width + x]) || (y + 1 < height && mask[(y + 1) * width + x]);
    }

    /**
     * Recolouring toward a palette: the dominant hue of the image's saturated pixels is turned to the hue of the
     * palette's first chromatic colour (every saturated pixel rotates by the same angle, so the image stays coherent),
     * and saturation is pulled halfway toward that colour's; greys, whites and blacks stay as they are.
     */
    public static BufferedImage recolour(BufferedImage image, List<String> palette) {
        BufferedImage source = rgb(image);
        float[] target = palette.stream().map(hex -> Color.RGBtoHSB(Integer.parseInt(hex.substring(1, 3), 16),
                Integer.parseInt(hex.substring(3, 5), 16), Integer.parseInt(hex.substring(5, 7), 16), null))
                .filter(hsb -> hsb[1] > 0.25f).findFirst().orElse(null);
        if (target == null) {
            return source;
        }
        int[] rgb = pixels(source);
        int[] hueHistogram = new int[36];
        float[] hsb = new float[3];
        for (int pixel : rgb) {
            Color.RGBtoHSB(pixel >> 16 & 0xFF, pixel >> 8 & 0xFF, pixel & 0xFF, hsb);
            if (hsb[1] > 0.2f && hsb[2] > 0.15f) {
                hueHistogram[(int) (hsb[0] * 36) % 36]++;
            }
        }
        int dominant = 0;
        for (int bin = 1; bin < 36; bin++) {
            if (hueHistogram[bin] > hueHistogram[dominant]) {
                dominant = bin;
            }
        }
        float rotation = target[0] - (dominant + 0.5f) / 36f;
        int[] out = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            int pixel = rgb[i];
            Color.RGBtoHSB(pixel >> 16 & 0xFF, pixel >> 8 & 0xFF, pixel & 0xFF, hsb);
            if (hsb[1] <= 0.12f) {
                out[i] = pixel & 0xFFFFFF;
                continue;
            }
            float hue = hsb[0] + rotation;
            hue -= (float) Math.floor(hue);
            float saturation = hsb[1] + (target[1] - hsb[1]) * 0.5f;
            out[i] = Color.HSBtoRGB(hue, Math.max(0, Math.min(1, saturation)), hsb[2]) & 0xFFFFFF;
        }
        return image(source.getWidth(), source.getHeight(), out);
    }

    /** Unsharp mask: the image plus {@code amount} × (image − box-blurred image of the given radius). */
    public static BufferedImage unsharp(BufferedImage image, int radius, double amount) {
        BufferedImage source = rgb(image);
        int[] rgb = pixels(source);
        int[] blurred = pixels(boxBlur(source, radius));
        int[] out = new int[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            int r = sharpen(rgb[i] >> 16 & 0xFF, blurred[i] >> 16 & 0xFF, amount);
            int g = sharpen(rgb[i] >> 8 & 0xFF, blurred[i] >> 8 & 0xFF, amount);
            int b = sharpen(rgb[i] & 0xFF, blurred[i] & 0xFF, amount);
            out[i] = r << 16 | g << 8 | b;
        }
        return image(source.getWidth(), source.getHeight(), out);
    }

    private static int sharpen(int value, int blurred, double amount) {
        return clamp((int) Math.round(value + amount * (value - blurred)));
    }

    /** A separable box blur of the given radius (edges clamped). */
    public static BufferedImage boxBlur(BufferedImage image, int radius) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] rgb = pixels(rgb(image));
        int[] horizontal = new int[rgb.length];
        int[] out = new int[rgb.length];
        int side = 2 * radius + 1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = 0;
                int g = 0;
                int b = 0;
                for (int k = -radius; k <= radius; k++) {
                    int p = rgb[y * width + Math.max(0, Math.min(width - 1, x + k))];
                    r += p >> 16 & 0xFF;
                    g += p >> 8 & 0xFF;
                    b += p & 0xFF;
                }
                horizontal[y * width + x] = (r / side) << 16 | (g / side) << 8 | (b / side);
            }
        }
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = 0;
                int g = 0;
                int b = 0;
                for (int k = -radius; k <= radius; k++) {
                    int p = horizontal[Math.max(0, Math.min(height - 1, y + k)) * width + x];
                    r += p >> 16 & 0xFF;
                    g += p >> 8 & 0xFF;
                    b += p & 0xFF;
                }
                out[y * width + x] = (r / side) << 16 | (g / side) << 8 | (b / side);
            }
        }
        return image(width, height, out);
    }

    private static BufferedImage box3(BufferedImage image) {
        return boxBlur(image, 1);
    }

    private static BufferedImage median3(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] rgb = pixels(image);
        int[] out = new int[rgb.length];
        int[] r = new int[9];
        int[] g = new int[9];
        int[] b = new int[9];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int n = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int p = rgb[Math.max(0, Math.min(height - 1, y + dy)) * width
                                + Math.max(0, Math.min(width - 1, x + dx))];
                        r[n] = p >> 16 & 0xFF;
                        g[n] = p >> 8 & 0xFF;
                        b[n] = p & 0xFF;
                        n++;
                    }
                }
                Arrays.sort(r);
                Arrays.sort(g);
                Arrays.sort(b);
                out[y * width + x] = r[4] << 16 | g[4] << 8 | b[4];
            }
        }
        return image(width, height, out);
    }

    static int percentile(int[] histogram, int total, double share) {
        long wanted = Math.round(total * share);
        long seen = 0;
        for (int value = 0; value < histogram.length; value++) {
            seen += histogram[value];
            if (seen > wanted) {
                return value;
            }
        }
        return histogram.length - 1;
    }

    static int luma(int pixel) {
        return (int) Math.round(0.299 * (pixel >> 16 & 0xFF) + 0.587 * (pixel >> 8 & 0xFF) + 0.114 * (pixel & 0xFF));
    }

    static int distance(int a, int b) {
        return Math.max(Math.abs((a >> 16 & 0xFF) - (b >> 16 & 0xFF)),
                Math.max(Math.abs((a >> 8 & 0xFF) - (b >> 8 & 0xFF)), Math.abs((a & 0xFF) - (b & 0xFF))));
    }

    static int blend(int a, int b, double share) {
        int r = (int) Math.round((a >> 16 & 0xFF) * (1 - share) + (b >> 16 & 0xFF) * share);
        int g = (int) Math.round((a >> 8 & 0xFF) * (1 - share) + (b >> 8 & 0xFF) * share);
        int bl = (int) Math.round((a & 0xFF) * (1 - share) + (b & 0xFF) * share);
        return r << 16 | g << 8 | bl;
    }

    static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    static int[] pixels(BufferedImage image) {
        return rgb(image).getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    static BufferedImage image(int width, int height, int[] rgb) {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, width, height, rgb, 0, width);
        return out;
    }
}
