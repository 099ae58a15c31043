package dev.pms.providers.offline;

import org.jcodec.api.awt.AWTFrameGrab;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.jcodec.scale.AWTUtil;
import org.jcodec.scale.ColorUtil;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class Mp4WriterTest {

    @Test
    void coloursSurviveTheConversionAndTheEncoding() throws Exception {
        List<Color> colours = List.of(Color.RED, Color.GREEN, Color.BLUE, Color.WHITE, Color.BLACK, new Color(0x1F6FEB),
                new Color(0xF78166), Color.GRAY);
        BufferedImage image = new BufferedImage(128, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        for (int i = 0; i < colours.size(); i++) {
            g.setColor(colours.get(i));
            g.fillRect(i * 16, 0, 16, 64);
        }
        g.dispose();
        Mp4Writer writer = new Mp4Writer(2);
        writer.addFrame(image);
        writer.addFrame(image);

        BufferedImage decoded = AWTFrameGrab.createAWTFrameGrab(new InMemoryChannel(writer.finish())).getFrame();

        for (int i = 0; i < colours.size(); i++) {
            Color wanted = colours.get(i);
            Color got = new Color(decoded.getRGB(i * 16 + 8, 32));
            assertThat(Math.abs(got.getRed() - wanted.getRed())).as("red of %s", wanted).isLessThanOrEqualTo(16);
            assertThat(Math.abs(got.getGreen() - wanted.getGreen())).as("green of %s", wanted).isLessThanOrEqualTo(16);
            assertThat(Math.abs(got.getBlue() - wanted.getBlue())).as("blue of %s", wanted).isLessThanOrEqualTo(16);
        }
    }

    @Test
    void chromaMatchesJcodecsOwnConversion() {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                image.setRGB(x, y, (x * 8) << 16 | (y * 8) << 8 | ((x + y) * 4));
            }
        }
        Picture jcodec = Picture.create(32, 32, ColorSpace.YUV420J);
        ColorUtil.getTransform(ColorSpace.RGB, ColorSpace.YUV420J).transform(AWTUtil.fromBufferedImageRGB(image), jcodec);

        Picture ours = Mp4Writer.yuv(image);

        for (int plane = 1; plane < 3; plane++) {
            byte[] expected = jcodec.getPlaneData(plane);
            byte[] actual = ours.getPlaneData(plane);
            for (int i = 0; i < expected.length; i++) {
                assertThat(Math.abs(actual[i] - expected[i])).isLessThanOrEqualTo(2);
            }
        }
    }
}
