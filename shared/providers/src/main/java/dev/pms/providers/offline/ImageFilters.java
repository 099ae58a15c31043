package dev.pms.providers.offline;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayDeque;

/**
 * Pixel operations the studio engines need beyond Java2D: a Gaussian-like blur (three box passes, linear time
 * whatever the radius), scaling, and cutting a product out of a photo taken on a plain background.
 */
final class ImageFilters {
    /** How far (RGB distance) a pixel may be from the backdrop colour and still count as backdrop. */
    private static final int BACKDROP_TOLERANCE = 46;
    /** Pixels this much further from the backdrop than the tolerance fade from transparent to opaque. */
    private static final int EDGE_FEATHER = 70;
    /** Share of the border that must be backdrop-coloured for a cut-out to be tried. */
    private static final double UNIFORM_BORDER_SHARE = 0.8;
    /** A faint, dark pixel at the product's rim once the backdrop is taken out is the photo's own shadow: dropped. */
    private static final int SHADOW_ALPHA = 200;
    private static final int SHADOW_LUMINANCE = 100;

    private ImageFilters() {
    }

    /** The pixel array behind an INT_RGB or INT_ARGB image, written through. */
    static int[] pixels(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_INT_RGB && image.getType() != BufferedImage.TYPE_INT_ARGB) {
            throw new IllegalArgumentException("needs an INT_RGB or INT_ARGB image, not type " + image.getType());
        }
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }

    /** A copy as INT_ARGB (or INT_RGB when {@code alpha} is false), whatever the source's type. */
    static BufferedImage copy(BufferedImage source, boolean alpha) {
        BufferedImage copy = new BufferedImage(source.getWidth(), source.getHeight(),
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = copy.createGraphics();
        g.drawImage(source, 0, 0, null);
        g.dispose();
        return copy;
    }

    /** {@code source} scaled to {@code width}×{@code height} with bicubic interpolation, as INT_ARGB or INT_RGB. */
    static BufferedImage scaled(BufferedImage source, int width, int height, boolean alpha) {
        BufferedImage result = new BufferedImage(Math.max(1, width), Math.max(1, height),
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = result.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        BufferedImage step = source;
        while (step.getWidth() > 2 * result.getWidth() && step.getHeight() > 2 * result.getHeight()) {
            step = halved(step, alpha);
        }
        g.drawImage(step, 0, 0, result.getWidth(), result.getHeight(), null);
        g.dispose();
        return result;
    }

    private static BufferedImage halved(BufferedImage source, boolean alpha) {
        BufferedImage half = new BufferedImage(Math.max(1, source.getWidth() / 2), Math.max(1, source.getHeight() / 2),
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = half.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(source, 0, 0, half.getWidth(), half.getHeight(), null);
        g.dispose();
        return half;
    }

    /**
     * Blurs every channel of an INT_RGB or INT_ARGB image in place (alpha too; colours are not premultiplied). A wide
     * blur is computed on a copy a few times smaller and scaled back, which looks the same and costs a fraction.
     */
    static void blur(BufferedImage image, int radius) {
        if (radius < 1) {
            return;
        }
        int factor = radius / 3;
        if (factor >= 2 && image.getWidth() / factor >= 8 && image.getHeight() / factor >= 8) {
            boolean alpha = image.getType() == BufferedImage.TYPE_INT_ARGB;
            BufferedImage small = scaled(image, image.getWidth() / factor, image.getHeight() / factor, alpha);
            blurInPlace(small, Math.max(1, Math.round((float) radius / factor)));
            Graphics2D g = image.createGraphics();
            g.setComposite(AlphaComposite.Src);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(small, 0, 0, image.getWidth(), image.getHeight(), null);
            g.dispose();
            return;
        }
        blurInPlace(image, radius);
    }

    private static void blurInPlace(BufferedImage image, int radius) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = pixels(image);
        boolean alpha = image.getType() == BufferedImage.TYPE_INT_ARGB;
        int channels = alpha ? 4 : 3;
        int[] plane = new int[pixels.length];
        int[] scratch = new int[pixels.length];
        for (int channel = 0; channel < channels; channel++) {
            int shift = channel == 3 ? 24 : 16 - 8 * channel;
            for (int i = 0; i < pixels.length; i++) {
                plane[i] = pixels[i] >>> shift & 0xFF;
            }
            blurPlane(plane, scratch, width, height, radius);
            int mask = ~(0xFF << shift);
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = pixels[i] & mask | plane[i] << shift;
            }
        }
        if (!alpha) {
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] |= 0xFF00_0000;
            }
        }
    }

    /** Three box passes each way approximate a Gaussian of about {@code radius} pixels. */
    static void blurPlane(int[] plane, int[] scratch, int width, int height, int radius) {
        int box = Math.max(1, (int) Math.round(radius / Math.sqrt(3)));
        for (int pass = 0; pass < 3; pass++) {
            boxRows(plane, scratch, width, height, box);
            boxColumns(scratch, plane, width, height, box);
        }
    }

    private static void boxRows(int[] from, int[] to, int width, int height, int radius) {
        int span = 2 * radius + 1;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            int sum = 0;
            for (int k = -radius; k <= radius; k++) {
                sum += from[row + clamp(k, width)];
            }
            for (int x = 0; x < width; x++) {
                to[row + x] = (sum + span / 2) / span;
                sum += from[row + clamp(x + radius + 1, width)] - from[row + clamp(x - radius, width)];
            }
        }
    }

    private static void boxColumns(int[] from, int[] to, int width, int height, int radius) {
        int span = 2 * radius + 1;
        for (int x = 0; x < width; x++) {
            int sum = 0;
            for (int k = -radius; k <= radius; k++) {
                sum += from[clamp(k, height) * width + x];
            }
            for (int y = 0; y < height; y++) {
                to[y * width + x] = (sum + span / 2) / span;
                sum += from[clamp(y + radius + 1, height) * width + x] - from[clamp(y - radius, height) * width + x];
            }
        }
    }

    private static int clamp(int index, int length) {
        return index < 0 ? 0 : index >= length ? length - 1 : index;
    }

    /**
     * The product cut out of a photo: transparent pixels kept as they are when the photo has any on its border, else
     * the plain backdrop (the colour most of the border shares) removed by a flood fill from the edges with a feathered
     * edge; cropped to what is left. Null when the photo's border is not plain enough to tell product from backdrop.
     */
    static BufferedImage cutout(BufferedImage photo) {
        BufferedImage image = copy(photo, true);
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = pixels(image);
        if (borderIsTransparent(pixels, width, height)) {
            return cropToOpaque(image);
        }
        Color backdrop = borderColour(pixels, width, height);
        if (backdrop == null) {
            return null;
        }
        int[] distance = new int[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            distance[i] = colourDistance(pixels[i], backdrop);
        }
        boolean[] outside = new boolean[pixels.length];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int x = 0; x < width; x++) {
            seed(queue, outside, distance, x);
            seed(queue, outside, distance, (height - 1) * width + x);
        }
        for (int y = 0; y < height; y++) {
            seed(queue, outside, distance, y * width);
            seed(queue, outside, distance, y * width + width - 1);
        }
        while (!queue.isEmpty()) {
            int index = queue.poll();
            int x = index % width;
            int y = index / width;
            if (x > 0) {
                seed(queue, outside, distance, index - 1);
            }
            if (x < width - 1) {
                seed(queue, outside, distance, index + 1);
            }
            if (y > 0) {
                seed(queue, outside, distance, index - width);
            }
            if (y < height - 1) {
                seed(queue, outside, distance, index + width);
            }
        }
        boolean[] fringe = new boolean[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            if (outside[i]) {
                queue.add(i);
            }
        }
        while (!queue.isEmpty()) {
            int index = queue.poll();
            int x = index % width;
            int y = index / width;
            for (int next : new int[] {x > 0 ? index - 1 : -1, x < width - 1 ? index + 1 : -1, y > 0 ? index - width : -1,
                    y < height - 1 ? index + width : -1}) {
                if (next >= 0 && !outside[next] && !fringe[next] && distance[next] < BACKDROP_TOLERANCE + EDGE_FEATHER) {
                    fringe[next] = true;
                    queue.add(next);
                }
            }
        }
        int kept = 0;
        for (int i = 0; i < pixels.length; i++) {
            if (outside[i]) {
                pixels[i] = 0;
            } else if (fringe[i]) {
                pixels[i] = unmixed(pixels[i], backdrop, (distance[i] - BACKDROP_TOLERANCE) / (double) EDGE_FEATHER);
                if (pixels[i] >>> 24 < SHADOW_ALPHA && luminance(pixels[i]) < SHADOW_LUMINANCE) {
                    pixels[i] = 0;
                }
            }
            kept += outside[i] ? 0 : 1;
        }
        if (kept < pixels.length / 50 || kept > pixels.length * 98 / 100) {
            return null;
        }
        return cropToOpaque(image);
    }

    /**
     * A pixel at the product's edge or in its shadow, seen as the product's colour over the backdrop with coverage
     * {@code alpha}: the backdrop's share is taken out again, so a soft grey shadow on white becomes a translucent dark
     * one that sits on any set.
     */
    private static int unmixed(int pixel, Color backdrop, double alpha) {
        double a = Math.max(0, Math.min(1, alpha));
        if (a < 0.02) {
            return 0;
        }
        int r = ImageFilters.clampChannel(((pixel >> 16 & 0xFF) - (1 - a) * backdrop.getRed()) / a);
        int g = ImageFilters.clampChannel(((pixel >> 8 & 0xFF) - (1 - a) * backdrop.getGreen()) / a);
        int b = ImageFilters.clampChannel(((pixel & 0xFF) - (1 - a) * backdrop.getBlue()) / a);
        return (int) Math.round(a * 255) << 24 | r << 16 | g << 8 | b;
    }

    private static void seed(ArrayDeque<Integer> queue, boolean[] outside, int[] distance, int index) {
        if (!outside[index] && distance[index] <= BACKDROP_TOLERANCE) {
            outside[index] = true;
            queue.add(index);
        }
    }

    private static boolean borderIsTransparent(int[] pixels, int width, int height) {
        int transparent = 0;
        int total = 0;
        for (int x = 0; x < width; x++) {
            transparent += (pixels[x] >>> 24) < 16 ? 1 : 0;
            transparent += (pixels[(height - 1) * width + x] >>> 24) < 16 ? 1 : 0;
            total += 2;
        }
        return transparent > total / 2;
    }

    /** The colour most of the image's border shares, or null when the border is not plain. */
    static Color borderColour(BufferedImage image) {
        BufferedImage copy = copy(image, true);
        return borderColour(pixels(copy), copy.getWidth(), copy.getHeight());
    }

    /** The colour most border pixels share (their per-channel median), or null when too few do. */
    private static Color borderColour(int[] pixels, int width, int height) {
        int[][] histogram = new int[3][256];
        int count = 0;
        for (int i = 0; i < pixels.length; i++) {
            int x = i % width;
            int y = i / width;
            if (x == 0 || y == 0 || x == width - 1 || y == height - 1) {
                histogram[0][pixels[i] >> 16 & 0xFF]++;
                histogram[1][pixels[i] >> 8 & 0xFF]++;
                histogram[2][pixels[i] & 0xFF]++;
                count++;
            }
        }
        int[] median = new int[3];
        for (int channel = 0; channel < 3; channel++) {
            int seen = 0;
            for (int value = 0; value < 256; value++) {
                seen += histogram[channel][value];
                if (seen >= count / 2) {
                    median[channel] = value;
                    break;
                }
            }
        }
        Color backdrop = new Color(median[0], median[1], median[2]);
        int close = 0;
        for (int i = 0; i < pixels.length; i++) {
            int x = i % width;
            int y = i / width;
            if ((x == 0 || y == 0 || x == width - 1 || y == height - 1) && colourDistance(pixels[i], backdrop) <= BACKDROP_TOLERANCE) {
                close++;
            }
        }
        return close >= count * UNIFORM_BORDER_SHARE ? backdrop : null;
    }

    static int luminance(int pixel) {
        return (54 * (pixel >> 16 & 0xFF) + 183 * (pixel >> 8 & 0xFF) + 19 * (pixel & 0xFF)) >> 8;
    }

    static int colourDistance(int pixel, Color colour) {
        int dr = (pixel >> 16 & 0xFF) - colour.getRed();
        int dg = (pixel >> 8 & 0xFF) - colour.getGreen();
        int db = (pixel & 0xFF) - colour.getBlue();
        return (int) Math.sqrt(dr * dr + dg * dg + db * db);
    }

    /** The smallest part of an ARGB image holding every pixel with some opacity; the image itself when all are clear. */
    static BufferedImage cropToOpaque(BufferedImage image) {
        Rectangle bounds = opaqueBounds(image);
        if (bounds.isEmpty()) {
            return image;
        }
        BufferedImage cropped = new BufferedImage(bounds.width, bounds.height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = cropped.createGraphics();
        g.drawImage(image, -bounds.x, -bounds.y, null);
        g.dispose();
        return cropped;
    }

    /** Bounds of the pixels whose alpha is above 8. */
    static Rectangle opaqueBounds(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int minX = width;
        int minY = height;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if ((image.getRGB(x, y) >>> 24) > 8) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return maxX < 0 ? new Rectangle() : new Rectangle(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    /** An sRGB colour scaled by {@code factor} (light) plus {@code add} of white (specular), clamped. */
    static int shade(int rgb, double factor, double add) {
        int r = clampChannel((rgb >> 16 & 0xFF) * factor + 255 * add);
        int g = clampChannel((rgb >> 8 & 0xFF) * factor + 255 * add);
        int b = clampChannel((rgb & 0xFF) * factor + 255 * add);
        return rgb & 0xFF00_0000 | r << 16 | g << 8 | b;
    }

    static int clampChannel(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
