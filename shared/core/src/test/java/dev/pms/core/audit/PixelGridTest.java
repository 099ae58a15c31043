package dev.pms.core.audit;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

class PixelGridTest {

    @Test
    void interleavedAndPackedRastersReadTheSameColours() {
        BufferedImage packed = TestImages.scene(37, 23);
        BufferedImage interleaved = new BufferedImage(37, 23, BufferedImage.TYPE_3BYTE_BGR);
        interleaved.createGraphics().drawImage(packed, 0, 0, null);

        assertThat(PixelGrid.of(interleaved).rgb()).containsExactly(PixelGrid.of(packed).rgb());
        assertThat(PixelGrid.of(packed).rgb()[0]).isEqualTo(packed.getRGB(0, 0) & 0xFFFFFF);
    }

    @Test
    void transparencyIsShownOverWhiteInEveryLayout() {
        for (int type : new int[]{BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_4BYTE_ABGR}) {
            BufferedImage image = new BufferedImage(2, 1, type);
            image.setRGB(0, 0, 0x00000000);
            image.setRGB(1, 0, 0x80FF0000);

            int[] rgb = PixelGrid.of(image).rgb();

            assertThat(rgb[0]).as("type %d", type).isEqualTo(0xFFFFFF);
            assertThat(rgb[1]).as("type %d", type).isEqualTo(0xFF7F7F);
        }
    }

    @Test
    void greySamplesAreTakenAsStored() {
        BufferedImage grey = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(0, 0, 0, 60);

        assertThat(PixelGrid.of(grey).rgb()[0]).isEqualTo(0x3C3C3C);
    }

    @Test
    void lumaWeighsGreenMost() {
        BufferedImage image = new BufferedImage(3, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 1, 1);
        g.setColor(Color.GREEN);
        g.fillRect(1, 0, 1, 1);
        g.setColor(Color.BLUE);
        g.fillRect(2, 0, 1, 1);
        g.dispose();

        assertThat(PixelGrid.of(image).luma()).containsExactly(76, 150, 29);
    }
}
