package dev.pms.providers.offline;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Placement;
import dev.pms.core.channel.SafeZone;
import dev.pms.core.generation.GeneratedMedia;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.MediaProvider;
import dev.pms.core.generation.ProviderJob;
import dev.pms.core.media.ProductPhoto;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a template creative as a PNG at exactly the placement's canvas size with Java2D: one of the
 * {@link LayoutFamily} layouts in the brand palette, the copy from the brief (headline, sub-line, button, wordmark)
 * inside the placement's safe zone at AA contrast, and the user's product photo cropped to its slot when there is one.
 * Amazon's main image is the product alone on pure white, filling at least 85 % of the frame.
 */
public final class OfflineImageRenderer implements MediaProvider {
    public static final String MODEL = "offline-java2d-1";
    static final int DEFAULT_SIZE = 1080;
    static final String AMAZON_MAIN_IMAGE = "amazon/main_image";
    /** Share of each side of the frame the product spans on Amazon's main image (the rule asks for at least 85 %). */
    static final double AMAZON_PRODUCT_SHARE = 0.9;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    @Override
    public String name() {
        return OfflineProviders.NAME;
    }

    @Override
    public boolean supports(AssetType type) {
        return type == AssetType.IMAGE;
    }

    @Override
    public ProviderJob submit(GenerationRequest request) {
        ImageComposition composition = compose(request);
        BufferedImage image = composition.image();
        Map<String, Object> details = CreativeDescription.details(request, composition);
        return new ProviderJob.Completed(new GeneratedMedia(png(image), "image/png", null, image.getWidth(), image.getHeight(),
                null, OfflineProviders.NAME, MODEL, BigDecimal.ZERO, details));
    }

    @Override
    public ProviderJob poll(String handle) {
        return OfflineProviders.noPendingJobs(handle);
    }

    /** The image at the placement's exact canvas size (1080×1080 when the request has no canvas). */
    public ImageComposition compose(GenerationRequest request) {
        Placement placement = request.placement();
        boolean hasCanvas = placement != null && placement.canvas() != null;
        return compose(request, hasCanvas ? placement.canvas().width() : DEFAULT_SIZE,
                hasCanvas ? placement.canvas().height() : DEFAULT_SIZE, true, true, null);
    }

    /** The image in the given template family instead of the one the asset would get, with or without its text. */
    ImageComposition compose(GenerationRequest request, LayoutFamily family, boolean withText) {
        return compose(request, request.placement().canvas().width(), request.placement().canvas().height(), true,
                withText, family);
    }

    /** The creative's design without its words and button, at any size (the slideshow's key frame). */
    public BufferedImage backdrop(GenerationRequest request, int width, int height) {
        return compose(request, width, height, true, false, null).image();
    }

    /** The brand background alone (an avatar's set). */
    BufferedImage background(GenerationRequest request, int width, int height) {
        return compose(request, width, height, false, false, null).image();
    }

    /** The placement's safe area in an image of the given size: where text may go. */
    public static Rectangle safeArea(Placement placement, int width, int height) {
        SafeZone zone = placement == null ? null : placement.safeZone();
        if (zone == null) {
            return new Rectangle(0, 0, width, height);
        }
        int left = (int) Math.ceil(zone.left() * width);
        int right = (int) Math.ceil(zone.right() * width);
        int top = (int) Math.ceil(zone.top() * height);
        int bottom = (int) Math.ceil(zone.bottom() * height);
        return new Rectangle(left, top, width - left - right, height - top - bottom);
    }

    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer in this Java runtime");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing a PNG to memory failed", e);
        }
        return out.toByteArray();
    }

    static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
        return g;
    }

    /** Inner margin kept between the safe area's edge and any text, so anti-aliased edges stay inside it. */
    static int textMargin(Rectangle safe) {
        return Math.max(2, (int) Math.round(Math.min(safe.width, safe.height) * 0.05));
    }

    /** The headline a creative for {@code request} carries: from the brief's facts, never the art direction. */
    static String headline(GenerationRequest request) {
        return CreativeCopy.from(request).headline();
    }

    /** Draws a block of text on a translucent panel for contrast; panel and text stay inside {@code safe}. */
    static void drawOnPanel(Graphics2D g, TextBlock block, Color textColour, Rectangle safe) {
        int pad = Math.max(1, block.font().getSize() / 4);
        Rectangle panel = new Rectangle(block.bounds());
        panel.grow(pad, pad);
        panel = panel.intersection(safe);
        boolean lightText = BrandColours.luminance(textColour) > 0.5;
        g.setColor(lightText ? new Color(0, 0, 0, 96) : new Color(255, 255, 255, 150));
        g.fill(new RoundRectangle2D.Double(panel.x, panel.y, panel.width, panel.height, pad * 2.0, pad * 2.0));
        block.draw(g, textColour);
    }

    private ImageComposition compose(GenerationRequest request, int width, int height, boolean withDesign,
                                     boolean withText, LayoutFamily forcedFamily) {
        CreativePalette palette = CreativePalette.of(request.brandPalette());
        CreativeCopy copy = CreativeCopy.from(request);
        Placement placement = request.placement();
        Rectangle safe = safeArea(placement, width, height);
        BufferedImage photo = photoOf(request);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(image);
        try {
            if (placement != null && AMAZON_MAIN_IMAGE.equals(placement.key())) {
                return amazonMainImage(g, image, palette, copy, photo, safe, withText);
            }
            if (!withDesign) {
                g.setColor(palette.primary());
                g.fillRect(0, 0, width, height);
                return new ImageComposition(image, safe, "background", List.of(), null);
            }
            int margin = textMargin(safe);
            Rectangle inner = new Rectangle(safe.x + margin, safe.y + margin, safe.width - 2 * margin, safe.height - 2 * margin);
            LayoutFamily family = forcedFamily != null ? forcedFamily : LayoutFamily.choose(request.assetId() != null ? request.assetId() : request.jobId(),
                    copy.phase(), inner);
            CreativeDesigner designer = new CreativeDesigner(image, g, palette, copy, inner, photo, OfflineSeed.of(request),
                    withText);
            designer.design(family);
            String layout = family == LayoutFamily.STAT && !copy.hasFigure() ? "statement" : family.code;
            return new ImageComposition(image, safe, layout, designer.texts(), designer.photoBounds());
        } finally {
            g.dispose();
        }
    }

    /** Amazon's main image: the photo whole on pure white, else the brand's colour tile with the wordmark. */
    private static ImageComposition amazonMainImage(Graphics2D g, BufferedImage image, CreativePalette palette,
                                                    CreativeCopy copy, BufferedImage photo, Rectangle safe,
                                                    boolean withText) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        int boxWidth = (int) Math.round(image.getWidth() * AMAZON_PRODUCT_SHARE);
        int boxHeight = (int) Math.round(image.getHeight() * AMAZON_PRODUCT_SHARE);
        Rectangle box = new Rectangle((image.getWidth() - boxWidth) / 2, (image.getHeight() - boxHeight) / 2, boxWidth, boxHeight);
        if (photo != null) {
            double scale = Math.min(box.width / (double) photo.getWidth(), box.height / (double) photo.getHeight());
            int w = (int) Math.round(photo.getWidth() * scale);
            int h = (int) Math.round(photo.getHeight() * scale);
            Rectangle slot = new Rectangle(box.x + (box.width - w) / 2, box.y + (box.height - h) / 2, w, h);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(photo, slot.x, slot.y, slot.width, slot.height, null);
            return new ImageComposition(image, safe, "packshot", List.of(), slot);
        }
        g.setColor(palette.primary());
        double corner = Math.min(box.width, box.height) * 0.06;
        g.fill(new RoundRectangle2D.Double(box.x, box.y, box.width, box.height, corner, corner));
        List<DrawnText> texts = new ArrayList<>();
        if (withText && !copy.wordmark().isEmpty()) {
            Rectangle textBox = new Rectangle(box.x + box.width / 8, box.y + box.height / 3, box.width * 3 / 4, box.height / 3);
            TextBlock block = TextBlock.layout(g, copy.wordmark(), textBox, textBox.height / 2, true);
            if (!block.isEmpty()) {
                Color colour = palette.textOn(Set.of(palette.primary()));
                block.draw(g, colour);
                texts.add(new DrawnText("wordmark", String.join(" ", block.lines()), block.bounds(), colour, palette.primary()));
            }
        }
        return new ImageComposition(image, safe, "packshot", texts, null);
    }

    /** The uploaded product photo, decoded; null when there is none or it is not an image this runtime reads. */
    static BufferedImage photoOf(GenerationRequest request) {
        ProductPhoto photo = request.productPhoto();
        if (photo == null) {
            return null;
        }
        try {
            return ImageIO.read(new ByteArrayInputStream(photo.bytes()));
        } catch (IOException e) {
            return null;
        }
    }
}
