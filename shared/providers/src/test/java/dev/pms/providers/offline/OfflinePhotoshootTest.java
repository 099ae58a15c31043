package dev.pms.providers.offline;

import dev.pms.core.channel.AssetType;
import dev.pms.core.generation.GeneratedMedia;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.ProviderJob;
import dev.pms.core.media.ProductPhoto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OfflinePhotoshootTest {
    private final OfflinePhotoshoot photoshoot = new OfflinePhotoshoot();

    @ParameterizedTest
    @CsvSource({"1024, 1024, studio, white", "1280, 720, outdoor, lifestyle", "1080, 1920, luxury, lifestyle",
            "1080, 1350, minimalist, branded", "1024, 1024, lifestyle, lifestyle"})
    void aPngAtExactlyTheCanvasSize(int width, int height, String environment, String background) throws Exception {
        GeneratedMedia media = shoot(width, height, Map.of("environment", environment, "background_style", background), 1, 1);

        BufferedImage image = decode(media);
        assertThat(media.mimeType()).isEqualTo("image/png");
        assertThat(media.model()).isEqualTo(OfflinePhotoshoot.MODEL);
        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
        assertThat(media.width()).isEqualTo(width);
        assertThat(media.height()).isEqualTo(height);
        assertThat(media.details()).containsEntry("environment", environment).containsEntry("background", background)
                .containsKeys("lighting", "style", "angle", "variation", "product_form");
    }

    @Test
    void aTransparentBackgroundIsARealAlphaChannelClearInTheCorners() throws Exception {
        BufferedImage image = decode(shoot(1024, 1024, Map.of("background_style", "transparent"), 1, 1));

        assertThat(image.getColorModel().hasAlpha()).isTrue();
        for (int[] corner : corners(image)) {
            assertThat(image.getRGB(corner[0], corner[1]) >>> 24).as("alpha at %s,%s", corner[0], corner[1]).isZero();
        }
        assertThat(image.getRGB(512, 512) >>> 24).as("the product is opaque").isEqualTo(255);
    }

    @Test
    void aWhiteBackgroundIsPureWhiteInTheCornersAndTheProductIsNot() throws Exception {
        BufferedImage image = decode(shoot(1280, 720, Map.of("background_style", "white", "lighting", "dramatic"), 1, 1));

        for (int[] corner : corners(image)) {
            assertThat(image.getRGB(corner[0], corner[1]) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        }
        assertThat(image.getRGB(640, 360) & 0xFFFFFF).isNotEqualTo(0xFFFFFF);
    }

    @Test
    void aBrandedBackgroundIsTheBrandsPrimaryColour() throws Exception {
        BufferedImage image = decode(shoot(1024, 1024, Map.of("background_style", "branded"), 1, 1));

        Color corner = new Color(image.getRGB(2, 512));
        Color primary = new Color(0x1F6FEB);
        assertThat(Math.abs(corner.getRed() - primary.getRed())).isLessThan(30);
        assertThat(Math.abs(corner.getGreen() - primary.getGreen())).isLessThan(30);
        assertThat(Math.abs(corner.getBlue() - primary.getBlue())).isLessThan(30);
    }

    @Test
    void variationsMoveTheCameraAndTheSameInputGivesTheSameBytes() throws Exception {
        Map<String, String> look = Map.of("environment", "studio", "background_style", "lifestyle");
        GeneratedMedia first = shoot(512, 512, look, 1, 3);
        GeneratedMedia again = shoot(512, 512, look, 1, 3);
        GeneratedMedia second = shoot(512, 512, look, 2, 3);
        GeneratedMedia third = shoot(512, 512, look, 3, 3);

        assertThat(again.bytes()).isEqualTo(first.bytes());
        assertThat(difference(decode(first), decode(second))).isGreaterThan(3.0);
        assertThat(difference(decode(first), decode(third))).isGreaterThan(3.0);
        assertThat(difference(decode(second), decode(third))).isGreaterThan(3.0);
        assertThat(second.details().get("framing")).isNotEqualTo(first.details().get("framing"));
    }

    @Test
    void a360SetTurnsTheProductByEqualSteps() {
        Map<String, String> look = Map.of("angle", "360", "background_style", "white");
        int[] yaws = new int[4];
        for (int i = 1; i <= 4; i++) {
            yaws[i - 1] = (Integer) shoot(256, 256, look, i, 4).details().get("yaw_degrees");
        }

        assertThat(yaws[1] - yaws[0]).isEqualTo(90);
        assertThat(yaws[2] - yaws[1]).isEqualTo(90);
        assertThat(yaws[3] - yaws[2]).isEqualTo(90);
    }

    @Test
    void everySettingIsDescribedAndUnknownCodesFallBack() {
        GeneratedMedia media = shoot(256, 256, Map.of("environment", "moon base", "lighting", "soft", "style", "luxury",
                "angle", "top"), 2, 2);

        assertThat(media.details()).containsEntry("environment", "studio").containsEntry("lighting", "soft")
                .containsEntry("style", "luxury").containsEntry("angle", "top").containsEntry("variation", 2)
                .containsEntry("text_overlays", "none; only the product's own label");
    }

    @Test
    void theUsersPhotoIsCutOutOfItsBackdropAndSetOnTheScene() throws Exception {
        BufferedImage photo = new BufferedImage(300, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 300, 400);
        g.setColor(new Color(0xC0, 0x20, 0x30));
        g.fillRoundRect(90, 60, 120, 300, 40, 40);
        g.dispose();
        GenerationRequest request = StudioRequests.request("asset-photo", AssetType.IMAGE, 600, 600,
                StudioRequests.photoshoot(Map.of("background_style", "transparent"), 1, 1), null, null,
                new ProductPhoto(OfflineImageRenderer.png(photo), "image/png", "upload-1"));

        GeneratedMedia media = ((ProviderJob.Completed) photoshoot.submit(request)).media();

        BufferedImage image = decode(media);
        assertThat(media.details()).containsEntry("product_form", "photo");
        assertThat((String) media.details().get("product")).contains("cut out");
        Color centre = new Color(image.getRGB(300, 300), true);
        assertThat(centre.getAlpha()).isEqualTo(255);
        assertThat(centre.getRed()).isGreaterThan(150);
        assertThat(centre.getGreen()).isLessThan(80);
        assertThat(image.getRGB(1, 1) >>> 24).isZero();
    }

    @Test
    void aPictureSentAsTheKeyFrameIsTheProductToo() throws Exception {
        GenerationRequest request = StudioRequests.request("asset-key", AssetType.IMAGE, 400, 400,
                StudioRequests.photoshoot(Map.of("background_style", "white"), 1, 1), OfflineAnimationTest.productOnWhite(),
                null, null);

        GeneratedMedia media = ((ProviderJob.Completed) photoshoot.submit(request)).media();

        assertThat(media.details()).containsEntry("product_form", "photo");
        assertThat(decode(media).getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }

    @Test
    void theProductsFormComesFromItsName() {
        assertThat(ProductForm.of("Glow Serum")).isEqualTo(ProductForm.BOTTLE);
        assertThat(ProductForm.of("Night Cream")).isEqualTo(ProductForm.JAR);
        assertThat(ProductForm.of("Tea Gift Box")).isEqualTo(ProductForm.BOX);
        assertThat(ProductForm.of("Acme Phone X")).isEqualTo(ProductForm.DEVICE);
        assertThat(ProductForm.of("Organic Cotton Tee")).isEqualTo(ProductForm.APPAREL);
        assertThat(ProductForm.of("Market Tote")).isEqualTo(ProductForm.BAG);
        assertThat(ProductForm.of("Cloud Runner Sneaker")).isEqualTo(ProductForm.SHOE);
        assertThat(ProductForm.of("Morning Coffee Mug")).isEqualTo(ProductForm.MUG);
        assertThat(ProductForm.of("Acme Notes", "Notes that write themselves")).isEqualTo(ProductForm.CANISTER);
        assertThat(ProductForm.of("Aurora", "A moisturizer in a frosted jar")).isEqualTo(ProductForm.JAR);
    }

    private GeneratedMedia shoot(int width, int height, Map<String, String> settings, int variation, int variations) {
        GenerationRequest request = StudioRequests.request("asset-" + variation, AssetType.IMAGE, width, height,
                StudioRequests.photoshoot(settings, variation, variations), null, null, null);
        return ((ProviderJob.Completed) photoshoot.submit(request)).media();
    }

    private static BufferedImage decode(GeneratedMedia media) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(media.bytes()));
    }

    private static int[][] corners(BufferedImage image) {
        int w = image.getWidth() - 1;
        int h = image.getHeight() - 1;
        return new int[][] {{0, 0}, {w, 0}, {0, h}, {w, h}, {w / 2, 0}};
    }

    /** Mean absolute difference per channel, 0..255. */
    private static double difference(BufferedImage a, BufferedImage b) {
        long total = 0;
        for (int y = 0; y < a.getHeight(); y += 2) {
            for (int x = 0; x < a.getWidth(); x += 2) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                total += Math.abs((p >> 16 & 0xFF) - (q >> 16 & 0xFF)) + Math.abs((p >> 8 & 0xFF) - (q >> 8 & 0xFF))
                        + Math.abs((p & 0xFF) - (q & 0xFF));
            }
        }
        return total / (3.0 * (a.getWidth() / 2) * (a.getHeight() / 2));
    }
}
