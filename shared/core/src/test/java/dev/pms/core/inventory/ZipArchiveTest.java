package dev.pms.core.inventory;

import dev.pms.core.error.ValidationException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ZIP reader refuses hostile archives from their directory alone and inflates entries within bounds. */
class ZipArchiveTest {
    private static final ZipLimits SMALL = new ZipLimits(1024 * 1024, 5, 64 * 1024, 200 * 1024, 100, 4 * 1024, 120);

    @Test
    void readsTheDirectoryAndInflatesEachEntryExactly() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("photos/a.png", bytes(3000, 7));
        files.put("copy/caption.txt", "Launch day.".getBytes(StandardCharsets.UTF_8));
        files.put("photos/", new byte[0]);
        ZipArchive archive = ZipArchive.open(zip(files, ZipEntry.DEFLATED), SMALL);
        assertThat(archive.entries()).extracting(ZipArchive.Entry::name)
                .containsExactly("photos/a.png", "copy/caption.txt", "photos/");
        assertThat(archive.entries().get(2).directory()).isTrue();
        assertThat(archive.extract(archive.entries().get(0))).isEqualTo(files.get("photos/a.png"));
        assertThat(new String(archive.extract(archive.entries().get(1)), StandardCharsets.UTF_8)).isEqualTo("Launch day.");
        assertThat(archive.entries().get(1).extension()).isEqualTo("txt");
        assertThat(archive.entries().get(0).fileName()).isEqualTo("a.png");
    }

    @Test
    void readsStoredEntries() throws IOException {
        byte[] data = bytes(500, 3);
        ZipArchive archive = ZipArchive.open(storedZip("a.txt", data), SMALL);
        assertThat(archive.extract(archive.entries().get(0))).isEqualTo(data);
    }

    @Test
    void refusesPathTraversalAbsolutePathsAndBackslashes() {
        assertRefused(Map.of("../../etc/passwd", bytes(10, 1)), "path traversal");
        assertRefused(Map.of("photos/../../x.png", bytes(10, 1)), "path traversal");
        assertRefused(Map.of("/etc/passwd", bytes(10, 1)), "absolute path");
        assertRefused(Map.of("C:/Windows/x.txt", bytes(10, 1)), "absolute path");
        assertRefused(Map.of("photos\\..\\x.txt", bytes(10, 1)), "backslashes");
    }

    @Test
    void refusesZipBombsTooManyEntriesAndTooMuchDataBeforeInflatingAnything() {
        assertRefused(Map.of("zeros.txt", new byte[60 * 1024]), "zip bomb");
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            many.put("f" + i + ".txt", bytes(10, i));
        }
        assertRefused(many, "6 entries; at most 5");
        assertRefused(Map.of("big.bin", bytes(70 * 1024, 2)), "at most 65536 per file");
        Map<String, byte[]> total = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            total.put("f" + i + ".bin", bytes(60 * 1024, i));
        }
        assertRefused(total, "would unpack to more than");
    }

    @Test
    void refusesWhatIsNoZip() {
        assertThatThrownBy(() -> ZipArchive.open("not a zip at all".getBytes(StandardCharsets.UTF_8), SMALL))
                .isInstanceOf(ValidationException.class).hasMessageContaining("is not a ZIP archive");
        assertThatThrownBy(() -> ZipArchive.open(new byte[3], SMALL)).isInstanceOf(ValidationException.class);
    }

    @Test
    void anEntryThatInflatesBeyondItsDeclaredSizeIsRefusedWithoutGrowingTheBuffer() throws IOException {
        byte[] data = bytes(2000, 5);
        byte[] zip = storedZip("a.txt", data);
        // lie in the central directory: declare 100 bytes uncompressed (and compressed) for 2000 stored bytes
        int central = indexOf(zip, new byte[] {0x50, 0x4b, 0x01, 0x02});
        writeInt(zip, central + 20, 100);
        writeInt(zip, central + 24, 100);
        ZipArchive archive = ZipArchive.open(zip, SMALL);
        assertThatThrownBy(() -> archive.extract(archive.entries().get(0))).isInstanceOf(ZipArchive.EntryException.class);
    }

    @Test
    void aCorruptEntryFailsItsCrcCheck() throws IOException {
        byte[] data = bytes(2000, 5);
        byte[] zip = storedZip("a.txt", data);
        int local = indexOf(zip, new byte[] {0x50, 0x4b, 0x03, 0x04});
        zip[local + 30 + "a.txt".length() + 10] ^= 0x55;
        ZipArchive archive = ZipArchive.open(zip, SMALL);
        assertThatThrownBy(() -> archive.extract(archive.entries().get(0)))
                .isInstanceOf(ZipArchive.EntryException.class).hasMessageContaining("CRC");
    }

    private static void assertRefused(Map<String, byte[]> files, String reason) {
        assertThatThrownBy(() -> ZipArchive.open(zip(files, ZipEntry.DEFLATED), SMALL))
                .isInstanceOf(ValidationException.class).hasMessageContaining(reason);
    }

    static byte[] zip(Map<String, byte[]> files, int method) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setMethod(method);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] storedZip(String name, byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry = new ZipEntry(name);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(data.length);
            entry.setCompressedSize(data.length);
            CRC32 crc = new CRC32();
            crc.update(data);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(data);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    /** Bytes that barely compress. */
    private static byte[] bytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    private static void writeInt(byte[] bytes, int at, int value) {
        bytes[at] = (byte) value;
        bytes[at + 1] = (byte) (value >> 8);
        bytes[at + 2] = (byte) (value >> 16);
        bytes[at + 3] = (byte) (value >> 24);
    }
}
