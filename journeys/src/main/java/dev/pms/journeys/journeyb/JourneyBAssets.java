package dev.pms.journeys.journeyb;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;

/**
 * The "existing assets" of Journey B's end-to-end test and benchmark, made here so they are reproducible: 30 ZIP
 * entries a marketer might really have — product photos of many sizes and shapes (a product off centre on a soft
 * background, studio shots on white, dark, over-exposed, blurred, noisy, tiny and off-palette ones, one exact
 * duplicate), captions and a product description (on brand, one with a forbidden phrase, one shouting), an installer
 * that is no asset, and a PNG that is not one. The brand profile they are meant for is {@link #BRAND_PROFILE}.
 */
public final class JourneyBAssets {
    /** Brand blue, navy and a warm accent: the products wear them. */
    public static final Color BLUE = new Color(0x1A73E8);
    public static final Color NAVY = new Color(0x0B1F3A);
    public static final Color ACCENT = new Color(0xF4B400);

    public static final String BRAND_PROFILE = """
            {"website_analysis": {"website_url": "https://aurora.example",
              "writing_style": {"tone": "confident", "voice": "friendly expert", "complexity": "moderate",
                "engagement_level": "high"},
              "target_audience": {"demographics": ["hikers", "commuters"], "industry_focus": "outdoor gear",
                "expertise_level": "intermediate"}},
             "persona_data": {"core_persona": {"persona_name": "Ada", "archetype": "explorer",
               "core_belief": "good gear lasts for years", "linguistic_fingerprint": "short sentences, concrete numbers"},
               "selected_platforms": ["instagram", "linkedin", "pinterest", "shopify", "amazon", "email"]},
             "color_palette": ["#1A73E8", "#0B1F3A", "#F4B400"],
             "vocabulary": {"preferred": ["launch", "cold for 24 hours", "leak-proof"], "avoid": ["synergy"]},
             "forbidden_phrases": ["best in the world"]}""";

    /** The six channels the Journey B campaign runs on. */
    public static final List<String> CHANNELS = List.of("instagram", "linkedin", "pinterest", "shopify", "amazon",
            "email");

    private JourneyBAssets() {
    }

    /** The 30 entries by path, in ZIP order. */
    public static Map<String, byte[]> entries() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        byte[] square = png(photo(2048, 2048, 2, 0.5, 0.55, 0.45, Light.NORMAL));
        entries.put("photos/hero-wide.jpg", jpeg(photo(2400, 1350, 1, 0.68, 0.5, 0.6, Light.NORMAL), 0.9f));
        entries.put("photos/hero-square.png", square);
        entries.put("photos/portrait.jpg", jpeg(photo(1600, 2000, 3, 0.5, 0.62, 0.42, Light.NORMAL), 0.9f));
        entries.put("photos/landscape-trail.jpg", jpeg(photo(3000, 2000, 4, 0.3, 0.55, 0.55, Light.NORMAL), 0.88f));
        entries.put("photos/lifestyle-desk.jpg", jpeg(photo(1920, 1280, 5, 0.62, 0.45, 0.5, Light.NORMAL), 0.9f));
        entries.put("studio/white-60.png", png(studio(2000, 2000, 0.6)));
        entries.put("studio/white-90.png", png(studio(2000, 2000, 0.9)));
        entries.put("photos/evening-dark.jpg", jpeg(photo(2000, 1500, 6, 0.45, 0.5, 0.55, Light.DARK), 0.9f));
        entries.put("photos/noon-washed-out.jpg", jpeg(photo(2000, 1500, 7, 0.55, 0.5, 0.55, Light.BRIGHT), 0.9f));
        entries.put("photos/shaky.jpg", jpeg(blur(photo(1800, 1200, 8, 0.5, 0.5, 0.6, Light.NORMAL), 9), 0.9f));
        entries.put("photos/small-square.png", png(photo(900, 900, 9, 0.5, 0.5, 0.5, Light.NORMAL)));
        entries.put("photos/thumbnail.png", png(photo(320, 240, 10, 0.5, 0.5, 0.6, Light.NORMAL)));
        entries.put("photos/green-promo.png", png(offPalette(1500, 1500)));
        entries.put("photos/banner.png", png(photo(3000, 1000, 11, 0.75, 0.5, 0.8, Light.NORMAL)));
        entries.put("photos/tall-story.png", png(photo(1080, 2400, 12, 0.5, 0.4, 0.3, Light.NORMAL)));
        entries.put("photos/grainy.jpg", jpeg(noise(photo(1800, 1800, 13, 0.4, 0.5, 0.5, Light.NORMAL), 22), 0.92f));
        entries.put("copies/hero-square (1).png", square);
        entries.put("photos/social.gif", gif(photo(600, 600, 14, 0.5, 0.5, 0.55, Light.NORMAL)));
        entries.put("photos/product-front.jpg", jpeg(photo(1800, 1800, 15, 0.5, 0.5, 0.55, Light.NORMAL), 0.9f));
        entries.put("photos/product-angle.png", png(photo(2200, 1650, 16, 0.42, 0.52, 0.55, Light.NORMAL)));
        entries.put("photos/product-pair.jpg", jpeg(photo(2500, 1875, 17, 0.6, 0.5, 0.5, Light.NORMAL), 0.9f));
        entries.put("photos/outdoor-portrait.jpg", jpeg(photo(1440, 1800, 18, 0.5, 0.45, 0.45, Light.NORMAL), 0.9f));
        entries.put("copy/instagram-caption.txt", text("Launch day. Aurora keeps your coffee hot and your water cold"
                + " for 24 hours. Leak-proof lid, one-hand sip. Which trail is it going on first?"));
        entries.put("copy/linkedin-post.md", text("Our team spent two years on one question: how do you make a bottle"
                + " that lasts? The answer ships today. Aurora is leak-proof, keeps drinks cold for 24 hours and is"
                + " built from 90 % recycled steel."));
        entries.put("copy/product-description.txt", text("Aurora Insulated Bottle, 750 ml. Double-wall vacuum steel"
                + " keeps drinks cold for 24 hours and hot for 12. The leak-proof lid opens with one hand. Dishwasher"
                + " safe. Ten-year warranty."));
        entries.put("copy/old-claim.txt", text("Aurora is the best in the world. Nothing else comes close."));
        entries.put("copy/flash-sale.txt", text("BUY NOW!!! HUGE SAVINGS ON EVERY BOTTLE!!! DON'T MISS OUT!!!"));
        entries.put("copy/email-subjects.csv", text("subject,preheader\nYour trail bottle is here,Cold for 24 hours"
                + " and leak-proof\n"));
        entries.put("tools/setup.exe", "MZ\u0090 this is not an asset".getBytes(StandardCharsets.ISO_8859_1));
        entries.put("photos/broken.png", brokenPng());
        return entries;
    }

    /** The entries as one ZIP (deflated). */
    public static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public enum Light { NORMAL, DARK, BRIGHT }

    /**
     * A product photo: a soft two-tone background with some texture, and a bottle in the brand colours standing at
     * ({@code cx}, {@code cy}) (fractions of the frame), {@code size} of the frame's height tall.
     */
    public static BufferedImage photo(int width, int height, long seed, double cx, double cy, double size, Light light) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int topGrey = 205 + random.nextInt(35);
        int bottomGrey = 120 + random.nextInt(50);
        Color top = new Color(topGrey, topGrey, Math.min(255, topGrey + 4));
        Color bottom = new Color(bottomGrey + 1, bottomGrey, bottomGrey);
        g.setPaint(new GradientPaint(0, 0, top, 0, height, bottom));
        g.fillRect(0, 0, width, height);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(255, 255, 255, 10 + random.nextInt(20)));
            double r = (0.05 + random.nextDouble() * 0.2) * Math.min(width, height);
            g.fill(new Ellipse2D.Double(random.nextDouble() * width - r / 2, random.nextDouble() * height - r / 2, r, r));
        }
        g.setColor(new Color(60, 60, 62, 60));
        g.fillRect(0, (int) (height * 0.72), width, (int) (height * 0.04));
        g.setColor(new Color(90, 90, 92, 40));
        for (int i = 0; i < 120; i++) {
            int y = (int) (height * (0.76 + random.nextDouble() * 0.24));
            g.drawLine(0, y, width, y + random.nextInt(9) - 4);
        }
        bottle(g, width * cx, height * cy, height * size, random);
        g.dispose();
        return lit(grain(image, 3, seed), light);
    }

    /** A studio shot: the bottle on pure white, spanning {@code fill} of the frame's height. */
    public static BufferedImage studio(int width, int height, double fill) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        bottle(g, width / 2.0, height / 2.0, height * fill, new Random(99));
        g.dispose();
        return image;
    }

    private static void bottle(Graphics2D g, double cx, double cy, double tall, Random random) {
        double wide = tall * 0.36;
        double x = cx - wide / 2;
        double y = cy - tall / 2;
        g.setColor(new Color(0, 0, 0, 50));
        g.fill(new Ellipse2D.Double(cx - wide * 0.7, y + tall * 0.96, wide * 1.4, tall * 0.07));
        g.setPaint(new GradientPaint((float) x, 0, NAVY, (float) (x + wide), 0, BLUE));
        g.fill(new RoundRectangle2D.Double(x, y + tall * 0.16, wide, tall * 0.84, wide * 0.35, wide * 0.35));
        g.setColor(NAVY);
        g.fill(new RoundRectangle2D.Double(cx - wide * 0.3, y, wide * 0.6, tall * 0.18, wide * 0.15, wide * 0.15));
        g.setColor(ACCENT);
        g.fill(new Rectangle2D.Double(x, y + tall * 0.45, wide, tall * 0.12));
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(8, (int) (wide * 0.16))));
        g.drawString("AURORA", (float) (x + wide * 0.14), (float) (y + tall * 0.53));
        g.setPaint(new RadialGradientPaint((float) (x + wide * 0.3), (float) (y + tall * 0.35), (float) (wide * 0.5),
                new float[] {0f, 1f}, new Color[] {new Color(255, 255, 255, 90), new Color(255, 255, 255, 0)}));
        g.fill(new RoundRectangle2D.Double(x, y + tall * 0.16, wide, tall * 0.84, wide * 0.35, wide * 0.35));
        g.setStroke(new BasicStroke((float) Math.max(1, wide * 0.01)));
        g.setColor(new Color(20, 20, 30, 120 + random.nextInt(60)));
        g.draw(new RoundRectangle2D.Double(x, y + tall * 0.16, wide, tall * 0.84, wide * 0.35, wide * 0.35));
    }

    private static BufferedImage lit(BufferedImage image, Light light) {
        if (light == Light.NORMAL) {
            return image;
        }
        int[] rgb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        for (int i = 0; i < rgb.length; i++) {
            int r = rgb[i] >> 16 & 0xFF;
            int gr = rgb[i] >> 8 & 0xFF;
            int b = rgb[i] & 0xFF;
            if (light == Light.DARK) {
                r = r * 22 / 100;
                gr = gr * 22 / 100;
                b = b * 22 / 100;
            } else {
                r = Math.min(255, 130 + r);
                gr = Math.min(255, 130 + gr);
                b = Math.min(255, 130 + b);
            }
            rgb[i] = r << 16 | gr << 8 | b;
        }
        image.setRGB(0, 0, image.getWidth(), image.getHeight(), rgb, 0, image.getWidth());
        return image;
    }

    private static BufferedImage blur(BufferedImage image, int radius) {
        int side = radius * 2 + 1;
        float[] weights = new float[side * side];
        Arrays.fill(weights, 1f / weights.length);
        BufferedImage once = new ConvolveOp(new Kernel(side, side, weights), ConvolveOp.EDGE_NO_OP, null).filter(image, null);
        return new ConvolveOp(new Kernel(side, side, weights), ConvolveOp.EDGE_NO_OP, null).filter(once, null);
    }

    /** Fine sensor grain, as every photograph has. */
    private static BufferedImage grain(BufferedImage image, int sigma, long seed) {
        return noise(image, sigma, seed);
    }

    private static BufferedImage noise(BufferedImage image, int sigma) {
        return noise(image, sigma, 5);
    }

    private static BufferedImage noise(BufferedImage image, int sigma, long seed) {
        Random random = new Random(seed);
        int[] rgb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        for (int i = 0; i < rgb.length; i++) {
            int n = (int) (random.nextGaussian() * sigma);
            int r = clamp((rgb[i] >> 16 & 0xFF) + n);
            int g = clamp((rgb[i] >> 8 & 0xFF) + n);
            int b = clamp((rgb[i] & 0xFF) + n);
            rgb[i] = r << 16 | g << 8 | b;
        }
        image.setRGB(0, 0, image.getWidth(), image.getHeight(), rgb, 0, image.getWidth());
        return image;
    }

    private static BufferedImage offPalette(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(0x22C55E), width, height, new Color(0xA3E635)));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0xDB2777));
        g.fill(new Ellipse2D.Double(width * 0.3, height * 0.3, width * 0.4, height * 0.4));
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, width / 12));
        g.drawString("SALE", (int) (width * 0.36), (int) (height * 0.54));
        g.dispose();
        return image;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] brokenPng() {
        byte[] bytes = new byte[2048];
        new Random(3).nextBytes(bytes);
        return bytes;
    }

    public static byte[] png(BufferedImage image) {
        return write(image, "png");
    }

    public static byte[] gif(BufferedImage image) {
        return write(image, "gif");
    }

    private static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no " + format + " writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** Names of the entries that are images, for checks. */
    public static List<String> imageNames(Map<String, byte[]> entries) {
        List<String> names = new ArrayList<>();
        entries.keySet().stream().filter(n -> n.matches(".*\\.(png|jpg|gif)$")).forEach(names::add);
        return names;
    }
}
