package dev.pms.providers.wavespeed;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/** What can be read cheaply from downloaded bytes: the format, and an MP4's or WAV's duration and an MP4's size. */
final class MediaProbe {
    private static final Set<String> MP4_CONTAINERS = Set.of("moov", "trak", "mdia");

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
