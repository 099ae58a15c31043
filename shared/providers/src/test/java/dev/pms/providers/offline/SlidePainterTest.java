package dev.pms.providers.offline;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SlidePainterTest {
    private static final BrandColours DEMO_PALETTE = BrandColours.from(List.of("#1A73E8", "#0B1F3A"), 1);
    private static final String LONG_LINE = "Meetings, calls and ideas turned into clear, searchable notes.";

    @Test
    void everyTextBoxLiesInsideTheSafeZoneAndApartFromTheOthers() {
        for (String placement : List.of("instagram/reel", "youtube/short", "youtube/video", "tiktok/video")) {
            for (int slide = 0; slide < 3; slide++) {
                int width = placement.equals("youtube/video") ? 1920 : 1080;
                int height = placement.equals("youtube/video") ? 1080 : 1920;
                Rectangle safe = OfflineImageRenderer.safeArea(Requests.placement(placement), width, height);
                SlidePainter painter = new SlidePainter(width, height, safe, DEMO_PALETTE, false);
                switch (slide) {
                    case 0 -> painter.lineSlide("Acme Notes", LONG_LINE, 1, 3);
                    case 1 -> painter.endCard("Acme Notes", "Try Acme Notes today.");
                    default -> painter.presenterSlide(null, "Ada", "Host, Acme Notes", LONG_LINE, "Try Acme Notes today.");
                }
                List<Rectangle> boxes = painter.textBoxes();
                assertThat(boxes).as("%s slide %d draws its texts", placement, slide).hasSizeGreaterThanOrEqualTo(2);
                for (int i = 0; i < boxes.size(); i++) {
                    assertThat(safe.contains(boxes.get(i))).as("%s slide %d box %s inside %s", placement, slide, boxes.get(i), safe)
                            .isTrue();
                    for (int j = i + 1; j < boxes.size(); j++) {
                        assertThat(boxes.get(i).intersects(boxes.get(j))).as("%s slide %d boxes %d and %d overlap", placement,
                                slide, i, j).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void textOnThePaletteMeetsWcagAa() {
        for (Color background : List.of(DEMO_PALETTE.primary(), DEMO_PALETTE.secondary(), Color.WHITE,
                new Color(0x1F6FEB), new Color(0xF78166), new Color(0x777777))) {
            assertThat(SlidePainter.contrast(SlidePainter.textOn(background), background)).isGreaterThanOrEqualTo(4.5);
        }
    }

    @Test
    void theBrandPrimaryColourFillsMostOfALineSlide() {
        SlidePainter painter = new SlidePainter(540, 960, new Rectangle(32, 134, 476, 490), DEMO_PALETTE, false);

        BufferedImage slide = painter.lineSlide("Acme Notes", "Meet Acme Notes.", 0, 3);

        int primary = 0;
        for (int y = 0; y < slide.getHeight(); y++) {
            for (int x = 0; x < slide.getWidth(); x++) {
                primary += slide.getRGB(x, y) == DEMO_PALETTE.primary().getRGB() ? 1 : 0;
            }
        }
        assertThat(primary).isGreaterThan(slide.getWidth() * slide.getHeight() / 2);
    }

    @Test
    void aMonogramIsTheFirstLettersOfTwoWords() {
        assertThat(SlidePainter.initials("ada lovelace byron")).isEqualTo("AL");
        assertThat(SlidePainter.initials("Acme")).isEqualTo("A");
    }
}
