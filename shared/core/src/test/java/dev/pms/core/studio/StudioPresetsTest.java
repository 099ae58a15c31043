package dev.pms.core.studio;

import dev.pms.core.generation.StudioBrief.Operation;
import dev.pms.core.generation.StudioBrief.Scene;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StudioPresetsTest {

    @ParameterizedTest
    @CsvSource({"480p,1200,800,832,480", "720p,1200,800,1280,720", "1080p,1200,800,1920,1080",
            "720p,800,1200,720,1280", "1080p,1000,1000,1080,1080", "480p,1000,900,480,480"})
    void aResolutionMeansAFrameOfThePicturesShape(String resolution, int width, int height, int frameWidth,
                                                 int frameHeight) {
        StudioPresets.Frame frame = StudioPresets.frame(resolution, width, height);
        assertThat(frame.width()).isEqualTo(frameWidth);
        assertThat(frame.height()).isEqualTo(frameHeight);
        assertThat(frame.width() % 2).isZero();
    }

    @Test
    void anExactFrameWritesItsRatioInLowestTerms() {
        assertThat(StudioPresets.Frame.exact(1280, 720).ratio()).isEqualTo("16:9");
        assertThat(StudioPresets.Frame.exact(1080, 1350).ratio()).isEqualTo("4:5");
    }

    @Test
    void routeSegmentsNameThePresets() {
        assertThat(StudioPresets.presetOfRoute(Operation.PRODUCT_VIDEO, "feature-highlight")).hasValue("feature_highlight");
        assertThat(StudioPresets.presetOfRoute(Operation.AVATAR_EXPLAINER, "brand-message")).hasValue("brand_message");
        assertThat(StudioPresets.presetOfRoute(Operation.AVATAR_EXPLAINER, "overview")).hasValue("product_overview");
        assertThat(StudioPresets.presetOfRoute(Operation.AVATAR_EXPLAINER, "feature")).hasValue("feature_explainer");
        assertThat(StudioPresets.presetOfRoute(Operation.ANIMATE, "rotation")).hasValue("rotation");
        assertThat(StudioPresets.presetOfRoute(Operation.ANIMATE, "teaser")).isEmpty();
    }

    @Test
    void scenesFitTheNarratorsTimeAndEndOnTheCallToAction() {
        String description = "Keeps drinks cold for 24 hours. Leak-proof lid with a carry loop. Fits every cup holder. "
                + "Made from recycled steel.";
        for (String type : StudioPresets.VIDEO_TYPES.keySet()) {
            for (int seconds : List.of(5, 10)) {
                List<Scene> scenes = StudioPresets.scenes(type, "Aurora Bottle", description, seconds);
                assertThat(scenes.get(scenes.size() - 1).purpose()).isEqualTo("call_to_action");
                assertThat(scenes.size()).isGreaterThanOrEqualTo(2);
                int words = scenes.stream().mapToInt(scene -> StudioPresets.words(scene.narration())).sum();
                assertThat(words).as("%s at %d s", type, seconds)
                        .isLessThanOrEqualTo((int) (seconds * StudioPresets.WORDS_PER_SECOND) + 8);
            }
        }
        List<Scene> long10 = StudioPresets.scenes("feature_highlight", "Aurora Bottle", description, 10);
        List<Scene> short5 = StudioPresets.scenes("feature_highlight", "Aurora Bottle", description, 5);
        assertThat(long10.size()).isGreaterThan(short5.size());
        assertThat(long10).anySatisfy(scene -> assertThat(scene.onScreenText()).contains("Keeps drinks cold"));
    }

    @Test
    void aPhotoshootsLookReadsAsAShotAndA360SetTurnsAroundTheProduct() {
        Map<String, String> look = Map.of("environment", "luxury", "background_style", "branded", "lighting",
                "dramatic", "style", "luxury", "angle", "360");
        assertThat(StudioPresets.photoshootShot(look, 1, 4)).contains("premium set").contains("brand's primary colour")
                .contains("spotlight").contains("0 degrees");
        assertThat(StudioPresets.photoshootShot(look, 3, 4)).contains("180 degrees");
    }
}
