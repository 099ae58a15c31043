package dev.pms.providers.offline;

import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusEncoder;
import io.github.jaredmdobson.concentus.OpusException;
import io.github.jaredmdobson.concentus.OpusSignal;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A voice encoded as mono Opus (concentus, a pure-Java port of libopus) in 20 ms packets, with what an MP4 needs to
 * play it exactly: the encoder's look-ahead as pre-skip and the number of real samples, all counted at Opus's
 * 48 kHz clock whatever the input rate.
 */
record OpusVoiceTrack(List<byte[]> packets, int inputSampleRate, int preSkip, long playedSamples) {
    static final int CLOCK_RATE = 48_000;
    static final int PACKET_SAMPLES = CLOCK_RATE / 50;
    private static final int BITRATE = 32_000;
    private static final int MAX_PACKET_BYTES = 1_275;
    private static final Set<Integer> ENCODER_RATES = Set.of(8_000, 12_000, 16_000, 24_000, 48_000);

    static OpusVoiceTrack encode(SpeechAudio speech) {
        short[] samples = monoSamples(speech);
        int rate = (int) speech.format().getSampleRate();
        if (!ENCODER_RATES.contains(rate)) {
            samples = resampled(samples, rate, CLOCK_RATE);
            rate = CLOCK_RATE;
        }
        try {
            OpusEncoder encoder = new OpusEncoder(rate, 1, OpusApplication.OPUS_APPLICATION_AUDIO);
            encoder.setBitrate(BITRATE);
            encoder.setSignalType(OpusSignal.OPUS_SIGNAL_VOICE);
            encoder.setComplexity(10);
            int frame = rate / 50;
            int lookahead = encoder.getLookahead();
            int packetCount = (samples.length + lookahead + frame - 1) / frame;
            short[] padded = Arrays.copyOf(samples, packetCount * frame);
            byte[] out = new byte[MAX_PACKET_BYTES];
            List<byte[]> packets = new ArrayList<>(packetCount);
            for (int i = 0; i < packetCount; i++) {
                int length = encoder.encode(padded, i * frame, frame, out, 0, out.length);
                packets.add(Arrays.copyOf(out, length));
            }
            int scale = CLOCK_RATE / rate;
            return new OpusVoiceTrack(List.copyOf(packets), (int) speech.format().getSampleRate(), lookahead * scale,
                    (long) samples.length * scale);
        } catch (OpusException e) {
            throw new IllegalStateException("the Opus encoder rejected the voice: " + e.getMessage(), e);
        }
    }

    /** Samples in the track including pre-skip and the padding of the last packet. */
    long encodedSamples() {
        return (long) packets.size() * PACKET_SAMPLES;
    }

    double durationSeconds() {
        return playedSamples / (double) CLOCK_RATE;
    }

    private static short[] monoSamples(SpeechAudio speech) {
        AudioFormat source = speech.format();
        AudioFormat target = new AudioFormat(source.getSampleRate(), 16, 1, true, false);
        byte[] pcm;
        try (AudioInputStream converted = AudioSystem.getAudioInputStream(target, new AudioInputStream(
                new ByteArrayInputStream(speech.pcm()), source, speech.pcm().length / source.getFrameSize()))) {
            pcm = converted.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("converting the voice to 16-bit PCM failed", e);
        }
        short[] samples = new short[pcm.length / 2];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (pcm[2 * i] & 0xFF | pcm[2 * i + 1] << 8);
        }
        return samples;
    }

    /** Linear interpolation, enough for speech headed for a 32 kbit/s codec. */
    private static short[] resampled(short[] samples, int from, int to) {
        int length = (int) ((long) samples.length * to / from);
        short[] result = new short[length];
        for (int i = 0; i < length; i++) {
            double position = (double) i * from / to;
            int left = (int) position;
            int right = Math.min(samples.length - 1, left + 1);
            double weight = position - left;
            result[i] = (short) Math.round(samples[left] * (1 - weight) + samples[right] * weight);
        }
        return result;
    }
}
