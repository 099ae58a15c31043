package dev.pms.providers.offline;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/** Mono 16-bit samples at their own rate: what the studio cuts, places, fades and hands to the Opus encoder. */
record PcmSamples(short[] samples, int sampleRate) {

    /** A caller's WAV (PCM of 8 to 32 bits, any rate, mono or stereo; channels are averaged). */
    static PcmSamples fromWav(byte[] wav) {
        try (AudioInputStream stream = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            AudioFormat source = stream.getFormat();
            if (source.getEncoding() != AudioFormat.Encoding.PCM_SIGNED
                    && source.getEncoding() != AudioFormat.Encoding.PCM_UNSIGNED
                    && source.getEncoding() != AudioFormat.Encoding.PCM_FLOAT) {
                throw new IllegalArgumentException("the WAV holds " + source.getEncoding() + " audio, not PCM");
            }
            AudioFormat target = new AudioFormat(source.getSampleRate(), 16, source.getChannels(), true, false);
            byte[] pcm;
            try (AudioInputStream converted = AudioSystem.getAudioInputStream(target, stream)) {
                pcm = converted.readAllBytes();
            }
            return interleaved(pcm, source.getChannels(), Math.round(source.getSampleRate()));
        } catch (UnsupportedAudioFileException e) {
            throw new IllegalArgumentException("the audio is not a WAV this runtime reads: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("the WAV could not be read: " + e.getMessage(), e);
        }
    }

    /** Synthesised speech in whatever PCM format its engine uses. */
    static PcmSamples of(SpeechAudio speech) {
        AudioFormat source = speech.format();
        AudioFormat target = new AudioFormat(source.getSampleRate(), 16, source.getChannels(), true, false);
        try (AudioInputStream converted = AudioSystem.getAudioInputStream(target, new AudioInputStream(
                new ByteArrayInputStream(speech.pcm()), source, speech.pcm().length / source.getFrameSize()))) {
            return interleaved(converted.readAllBytes(), source.getChannels(), Math.round(source.getSampleRate()));
        } catch (IOException e) {
            throw new UncheckedIOException("converting the voice to 16-bit PCM failed", e);
        }
    }

    static PcmSamples silence(double seconds, int sampleRate) {
        return new PcmSamples(new short[(int) Math.round(seconds * sampleRate)], sampleRate);
    }

    private static PcmSamples interleaved(byte[] pcm, int channels, int sampleRate) {
        int frames = pcm.length / (2 * channels);
        short[] mono = new short[frames];
        for (int i = 0; i < frames; i++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                int at = 2 * (i * channels + c);
                sum += (short) (pcm[at] & 0xFF | pcm[at + 1] << 8);
            }
            mono[i] = (short) (sum / channels);
        }
        return new PcmSamples(mono, sampleRate);
    }

    double durationSeconds() {
        return samples.length / (double) sampleRate;
    }

    /** The samples from {@code fromSeconds} to {@code toSeconds}. */
    PcmSamples slice(double fromSeconds, double toSeconds) {
        int from = Math.max(0, Math.min(samples.length, (int) Math.round(fromSeconds * sampleRate)));
        int to = Math.max(from, Math.min(samples.length, (int) Math.round(toSeconds * sampleRate)));
        return new PcmSamples(Arrays.copyOfRange(samples, from, to), sampleRate);
    }

    /** Exactly {@code seconds} long: cut with a short fade-out when longer, padded with silence when shorter. */
    PcmSamples fitted(double seconds, double fadeSeconds) {
        int length = (int) Math.round(seconds * sampleRate);
        short[] fitted = Arrays.copyOf(samples, length);
        if (samples.length > length) {
            int fade = Math.min(length, (int) Math.round(fadeSeconds * sampleRate));
            for (int i = 0; i < fade; i++) {
                int at = length - fade + i;
                fitted[at] = (short) Math.round(fitted[at] * (1 - (i + 1) / (double) fade));
            }
        }
        return new PcmSamples(fitted, sampleRate);
    }

    /** Copies {@code clip} into these samples from {@code atSeconds}, as far as they reach. */
    void place(PcmSamples clip, double atSeconds) {
        if (clip.sampleRate != sampleRate) {
            throw new IllegalArgumentException("cannot place " + clip.sampleRate + " Hz samples into " + sampleRate + " Hz");
        }
        int at = (int) Math.round(atSeconds * sampleRate);
        int count = Math.max(0, Math.min(clip.samples.length, samples.length - at));
        System.arraycopy(clip.samples, 0, samples, at, count);
    }

    SpeechAudio toSpeech() {
        byte[] pcm = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            pcm[2 * i] = (byte) samples[i];
            pcm[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        return new SpeechAudio(new AudioFormat(sampleRate, 16, 1, true, false), pcm);
    }
}
