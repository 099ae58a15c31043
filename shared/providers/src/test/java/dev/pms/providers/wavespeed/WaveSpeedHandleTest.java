package dev.pms.providers.wavespeed;

import dev.pms.core.generation.StudioBrief;
import dev.pms.providers.wavespeed.WaveSpeedModel.OutputKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The pending-job handle: compact, readable and complete enough for a later poll. */
class WaveSpeedHandleTest {

    @Test
    void roundTripsAPlainJob() {
        WaveSpeedHandle handle = new WaveSpeedHandle(WaveSpeedModel.WAN_25_I2V_720P, OutputKind.VIDEO,
                "e6832d4abffb4d79bfbca19783fca133", 1080, 1920, 5, 0, 1, null, null);

        String text = handle.encode();

        assertThat(text).isEqualTo("ws1|wan-2.5-i2v-720p|video|e6832d4abffb4d79bfbca19783fca133|1080x1920|5.00|0|1");
        assertThat(WaveSpeedHandle.decode(text)).contains(handle);
    }

    @Test
    void roundTripsAVoiceWaitingToBeAnimated() {
        WaveSpeedHandle handle = new WaveSpeedHandle(WaveSpeedModel.SPEECH_02_HD, OutputKind.AUDIO, "id|with bars",
                1080, 1920, 10.4, 151, 4, WaveSpeedModel.HUNYUAN_AVATAR,
                "https://cdn.example/media/a b|c.png?sig=x&y=1");

        String text = handle.encode();

        assertThat(text.split("\\|")).hasSize(10);
        assertThat(WaveSpeedHandle.decode(text)).contains(handle);
    }

    @Test
    void roundTripsAStudioJobWithItsTag() {
        StudioTag tag = new StudioTag(StudioBrief.Operation.ANIMATE, "rotation",
                Map.of("kf", "1000x1000-1000x563"));
        WaveSpeedHandle handle = new WaveSpeedHandle(WaveSpeedModel.WAN_25_I2V_720P, OutputKind.VIDEO, "p9", 1280,
                720, 10, 0, 1, null, null, tag);

        String text = handle.encode();

        assertThat(text).isEqualTo("ws1|wan-2.5-i2v-720p|video|p9|1280x720|10.00|0|1|st=animate%3Brotation%3Bkf%3D"
                + "1000x1000-1000x563");
        assertThat(WaveSpeedHandle.decode(text)).contains(handle);
    }

    @Test
    void roundTripsAStudioVoiceWaitingToBeAnimated() {
        StudioTag tag = new StudioTag(StudioBrief.Operation.AVATAR_EXPLAINER, "tutorial",
                Map.of());
        WaveSpeedHandle handle = new WaveSpeedHandle(WaveSpeedModel.SPEECH_02_HD, OutputKind.AUDIO, "s1", 720, 1280,
                10.4, 151, 4, WaveSpeedModel.INFINITETALK_720P, "https://cdn.example/k.png", tag);

        assertThat(handle.encode().split("\\|")).hasSize(11);
        assertThat(WaveSpeedHandle.decode(handle.encode())).contains(handle);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ws1|qwen-image|image|p1|1x1|0|0|0|st=", "ws1|qwen-image|image|p1|1x1|0|0|0|xx=animate%3Bdemo",
            "ws1|qwen-image|image|p1|1x1|0|0|0|st=dance%3Bdemo", "ws1|qwen-image|image|p1|1x1|0|0|0|st=animate%3Bdemo%3Bk",
            "ws1|qwen-image|image|p1|1x1|0|0|0|st=animate%3Bde%20mo"})
    void refusesABrokenStudioTag(String text) {
        assertThat(WaveSpeedHandle.decode(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "op-123", "ws1|qwen-image|image|p1", "ws2|qwen-image|image|p1|1x1|0|0|0",
            "ws1|flux|image|p1|1x1|0|0|0", "ws1|qwen-image|gif|p1|1x1|0|0|0", "ws1|qwen-image|image||1x1|0|0|0",
            "ws1|qwen-image|image|p1|1080|0|0|0", "ws1|qwen-image|image|p1|axb|0|0|0",
            "ws1|qwen-image|image|p1|1x1|0|0|0|nope|x"})
    void refusesWhatItDidNotWrite(String text) {
        assertThat(WaveSpeedHandle.decode(text)).isEmpty();
    }
}
