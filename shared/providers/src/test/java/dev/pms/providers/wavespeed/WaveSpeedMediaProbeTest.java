package dev.pms.providers.wavespeed;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What is read from downloaded bytes without decoding them. */
class WaveSpeedMediaProbeTest {

    @Test
    void readsAnMp4sDurationAndFrameSize() {
        MediaProbe.VideoInfo info = MediaProbe.mp4(WaveSpeedFixtures.mp4(10.0, 1920, 1080));

        assertThat(info).isEqualTo(new MediaProbe.VideoInfo(10.0, 1920, 1080));
    }

    @Test
    void readsNothingFromBytesThatAreNoMp4() {
        assertThat(MediaProbe.mp4(new byte[] {0, 0, 0, 9, 'f', 'r', 'e', 'e'}))
                .isEqualTo(new MediaProbe.VideoInfo(null, null, null));
        assertThat(MediaProbe.mp4(new byte[0])).isEqualTo(new MediaProbe.VideoInfo(null, null, null));
    }

    @Test
    void readsAWavsDuration() {
        assertThat(MediaProbe.wavSeconds(WaveSpeedFixtures.wav(2.25))).contains(2.25);
        assertThat(MediaProbe.wavSeconds(WaveSpeedFixtures.png(2, 2))).isEmpty();
    }

    @Test
    void tellsTheFormatFromTheSignature() {
        assertThat(MediaProbe.sniff(WaveSpeedFixtures.png(2, 2))).contains("image/png");
        assertThat(MediaProbe.sniff(WaveSpeedFixtures.mp4(1, 2, 2))).contains("video/mp4");
        assertThat(MediaProbe.sniff(WaveSpeedFixtures.wav(0.1))).contains("audio/wav");
        assertThat(MediaProbe.sniff(new byte[] {'I', 'D', '3', 4})).contains("audio/mpeg");
        assertThat(MediaProbe.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).contains("image/jpeg");
        assertThat(MediaProbe.sniff(new byte[] {1, 2, 3})).isEmpty();
    }
}
