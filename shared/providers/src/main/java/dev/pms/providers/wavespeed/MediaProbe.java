package dev.pms.providers.wavespeed;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * What can be read cheaply from downloaded bytes: the format, an MP4's, WAV's or MP3's duration and an MP4's size.
 */
final class MediaProbe {
    private static final Set<String> MP4_CONTAINERS = Set.of("moov", "trak", "mdia");
    /** Bit rates in kbit/s by index: MPEG-1 layers I, II, III, then MPEG-2/2.5 layer I, then layers II and III. */
    private static final int[][] MP3_BITRATES = {
            {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448},
            {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},
            {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},
            {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},
            {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160}};
    /** Sample rates by version bits (0: MPEG-2.5, 2: MPEG-2, 3: MPEG-1) and index. */
    private static final int[][] MP3_SAMPLE_RATES = {{11_025, 12_000, 8_000}, null, {22_050, 24_000, 16_000},
            {44_100, 48_000, 32_000}};
    /** Junk tolerated before the first MPEG frame (after any ID3v2 tag) before giving up. */
    private static final int MP3_MAX_LEADING_JUNK = 64 * 1024;

    record VideoInfo(Double seconds, Integer width, Integer height) {
    }

    private MediaProbe() {
    }

    /** The MIME type the bytes' signature gives; empty when none is recognised. */
    static Optional<String> sniff(byte[] bytes) {
        if (startsWith(bytes, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G'})) {
            return Optional.of("image/png");
        }
        if (startsWith(bytes, 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(bytes, 0, ascii("RIFF")) && startsWith(bytes, 8, ascii("WEBP"))) {
            return Optional.of("image/webp");
        }
        if (startsWith(bytes, 0, ascii("RIFF")) && startsWith(bytes, 8, ascii("WAVE"))) {
            return Optional.of("audio/wav");
        }
        if (startsWith(bytes, 4, ascii("ftyp"))) {
            return Optional.of("video/mp4");
        }
        if (startsWith(bytes, 0, ascii("ID3"))
                || (bytes.length > 1 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xE0) == 0xE0)) {
            return Optional.of("audio/mpeg");
        }
        return Optional.empty();
    }

    /** The movie's duration and the first video track's size, each null when the file does not say. */
    static VideoInfo mp4(byte[] bytes) {
        Double[] seconds = {null};
        Integer[] size = {null, null};
        try {
            walk(ByteBuffer.wrap(bytes), 0, bytes.length, seconds, size);
        } catch (RuntimeException e) {
            return new VideoInfo(seconds[0], size[0], size[1]);
        }
        return new VideoInfo(seconds[0], size[0], size[1]);
    }

    /** A PCM WAV's duration: its data chunk's length over its byte rate; empty when it is not one. */
    static Optional<Double> wavSeconds(byte[] bytes) {
        if (!"audio/wav".equals(sniff(bytes).orElse(""))) {
            return Optional.empty();
        }
        ByteBuffer wav = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long byteRate = 0;
        int position = 12;
        while (position + 8 <= bytes.length) {
            String id = new String(bytes, position, 4, StandardCharsets.US_ASCII);
            long size = Integer.toUnsignedLong(wav.getInt(position + 4));
            if ("fmt ".equals(id) && position + 16 <= bytes.length) {
                byteRate = Integer.toUnsignedLong(wav.getInt(position + 16));
            } else if ("data".equals(id)) {
                long available = Math.min(size, bytes.length - position - 8L);
                return byteRate == 0 ? Optional.empty() : Optional.of((double) available / byteRate);
            }
            position += 8 + (int) size + (int) (size & 1);
        }
        return Optional.empty();
    }

    /**
     * An MPEG audio file's duration: its frames' samples over the sample rate, found by walking the frames after any
     * ID3v2 tag (a Xing, Info or VBRI header frame, which carries no audio, is not counted); empty when no frame is
     * found.
     */
    static Optional<Double> mp3Seconds(byte[] bytes) {
        if (bytes == null || bytes.length < 4) {
            return Optional.empty();
        }
        int position = 0;
        if (startsWith(bytes, 0, ascii("ID3")) && bytes.length >= 10) {
            int size = (bytes[6] & 0x7F) << 21 | (bytes[7] & 0x7F) << 14 | (bytes[8] & 0x7F) << 7 | (bytes[9] & 0x7F);
            position = 10 + size + ((bytes[5] & 0x10) != 0 ? 10 : 0);
        }
        int firstFrameLimit = position + MP3_MAX_LEADING_JUNK;
        long samples = 0;
        int frames = 0;
        int sampleRate = 0;
        while (position + 4 <= bytes.length) {
            int header = (bytes[position] & 0xFF) << 24 | (bytes[position + 1] & 0xFF) << 16
                    | (bytes[position + 2] & 0xFF) << 8 | (bytes[position + 3] & 0xFF);
            Mp3Frame frame = Mp3Frame.of(header);
            if (frame == null || (sampleRate != 0 && frame.sampleRate() != sampleRate)) {
                if (frames > 0 || position >= firstFrameLimit) {
                    break;
                }
                position++;
                continue;
            }
            if (frames == 0 && sampleRate == 0 && isVbrHeader(bytes, position, frame.length())) {
                sampleRate = frame.sampleRate();
                position += frame.length();
                continue;
            }
            sampleRate = frame.sampleRate();
            samples += frame.samples();
            frames++;
            position += frame.length();
        }
        return frames == 0 ? Optional.empty() : Optional.of((double) samples / sampleRate);
    }

    /** The duration of a WAV or MP3, whichever the bytes are; empty when they are neither or cannot be measured. */
    static Optional<Double> audioSeconds(byte[] bytes) {
        return switch (sniff(bytes).orElse("")) {
            case "audio/wav" -> wavSeconds(bytes);
            case "audio/mpeg" -> mp3Seconds(bytes);
            default -> Optional.empty();
        };
    }

    private record Mp3Frame(int sampleRate, int samples, int length) {
        static Mp3Frame of(int header) {
            if ((header & 0xFFE00000) != 0xFFE00000) {
                return null;
            }
            int version = header >>> 19 & 3;
            int layer = header >>> 17 & 3;
            int bitrateIndex = header >>> 12 & 0xF;
            int rateIndex = header >>> 10 & 3;
            int padding = header >>> 9 & 1;
            if (version == 1 || layer == 0 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
                return null;
            }
            boolean mpeg1 = version == 3;
            int table = mpeg1 ? 3 - layer : (layer == 3 ? 3 : 4);
            int bitrate = MP3_BITRATES[table][bitrateIndex] * 1000;
            int sampleRate = MP3_SAMPLE_RATES[version][rateIndex];
            if (layer == 3) {
                return new Mp3Frame(sampleRate, 384, (12 * bitrate / sampleRate + padding) * 4);
            }
            int samples = layer == 2 || mpeg1 ? 1152 : 576;
            return new Mp3Frame(sampleRate, samples, samples / 8 * bitrate / sampleRate + padding);
        }
    }

    private static boolean isVbrHeader(byte[] bytes, int frameStart, int frameLength) {
        int end = Math.min(bytes.length - 4, frameStart + Math.min(frameLength, 64));
        for (int i = frameStart + 4; i <= end; i++) {
            if (startsWith(bytes, i, ascii("Xing")) || startsWith(bytes, i, ascii("Info"))
                    || startsWith(bytes, i, ascii("VBRI"))) {
                return true;
            }
        }
        return false;
    }

    private static void walk(ByteBuffer file, int start, int end, Double[] seconds, Integer[] size) {
        int position = start;
        while (position + 8 <= end) {
            long boxSize = Integer.toUnsignedLong(file.getInt(position));
            String type = new String(new byte[] {file.get(position + 4), file.get(position + 5), file.get(position + 6),
                    file.get(position + 7)}, StandardCharsets.US_ASCII);
            int header = 8;
            if (boxSize == 1) {
                boxSize = file.getLong(position + 8);
                header = 16;
            } else if (boxSize == 0) {
                boxSize = end - position;
            }
            if (boxSize < header || position + boxSize > end) {
                return;
            }
            int body = position + header;
            boolean sixtyFourBit = file.get(body) == 1;
            if (MP4_CONTAINERS.contains(type)) {
                walk(file, body, (int) (position + boxSize), seconds, size);
            } else if ("mvhd".equals(type) && seconds[0] == null) {
                long timescale = Integer.toUnsignedLong(file.getInt(body + (sixtyFourBit ? 20 : 12)));
                long duration = sixtyFourBit ? file.getLong(body + 24) : Integer.toUnsignedLong(file.getInt(body + 16));
                if (timescale > 0) {
                    seconds[0] = (double) duration / timescale;
                }
            } else if ("tkhd".equals(type) && size[0] == null) {
                int dimensions = body + (sixtyFourBit ? 88 : 76);
                int width = file.getInt(dimensions) >>> 16;
                int height = file.getInt(dimensions + 4) >>> 16;
                if (width > 0 && height > 0) {
                    size[0] = width;
                    size[1] = height;
                }
            }
            position = (int) (position + boxSize);
        }
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        if (bytes == null || bytes.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
