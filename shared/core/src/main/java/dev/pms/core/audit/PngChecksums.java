package dev.pms.core.audit;

import dev.pms.core.error.ValidationException;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Checks the CRC-32 of every complete PNG chunk (the JDK's PNG reader ignores them). Linear in the size of the file,
 * which is already bounded. Where the bytes stop being chunks (truncation, garbage) it stops and leaves the verdict to
 * the decoder.
 */
final class PngChecksums {
    private static final int SIGNATURE_BYTES = 8;

    private PngChecksums() {
    }

    static void verify(byte[] png) {
        verify(png, ImageDecoder.FIELD);
    }

    static void verify(byte[] png, String field) {
        int offset = SIGNATURE_BYTES;
        CRC32 crc = new CRC32();
        while (offset + 12 <= png.length) {
            long length = readInt(png, offset) & 0xFFFFFFFFL;
            if (!isChunkType(png, offset + 4) || offset + 12 + length > png.length) {
                return;
            }
            int dataLength = (int) length;
            crc.reset();
            crc.update(png, offset + 4, 4 + dataLength);
            int stored = readInt(png, offset + 8 + dataLength);
            if ((int) crc.getValue() != stored) {
                String type = new String(png, offset + 4, 4, StandardCharsets.US_ASCII);
                throw ValidationException.of(field, "is a corrupt PNG: the checksum of its " + type
                        + " chunk does not match");
            }
            if (png[offset + 4] == 'I' && png[offset + 5] == 'E' && png[offset + 6] == 'N' && png[offset + 7] == 'D') {
                return;
            }
            offset += 12 + dataLength;
        }
    }

    private static boolean isChunkType(byte[] bytes, int offset) {
        for (int i = offset; i < offset + 4; i++) {
            byte b = bytes[i];
            if (!(b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z')) {
                return false;
            }
        }
        return true;
    }

    private static int readInt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) << 24 | (bytes[offset + 1] & 0xFF) << 16 | (bytes[offset + 2] & 0xFF) << 8
                | bytes[offset + 3] & 0xFF;
    }
}
