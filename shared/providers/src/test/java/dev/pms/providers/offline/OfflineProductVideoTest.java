package dev.pms.providers.offline;

import dev.pms.core.channel.AssetType;
import dev.pms.core.generation.GeneratedMedia;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.ProviderJob;
import dev.pms.core.generation.StudioBrief;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OfflineProductVideoTest {
    private static final List<StudioBrief.Scene> SCENES = List.of(
            new StudioBrief.Scene("hook", "Tired skin by noon?", "Does your skin look tired by noon?"),
            new StudioBrief.Scene("feature", "Vitamin C glow in 7 days", "Glow Serum brightens skin in seven days."),
            new StudioBrief.Scene("cta", "Shop Glow Serum", "Shop Glow Serum today."));

    private final OfflineProductVideo video = new OfflineProductVideo(StudioRequests.BEEPS);

    @ParameterizedTest
    @CsvSource({"demo, 5", "demo, 10", "storytelling, 10", "feature_highlight, 5", "launch, 10"})
    void everyPresetLastsExactlyTheAskedLengthWithItsVoiceAsOpus(String preset, int seconds) throws Exception {
        GeneratedMedia media = make(preset, seconds, SCENES, 320, 180);

        assertThat(media.model()).isEqualTo(OfflineProductVideo.MODEL);
        assertThat(media.durationSeconds()).isEqualTo((double) seconds);
        assertThat(media.width()).isEqualTo(320);
        assertThat(media.height()).isEqualTo(180);
        Mp4Boxes.Track picture = Mp4Boxes.track(media.bytes(), "vide");
        Mp4Boxes.Track voice = Mp4Boxes.track(media.bytes(), "soun");
        assertThat(picture.width()).isEqualTo(320);
        assertThat(picture.height()).isEqualTo(180);
        assertThat(picture.seconds()).isCloseTo(seconds, within(0.001));
        assertThat(voice.sampleEntry()).isEqualTo("Opus");
        assertThat(voice.seconds()).isCloseTo(seconds, within(0.001));
        assertThat(Mp4Boxes.movieSeconds(media.bytes())).isCloseTo(seconds, within(0.001));
        assertThat(media.details()).containsEntry("treatment", preset).containsEntry("audio_codec", "opus");
    }

    @Test
    void scenesShareTheClipInProportionToTheirNarrationAndTheCallToActionComesLast() {
        GeneratedMedia media = make("demo", 10, SCENES, 320, 180);

        @SuppressWarnings("unchecked")
        List<Double> starts = (List<Double>) media.details().get("scene_starts");
        assertThat(starts).hasSize(3).first().isEqualTo(0.0);
        assertThat(starts.get(1)).isBetween(2.0, 6.0);
        assertThat(starts.get(2)).isGreaterThan(starts.get(1));
        @SuppressWarnings("unchecked")
        List<Map<String, String>> scenes = (List<Map<String, String>>) media.details().get("scenes");
        assertThat(scenes.get(2)).containsEntry("on_screen_text", "Shop Glow Serum");
    }

    @Test
    void aVoiceLongerThanTheClipIsCutWithAFade() throws Exception {
        List<StudioBrief.Scene> wordy = List.of(
                new StudioBrief.Scene("hook", "Meet Glow Serum", "Meet Glow Serum, the brightening serum that turns "
                        + "tired, dull skin into a healthy glow in just seven days of morning and evening use."),
                new StudioBrief.Scene("cta", "Shop now", "Shop Glow Serum today and see the difference yourself."));

        GeneratedMedia media = make("launch", 5, wordy, 320, 180);

        assertThat((Double) media.details().get("voice_seconds")).isGreaterThan(5.0);
        assertThat((String) media.details().get("duration_source")).contains("fade");
        assertThat(Mp4Boxes.track(media.bytes(), "soun").seconds()).isCloseTo(5.0, within(0.001));
        assertThat(media.durationSeconds()).isEqualTo(5.0);
    }

    @Test
    void withoutScenesTheProductsScriptAndACallToActionAreShown() {
        GeneratedMedia media = make("demo", 5, List.of(), 320, 180);

        @SuppressWarnings("unchecked")
        List<Map<String, String>> scenes = (List<Map<String, String>>) media.details().get("scenes");
        assertThat(scenes).hasSizeGreaterThanOrEqualTo(2);
        assertThat(scenes.get(0).get("on_screen_text")).isEqualTo("Meet Glow Serum.");
        assertThat(scenes.get(scenes.size() - 1).get("on_screen_text")).isEqualTo("Try Glow Serum today.");
    }

    @Test
    void eachPresetLooksDifferent() throws Exception {
        BufferedImage launch = firstHeldFrame(make("launch", 5, SCENES, 320, 180));
        BufferedImage storytelling = firstHeldFrame(make("storytelling", 5, SCENES, 320, 180));
        BufferedImage demo = firstHeldFrame(make("demo", 5, SCENES, 320, 180));

        assertThat(OfflineAnimationTest.meanLuminance(launch)).isLessThan(80);
        assertThat(OfflineAnimationTest.meanLuminance(storytelling)).isGreaterThan(150);
        assertThat(OfflineAnimationTest.difference(storytelling, demo)).isGreaterThan(2.0);
    }

    @Test
    void aLandscape720pVideoIsExactly1280x720() throws Exception {
        GeneratedMedia media = make("feature_highlight", 5, SCENES, 1280, 720);

        Mp4Boxes.Track picture = Mp4Boxes.track(media.bytes(), "vide");
        assertThat(picture.width()).isEqualTo(1280);
        assertThat(picture.height()).isEqualTo(720);
        assertThat(picture.seconds()).isCloseTo(5.0, within(0.001));
    }

    private GeneratedMedia make(String preset, int seconds, List<StudioBrief.Scene> scenes, int width, int height) {
        GenerationRequest request = StudioRequests.request(AssetType.VIDEO, width, height,
                StudioRequests.productVideo(preset, seconds, scenes));
        return ((ProviderJob.Completed) video.submit(request)).media();
    }

    private static BufferedImage firstHeldFrame(GeneratedMedia media) throws Exception {
        List<BufferedImage> frames = OfflineAnimationTest.frames(media.bytes());
        return frames.get(Math.min(frames.size() - 1, 12));
    }
}
