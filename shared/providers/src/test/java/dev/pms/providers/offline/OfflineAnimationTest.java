package dev.pms.providers.offline;

import dev.pms.core.channel.AssetType;
import dev.pms.core.generation.GeneratedMedia;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.ProviderJob;
import org.jcodec.api.awt.AWTFrameGrab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OfflineAnimationTest {
    private final OfflineAnimation animation = new OfflineAnimation();

    @ParameterizedTest
    @CsvSource({"reveal, 5", "reveal, 10", "rotation, 5", "rotation, 10", "demo, 5", "demo, 10", "lifestyle, 5",
            "lifestyle, 10"})
    void everyPresetMakesAnH264ClipOfExactlyTheAskedSizeAndLength(String preset, int seconds) throws Exception {
        GeneratedMedia media = animate(preset, seconds, 320, 180, productOnWhite());

        assertThat(media.mimeType()).isEqualTo("video/mp4");
        assertThat(media.model()).isEqualTo(OfflineAnimation.MODEL);
        assertThat(media.durationSeconds()).isEqualTo((double) seconds);
        assertThat(media.details()).containsEntry("preset", preset).containsKey("motion");
        Mp4Boxes.Track video = Mp4Boxes.track(media.bytes(), "vide");
        assertThat(video.sampleEntry()).isEqualTo("avc1");
        assertThat(video.width()).isEqualTo(320);
        assertThat(video.height()).isEqualTo(180);
        assertThat(video.seconds()).isCloseTo(seconds, within(0.001));
        assertThat(Mp4Boxes.movieSeconds(media.bytes())).isCloseTo(seconds, within(0.001));
        assertThat(video.samples()).isEqualTo((Integer) media.details().get("frames"));
        List<BufferedImage> frames = frames(media.bytes());
        assertThat(frames).hasSize(video.samples());
        assertThat(frames.get(0).getWidth()).isEqualTo(320);
        assertThat(difference(frames.get(frames.size() / 4), frames.get(frames.size() / 2))).as("the picture moves")
                .isGreaterThan(0.5);
    }

    @Test
    void a720pClipIsExactly1280x720() throws Exception {
        GeneratedMedia media = animate("reveal", 5, 1280, 720, productOnWhite());

        Mp4Boxes.Track video = Mp4Boxes.track(media.bytes(), "vide");
        assertThat(video.width()).isEqualTo(1280);
        assertThat(video.height()).isEqualTo(720);
        assertThat(StudioRequests.videoTrack(media.bytes()).getTotalDuration()).isCloseTo(5.0, within(0.01));
        BufferedImage first = AWTFrameGrab.createAWTFrameGrab(new InMemoryChannel(media.bytes())).getFrame();
        assertThat(first.getWidth()).isEqualTo(1280);
        assertThat(first.getHeight()).isEqualTo(720);
    }

    @Test
    void revealOpensFromBlack() throws Exception {
        List<BufferedImage> frames = frames(animate("reveal", 5, 320, 180, productOnWhite()).bytes());

        assertThat(meanLuminance(frames.get(0))).isLessThan(40);
        assertThat(meanLuminance(frames.get(frames.size() - 1))).isGreaterThan(120);
    }

    @Test
    void aPictureOfADifferentShapeIsContainedOverABlurredCopyAndACloseOneCovers() {
        GeneratedMedia tall = animate("lifestyle", 5, 320, 180, picture(200, 400));
        GeneratedMedia wide = animate("lifestyle", 5, 320, 180, picture(400, 240));

        assertThat((String) tall.details().get("fit")).startsWith("contain");
        assertThat((String) wide.details().get("fit")).startsWith("cover");
    }

    @Test
    void theSameRequestGivesTheSameBytes() {
        byte[] first = animate("rotation", 5, 160, 90, productOnWhite()).bytes();
        byte[] second = animate("rotation", 5, 160, 90, productOnWhite()).bytes();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void theFrameRateKeepsA1080pClipInsideTheBudget() {
        assertThat(StudioClip.framesPerSecond(1920, 1080, 10)).isEqualTo(8);
        assertThat(StudioClip.framesPerSecond(1920, 1080, 5)).isEqualTo(15);
        assertThat(StudioClip.framesPerSecond(1280, 720, 10)).isEqualTo(15);
        assertThat(StudioClip.framesPerSecond(854, 480, 10)).isEqualTo(15);
    }

    @Test
    void anOddCanvasIsEncodedOnePixelSmallerAndSaysSo() {
        GeneratedMedia media = animate("demo", 5, 321, 181, productOnWhite());

        assertThat(media.width()).isEqualTo(320);
        assertThat(media.height()).isEqualTo(180);
        assertThat(media.details()).containsEntry("size_note", "H.264 4:2:0 needs even sides: 321x181 encoded as 320x180");
    }

    @Test
    void anUnreadableOrMissingImageFailsWithoutRetry() {
        GenerationRequest garbage = StudioRequests.request("asset-1", AssetType.VIDEO, 320, 180,
                StudioRequests.animation("reveal", 5), new byte[] {1, 2, 3}, null, null);
        GenerationRequest missing = StudioRequests.request("asset-1", AssetType.VIDEO, 320, 180,
                StudioRequests.animation("reveal", 5), null, null, null);

        assertThat(animation.submit(garbage)).isInstanceOfSatisfying(ProviderJob.Failed.class,
                failed -> assertThat(failed.retryable()).isFalse());
        assertThat(animation.submit(missing)).isInstanceOfSatisfying(ProviderJob.Failed.class,
                failed -> assertThat(failed.retryable()).isFalse());
    }

    private GeneratedMedia animate(String preset, int seconds, int width, int height, byte[] image) {
        GenerationRequest request = StudioRequests.request("asset-1", AssetType.VIDEO, width, height,
                StudioRequests.animation(preset, seconds), image, null, null);
        return ((ProviderJob.Completed) animation.submit(request)).media();
    }

    /** A red product with a stripe, on white: the kind of picture a photoshoot makes. */
    static byte[] productOnWhite() {
        BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 300);
        g.setColor(new Color(0xC0, 0x20, 0x30));
        g.fillRoundRect(150, 40, 100, 220, 30, 30);
        g.setColor(new Color(0xF6, 0xF1, 0xE7));
        g.fillRect(150, 120, 60, 70);
        g.dispose();
        return jpeg(image);
    }

    private static byte[] picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | 0x60);
            }
        }
        return jpeg(image);
    }

    private static byte[] jpeg(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpeg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static List<BufferedImage> frames(byte[] mp4) throws Exception {
        AWTFrameGrab grab = AWTFrameGrab.createAWTFrameGrab(new InMemoryChannel(mp4));
        List<BufferedImage> frames = new ArrayList<>();
        for (BufferedImage frame = grab.getFrame(); frame != null; frame = grab.getFrame()) {
            frames.add(frame);
        }
        return frames;
    }

    static double meanLuminance(BufferedImage image) {
        long total = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                total += ImageFilters.luminance(image.getRGB(x, y));
            }
        }
        return total / (double) (image.getWidth() * image.getHeight());
    }

    static double difference(BufferedImage a, BufferedImage b) {
        long total = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                total += Math.abs((p >> 16 & 0xFF) - (q >> 16 & 0xFF)) + Math.abs((p >> 8 & 0xFF) - (q >> 8 & 0xFF))
                        + Math.abs((p & 0xFF) - (q & 0xFF));
            }
        }
        return total / (3.0 * a.getWidth() * a.getHeight());
    }
}
