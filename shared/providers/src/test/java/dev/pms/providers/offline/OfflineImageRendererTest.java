package dev.pms.providers.offline;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Placement;
import dev.pms.core.generation.GeneratedMedia;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.ProviderJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class OfflineImageRendererTest {
    private static final int WHITE = 0xFFFFFF;

    private final OfflineImageRenderer renderer = new OfflineImageRenderer();

    @ParameterizedTest(name = "{0} is {1}x{2}")
    @CsvSource({
            "instagram/feed_portrait, 1080, 1350",
            "instagram/story, 1080, 1920",
            "youtube/thumbnail, 1280, 720",
            "shopify/product_image, 2048, 2048",
            "linkedin/post_landscape, 1200, 628",
            "amazon/aplus_banner, 970, 300",
            "amazon/aplus_comparison_chart, 150, 300"})
    void rendersAPngAtExactlyThePlacementSize(String key, int width, int height) throws IOException {
        GeneratedMedia media = media(Requests.request(AssetType.IMAGE, Requests.placement(key)));

        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(media.bytes()));
        assertThat(media.mimeType()).isEqualTo("image/png");
        assertThat(decoded.getWidth()).isEqualTo(width);
        assertThat(decoded.getHeight()).isEqualTo(height);
        assertThat(media.width()).isEqualTo(width);
        assertThat(media.height()).isEqualTo(height);
        assertThat(media.model()).isEqualTo(OfflineImageRenderer.MODEL);
    }

    @Test
    void amazonMainImageIsTheProductAloneOnPureWhiteFillingAtLeast85PercentOfTheFrame() throws IOException {
        GenerationRequest request = Requests.request(AssetType.IMAGE, Requests.placement("amazon/main_image"));
        ImageComposition composition = renderer.compose(request);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(media(request).bytes()));

        assertThat(composition.headlineBounds()).as("no text on the main image").isNull();
        int width = image.getWidth();
        int height = image.getHeight();
        int border = Math.max(1, width / 50);
        int nonWhiteBorderPixels = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean onBorder = x < border || y < border || x >= width - border || y >= height - border;
                if (onBorder && (image.getRGB(x, y) & 0xFFFFFF) != WHITE) {
                    nonWhiteBorderPixels++;
                }
            }
        }
        assertThat(nonWhiteBorderPixels).as("pixels of the %d px border that are not pure white", border).isZero();
        Rectangle product = nonWhiteBounds(image);
        assertThat(product.width).isGreaterThanOrEqualTo((int) Math.ceil(width * 0.85));
        assertThat(product.height).isGreaterThanOrEqualTo((int) Math.ceil(height * 0.85));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"instagram/story", "instagram/reel_cover", "youtube/thumbnail", "email/banner"})
    void headlinePixelsStayInsideTheSafeZone(String key) {
        Placement placement = Requests.placement(key);
        String longHook = "A deliberately long headline that has to wrap over several lines and shrink before it fits";
        for (String hook : new String[] {Requests.HOOK, longHook}) {
            GenerationRequest request = Requests.request(AssetType.IMAGE, placement, hook);
            ImageComposition composition = renderer.compose(request);
            BufferedImage backdrop = renderer.backdrop(request, composition.image().getWidth(), composition.image().getHeight());
            Rectangle safe = OfflineImageRenderer.safeArea(placement, placement.canvas().width(), placement.canvas().height());

            Rectangle changed = changedBounds(composition.image(), backdrop);
            assertThat(changed).as("the headline was drawn").isNotNull();
            assertThat(safe.contains(changed)).as("text pixels %s inside safe area %s", changed, safe).isTrue();
            assertThat(safe.contains(composition.headlineBounds())).isTrue();
            assertThat(composition.safeArea()).isEqualTo(safe);
        }
    }

    @Test
    void safeAreaFollowsTheCatalogueFractions() {
        Rectangle story = OfflineImageRenderer.safeArea(Requests.placement("instagram/story"), 1080, 1920);

        assertThat(story).isEqualTo(new Rectangle(65, 269, 1080 - 65 - 65, 1920 - 269 - 384));
    }

    @Test
    void sameRequestRendersTheSameBytesAndAnotherPromptDoesNot() {
        Placement placement = Requests.placement("linkedin/post_portrait");
        GenerationRequest request = Requests.request(AssetType.IMAGE, placement);
        GenerationRequest otherPrompt = new GenerationRequest("job-1", "asset-1", AssetType.IMAGE, placement, "another prompt",
                Requests.HOOK, Requests.CONCEPT, Requests.PRODUCT, Requests.PALETTE, null, "offline", null, null, null, null);

        assertThat(media(request).bytes()).isEqualTo(media(request).bytes());
        assertThat(media(otherPrompt).bytes()).isNotEqualTo(media(request).bytes());
    }

    private GeneratedMedia media(GenerationRequest request) {
        return ((ProviderJob.Completed) renderer.submit(request)).media();
    }

    private static Rectangle nonWhiteBounds(BufferedImage image) {
        Rectangle bounds = null;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != WHITE) {
                    bounds = include(bounds, x, y);
                }
            }
        }
        return bounds;
    }

    private static Rectangle changedBounds(BufferedImage a, BufferedImage b) {
        Rectangle bounds = null;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    bounds = include(bounds, x, y);
                }
            }
        }
        return bounds;
    }

    private static Rectangle include(Rectangle bounds, int x, int y) {
        if (bounds == null) {
            return new Rectangle(x, y, 1, 1);
        }
        bounds.add(new Rectangle(x, y, 1, 1));
        return bounds;
    }
}
