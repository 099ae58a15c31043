package dev.pms.providers.offline;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ScenePainterTest {
    private static final List<String> LINES = List.of("Tired skin by noon? Not any more, not with this",
            "Vitamin C glow in 7 days", "Shop Glow Serum today");

    @ParameterizedTest
    @CsvSource({"launch, 1280, 720", "launch, 1080, 1920", "storytelling, 1280, 720", "storytelling, 1080, 1080",
            "demo, 1280, 720", "demo, 1080, 1920", "feature_highlight, 1280, 720", "feature_highlight, 1080, 1350"})
    void everyWordStaysInsideTheSafeZoneAtAaContrastThroughoutItsEntrance(String preset, int width, int height) {
        Rectangle safe = new Rectangle(width / 10, height / 8, width * 8 / 10, height * 6 / 8);
        ScenePainter painter = new ScenePainter(width, height, safe, ScenePainter.Treatment.of(preset),
                CreativePalette.of(StudioRequests.PALETTE), null, "Glow Serum");
        BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);

        for (int scene = 0; scene < LINES.size(); scene++) {
            for (double entrance : new double[] {0, 0.3, 1}) {
                List<DrawnText> texts = painter.paint(frame, scene, LINES.size(), LINES.get(scene),
                        scene == LINES.size() - 1, entrance, 0.5);

                assertThat(texts).as("scene %d", scene).isNotEmpty();
                for (DrawnText text : texts) {
                    assertThat(safe.contains(text.bounds())).as("%s at %s inside %s", text.text(), text.bounds(), safe)
                            .isTrue();
                    if (entrance == 1) {
                        assertThat(CreativePalette.contrast(text.colour(), text.background())).as(text.text())
                                .isGreaterThanOrEqualTo(CreativePalette.AA_CONTRAST);
                    }
                }
            }
        }
    }
}
