package dev.pms.providers.offline;

import dev.pms.core.channel.AssetType;
import dev.pms.core.generation.GeneratedMedia;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.ProviderJob;
import org.junit.jupiter.api.Test;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OfflineVoiceTest {
    private static final String SCRIPT = "Write less and remember more. Acme Notes turns every meeting into clear next steps.";

    @Test
    void speaksTheScriptWithFreeTtsIntoAValidWav() throws Exception {
        GeneratedMedia media = media(new OfflineVoice(), request(SCRIPT));

        assertValidWav(media);
        assertThat(media.details()).containsEntry("engine", "freetts-kevin16");
        assertThat(media.model()).isEqualTo(OfflineVoice.MODEL);
        assertThat(media.textContent()).isEqualTo(SCRIPT);
        int words = SCRIPT.split("\\s+").length;
        assertThat(media.durationSeconds()).as("spoken at a human pace").isBetween(words * 0.2, words * 0.8);
    }

    @Test
    void buildsTheScriptFromHookConceptAndProductWhenNoneIsGiven() {
        String script = OfflineVoice.script(request(null));

        assertThat(script).isEqualTo(Requests.HOOK + ". " + Requests.CONCEPT + " Meet Acme Notes.");
    }

    @Test
    void fallsBackToALabelledToneTrackOfTheScriptsLengthWhenTheEngineFails() throws Exception {
        SpeechSynthesizer broken = new SpeechSynthesizer() {
            @Override
            public String engine() {
                return "broken";
            }

            @Override
            public SpeechAudio speak(String text) {
                throw new IllegalStateException("no voice here");
            }
        };
        String tenWords = "one two three four five six seven eight nine ten";

        GeneratedMedia media = media(new OfflineVoice(broken), request(tenWords));

        assertValidWav(media);
        assertThat(media.details()).containsEntry("engine", "tone-fallback")
                .containsEntry("fallback_reason", "IllegalStateException: no voice here");
        assertThat(media.model()).isEqualTo(OfflineVoice.FALLBACK_MODEL);
        assertThat(media.durationSeconds()).isCloseTo(4.0, within(0.001));
    }

    private static void assertValidWav(GeneratedMedia media) throws Exception {
        byte[] wav = media.bytes();
        assertThat(media.mimeType()).isEqualTo("audio/wav");
        assertThat(new String(Arrays.copyOfRange(wav, 0, 4), StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(new String(Arrays.copyOfRange(wav, 8, 12), StandardCharsets.US_ASCII)).isEqualTo("WAVE");
        try (AudioInputStream stream = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            AudioFormat format = stream.getFormat();
            double seconds = stream.getFrameLength() / format.getFrameRate();
            assertThat(format.getEncoding()).isEqualTo(AudioFormat.Encoding.PCM_SIGNED);
            assertThat(format.getSampleRate()).isEqualTo(16_000f);
            assertThat(seconds).isGreaterThan(0.5).isCloseTo(media.durationSeconds(), within(0.001));
            byte[] samples = stream.readAllBytes();
            assertThat(samples.length).isEqualTo(stream.getFrameLength() * format.getFrameSize());
            assertThat(hasSound(samples)).as("not all silence").isTrue();
        }
    }

    private static boolean hasSound(byte[] samples) {
        for (byte sample : samples) {
            if (sample != 0) {
                return true;
            }
        }
        return false;
    }

    private static GeneratedMedia media(OfflineVoice voice, GenerationRequest request) {
        return ((ProviderJob.Completed) voice.submit(request)).media();
    }

    private static GenerationRequest request(String script) {
        return new GenerationRequest("job-1", "asset-1", AssetType.AUDIO, null, "prompt", Requests.HOOK, Requests.CONCEPT,
                Requests.PRODUCT, List.of(), List.of(), "offline", null, null, null, script);
    }
}
