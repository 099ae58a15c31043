package dev.pms.providers.offline;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class Mp3TrackTest {

    @Test
    void readsEveryFrameBehindAnId3Tag() {
        Mp3Track track = Mp3Track.parse(OfflineAvatarExplainerTest.silentMp3(40));

        assertThat(track.frames()).hasSize(40).allSatisfy(frame -> assertThat(frame).hasSize(208));
        assertThat(track.sampleRate()).isEqualTo(44_100);
        assertThat(track.channels()).isEqualTo(1);
        assertThat(track.samplesPerFrame()).isEqualTo(1152);
        assertThat(track.objectType()).isEqualTo(Mp3Track.MPEG1_AUDIO);
        assertThat(track.skippedSamples()).isZero();
        assertThat(track.durationSeconds()).isCloseTo(40 * 1152 / 44_100.0, within(1e-9));
        assertThat(track.averageBitrate()).isBetween(63_000L, 65_000L);
    }

    @Test
    void aLameTagsDelayAndPaddingAreCutAndItsInfoFrameIsNotAudio() {
        byte[] frames = OfflineAvatarExplainerTest.silentMp3(20);
        byte[] info = new byte[208];
        System.arraycopy(frames, 20, info, 0, 4);
        int at = 4 + 17;
        System.arraycopy("Info".getBytes(StandardCharsets.US_ASCII), 0, info, at, 4);
        info[at + 7] = 0x01;
        System.arraycopy("LAME3.100".getBytes(StandardCharsets.US_ASCII), 0, info, at + 12, 9);
        int delay = 576;
        int padding = 1000;
        int packed = delay << 12 | padding;
        info[at + 12 + 21] = (byte) (packed >> 16);
        info[at + 12 + 22] = (byte) (packed >> 8);
        info[at + 12 + 23] = (byte) packed;
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(info);
        file.write(frames, 20, frames.length - 20);

        Mp3Track track = Mp3Track.parse(file.toByteArray());

        assertThat(track.frames()).hasSize(20);
        assertThat(track.skippedSamples()).isEqualTo(delay + Mp3Track.DECODER_DELAY);
        assertThat(track.playedSamples()).isEqualTo(20L * 1152 - delay - padding);
    }

    @Test
    void somethingThatIsNotAnMp3IsRefused() {
        assertThatThrownBy(() -> Mp3Track.parse("RIFF....WAVEfmt ".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
