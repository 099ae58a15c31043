package dev.pms.providers.offline;

import javax.sound.sampled.AudioFormat;

/** Synthesised PCM samples and their format. */
public record SpeechAudio(AudioFormat format, byte[] pcm) {

    public double durationSeconds() {
        return pcm.length / (double) format.getFrameSize() / format.getFrameRate();
    }
}
