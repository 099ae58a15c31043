package dev.pms.providers.offline;

import dev.pms.core.channel.AssetType;
import dev.pms.core.generation.GeneratedMedia;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.ProviderJob;
import org.junit.jupiter.api.Test;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OfflineAvatarExplainerTest {
    private static final String SCRIPT = "Hi, I am Ada. Glow Serum brightens tired skin. Try it tonight.";

    private final OfflineAvatarExplainer explainer = new OfflineAvatarExplainer(StudioRequests.BEEPS);

    @Test
    void aStereoWavOf3point2SecondsMakesAClipOf3point2Seconds() throws Exception {
        GeneratedMedia media = explain(wav(3.2, 44_100, 2), "audio/wav", SCRIPT);

        assertThat(media.durationSeconds()).isCloseTo(3.2, within(0.001));
        assertThat(media.model()).isEqualTo(OfflineAvatarExplainer.MODEL);
        Mp4Boxes.Track picture = Mp4Boxes.track(media.bytes(), "vide");
        Mp4Boxes.Track voice = Mp4Boxes.track(media.bytes(), "soun");
        assertThat(picture.seconds()).isCloseTo(3.2, within(0.001));
        assertThat(picture.width()).isEqualTo(360);
        assertThat(picture.height()).isEqualTo(640);
        assertThat(voice.sampleEntry()).isEqualTo("Opus");
        assertThat(voice.seconds()).isCloseTo(3.2, within(0.001));
        assertThat(media.details()).containsEntry("audio_codec", "opus").containsEntry("audio_sample_rate", 44_100)
                .containsEntry("captions", List.of("Hi, I am Ada.", "Glow Serum brightens tired skin.", "Try it tonight."));
    }

    @Test
    void aMonoWavAtAnotherRateWorksToo() throws Exception {
        GeneratedMedia media = explain(wav(2.5, 22_050, 1), "audio/wav", SCRIPT);

        assertThat(media.durationSeconds()).isCloseTo(2.5, within(0.001));
        assertThat(Mp4Boxes.track(media.bytes(), "soun").seconds()).isCloseTo(2.5, within(0.001));
    }

    @Test
    void anMp3IsMuxedAsItsOwnFramesAndLastsAsLongAsThem() throws Exception {
        int frames = 123;
        GeneratedMedia media = explain(silentMp3(frames), "audio/mpeg", "");

        double seconds = frames * 1152 / 44_100.0;
        assertThat(media.durationSeconds()).isCloseTo(seconds, within(0.0001));
        Mp4Boxes.Track voice = Mp4Boxes.track(media.bytes(), "soun");
        assertThat(voice.sampleEntry()).isEqualTo("mp4a");
        assertThat(voice.samples()).isEqualTo(frames);
        assertThat(voice.seconds()).isCloseTo(seconds, within(0.001));
        assertThat(Mp4Boxes.track(media.bytes(), "vide").seconds()).isCloseTo(seconds, within(0.001));
        assertThat(new String(media.bytes(), StandardCharsets.ISO_8859_1)).contains("esds");
        assertThat(indexOf(media.bytes(), new byte[] {0x04, 0x0D, 0x6B, 0x15})).as("decoder config: MPEG-1 audio")
                .isPositive();
        assertThat(media.details()).containsEntry("audio_codec", "mp3")
                .containsEntry("captions", List.of("Glow Serum", "Try Glow Serum today."));
    }

    @Test
    void withoutAudioTheScriptIsSpokenAndTheClipLastsAsLongAsTheVoice() throws Exception {
        GeneratedMedia media = explain(null, null, SCRIPT);

        assertThat(media.details()).containsEntry("audio_source", "the script spoken offline")
                .containsEntry("audio_engine", "test-beeps");
        assertThat(media.durationSeconds()).isGreaterThan(2.0);
        assertThat(Mp4Boxes.track(media.bytes(), "vide").seconds()).isCloseTo(media.durationSeconds(), within(0.001));
        assertThat(Mp4Boxes.track(media.bytes(), "soun").seconds()).isCloseTo(media.durationSeconds(), within(0.001));
        @SuppressWarnings("unchecked")
        List<String> captions = (List<String>) media.details().get("captions");
        assertThat(captions).startsWith("Hi, I am Ada.", "Glow Serum brightens tired skin.", "Try it tonight.");
    }

    @Test
    void audioThatIsNeitherWavNorMp3FailsWithoutRetry() {
        GenerationRequest request = StudioRequests.request("asset-1", AssetType.AVATAR, 360, 640,
                StudioRequests.explainer("not audio at all".getBytes(StandardCharsets.US_ASCII), "audio/wav"), null,
                SCRIPT, null);

        assertThat(explainer.submit(request)).isInstanceOfSatisfying(ProviderJob.Failed.class,
                failed -> assertThat(failed.retryable()).isFalse());
    }

    private GeneratedMedia explain(byte[] audio, String mimeType, String script) {
        GenerationRequest request = StudioRequests.request("asset-1", AssetType.AVATAR, 360, 640,
                StudioRequests.explainer(audio, mimeType), OfflineAnimationTest.productOnWhite(), script, null);
        return ((ProviderJob.Completed) explainer.submit(request)).media();
    }

    /** A 440 Hz tone as a PCM WAV. */
    static byte[] wav(double seconds, int rate, int channels) throws Exception {
        int frames = (int) Math.round(seconds * rate);
        byte[] pcm = new byte[frames * 2 * channels];
        for (int i = 0; i < frames; i++) {
            short sample = (short) Math.round(Math.sin(2 * Math.PI * 440 * i / rate) * 8000);
            for (int c = 0; c < channels; c++) {
                pcm[2 * (i * channels + c)] = (byte) sample;
                pcm[2 * (i * channels + c) + 1] = (byte) (sample >> 8);
            }
        }
        AudioFormat format = new AudioFormat(rate, 16, channels, true, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(pcm), format, frames), AudioFileFormat.Type.WAVE, out);
        return out.toByteArray();
    }

    /**
     * MPEG-1 Layer III frames at 44.1 kHz, 64 kbit/s, mono, each a header and all-zero side information and main
     * data: valid frames that decode to silence, 208 bytes and 1152 samples each, behind a small ID3v2 tag.
     */
    static byte[] silentMp3(int frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {'I', 'D', '3', 3, 0, 0, 0, 0, 0, 10});
        out.writeBytes(new byte[10]);
        for (int i = 0; i < frames; i++) {
            byte[] frame = new byte[208];
            frame[0] = (byte) 0xFF;
            frame[1] = (byte) 0xFB;
            frame[2] = (byte) 0x50;
            frame[3] = (byte) 0xC0;
            out.writeBytes(frame);
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
