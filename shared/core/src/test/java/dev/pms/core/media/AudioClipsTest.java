package dev.pms.core.media;

import dev.pms.core.audit.UnsupportedMediaTypeException;
import dev.pms.core.error.ValidationException;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AudioClipsTest {

    @Test
    void aWavLastsItsDataDividedByItsByteRate() {
        AudioClips.AudioClip clip = AudioClips.inspect(wav(22_050, 2, 3.5), "audio_base64");
        assertThat(clip.mimeType()).isEqualTo(AudioClips.WAV);
        assertThat(clip.seconds()).isCloseTo(3.5, within(0.001));
    }

    @Test
    void anMp3LastsItsFramesAfterAnId3Tag() {
        byte[] frame = mp3Frame();
        int frames = 100;
        byte[] id3 = {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        ByteBuffer mp3 = ByteBuffer.allocate(id3.length + frame.length * frames);
        mp3.put(id3);
        for (int i = 0; i < frames; i++) {
            mp3.put(frame);
        }
        AudioClips.AudioClip clip = AudioClips.inspect(mp3.array(), "audio_base64");
        assertThat(clip.mimeType()).isEqualTo(AudioClips.MP3);
        assertThat(clip.seconds()).isCloseTo(100 * 1152 / 44_100.0, within(0.001));
    }

    @Test
    void anythingElseIsRefusedNamingTheField() {
        assertThatThrownBy(() -> AudioClips.inspect("not audio at all".getBytes(), "audio_base64"))
                .isInstanceOf(UnsupportedMediaTypeException.class).hasMessageContaining("audio_base64");
        byte[] header = wav(16_000, 1, 1);
        byte[] noData = Arrays.copyOf(header, 36);
        assertThatThrownBy(() -> AudioClips.inspect(noData, "audio_base64")).isInstanceOf(ValidationException.class);
    }

    static byte[] wav(int rate, int channels, double seconds) {
        int bytes = (int) Math.round(seconds * rate) * 2 * channels;
        ByteBuffer wav = ByteBuffer.allocate(44 + bytes).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes()).putInt(36 + bytes).put("WAVE".getBytes());
        wav.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) channels).putInt(rate)
                .putInt(rate * 2 * channels).putShort((short) (2 * channels)).putShort((short) 16);
        wav.put("data".getBytes()).putInt(bytes);
        return wav.array();
    }

    /** MPEG-1 layer III, 128 kbps, 44.1 kHz, no padding: 417 bytes. */
    static byte[] mp3Frame() {
        byte[] frame = new byte[417];
        frame[0] = (byte) 0xFF;
        frame[1] = (byte) 0xFB;
        frame[2] = (byte) 0x90;
        frame[3] = (byte) 0x64;
        return frame;
    }
}
