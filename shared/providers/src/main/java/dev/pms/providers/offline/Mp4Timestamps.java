package dev.pms.providers.offline;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Clears the creation and modification times jcodec writes into the movie, track and media headers (the wall
 * clock), so the same request always gives the same MP4 bytes.
 */
final class Mp4Timestamps {
    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia");
    private static final Set<String> HEADERS = Set.of("mvhd", "tkhd", "mdhd");

    private Mp4Timestamps() {
    }

    static byte[] cleared(byte[] mp4) {
        byte[] copy = mp4.clone();
        clearIn(ByteBuffer.wrap(copy), 0, copy.length);
        return copy;
    }

    private static void clearIn(ByteBuffer file, int start, int end) {
        int position = start;
        while (position + 8 <= end) {
            long size = Integer.toUnsignedLong(file.getInt(position));
            String type = new String(new byte[] {file.get(position + 4), file.get(position + 5), file.get(position + 6),
                    file.get(position + 7)}, StandardCharsets.US_ASCII);
            int headerLength = 8;
            if (size == 1) {
                size = file.getLong(position + 8);
                headerLength = 16;
            } else if (size == 0) {
                size = end - position;
            }
            if (size < headerLength || position + size > end) {
                return;
            }
            int boxEnd = (int) (position + size);
            int body = position + headerLength;
            if (CONTAINERS.contains(type)) {
                clearIn(file, body, boxEnd);
            } else if (HEADERS.contains(type)) {
                boolean sixtyFourBit = file.get(body) == 1;
                int times = body + 4;
                if (sixtyFourBit) {
                    file.putLong(times, 0L).putLong(times + 8, 0L);
                } else {
                    file.putInt(times, 0).putInt(times + 4, 0);
                }
            }
            position = boxEnd;
        }
    }
}
