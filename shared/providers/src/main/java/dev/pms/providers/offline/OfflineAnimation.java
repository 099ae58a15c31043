package dev.pms.providers.offline;

import dev.pms.core.channel.AssetType;
import dev.pms.core.generation.GeneratedMedia;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.MediaProvider;
import dev.pms.core.generation.ProviderJob;
import dev.pms.core.generation.StudioBrief;

import javax.imageio.ImageIO;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.LinearGradientPaint;
import java.awt.MultipleGradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The studio's image-to-video offline: the caller's picture as a real H.264 MP4 at exactly the canvas size and the
 * asked length, with the preset's camera move. The picture is fitted once (cover when its shape is close to the
 * canvas's, else contained over a blurred, darkened copy of itself), and every frame is painted from it:
 * <ul>
 * <li>{@code reveal}: up from black, a soft light sweeping across, a slow push-in;</li>
 * <li>{@code rotation}: a turntable: the product (cut out of a plain backdrop, else the whole picture as a card)
 * squashed by |cos θ| with its edge, the side turning away shaded and the near edge a little taller, over its
 * backdrop with a contact shadow;</li>
 * <li>{@code demo}: in to about 1.5×, a slow pan across the picture's most detailed areas, then back out;</li>
 * <li>{@code lifestyle} (and anything else): a gentle Ken Burns drift; a cut-out product floats a little in front of
 * its backdrop (parallax).</li>
 * </ul>
 * Frames are painted and encoded on every core ({@link SegmentedVideoEncoder}); the frame rate follows
 * {@link StudioClip}'s budget.
 */
public final class OfflineAnimation implements MediaProvider {
    public static final String MODEL = "offline-animate-1";
    /** Shapes within this ratio of the canvas's are cropped to fill it; others are contained. */
    static final double COVER_RATIO = 1.25;
    static final double DEMO_ZOOM = 1.5;

    @Override
    public String name() {
        return OfflineProviders.NAME;
    }

    @Override
    public boolean supports(AssetType type) {
        return type == AssetType.VIDEO;
    }

    @Override
    public ProviderJob poll(String handle) {
        return OfflineProviders.noPendingJobs(handle);
    }

    @Override
    public ProviderJob submit(GenerationRequest request) {
        StudioBrief brief = request.studio();
        if (request.keyFrame() == null) {
            return new ProviderJob.Failed("an animation needs the image to animate", false);
        }
        BufferedImage picture;
        try {
            picture = ImageIO.read(new ByteArrayInputStream(request.keyFrame()));
        } catch (IOException e) {
            return new ProviderJob.Failed("the image to animate is not readable: " + e.getMessage(), false);
        }
        if (picture == null) {
            return new ProviderJob.Failed("the image to animate is not a PNG or JPEG", false);
        }
        String preset = preset(brief);
        StudioClip clip = StudioClip.of(request.placement(), brief.durationSeconds() > 0 ? brief.durationSeconds() : 5);
        Stage stage = Stage.of(ImageFilters.copy(picture, false), clip.width(), clip.height(), preset.equals("rotation")
                || preset.equals("lifestyle"));
        SegmentedVideoEncoder.FramePainter painter = switch (preset) {
            case "reveal" -> (i, frame) -> reveal(stage, clip.progress(i), frame);
            case "rotation" -> (i, frame) -> rotation(stage, clip.progress(i), frame);
            case "demo" -> {
                double[][] details = DetailFinder.details(stage.picture(), 3);
                yield (i, frame) -> demo(stage, details, clip.progress(i), frame);
            }
            default -> (i, frame) -> lifestyle(stage, clip.progress(i), OfflineSeed.of(request), frame);
        };
        Mp4Writer writer = new Mp4Writer(clip.framesPerSecond());
        SegmentedVideoEncoder.encode(writer, clip.width(), clip.height(), clip.frameEnds(), clip.framesPerSegment(), painter);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("engine", MODEL);
        details.put("preset", preset);
        details.put("motion", motion(preset, stage));
        details.put("fit", stage.cover() ? "cover (cropped to fill the canvas)"
                : "contain over a blurred, darkened copy of the image");
        details.put("codec", "h264");
        details.put("audio", "none");
        details.put("frames_per_second", clip.framesPerSecond());
        details.put("frames", clip.frames());
        details.put("source_size", picture.getWidth() + "x" + picture.getHeight());
        if (clip.sizeNote() != null) {
            details.put("size_note", clip.sizeNote());
        }
        return new ProviderJob.Completed(new GeneratedMedia(writer.finish(), "video/mp4", null, clip.width(), clip.height(),
                clip.seconds(), OfflineProviders.NAME, MODEL, BigDecimal.ZERO, details));
    }

    static String preset(StudioBrief brief) {
        String preset = brief == null || brief.preset() == null ? "" : brief.preset().strip().toLowerCase(Locale.ROOT);
        return switch (preset) {
            case "reveal", "rotation", "demo" -> preset;
            default -> "lifestyle";
        };
    }

    private static String motion(String preset, Stage stage) {
        return switch (preset) {
            case "reveal" -> "fade up from black, a light sweep across the image, a slow push-in";
            case "rotation" -> stage.product() != null
                    ? "turntable: the product cut out of its plain backdrop turns one full turn over the clip"
                    : "turntable: the whole image turns as a card over its blurred backdrop, one full turn over the clip";
            case "demo" -> "in to " + DEMO_ZOOM + "x, a slow pan across the image's three most detailed areas, back out";
            default -> stage.product() != null ? "the product floats gently in front of its backdrop (parallax), slow drift"
                    : "slow Ken Burns drift and push-in";
        };
    }

    /**
     * The picture fitted to the canvas once: its cover or contain scale, the blurred, darkened copy behind a contained
     * picture, and, where asked, the product cut out of a plain backdrop with that backdrop's colour.
     */
    record Stage(BufferedImage picture, int width, int height, boolean cover, double fitScale, BufferedImage backdrop,
                 BufferedImage product, Color plain) {

        static Stage of(BufferedImage original, int width, int height, boolean cutOut) {
            BufferedImage picture = reduced(original, width, height);
            double pictureRatio = (double) picture.getWidth() / picture.getHeight();
            double canvasRatio = (double) width / height;
            boolean cover = Math.max(pictureRatio, canvasRatio) / Math.min(pictureRatio, canvasRatio) <= COVER_RATIO;
            double coverScale = Math.max((double) width / picture.getWidth(), (double) height / picture.getHeight());
            double containScale = Math.min((double) width / picture.getWidth(), (double) height / picture.getHeight());
            BufferedImage backdrop = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = backdrop.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            int drawnWidth = (int) Math.ceil(picture.getWidth() * coverScale);
            int drawnHeight = (int) Math.ceil(picture.getHeight() * coverScale);
            g.drawImage(ImageFilters.scaled(picture, drawnWidth, drawnHeight, false), (width - drawnWidth) / 2,
                    (height - drawnHeight) / 2, null);
            g.dispose();
            BufferedImage product = null;
            Color plain = null;
            if (cutOut) {
                int longest = Math.max(picture.getWidth(), picture.getHeight());
                double reduce = Math.min(1, 900.0 / longest);
                BufferedImage sample = reduce < 1 ? ImageFilters.scaled(picture, (int) (picture.getWidth() * reduce),
                        (int) (picture.getHeight() * reduce), false) : picture;
                product = ImageFilters.cutout(sample);
                plain = product == null ? null : ImageFilters.borderColour(sample);
            }
            if (!cover || product != null) {
                ImageFilters.blur(backdrop, Math.max(4, Math.min(width, height) / 30));
                darken(backdrop, product != null ? 1.0 : 0.45);
            }
            if (product != null) {
                paintPlain(backdrop, plain);
            }
            return new Stage(picture, width, height, cover, cover ? coverScale : containScale, backdrop, product, plain);
        }

        /**
         * A picture much larger than the frame (a phone's 12-megapixel photo) is scaled down once to what the closest
         * zoom needs, so no frame resamples millions of pixels and downscaling never skips pixels (aliasing).
         */
        private static BufferedImage reduced(BufferedImage picture, int width, int height) {
            double cover = Math.max((double) width / picture.getWidth(), (double) height / picture.getHeight());
            double needed = cover * DEMO_ZOOM * 1.1;
            if (needed >= 0.9) {
                return picture;
            }
            return ImageFilters.scaled(picture, (int) Math.ceil(picture.getWidth() * needed),
                    (int) Math.ceil(picture.getHeight() * needed), false);
        }

        private static void darken(BufferedImage image, double factor) {
            int[] pixels = ImageFilters.pixels(image);
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = ImageFilters.shade(pixels[i], factor, 0) | 0xFF00_0000;
            }
        }

        /** A clean studio backdrop in the picture's own backdrop colour: lighter behind the product, darker below. */
        private static void paintPlain(BufferedImage backdrop, Color plain) {
            Graphics2D g = backdrop.createGraphics();
            int width = backdrop.getWidth();
            int height = backdrop.getHeight();
            g.setPaint(new LinearGradientPaint(0f, 0f, 0f, height, new float[] {0f, 0.62f, 1f},
                    new Color[] {CreativePalette.mix(plain, Color.BLACK, 0.04), CreativePalette.mix(plain, Color.WHITE, 0.1),
                            CreativePalette.mix(plain, Color.BLACK, 0.12)}));
            g.fillRect(0, 0, width, height);
            g.dispose();
        }

        /** Where the picture lies at zoom 1, centred. */
        Rectangle2D fitted() {
            double w = picture.getWidth() * fitScale;
            double h = picture.getHeight() * fitScale;
            return new Rectangle2D.Double((width - w) / 2, (height - h) / 2, w, h);
        }
    }

    private static Graphics2D graphics(BufferedImage frame) {
        Graphics2D g = frame.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        return g;
    }

    /** The blurred copy behind a contained picture; a covering picture hides it anyway, so it is skipped. */
    private static void drawBackdrop(Graphics2D g, Stage stage) {
        if (!stage.cover()) {
            g.drawImage(stage.backdrop(), 0, 0, null);
        }
    }

    /**
     * The picture at {@code zoom} times its fitted size, the point ({@code focusX}, {@code focusY}) of it (0..1 across
     * and down) moved towards the frame's centre by {@code pull} (0 none, 1 all the way).
     */
    private static void drawPicture(Graphics2D g, Stage stage, double zoom, double focusX, double focusY, double pull) {
        Rectangle2D fitted = stage.fitted();
        double scale = stage.fitScale() * zoom;
        double w = stage.picture().getWidth() * scale;
        double h = stage.picture().getHeight() * scale;
        double x = stage.width() / 2.0 - w / 2 - (focusX - 0.5) * w * pull;
        double y = stage.height() / 2.0 - h / 2 - (focusY - 0.5) * h * pull;
        if (stage.cover()) {
            x = Math.min(0, Math.max(stage.width() - w, x));
            y = Math.min(0, Math.max(stage.height() - h, y));
        } else if (zoom <= 1.0001) {
            x = fitted.getX();
            y = fitted.getY();
        }
        AffineTransform place = new AffineTransform(scale, 0, 0, scale, x, y);
        g.drawImage(stage.picture(), place, null);
    }

    private static void reveal(Stage stage, double t, BufferedImage frame) {
        Graphics2D g = graphics(frame);
        try {
            drawBackdrop(g, stage);
            double zoom = 1.0 + 0.1 * StudioClip.easeInOut(t);
            drawPicture(g, stage, zoom, 0.5, 0.5, 0);
            double sweep = (t - 0.22) / 0.45;
            if (sweep > 0 && sweep < 1) {
                double span = Math.hypot(stage.width(), stage.height());
                double centre = -0.3 * span + sweep * 1.6 * span;
                double band = span * 0.14;
                double strength = Math.sin(Math.PI * sweep) * 0.5;
                Color clear = new Color(255, 250, 240, 0);
                Color bright = new Color(255, 250, 240, (int) Math.round(255 * strength));
                Point2D from = new Point2D.Double(centre - band, 0);
                Point2D to = new Point2D.Double(centre + band, band * 0.6);
                g.setPaint(new LinearGradientPaint(from, to, new float[] {0f, 0.5f, 1f}, new Color[] {clear, bright, clear},
                        MultipleGradientPaint.CycleMethod.NO_CYCLE));
                Rectangle2D area = stage.cover() ? new Rectangle2D.Double(0, 0, stage.width(), stage.height())
                        : scaledAbout(stage.fitted(), zoom);
                g.fill(area);
            }
            double light = StudioClip.easeInOut(t / 0.2);
            if (light < 1) {
                g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) (1 - light)));
                g.setColor(Color.BLACK);
                g.fillRect(0, 0, stage.width(), stage.height());
            }
        } finally {
            g.dispose();
        }
    }

    private static Rectangle2D scaledAbout(Rectangle2D box, double zoom) {
        double w = box.getWidth() * zoom;
        double h = box.getHeight() * zoom;
        return new Rectangle2D.Double(box.getCenterX() - w / 2, box.getCenterY() - h / 2, w, h);
    }

    /** One slow, full turn over the clip, starting and ending facing the camera. */
    private static void rotation(Stage stage, double t, BufferedImage frame) {
        double angle = 2 * Math.PI * t;
        Graphics2D g = graphics(frame);
        try {
            g.drawImage(stage.backdrop(), 0, 0, null);
            BufferedImage subject;
            Rectangle2D box;
            if (stage.product() != null) {
                subject = stage.product();
                double scale = Math.min(stage.width() * 0.62 / subject.getWidth(), stage.height() * 0.7 / subject.getHeight());
                double w = subject.getWidth() * scale;
                double h = subject.getHeight() * scale;
                box = new Rectangle2D.Double((stage.width() - w) / 2, stage.height() * 0.48 - h / 2, w, h);
            } else {
                subject = stage.picture();
                double scale = Math.min(stage.width() * 0.78 / subject.getWidth(), stage.height() * 0.78 / subject.getHeight());
                double w = subject.getWidth() * scale;
                double h = subject.getHeight() * scale;
                box = new Rectangle2D.Double((stage.width() - w) / 2, (stage.height() - h) / 2 - h * 0.02, w, h);
            }
            Turntable.draw(g, subject, box, angle, stage.product() != null);
        } finally {
            g.dispose();
        }
    }

    private static void demo(Stage stage, double[][] details, double t, BufferedImage frame) {
        Graphics2D g = graphics(frame);
        try {
            drawBackdrop(g, stage);
            double zoom;
            double pull;
            double[] focus;
            if (t < 0.14) {
                double k = StudioClip.easeInOut(t / 0.14);
                zoom = 1 + (DEMO_ZOOM - 1) * k;
                pull = k;
                focus = details[0];
            } else if (t < 0.72) {
                double s = (t - 0.14) / 0.58 * (details.length - 1);
                int from = Math.min(details.length - 2, (int) Math.floor(s));
                double k = StudioClip.easeInOut(s - from);
                focus = new double[] {details[from][0] + (details[from + 1][0] - details[from][0]) * k,
                        details[from][1] + (details[from + 1][1] - details[from][1]) * k};
                zoom = DEMO_ZOOM;
                pull = 1;
            } else if (t < 0.9) {
                double k = 1 - StudioClip.easeInOut((t - 0.72) / 0.18);
                zoom = 1 + (DEMO_ZOOM - 1) * k;
                pull = k;
                focus = details[details.length - 1];
            } else {
                zoom = 1;
                pull = 0;
                focus = new double[] {0.5, 0.5};
            }
            drawPicture(g, stage, zoom, focus[0], focus[1], pull);
        } finally {
            g.dispose();
        }
    }

    private static void lifestyle(Stage stage, double t, long seed, BufferedImage frame) {
        double direction = (seed & 0xFF) / 255.0 * 2 * Math.PI;
        double driftX = Math.cos(direction) * 0.35;
        double driftY = Math.sin(direction) * 0.25;
        double k = StudioClip.easeInOut(t);
        Graphics2D g = graphics(frame);
        try {
            if (stage.product() != null) {
                double backdropZoom = 1.04 + 0.04 * k;
                double bw = stage.width() * backdropZoom;
                double bh = stage.height() * backdropZoom;
                g.drawImage(stage.backdrop(), (int) Math.round((stage.width() - bw) / 2 - driftX * 0.02 * stage.width() * k),
                        (int) Math.round((stage.height() - bh) / 2), (int) Math.ceil(bw), (int) Math.ceil(bh), null);
                BufferedImage product = stage.product();
                double scale = Math.min(stage.width() * 0.6 / product.getWidth(), stage.height() * 0.68 / product.getHeight())
                        * (1 + 0.08 * k);
                double w = product.getWidth() * scale;
                double h = product.getHeight() * scale;
                double floatY = Math.sin(t * Math.PI * 2) * stage.height() * 0.012;
                double x = (stage.width() - w) / 2 + driftX * 0.05 * stage.width() * (k - 0.5);
                double y = stage.height() * 0.5 - h / 2 + floatY;
                g.setColor(new Color(0, 0, 0, 60));
                double shadowWidth = w * (0.8 - floatY / stage.height() * 4);
                g.fill(new Ellipse2D.Double(x + (w - shadowWidth) / 2, y + h - h * 0.02, shadowWidth, h * 0.05));
                g.drawImage(product, new AffineTransform(scale, 0, 0, scale, x, y), null);
            } else {
                drawBackdrop(g, stage);
                double zoom = 1.06 + 0.12 * k;
                drawPicture(g, stage, zoom, 0.5 + driftX, 0.5 + driftY, (k - 0.5) * 0.5 + 0.25);
            }
            g.setPaint(new RadialGradientPaint(new Point2D.Double(stage.width() * (0.2 + 0.6 * k), stage.height() * 0.15),
                    (float) (Math.max(stage.width(), stage.height()) * 0.6), new float[] {0f, 1f},
                    new Color[] {new Color(255, 226, 180, 46), new Color(255, 226, 180, 0)}));
            g.fillRect(0, 0, stage.width(), stage.height());
        } finally {
            g.dispose();
        }
    }
}
