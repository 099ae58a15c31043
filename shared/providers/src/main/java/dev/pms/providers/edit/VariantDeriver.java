package dev.pms.providers.edit;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Derives one placement's variant from a source image at the placement's exact canvas. When the subject (the salient
 * box, with a margin) fits in the largest window of the canvas's ratio, the window is slid to hold the most saliency
 * and scaled to the canvas ({@code crop}); when it does not — the ratios differ too much — the whole image is fitted
 * inside the canvas and the rest filled, with the backdrop's own colour for a plain backdrop ({@code pad}) or with a
 * blurred stretch of the image itself ({@code extend}). Text, when asked for, is set on a band inside the safe zone
 * only, shrunk until it fits.
 */
public final class VariantDeriver {
    /** The subject keeps this much room around it, as a share of its size on each side. */
    static final double SUBJECT_MARGIN = 0.06;
    /**
     * How much centring the subject weighs against holding more saliency when a window is placed: moving the subject a
     * whole window off centre must gain 60 % of the image's saliency to be worth it.
     */
    static final double CENTRING = 0.6;

    /** What to make: the canvas, its safe zone (fractions from each edge), optional overlay text and its band colour. */
    public record Target(int width, int height, double safeTop, double safeBottom, double safeLeft, double safeRight,
                         String overlayText, Color band) {
    }

    /**
     * The variant and how it was made: {@code method} ({@code crop}, {@code pad} or {@code extend}), the part of the
     * source used ({@code sourceBox}), where it landed on the canvas ({@code contentBox}), the scale from source to
     * canvas ({@code upscale} above 1 means enlarged), the subject's box in the source, the safe rectangle and the
     * boxes text was drawn in.
     */
    public record Derived(BufferedImage image, String method, int[] sourceBox, int[] contentBox, double scale,
                          int[] subjectBox, int[] safeRect, List<int[]> textBoxes) {
    }

    public static Derived derive(BufferedImage input, Target target) {
        BufferedImage source = ImageOps.rgb(input);
        int width = source.getWidth();
        int height = source.getHeight();
        Saliency saliency = Saliency.of(source);
        int[] subject = withMargin(saliency.box(), width, height);
        double ratio = (double) target.width() / target.height();
        int windowWidth = width;
        int windowHeight = height;
        if ((double) width / height > ratio) {
            windowWidth = Math.max(1, Math.min(width, (int) Math.round(height * ratio)));
        } else {
            windowHeight = Math.max(1, Math.min(height, (int) Math.round(width / ratio)));
        }
        BufferedImage canvas;
        String method;
        int[] sourceBox;
        int[] contentBox;
        double scale;
        if (subject[2] <= windowWidth && subject[3] <= windowHeight) {
            int x = place(saliency, true, width, windowWidth, subject[0], subject[2]);
            int y = place(saliency, false, height, windowHeight, subject[1], subject[3]);
            sourceBox = new int[] {x, y, windowWidth, windowHeight};
            canvas = ImageOps.resize(ImageOps.crop(source, x, y, windowWidth, windowHeight), target.width(),
                    target.height());
            method = "crop";
            contentBox = new int[] {0, 0, target.width(), target.height()};
            scale = (double) target.width() / windowWidth;
        } else {
            scale = Math.min((double) target.width() / width, (double) target.height() / height);
            int contentWidth = Math.max(1, (int) Math.round(width * scale));
            int contentHeight = Math.max(1, (int) Math.round(height * scale));
            int cx = (target.width() - contentWidth) / 2;
            int cy = (target.height() - contentHeight) / 2;
            boolean plain = saliency.uniformBorder();
            canvas = plain ? filled(target, saliency.background()) : extended(source, target);
            BufferedImage content = ImageOps.resize(source, contentWidth, contentHeight);
            Graphics2D g = canvas.createGraphics();
            g.drawImage(content, cx, cy, null);
            g.dispose();
            if (!plain) {
                feather(canvas, content, cx, cy);
            }
            method = plain ? "pad" : "extend";
            sourceBox = new int[] {0, 0, width, height};
            contentBox = new int[] {cx, cy, contentWidth, contentHeight};
        }
        int[] safe = safeRect(target);
        List<int[]> textBoxes = new ArrayList<>();
        if (target.overlayText() != null && !target.overlayText().isBlank()) {
            int[] subjectOnCanvas = onCanvas(saliency.box(), sourceBox, contentBox);
            textBoxes.add(overlay(canvas, safe, subjectOnCanvas, target.overlayText().strip(), target.band()));
        }
        return new Derived(canvas, method, sourceBox, contentBox, scale, saliency.box(), safe, textBoxes);
    }

    /**
     * The window's offset on one axis: it must hold the subject; within that, the offset whose window holds the most
     * saliency with the subject nearest the centre.
     */
    private static int place(Saliency saliency, boolean horizontal, int length, int window, int subjectStart,
                             int subjectLength) {
        if (window >= length) {
            return 0;
        }
        int low = Math.max(0, subjectStart + subjectLength - window);
        int high = Math.min(length - window, subjectStart);
        if (low > high) {
            return Math.max(0, Math.min(length - window, subjectStart + subjectLength / 2 - window / 2));
        }
        double[] profile = saliency.profile(horizontal);
        double total = 0;
        for (double value : profile) {
            total += value;
        }
        double scale = saliency.scale();
        int best = low;
        double bestScore = Double.NEGATIVE_INFINITY;
        int step = Math.max(1, (int) Math.round(1 / scale));
        for (int offset = low; offset <= high; offset += step) {
            int from = (int) Math.floor(offset * scale);
            int to = Math.min(profile.length, (int) Math.ceil((offset + window) * scale));
            double inside = 0;
            for (int i = from; i < to; i++) {
                inside += profile[i];
            }
            double offCentre = Math.abs((offset + window / 2.0) - (subjectStart + subjectLength / 2.0)) / window;
            double score = (total == 0 ? 0 : inside / total) - CENTRING * offCentre;
            if (score > bestScore) {
                bestScore = score;
                best = offset;
            }
        }
        return best;
    }

    private static int[] withMargin(int[] box, int width, int height) {
        int mx = (int) Math.round(box[2] * SUBJECT_MARGIN);
        int my = (int) Math.round(box[3] * SUBJECT_MARGIN);
        int x0 = Math.max(0, box[0] - mx);
        int y0 = Math.max(0, box[1] - my);
        int x1 = Math.min(width, box[0] + box[2] + mx);
        int y1 = Math.min(height, box[1] + box[3] + my);
        return new int[] {x0, y0, x1 - x0, y1 - y0};
    }

    private static BufferedImage filled(Target target, int rgb) {
        BufferedImage canvas = new BufferedImage(target.width(), target.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        g.setColor(new Color(rgb));
        g.fillRect(0, 0, target.width(), target.height());
        g.dispose();
        return canvas;
    }

    /** The image scaled to cover the canvas, blurred hard (down to a tiny copy and back) and dimmed a little. */
    private static BufferedImage extended(BufferedImage source, Target target) {
        double cover = Math.max((double) target.width() / source.getWidth(), (double) target.height() / source.getHeight());
        int w = (int) Math.ceil(source.getWidth() * cover);
        int h = (int) Math.ceil(source.getHeight() * cover);
        BufferedImage tiny = ImageOps.resize(source, Math.max(2, w / 24), Math.max(2, h / 24));
        BufferedImage canvas = new BufferedImage(target.width(), target.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(ImageOps.boxBlur(tiny, 1), (target.width() - w) / 2, (target.height() - h) / 2, w, h, null);
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.12f));
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, target.width(), target.height());
        g.dispose();
        return canvas;
    }

    /**
     * Blends the fitted image's edges into the extended backdrop over 3 % of its size, so no hard seam shows where the
     * real picture ends.
     */
    private static void feather(BufferedImage canvas, BufferedImage content, int cx, int cy) {
        int band = Math.max(2, (int) Math.round(Math.min(content.getWidth(), content.getHeight()) * 0.03));
        for (int y = 0; y < content.getHeight(); y++) {
            for (int x = 0; x < content.getWidth(); x++) {
                int edge = Math.min(Math.min(x, content.getWidth() - 1 - x), Math.min(y, content.getHeight() - 1 - y));
                if (edge >= band) {
                    continue;
                }
                int cxp = cx + x;
                int cyp = cy + y;
                if (cxp < 0 || cyp < 0 || cxp >= canvas.getWidth() || cyp >= canvas.getHeight()) {
                    continue;
                }
                double share = (double) edge / band;
                int behind = backdropAt(canvas, cx, cy, content, cxp, cyp);
                canvas.setRGB(cxp, cyp, ImageOps.blend(behind, content.getRGB(x, y) & 0xFFFFFF, share));
            }
        }
    }

    /** The backdrop colour next to the content's edge nearest a pixel (just outside the content). */
    private static int backdropAt(BufferedImage canvas, int cx, int cy, BufferedImage content, int x, int y) {
        int left = x - cx;
        int right = cx + content.getWidth() - 1 - x;
        int top = y - cy;
        int bottom = cy + content.getHeight() - 1 - y;
        int min = Math.min(Math.min(left, right), Math.min(top, bottom));
        int bx = min == left ? cx - 1 : min == right ? cx + content.getWidth() : x;
        int by = min == top ? cy - 1 : min == bottom ? cy + content.getHeight() : y;
        bx = Math.max(0, Math.min(canvas.getWidth() - 1, bx));
        by = Math.max(0, Math.min(canvas.getHeight() - 1, by));
        return canvas.getRGB(bx, by) & 0xFFFFFF;
    }

    /** The canvas minus the safe zone's margins: x, y, width, height. */
    static int[] safeRect(Target target) {
        int left = (int) Math.ceil(target.width() * target.safeLeft());
        int top = (int) Math.ceil(target.height() * target.safeTop());
        int right = (int) Math.ceil(target.width() * target.safeRight());
        int bottom = (int) Math.ceil(target.height() * target.safeBottom());
        return new int[] {left, top, target.width() - left - right, target.height() - top - bottom};
    }

    /** The subject's box (source pixels) where it lands on the canvas. */
    private static int[] onCanvas(int[] subject, int[] sourceBox, int[] contentBox) {
        double sx = (double) contentBox[2] / sourceBox[2];
        double sy = (double) contentBox[3] / sourceBox[3];
        int x = (int) Math.round(contentBox[0] + (subject[0] - sourceBox[0]) * sx);
        int y = (int) Math.round(contentBox[1] + (subject[1] - sourceBox[1]) * sy);
        return new int[] {x, y, (int) Math.round(subject[2] * sx), (int) Math.round(subject[3] * sy)};
    }

    /**
     * Where text goes: a full-width band anywhere inside the safe rectangle (at the usual height, or a slimmer one that
     * fits a gap), or — on a wide canvas — a column beside the subject; the one that covers least of the subject wins,
     * then the taller band, then the one nearer the bottom.
     */
    static int[] textBand(int[] safe, int[] subject) {
        int margin = Math.max(4, (int) Math.round(safe[2] * 0.04));
        List<int[]> candidates = new ArrayList<>();
        for (double share : new double[] {0.14, 0.10}) {
            int bandHeight = Math.max(16, (int) Math.round(safe[3] * share));
            int top = safe[1] + margin;
            int bottom = safe[1] + safe[3] - margin - bandHeight;
            int step = Math.max(1, (bottom - top) / 40);
            for (int y = bottom; y >= top; y -= step) {
                candidates.add(new int[] {safe[0] + margin, y, safe[2] - 2 * margin, bandHeight});
            }
            candidates.add(new int[] {safe[0] + margin, top, safe[2] - 2 * margin, bandHeight});
        }
        if (safe[2] > 2 * safe[3]) {
            int columnHeight = Math.max(16, (int) Math.round(safe[3] * 0.28));
            int left = subject[0] - margin - safe[0];
            int right = safe[0] + safe[2] - (subject[0] + subject[2]) - margin;
            int y = safe[1] + (safe[3] - columnHeight) / 2;
            if (left >= safe[2] * 0.25) {
                candidates.add(new int[] {safe[0] + margin, y, left - margin, columnHeight});
            }
            if (right >= safe[2] * 0.25) {
                candidates.add(new int[] {subject[0] + subject[2] + margin, y, right - margin, columnHeight});
            }
        }
        int[] best = candidates.get(0);
        for (int[] candidate : candidates) {
            long overlap = overlap(candidate, subject);
            long bestOverlap = overlap(best, subject);
            if (overlap < bestOverlap || (overlap == bestOverlap && candidate[3] > best[3])) {
                best = candidate;
            }
        }
        return best;
    }

    private static long overlap(int[] a, int[] b) {
        long w = Math.max(0, Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]));
        long h = Math.max(0, Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]));
        return w * h;
    }

    /** The band chosen by {@link #textBand} with the text centred on it; answers the band's box. */
    private static int[] overlay(BufferedImage canvas, int[] safe, int[] subject, String text, Color band) {
        int[] box = textBand(safe, subject);
        int x = box[0];
        int y = box[1];
        int bandWidth = box[2];
        int bandHeight = box[3];
        Graphics2D g = canvas.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Color fill = band == null ? new Color(0x0B1F3A) : band;
        g.setColor(new Color(fill.getRed(), fill.getGreen(), fill.getBlue(), 220));
        g.fillRoundRect(x, y, bandWidth, bandHeight, bandHeight / 4, bandHeight / 4);
        int size = Math.max(8, (int) Math.round(Math.min(bandHeight * 0.5, safe[3] * 0.07)));
        String shown = text;
        FontMetrics metrics;
        while (true) {
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
            metrics = g.getFontMetrics();
            if (metrics.stringWidth(shown) <= bandWidth * 0.92 || size <= 8) {
                break;
            }
            size--;
        }
        while (metrics.stringWidth(shown) > bandWidth * 0.92 && shown.length() > 1) {
            shown = shown.substring(0, shown.length() - 2).strip() + "…";
        }
        g.setColor(Color.WHITE);
        g.drawString(shown, x + (bandWidth - metrics.stringWidth(shown)) / 2,
                y + (bandHeight - metrics.getHeight()) / 2 + metrics.getAscent());
        g.dispose();
        return new int[] {x, y, bandWidth, bandHeight};
    }
}
