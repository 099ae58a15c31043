package dev.pms.providers.edit;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Canvas;
import dev.pms.core.channel.Placement;
import dev.pms.core.channel.SafeZone;
import dev.pms.core.generation.GeneratedMedia;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.ImageEdit;
import dev.pms.core.generation.ProviderJob;
import dev.pms.core.pricing.QualityTier;
import dev.pms.providers.offline.OfflineProviders;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The offline edit engine does real work on the pixels, and variants keep the subject and their text safe. */
class ImageEditsTest {
    private static final Color BLUE = new Color(0x1A73E8);

    @Test
    void relightBrightensADarkPhotoAndKeepsItsHue() {
        BufferedImage dark = scaled(photo(800, 600, 0.5, 0.5, 0.5), 0.25);
        BufferedImage relit = ImageOps.relight(dark);
        assertThat(meanLuma(relit)).isGreaterThan(meanLuma(dark) + 50);
        int product = relit.getRGB(400, 250);
        assertThat(product & 0xFF).as("the product stays blue").isGreaterThan(product >> 16 & 0xFF);
    }

    @Test
    void backgroundToWhiteWhitensTheBorderAndKeepsTheProduct() {
        BufferedImage white = ImageOps.backgroundToWhite(photo(900, 900, 0.5, 0.5, 0.5));
        assertThat(white.getRGB(5, 5) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(white.getRGB(890, 890) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(white.getRGB(450, 450) & 0xFFFFFF).isNotEqualTo(0xFFFFFF);
    }

    @Test
    void upscaleEnlargesAndSharpensRatherThanCopying() {
        BufferedImage source = photo(400, 300, 0.5, 0.5, 0.5);
        BufferedImage up = ImageOps.upscale(source, 2);
        assertThat(up.getWidth()).isEqualTo(800);
        assertThat(up.getHeight()).isEqualTo(600);
    }

    @Test
    void recolourTurnsTheDominantHueTowardTheBrand() {
        BufferedImage green = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = green.createGraphics();
        g.setColor(new Color(0x22C55E));
        g.fillRect(0, 0, 200, 200);
        g.dispose();
        BufferedImage recoloured = ImageOps.recolour(green, List.of("#0B1F3A", "#1A73E8"));
        float[] hsb = Color.RGBtoHSB(recoloured.getRGB(100, 100) >> 16 & 0xFF, recoloured.getRGB(100, 100) >> 8 & 0xFF,
                recoloured.getRGB(100, 100) & 0xFF, null);
        float[] brand = Color.RGBtoHSB(0x1A, 0x73, 0xE8, null);
        assertThat(Math.abs(hsb[0] - brand[0])).isLessThan(0.03f);
    }

    @Test
    void aVariantOfAClosePlacementIsASaliencyAwareCropThatKeepsTheSubject() throws IOException {
        BufferedImage photo = photo(2400, 1350, 0.72, 0.5, 0.6);
        VariantDeriver.Derived portrait = VariantDeriver.derive(photo, target(1080, 1350, 0, 0, 0.031, 0.031, "Cold for 24 hours"));
        keep("portrait.png", portrait.image());
        assertThat(portrait.method()).isEqualTo("crop");
        assertThat(portrait.image().getWidth()).isEqualTo(1080);
        assertThat(portrait.image().getHeight()).isEqualTo(1350);
        int[] crop = portrait.sourceBox();
        int[] subject = portrait.subjectBox();
        assertThat(crop[0]).isLessThanOrEqualTo(subject[0]);
        assertThat(crop[0] + crop[2]).isGreaterThanOrEqualTo(subject[0] + subject[2]);
        assertInside(portrait.textBoxes().get(0), portrait.safeRect());
    }

    @Test
    void aVariantWhoseRatioDiffersTooMuchIsPaddedOrExtendedAndItsTextAvoidsTheSubject() throws IOException {
        BufferedImage photo = photo(1800, 1800, 0.5, 0.5, 0.55);
        VariantDeriver.Derived banner = VariantDeriver.derive(photo, target(970, 300, 0, 0, 0, 0, "Cold for 24 hours"));
        keep("banner.png", banner.image());
        assertThat(banner.method()).isEqualTo("extend");
        int[] text = banner.textBoxes().get(0);
        int[] content = banner.contentBox();
        assertThat(text[0] + text[2] <= content[0] + content[2] / 3 || text[0] >= content[0] + 2 * content[2] / 3)
                .as("the text sits beside the product").isTrue();
        BufferedImage studio = studio(1600, 1600);
        VariantDeriver.Derived padded = VariantDeriver.derive(studio, target(970, 300, 0, 0, 0, 0, null));
        keep("padded.png", padded.image());
        assertThat(padded.method()).isEqualTo("pad");
        assertThat(padded.image().getRGB(3, 150) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }

    @Test
    void theOfflineProvidersRunEveryPlanOperationAsARealEdit() throws IOException {
        OfflineProviders offline = new OfflineProviders();
        byte[] source = png(photo(1200, 900, 0.5, 0.5, 0.5));
        Placement placement = new Placement("instagram/feed_square", null, AssetType.IMAGE,
                new Canvas(1080, 1080, "1:1", 0.01), null, null, null, List.of("png", "jpg"),
                new SafeZone(0, 0, 0, 0), List.of(), null, null, List.of(), "test", null);
        Map<String, Map<String, Object>> operations = Map.of(
                "crop", Map.of("crop_box", Map.of("x", 150, "y", 0, "width", 900, "height", 900)),
                "upscale", Map.of("factor", 2),
                "downscale", Map.of("width", 600, "height", 450),
                "relight", Map.of(), "restore", Map.of(), "background_to_white", Map.of(),
                "recolour", Map.of("palette", List.of("#F4B400")),
                "compress", Map.of("max_bytes", 60_000),
                "derive", Map.of("overlay_text", "Launch day"));
        for (Map.Entry<String, Map<String, Object>> operation : operations.entrySet()) {
            ProviderJob job = offline.submit(new GenerationRequest("job", "item", AssetType.IMAGE, placement, "edit",
                    null, null, Map.of(), List.of(), List.of(), "offline", null, QualityTier.DEFAULT, source, null,
                    null, null, null, null, new ImageEdit(operation.getKey(), operation.getValue(), source)));
            assertThat(job).as(operation.getKey()).isInstanceOf(ProviderJob.Completed.class);
            GeneratedMedia media = ((ProviderJob.Completed) job).media();
            assertThat(media.bytes()).as(operation.getKey()).isNotEqualTo(source);
            assertThat(media.model()).isEqualTo("java2d-" + operation.getKey());
            BufferedImage made = ImageIO.read(new ByteArrayInputStream(media.bytes()));
            assertThat(made.getWidth()).isEqualTo(media.width());
            switch (operation.getKey()) {
                case "crop" -> assertThat(made.getWidth()).isEqualTo(900);
                case "upscale" -> assertThat(made.getWidth()).isEqualTo(2400);
                case "downscale" -> assertThat(made.getWidth()).isEqualTo(600);
                case "derive" -> assertThat(made.getWidth()).isEqualTo(1080);
                case "compress" -> assertThat(media.bytes().length).isLessThanOrEqualTo(60_000);
                default -> assertThat(made.getWidth()).isEqualTo(1200);
            }
        }
    }

    private static void assertInside(int[] box, int[] safe) {
        assertThat(box[0]).isGreaterThanOrEqualTo(safe[0]);
        assertThat(box[1]).isGreaterThanOrEqualTo(safe[1]);
        assertThat(box[0] + box[2]).isLessThanOrEqualTo(safe[0] + safe[2]);
        assertThat(box[1] + box[3]).isLessThanOrEqualTo(safe[1] + safe[3]);
    }

    private static VariantDeriver.Target target(int w, int h, double top, double bottom, double left, double right,
                                                String text) {
        return new VariantDeriver.Target(w, h, top, bottom, left, right, text, new Color(0x0B1F3A));
    }

    /** A grey backdrop with grain and a blue product at (cx, cy), {@code size} of the height tall. */
    static BufferedImage photo(int width, int height, double cx, double cy, double size) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(225, 225, 228), 0, height, new Color(150, 150, 150)));
        g.fillRect(0, 0, width, height);
        double tall = height * size;
        double wide = tall * 0.36;
        g.setColor(BLUE);
        g.fillRoundRect((int) (width * cx - wide / 2), (int) (height * cy - tall / 2), (int) wide, (int) tall, 30, 30);
        g.setColor(new Color(0xF4B400));
        g.fillRect((int) (width * cx - wide / 2), (int) (height * cy), (int) wide, (int) (tall * 0.1));
        g.dispose();
        Random random = new Random(1);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = image.getRGB(x, y);
                int n = (int) (random.nextGaussian() * 2);
                image.setRGB(x, y, clamp((p >> 16 & 0xFF) + n) << 16 | clamp((p >> 8 & 0xFF) + n) << 8
                        | clamp((p & 0xFF) + n));
            }
        }
        return image;
    }

    private static BufferedImage studio(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(BLUE);
        g.fillRoundRect(width / 2 - 150, height / 2 - 450, 300, 900, 40, 40);
        g.dispose();
        return image;
    }

    private static BufferedImage scaled(BufferedImage image, double factor) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                image.setRGB(x, y, (int) ((p >> 16 & 0xFF) * factor) << 16 | (int) ((p >> 8 & 0xFF) * factor) << 8
                        | (int) ((p & 0xFF) * factor));
            }
        }
        return image;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    private static double meanLuma(BufferedImage image) {
        long sum = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                sum += ImageOps.luma(image.getRGB(x, y));
            }
        }
        return sum / (image.getWidth() / 2.0 * image.getHeight() / 2.0);
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static void keep(String name, BufferedImage image) throws IOException {
        Path dir = Path.of("target", "image-edits");
        Files.createDirectories(dir);
        ImageIO.write(image, "png", dir.resolve(name).toFile());
    }
}
