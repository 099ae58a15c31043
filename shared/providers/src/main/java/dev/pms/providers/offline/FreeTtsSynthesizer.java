package dev.pms.providers.offline;

import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.VoiceManager;
import com.sun.speech.freetts.audio.AudioPlayer;

import javax.sound.sampled.AudioFormat;
import java.io.ByteArrayOutputStream;

/** FreeTTS with the bundled 16 kHz diphone voice {@code kevin16}, collecting the samples in memory. */
public final class FreeTtsSynthesizer implements SpeechSynthesizer {
    static final String VOICE = "kevin16";
    static final String VOICE_DIRECTORY = "com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory";

    private Voice voice;

    @Override
    public String engine() {
        return "freetts-" + VOICE;
    }

    @Override
    public synchronized SpeechAudio speak(String text) {
        Voice allocated = voice();
        SampleCollector collector = new SampleCollector();
        allocated.setAudioPlayer(collector);
        if (!allocated.speak(text)) {
            throw new IllegalStateException("FreeTTS did not finish speaking");
        }
        if (collector.format == null || collector.samples.size() == 0) {
            throw new IllegalStateException("FreeTTS produced no audio");
        }
        return new SpeechAudio(collector.format, collector.samples.toByteArray());
    }

    private Voice voice() {
        if (voice == null) {
            System.setProperty("freetts.voices", VOICE_DIRECTORY);
            Voice found = VoiceManager.getInstance().getVoice(VOICE);
            if (found == null) {
                throw new IllegalStateException("FreeTTS voice " + VOICE + " is not on the class path");
            }
            found.allocate();
            voice = found;
        }
        return voice;
    }

    /** FreeTTS's audio output redirected into memory instead of a sound card. */
    private static final class SampleCollector implements AudioPlayer {
        private final ByteArrayOutputStream samples = new ByteArrayOutputStream();
        private AudioFormat format;
        private float volume = 1f;

        @Override
        public void setAudioFormat(AudioFormat audioFormat) {
            this.format = audioFormat;
        }

        @Override
        public AudioFormat getAudioFormat() {
            return format;
        }

        @Override
        public void pause() {
        }

        @Override
        public void resume() {
        }

        @Override
        public void reset() {
        }

        @Override
        public boolean drain() {
            return true;
        }

        @Override
        public void begin(int size) {
        }

        @Override
        public boolean end() {
            return true;
        }

        @Override
        public void cancel() {
        }

        @Override
        public void close() {
        }

        @Override
        public float getVolume() {
            return volume;
        }

        @Override
        public void setVolume(float newVolume) {
            this.volume = newVolume;
        }

        @Override
        public long getTime() {
            return 0;
        }

        @Override
        public void resetTime() {
        }

        @Override
        public void startFirstSampleTimer() {
        }

        @Override
        public boolean write(byte[] audioData) {
            return write(audioData, 0, audioData.length);
        }

        @Override
        public boolean write(byte[] audioData, int offset, int length) {
            samples.write(audioData, offset, length);
            return true;
        }

        @Override
        public void showMetrics() {
        }
    }
}
