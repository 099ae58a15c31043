package dev.pms.providers.edit;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Where the subject of a photo is, from its pixels: on a small copy (at most {@value #ANALYSIS_SIDE} px a side), each
 * pixel's saliency is its colour distance from the background (the median colour of the border) plus its edge
 * strength, weighted toward the centre; the salient box is the bounding box of the salient pixels with the outer 1 % on
 * each side trimmed. Also tells whether the border is uniform (a studio backdrop), and its colour.
 */
public final class Saliency {
    static final int ANALYSIS_SIDE = 192;

    private final int width;
    private final int height;
    private final double scale;
    private final double[] map;
    private final int background;
    private final double borderSpread;
    private final int[] box;

    private Saliency(int width, int height, double scale, double[] map, int background, double borderSpread,
                     int[] box) {
        this.width = width;
        this.height = height;
        this.scale = scale;
        this.map = map;
        this.background = background;
        this.borderSpread = borderSpread;
        this.box = box;
    }

    public static Saliency of(BufferedImage image) {
        double scale = Math.min(1.0, (double) ANALYSIS_SIDE / Math.max(image.getWidth(), image.getHeight()));
        int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage small = ImageOps.boxBlur(ImageOps.resize(image, w, h), 1);
        int[] rgb = ImageOps.pixels(small);
        int[] border = borderPixels(rgb, w, h);
        int background = median(border);
        double spread = 0;
        for (int pixel : border) {
            spread += ImageOps.distance(pixel, background);
        }
        spread /= border.length;
        double[] colour = new double[rgb.length];
        double[] edge = new double[rgb.length];
        double maxColour = 1;
        double maxEdge = 1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int at = y * w + x;
                colour[at] = euclid(rgb[at], background);
                int right = rgb[y * w + Math.min(w - 1, x + 1)];
                int down = rgb[Math.min(h - 1, y + 1) * w + x];
                edge[at] = Math.abs(ImageOps.luma(right) - ImageOps.luma(rgb[at]))
                        + Math.abs(ImageOps.luma(down) - ImageOps.luma(rgb[at]));
                maxColour = Math.max(maxColour, colour[at]);
                maxEdge = Math.max(maxEdge, edge[at]);
            }
        }
        double[] map = new double[rgb.length];
        double sum = 0;
        double sumSquares = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int at = y * w + x;
                double dx = (x + 0.5) / w - 0.5;
                double dy = (y + 0.5) / h - 0.5;
                double centre = 1 - 0.35 * Math.min(1, Math.sqrt(dx * dx + dy * dy) / 0.7071);
                map[at] = (0.75 * colour[at] / maxColour + 0.25 * edge[at] / maxEdge) * centre;
                sum += map[at];
                sumSquares += map[at] * map[at];
            }
        }
        double mean = sum / map.length;
        double std = Math.sqrt(Math.max(0, sumSquares / map.length - mean * mean));
        double max = Arrays.stream(map).max().orElse(0);
        double threshold = Math.max(mean + std, 0.3 * max);
        return new Saliency(w, h, scale, map, background, spread, box(map, w, h, threshold));
    }

    /** The salient box in source pixels: x, y, width, height. */
    public int[] box() {
        return new int[] {(int) Math.floor(box[0] / scale), (int) Math.floor(box[1] / scale),
                (int) Math.ceil((box[2] - box[0]) / scale), (int) Math.ceil((box[3] - box[1]) / scale)};
    }

    /** The saliency inside a box given in source pixels (a share of the whole image's). */
    public double shareInside(int x, int y, int w, int h) {
        int x0 = (int) Math.floor(x * scale);
        int y0 = (int) Math.floor(y * scale);
        int x1 = Math.min(width, (int) Math.ceil((x + w) * scale));
        int y1 = Math.min(height, (int) Math.ceil((y + h) * scale));
        double inside = 0;
        double total = 0;
        for (int yy = 0; yy < height; yy++) {
            for (int xx = 0; xx < width; xx++) {
                double value = map[yy * width + xx];
                total += value;
                if (xx >= x0 && xx < x1 && yy >= y0 && yy < y1) {
                    inside += value;
                }
            }
        }
        return total == 0 ? 1 : inside / total;
    }

    /** Saliency summed per source column band ({@code horizontal}) or row band, at analysis resolution. */
    double[] profile(boolean horizontal) {
        double[] profile = new double[horizontal ? width : height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                profile[horizontal ? x : y] += map[y * width + x];
            }
        }
        return profile;
    }

    double scale() {
        return scale;
    }

    /** The border's median colour (RGB). */
    public int background() {
        return background;
    }

    /** True for a plain backdrop: the border's colours stay close to their median. */
    public boolean uniformBorder() {
        return borderSpread < 10;
    }

    private static int[] box(double[] map, int w, int h, double threshold) {
        int count = 0;
        int[] xs = new int[w];
        int[] ys = new int[h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (map[y * w + x] >= threshold) {
                    xs[x]++;
                    ys[y]++;
                    count++;
                }
            }
        }
        if (count == 0) {
            return new int[] {0, 0, w, h};
        }
        int trim = (int) Math.floor(count * 0.01);
        return new int[] {cut(xs, trim, true), cut(ys, trim, true), cut(xs, trim, false) + 1, cut(ys, trim, false) + 1};
    }

    private static int cut(int[] counts, int trim, boolean fromStart) {
        int seen = 0;
        for (int i = 0; i < counts.length; i++) {
            int at = fromStart ? i : counts.length - 1 - i;
            seen += counts[at];
            if (seen > trim) {
                return at;
            }
        }
        return fromStart ? 0 : counts.length - 1;
    }

    private static int[] borderPixels(int[] rgb, int w, int h) {
        int band = Math.max(1, Math.min(w, h) / 40);
        int[] border = new int[2 * band * (w + h)];
        int n = 0;
        for (int b = 0; b < band; b++) {
            for (int x = 0; x < w && n < border.length; x++) {
                border[n++] = rgb[b * w + x];
                if (n < border.length) {
                    border[n++] = rgb[(h - 1 - b) * w + x];
                }
            }
            for (int y = 0; y < h && n < border.length; y++) {
                border[n++] = rgb[y * w + b];
                if (n < border.length) {
                    border[n++] = rgb[y * w + w - 1 - b];
                }
            }
        }
        return Arrays.copyOf(border, n);
    }

    private static int median(int[] pixels) {
        int[] r = new int[pixels.length];
        int[] g = new int[pixels.length];
        int[] b = new int[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            r[i] = pixels[i] >> 16 & 0xFF;
            g[i] = pixels[i] >> 8 & 0xFF;
            b[i] = pixels[i] & 0xFF;
        }
        Arrays.sort(r);
        Arrays.sort(g);
        Arrays.sort(b);
        int mid = pixels.length / 2;
        return r[mid] << 16 | g[mid] << 8 | b[mid];
    }

    private static double euclid(int a, int b) {
        int dr = (a >> 16 & 0xFF) - (b >> 16 & 0xFF);
        int dg = (a >> 8 & 0xFF) - (b >> 8 & 0xFF);
        int db = (a & 0xFF) - (b & 0xFF);
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }
}
