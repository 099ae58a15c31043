package dev.pms.providers.wavespeed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sizes asked of the image models and the cover fit to the placement canvas. */
class WaveSpeedSizingTest {

    @ParameterizedTest
    @CsvSource({
            "1080, 1350, 1080*1352",
            "1080, 1080, 1080*1080",
            "1200, 628, 1200*632",
            "1920, 1080, 1536*864",
            "1080, 1920, 864*1536",
            "2048, 2048, 1536*1536",
            "600, 180, 856*256",
            "220, 220, 256*256",
            "150, 300, 256*512"})
    void asksQwenForTheCanvasWithinItsSideLimits(int width, int height, String size) {
        assertThat(ImageSizing.qwenSize(width, height)).isEqualTo(new ImageSizing.Requested("size", size));
    }

    @ParameterizedTest
    @CsvSource({
            "480p, 832, 480, 832*480",
            "480p, 1280, 720, 832*480",
            "480p, 480, 832, 480*832",
            "720p, 1280, 720, 1280*720",
            "720p, 1920, 1080, 1280*720",
            "720p, 720, 1280, 720*1280",
            "720p, 1080, 1920, 720*1280",
            "1080p, 1920, 1080, 1920*1080",
            "1080p, 1080, 1920, 1080*1920",
            "1080p, 1200, 675, 1920*1080"})
    void asksWanTextToVideoForTheFrameOfTheCanvasShape(String resolution, int width, int height, String size) {
        assertThat(ImageSizing.wanTextToVideoSize(resolution, width, height))
                .contains(new ImageSizing.Requested("size", size));
    }

    @ParameterizedTest
    @CsvSource({"720p, 1080, 1080", "1080p, 1080, 1350", "480p, 1200, 628", "720p, 1000, 1500", "4k, 1920, 1080"})
    void findsNoWanTextToVideoFrameForOtherShapes(String resolution, int width, int height) {
        assertThat(ImageSizing.wanTextToVideoSize(resolution, width, height)).isEmpty();
    }

    @Test
    void keepsTheAlphaChannelOfATransparentImage() {
        BufferedImage cutout = new BufferedImage(200, 100, BufferedImage.TYPE_INT_ARGB);

        BufferedImage fitted = ImageSizing.fitToCanvas(cutout, 120, 120);

        assertThat(fitted.getColorModel().hasAlpha()).isTrue();
        assertThat(fitted.getRGB(60, 60) >>> 24).isZero();
    }

    @ParameterizedTest
    @CsvSource({
            "1080, 1350, 3:4",
            "1080, 1080, 1:1",
            "1200, 628, 16:9",
            "1080, 1920, 9:16",
            "1280, 720, 16:9",
            "600, 450, 4:3",
            "1000, 1500, 3:4",
            "1200, 300, 16:9"})
    void asksIdeogramForTheNearestAspectRatio(int width, int height, String ratio) {
        assertThat(ImageSizing.ideogramAspectRatio(width, height))
                .isEqualTo(new ImageSizing.Requested("aspect_ratio", ratio));
    }

    @Test
    void coversTheCanvasExactlyCroppingTheOverhangAboutTheCentre() {
        BufferedImage source = halves(1344, 768, Color.RED, Color.BLUE);

        BufferedImage fitted = ImageSizing.fitToCanvas(source, 1080, 1350);

        assertThat(fitted.getWidth()).isEqualTo(1080);
        assertThat(fitted.getHeight()).isEqualTo(1350);
        assertThat(new Color(fitted.getRGB(10, 675))).isEqualTo(Color.RED);
        assertThat(new Color(fitted.getRGB(1070, 675))).isEqualTo(Color.BLUE);
        assertThat(new Color(fitted.getRGB(540, 0)).getRed()).isGreaterThan(0);
    }

    @Test
    void scalesUpASmallImageAndKeepsAnExactFitAsItIs() {
        BufferedImage small = halves(100, 50, Color.GREEN, Color.GREEN);

        BufferedImage up = ImageSizing.fitToCanvas(small, 1200, 628);
        BufferedImage same = ImageSizing.fitToCanvas(halves(300, 300, Color.RED, Color.BLUE), 300, 300);

        assertThat(up.getWidth()).isEqualTo(1200);
        assertThat(up.getHeight()).isEqualTo(628);
        assertThat(new Color(up.getRGB(0, 0))).isEqualTo(Color.GREEN);
        assertThat(new Color(up.getRGB(1199, 627))).isEqualTo(Color.GREEN);
        assertThat(new Color(same.getRGB(0, 150))).isEqualTo(Color.RED);
        assertThat(new Color(same.getRGB(299, 150))).isEqualTo(Color.BLUE);
    }

    @Test
    void refusesAnEmptyCanvas() {
        assertThatThrownBy(() -> ImageSizing.fitToCanvas(halves(10, 10, Color.RED, Color.RED), 0, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static BufferedImage halves(int width, int height, Color left, Color right) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(left);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(right);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }
}
