package dev.pms.providers.wavespeed;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sizes the image models can be asked for, nearest to a placement canvas, and the cover fit that turns
 * what they make into the canvas's exact size.
 */
public final class ImageSizing {
    static final int QWEN_MIN_SIDE = 256;
    static final int QWEN_MAX_SIDE = 1536;
    static final int QWEN_STEP = 8;
    static final List<String> IDEOGRAM_ASPECT_RATIOS = List.of("1:1", "16:9", "9:16", "4:3", "3:4");
    /**
     * The frame sizes WAN 2.5 text-to-video on WaveSpeed takes as {@code size}, by resolution: landscape, then
     * portrait (the model page lists exactly these six).
     */
    public static final Map<String, List<String>> WAN_TEXT_TO_VIDEO_SIZES = Map.of(
            "480p", List.of("832*480", "480*832"),
            "720p", List.of("1280*720", "720*1280"),
            "1080p", List.of("1920*1080", "1080*1920"));
    /**
     * How far a canvas's ratio may be from a WAN frame's and still be served by it (832*480 is 2.5% wider than
     * 16:9, and a 16:9 canvas should take it).
     */
    static final double WAN_RATIO_TOLERANCE = 0.03;

    private ImageSizing() {
    }

    /** A size asked of a model: exact pixels ({@code 1080*1352}) or an aspect ratio ({@code 4:3}). */
    public record Requested(String parameter, String value) {
    }

    /**
     * The canvas's own size where Qwen Image can make it, else the canvas scaled (keeping its ratio) to fit sides of
     * 256 to 1536 pixels, in steps of 8, as {@code W*H}.
     */
    public static Requested qwenSize(int width, int height) {
        double scale = Math.min(1.0, (double) QWEN_MAX_SIDE / Math.max(width, height));
        scale = Math.max(scale, (double) QWEN_MIN_SIDE / Math.min(width, height));
        return new Requested("size", side(width * scale) + "*" + side(height * scale));
    }

    /** Of Ideogram V3 Turbo's aspect ratios, the one nearest the canvas's (compared as logarithms). */
    public static Requested ideogramAspectRatio(int width, int height) {
        double wanted = Math.log((double) width / height);
        String nearest = IDEOGRAM_ASPECT_RATIOS.stream()
                .min(Comparator.comparingDouble(ratio -> Math.abs(Math.log(ratioOf(ratio)) - wanted)))
                .orElseThrow();
        return new Requested("aspect_ratio", nearest);
    }

    /**
     * Of WAN 2.5 text-to-video's frame sizes at {@code resolution}, the one with the canvas's ratio (within 3%) as
     * {@code W*H}; empty when the canvas is neither the landscape nor the portrait frame's shape (the model makes no
     * square or 4:5 frame).
     */
    public static Optional<Requested> wanTextToVideoSize(String resolution, int width, int height) {
        double wanted = (double) width / height;
        return WAN_TEXT_TO_VIDEO_SIZES.getOrDefault(resolution, List.of()).stream()
                .filter(size -> Math.abs(ratioOf(size.replace('*', ':')) / wanted - 1) <= WAN_RATIO_TOLERANCE)
                .findFirst()
                .map(size -> new Requested("size", size));
    }

    /**
     * The image scaled to cover {@code width}x{@code height} and cropped about its centre to exactly that size: no
     * bars, no distortion; what sticks out along one axis is cut off. An image with an alpha channel keeps it.
     */
    public static BufferedImage fitToCanvas(BufferedImage source, int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("the canvas must be at least 1x1, not " + width + "x" + height);
        }
        double scale = Math.max((double) width / source.getWidth(), (double) height / source.getHeight());
        double scaledWidth = source.getWidth() * scale;
        double scaledHeight = source.getHeight() * scale;
        BufferedImage fitted = new BufferedImage(width, height, source.getColorModel().hasAlpha()
                ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = fitted.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            int x = (int) Math.round((width - scaledWidth) / 2);
            int y = (int) Math.round((height - scaledHeight) / 2);
            g.drawImage(source, x, y, (int) Math.ceil(scaledWidth), (int) Math.ceil(scaledHeight), null);
        } finally {
            g.dispose();
        }
        return fitted;
    }

    private static int side(double pixels) {
        int stepped = (int) Math.round(pixels / QWEN_STEP) * QWEN_STEP;
        return Math.max(QWEN_MIN_SIDE, Math.min(QWEN_MAX_SIDE, stepped));
    }

    private static double ratioOf(String ratio) {
        String[] parts = ratio.split(":");
        return Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]);
    }
}
