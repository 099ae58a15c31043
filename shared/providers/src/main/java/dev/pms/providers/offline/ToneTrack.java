package dev.pms.providers.offline;

import javax.sound.sampled.AudioFormat;

/**
 * The labelled stand-in when no speech engine runs: a soft 440 Hz beep per word, separated by silence, as long
 * as the script would take to speak.
 */
final class ToneTrack {
    static final String ENGINE = "tone-fallback";
    static final float SAMPLE_RATE = 16_000f;
    /** Speaking pace used to size the track (150 words a minute). */
    static final double WORDS_PER_SECOND = 2.5;
    private static final double TONE_HZ = 440;
    private static final double AMPLITUDE = 0.2;

    private ToneTrack() {
    }

    static SpeechAudio forScript(String script) {
        int words = script.isBlank() ? 0 : script.strip().split("\\s+").length;
        double seconds = Math.max(1.0, words / WORDS_PER_SECOND);
        int frames = (int) Math.round(seconds * SAMPLE_RATE);
        int framesPerWord = (int) (SAMPLE_RATE / WORDS_PER_SECOND);
        int toneFrames = framesPerWord / 2;
        byte[] pcm = new byte[frames * 2];
        for (int i = 0; i < frames; i++) {
            short sample = 0;
            if (i % framesPerWord < toneFrames) {
                sample = (short) Math.round(Math.sin(2 * Math.PI * TONE_HZ * i / SAMPLE_RATE) * AMPLITUDE * Short.MAX_VALUE);
            }
            pcm[2 * i] = (byte) sample;
            pcm[2 * i + 1] = (byte) (sample >> 8);
        }
        return new SpeechAudio(new AudioFormat(SAMPLE_RATE, 16, 1, true, false), pcm);
    }
}
