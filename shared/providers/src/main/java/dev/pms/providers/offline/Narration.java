package dev.pms.providers.offline;

import javax.sound.sampled.AudioFormat;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A voice-over spoken line by line, with a short pause after each line, and the time each line ends: the slides
 * change exactly when the voice moves on.
 */
record Narration(SpeechAudio audio, List<Double> lineEnds, String engine, String fallbackReason) {
    static final double PAUSE_SECONDS = 0.3;

    static Narration speak(List<String> lines, SpeechSynthesizer voice) {
        try {
            return join(lines, voice::speak, voice.engine(), null);
        } catch (RuntimeException | LinkageError e) {
            String reason = e.getClass().getSimpleName() + ": " + (e.getMessage() == null ? "" : e.getMessage());
            return join(lines, ToneTrack::forScript, ToneTrack.ENGINE, reason);
        }
    }

    double seconds() {
        return audio.durationSeconds();
    }

    private interface Speaker {
        SpeechAudio speak(String line);
    }

    private static Narration join(List<String> lines, Speaker speaker, String engine, String fallbackReason) {
        ByteArrayOutputStream pcm = new ByteArrayOutputStream();
        List<Double> ends = new ArrayList<>();
        AudioFormat format = null;
        for (String line : lines) {
            SpeechAudio spoken = speaker.speak(line);
            if (format != null && !format.matches(spoken.format())) {
                throw new IllegalStateException("the voice changed its sample format between lines");
            }
            format = spoken.format();
            pcm.writeBytes(spoken.pcm());
            int pauseFrames = (int) Math.round(PAUSE_SECONDS * format.getFrameRate());
            pcm.writeBytes(silence(format, pauseFrames));
            ends.add(pcm.size() / (double) format.getFrameSize() / format.getFrameRate());
        }
        return new Narration(new SpeechAudio(format, pcm.toByteArray()), List.copyOf(ends), engine, fallbackReason);
    }

    /** Zero samples; unsigned 8-bit PCM rests at 128. */
    private static byte[] silence(AudioFormat format, int frames) {
        byte[] silence = new byte[frames * format.getFrameSize()];
        if (format.getEncoding() == AudioFormat.Encoding.PCM_UNSIGNED && format.getSampleSizeInBits() == 8) {
            Arrays.fill(silence, (byte) 128);
        }
        return silence;
    }
}
