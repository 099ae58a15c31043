package dev.pms.providers.offline;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Placement;
import dev.pms.core.channel.SafeZone;
import dev.pms.core.generation.GeneratedMedia;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.MediaProvider;
import dev.pms.core.generation.ProviderJob;

import javax.imageio.ImageIO;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Renders a real PNG at exactly the placement's canvas size with Java2D: a background from the brand palette
 * (gradient and shapes seeded from the request), a product hero shape and the hook as headline, wrapped and
 * shrunk until it fits inside the placement's safe zone. Amazon's main image is the product alone on pure white,
 * filling at least 85 % of the frame.
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
        Map<String, Object> details = Map.of(
                "engine", MODEL,
                "placement", request.placement() == null ? "none" : request.placement().key(),
                "has_headline", composition.headlineBounds() != null);
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
                hasCanvas ? placement.canvas().height() : DEFAULT_SIZE, true, true);
    }

    /** Background and product without the headline, at any size (the slideshow's key frame). */
    public BufferedImage backdrop(GenerationRequest request, int width, int height) {
        return compose(request, width, height, true, false).image();
    }

    /** The brand background alone (an avatar's set). */
    BufferedImage background(GenerationRequest request, int width, int height) {
        return compose(request, width, height, false, false).image();
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

    /** The text to headline: the hook, else the product's name, else nothing. */
    static String headline(GenerationRequest request) {
        String hook = Objects.toString(request.hook(), "").strip();
        if (!hook.isEmpty()) {
            return hook;
        }
        ProductFacts facts = ProductFacts.from(request.productContext());
        return facts.hasName() ? facts.name() : "";
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

    private ImageComposition compose(GenerationRequest request, int width, int height, boolean withProduct,
                                     boolean withHeadline) {
        long seed = OfflineSeed.of(request);
        BrandColours colours = BrandColours.from(request.brandPalette(), seed);
        Placement placement = request.placement();
        Rectangle safe = safeArea(placement, width, height);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = graphics(image);
        try {
            if (placement != null && AMAZON_MAIN_IMAGE.equals(placement.key())) {
                return amazonMainImage(g, image, colours, safe);
            }
            paintBackground(g, width, height, colours, new Random(seed));
            int margin = textMargin(safe);
            Rectangle inner = new Rectangle(safe.x + margin, safe.y + margin, safe.width - 2 * margin, safe.height - 2 * margin);
            boolean wide = inner.width > inner.height * 1.4;
            Rectangle textBox;
            Rectangle heroBox;
            if (wide) {
                textBox = new Rectangle(inner.x, inner.y, (int) (inner.width * 0.56), inner.height);
                heroBox = new Rectangle(inner.x + (int) (inner.width * 0.62), inner.y, (int) (inner.width * 0.38), inner.height);
            } else {
                textBox = new Rectangle(inner.x, inner.y, inner.width, (int) (inner.height * 0.36));
                heroBox = new Rectangle(inner.x + (int) (inner.width * 0.15), inner.y + (int) (inner.height * 0.42),
                        (int) (inner.width * 0.7), (int) (inner.height * 0.58));
            }
            Rectangle product = null;
            if (withProduct) {
                product = fitAspect(heroBox, 0.72);
                paintProduct(g, product, colours, true);
            }
            String headline = withHeadline ? headline(request) : "";
            Rectangle headlineBounds = null;
            if (!headline.isEmpty()) {
                int maxFont = Math.max(TextBlock.MIN_FONT_PX, Math.min(textBox.height / 2, textBox.width / 7));
                TextBlock block = TextBlock.layout(g, headline, textBox, maxFont, wide);
                if (!block.isEmpty()) {
                    drawOnPanel(g, block, BrandColours.textOn(BrandColours.mix(colours.primary(), colours.secondary())), safe);
                    headlineBounds = block.bounds();
                }
            }
            return new ImageComposition(image, safe, headlineBounds, product);
        } finally {
            g.dispose();
        }
    }

    private static ImageComposition amazonMainImage(Graphics2D g, BufferedImage image, BrandColours colours, Rectangle safe) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        int productWidth = (int) Math.round(image.getWidth() * AMAZON_PRODUCT_SHARE);
        int productHeight = (int) Math.round(image.getHeight() * AMAZON_PRODUCT_SHARE);
        Rectangle product = new Rectangle((image.getWidth() - productWidth) / 2, (image.getHeight() - productHeight) / 2,
                productWidth, productHeight);
        Color accent = colours.accent();
        BrandColours onWhite = BrandColours.luminance(accent) > 0.8
                ? new BrandColours(colours.primary(), colours.secondary(), accent.darker().darker())
                : colours;
        paintProduct(g, product, onWhite, false);
        return new ImageComposition(image, safe, null, product);
    }

    private static void paintBackground(Graphics2D g, int width, int height, BrandColours colours, Random random) {
        double angle = random.nextDouble() * Math.PI * 2;
        float cx = width / 2f;
        float cy = height / 2f;
        float dx = (float) Math.cos(angle) * width / 2f;
        float dy = (float) Math.sin(angle) * height / 2f;
        g.setPaint(new GradientPaint(cx - dx, cy - dy, colours.primary(), cx + dx, cy + dy, colours.secondary()));
        g.fillRect(0, 0, width, height);
        Color[] tints = {colours.accent(), colours.secondary(), colours.primary().brighter()};
        int shapes = 3 + random.nextInt(3);
        int unit = Math.min(width, height);
        for (int i = 0; i < shapes; i++) {
            Color tint = tints[i % tints.length];
            g.setColor(new Color(tint.getRed(), tint.getGreen(), tint.getBlue(), 50 + random.nextInt(50)));
            double radius = unit * (0.15 + random.nextDouble() * 0.35);
            double x = random.nextDouble() * width - radius;
            double y = random.nextDouble() * height - radius;
            g.fill(new Ellipse2D.Double(x, y, radius * 2, radius * 2));
        }
    }

    /** A packaged product: body with a label and emblem, a cap, a highlight and (off white backgrounds) a shadow. */
    private static void paintProduct(Graphics2D g, Rectangle box, BrandColours colours, boolean withShadow) {
        double capHeight = box.height * 0.14;
        double bodyTop = box.y + capHeight;
        double bodyHeight = box.height - capHeight;
        double corner = Math.min(box.width, box.height) * 0.12;
        if (withShadow) {
            g.setColor(new Color(0, 0, 0, 70));
            g.fill(new Ellipse2D.Double(box.x + box.width * 0.05, box.y + box.height * 0.93, box.width * 0.9, box.height * 0.07));
        }
        Color body = colours.accent();
        g.setPaint(new GradientPaint(box.x, 0, body.brighter(), box.x + box.width, 0, body.darker()));
        g.fill(new RoundRectangle2D.Double(box.x, bodyTop, box.width, bodyHeight, corner, corner));
        g.setColor(colours.secondary().darker());
        g.fill(new RoundRectangle2D.Double(box.x + box.width * 0.25, box.y, box.width * 0.5, capHeight + corner,
                corner / 2, corner / 2));
        g.setColor(colours.primary());
        double labelTop = bodyTop + bodyHeight * 0.3;
        g.fill(new RoundRectangle2D.Double(box.x + box.width * 0.08, labelTop, box.width * 0.84, bodyHeight * 0.4,
                corner / 2, corner / 2));
        double emblem = Math.min(box.width * 0.84, bodyHeight * 0.4) * 0.6;
        g.setColor(BrandColours.textOn(colours.primary()));
        g.setStroke(new BasicStroke((float) Math.max(1, emblem / 12)));
        g.draw(new Ellipse2D.Double(box.getCenterX() - emblem / 2, labelTop + bodyHeight * 0.2 - emblem / 2, emblem, emblem));
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.25f));
        g.setColor(Color.WHITE);
        g.fill(new RoundRectangle2D.Double(box.x + box.width * 0.12, bodyTop + bodyHeight * 0.05, box.width * 0.08,
                bodyHeight * 0.85, corner / 3, corner / 3));
        g.setComposite(AlphaComposite.SrcOver);
    }

    /** The largest rectangle of the given width/height ratio centred in {@code box}. */
    private static Rectangle fitAspect(Rectangle box, double ratio) {
        int width = box.width;
        int height = (int) Math.round(width / ratio);
        if (height > box.height) {
            height = box.height;
            width = (int) Math.round(height * ratio);
        }
        return new Rectangle(box.x + (box.width - width) / 2, box.y + (box.height - height) / 2, width, height);
    }
}
