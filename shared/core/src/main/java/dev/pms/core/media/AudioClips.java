package dev.pms.core.media;

import dev.pms.core.audit.UnsupportedMediaTypeException;
import dev.pms.core.error.ValidationException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Measures a voice a caller sent, from its own headers: a RIFF/WAVE file by its {@code fmt } and {@code data} chunks,
 * an MP3 by walking its frame headers (after any ID3v2 tag). Anything else is refused as unsupported.
 */
public final class AudioClips {
    public static final String WAV = "audio/wav";
    public static final String MP3 = "audio/mpeg";
    private static final int[][] MP3_BITRATES_KBPS = {
            {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0},
            {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0}};
    private static final int[] MP3_SAMPLE_RATES = {44_100, 48_000, 32_000, 0};
    private static final int MIN_MP3_FRAMES = 3;

    private AudioClips() {
    }

    /** A measured clip: its bytes as sent, its type and its playing time. */
    public record AudioClip(byte[] bytes, String mimeType, double seconds) {
    }

    public static AudioClip inspect(byte[] bytes, String field) {
        if (bytes.length >= 12 && ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WAVE")) {
            return new AudioClip(bytes, WAV, wavSeconds(bytes, field));
        }
        int start = id3Length(bytes);
        if (start < bytes.length - 4 && isMp3FrameHeader(bytes, start)) {
            return new AudioClip(bytes, MP3, mp3Seconds(bytes, start, field));
        }
        throw new UnsupportedMediaTypeException(field + " is not a WAV or MP3 file");
    }

    private static double wavSeconds(byte[] bytes, String field) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int offset = 12;
        long byteRate = 0;
        while (offset + 8 <= bytes.length) {
            long size = in.getInt(offset + 4) & 0xFFFFFFFFL;
            if (ascii(bytes, offset, "fmt ") && size >= 16 && offset + 8 + 16 <= bytes.length) {
                int format = in.getShort(offset + 8) & 0xFFFF;
                if (format != 1 && format != 0xFFFE) {
                    throw new UnsupportedMediaTypeException(field + " is a compressed WAV; send 16-bit PCM WAV or MP3");
                }
                byteRate = in.getInt(offset + 16) & 0xFFFFFFFFL;
            } else if (ascii(bytes, offset, "data")) {
                if (byteRate == 0) {
                    break;
                }
                long available = Math.min(size, bytes.length - offset - 8L);
                return (double) available / byteRate;
            }
            offset += 8 + (int) Math.min(size + (size & 1), Integer.MAX_VALUE - offset - 8);
        }
        throw ValidationException.of(field, "is a WAV file without a readable fmt and data chunk");
    }

    private static int id3Length(byte[] bytes) {
        if (bytes.length >= 10 && ascii(bytes, 0, "ID3")) {
            int size = ((bytes[6] & 0x7F) << 21) | ((bytes[7] & 0x7F) << 14) | ((bytes[8] & 0x7F) << 7) | (bytes[9] & 0x7F);
            boolean footer = (bytes[5] & 0x10) != 0;
            return 10 + size + (footer ? 10 : 0);
        }
        return 0;
    }

    private static boolean isMp3FrameHeader(byte[] bytes, int at) {
        if (at + 4 > bytes.length || (bytes[at] & 0xFF) != 0xFF || (bytes[at + 1] & 0xE0) != 0xE0) {
            return false;
        }
        int version = (bytes[at + 1] >> 3) & 0x3;
        int layer = (bytes[at + 1] >> 1) & 0x3;
        int bitrate = (bytes[at + 2] >> 4) & 0xF;
        int rate = (bytes[at + 2] >> 2) & 0x3;
        return version != 1 && layer == 1 && bitrate != 0 && bitrate != 15 && rate != 3;
    }

    private static double mp3Seconds(byte[] bytes, int start, String field) {
        double seconds = 0;
        int frames = 0;
        int at = start;
        while (at + 4 <= bytes.length && isMp3FrameHeader(bytes, at)) {
            int version = (bytes[at + 1] >> 3) & 0x3;
            boolean mpeg1 = version == 3;
            int sampleRate = MP3_SAMPLE_RATES[(bytes[at + 2] >> 2) & 0x3] >> (version == 3 ? 0 : version == 2 ? 1 : 2);
            int kbps = MP3_BITRATES_KBPS[mpeg1 ? 0 : 1][(bytes[at + 2] >> 4) & 0xF];
            int padding = (bytes[at + 2] >> 1) & 0x1;
            int samples = mpeg1 ? 1152 : 576;
            int length = samples / 8 * kbps * 1000 / sampleRate + padding;
            if (length < 4) {
                break;
            }
            seconds += (double) samples / sampleRate;
            frames++;
            at += length;
        }
        if (frames < MIN_MP3_FRAMES) {
            throw ValidationException.of(field, "is not a readable MP3 file");
        }
        return seconds;
    }

    private static boolean ascii(byte[] bytes, int offset, String text) {
        if (offset + text.length() > bytes.length) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (bytes[offset + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
