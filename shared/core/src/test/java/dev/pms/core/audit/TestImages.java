package dev.pms.core.audit;

import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.pricing.PriceTable;
import dev.pms.core.validation.FieldProblems;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Images of known properties, drawn in code. */
final class TestImages {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private TestImages() {
    }

    /** A mid-grey gradient with many hard-edged shapes in varied colours: sharp, well exposed, contrasty. */
    static BufferedImage scene(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        for (int y = 0; y < height; y++) {
            int level = 70 + 110 * y / Math.max(1, height - 1);
            g.setColor(new Color(level, level, Math.min(255, level + 20)));
            g.drawLine(0, y, width, y);
        }
        Random random = new Random(7);
        int shapes = Math.max(12, width * height / 8_000);
        for (int i = 0; i < shapes; i++) {
            g.setColor(new Color(30 + random.nextInt(200), 30 + random.nextInt(200), 30 + random.nextInt(200)));
            int w = 4 + random.nextInt(Math.max(5, width / 6));
            int h = 4 + random.nextInt(Math.max(5, height / 6));
            int x = random.nextInt(Math.max(1, width - w));
            int y = random.nextInt(Math.max(1, height - h));
            if (i % 2 == 0) {
                g.fillRect(x, y, w, h);
            } else {
                g.fillOval(x, y, w, h);
            }
        }
        g.dispose();
        return image;
    }

    static BufferedImage blurred(BufferedImage image, int size) {
        float[] weights = new float[size * size];
        Arrays.fill(weights, 1f / (size * size));
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        return new ConvolveOp(new Kernel(size, size, weights), ConvolveOp.EDGE_NO_OP, null).filter(image, out);
    }

    /** Every channel multiplied by {@code gain} and clipped at 255. */
    static BufferedImage brightened(BufferedImage image, double gain) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                int r = (int) Math.min(255, ((p >> 16) & 0xFF) * gain);
                int g = (int) Math.min(255, ((p >> 8) & 0xFF) * gain);
                int b = (int) Math.min(255, (p & 0xFF) * gain);
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }

    /** Gaussian noise of standard deviation {@code sigma} added to every channel (seeded). */
    static BufferedImage withGaussianNoise(BufferedImage image, double sigma) {
        Random random = new Random(11);
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                double noise = random.nextGaussian() * sigma;
                int r = clip(((p >> 16) & 0xFF) + noise);
                int g = clip(((p >> 8) & 0xFF) + noise);
                int b = clip((p & 0xFF) + noise);
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }

    private static int clip(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }

    /** A textured product box covering {@code productShare} of each side, centred on a plain background. */
    static BufferedImage productShot(int side, Color background, double productShare) {
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(background);
        g.fillRect(0, 0, side, side);
        int product = (int) Math.round(side * productShare);
        int offset = (side - product) / 2;
        BufferedImage texture = scene(product, product);
        g.drawImage(texture, offset, offset, null);
        g.dispose();
        return image;
    }

    /** Rows of small dark bars on white, as dense as a caption, inside the given rectangle. */
    static void drawTextLikeBars(BufferedImage image, int x, int y, int width, int height) {
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(x, y, width, height);
        g.setColor(Color.BLACK);
        for (int row = y + 6; row + 14 < y + height; row += 24) {
            for (int column = x + 8; column + 6 < x + width; column += 9) {
                g.fillRect(column, row, 5, 14);
            }
        }
        g.dispose();
    }

    /** Vertical stripes of the given colours, equal widths. */
    static BufferedImage stripes(int width, int height, Color... colours) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        int stripe = (width + colours.length - 1) / colours.length;
        for (int i = 0; i < colours.length; i++) {
            g.setColor(colours[i]);
            g.fillRect(i * stripe, 0, stripe, height);
        }
        g.dispose();
        return image;
    }

    static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
                writer.setOutput(stream);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(quality);
                writer.write(null, new IIOImage(image, null, null), param);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /** An audit of the image with no target. */
    static AuditImage body(byte[] bytes) {
        return new AuditImage(base64(bytes), AuditTarget.NONE);
    }

    /** An audit for {@code placement} given as a {@code channel/placement} key. */
    static AuditImage body(byte[] bytes, String placement) {
        return request(base64(bytes), null, placement, List.of());
    }

    /**
     * An audit of the image against the target named as a request names it (each part may be null); names that do
     * not resolve are refused as a request's {@code asset_metadata} fields are.
     */
    static AuditImage request(String imageBase64, String channel, String placement, List<String> palette) {
        FieldProblems problems = new FieldProblems();
        AuditTarget target = TARGETS.target(channel, placement, palette, "asset_metadata.", problems);
        problems.throwIfProblems("audit request");
        return new AuditImage(imageBase64, target);
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static final ImageAuditService TARGETS = new ImageAuditService(ChannelCatalog.load(), PriceTable.load());
}
