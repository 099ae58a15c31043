package dev.pms.core.inventory;

import dev.pms.core.error.ValidationException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * An uploaded ZIP read without trusting it. {@link #open} parses only the end record and the central directory and
 * refuses the whole archive before anything is inflated when it breaks a {@link ZipLimits} bound or names a path that
 * could escape a folder (absolute, {@code ..}, backslashes, drive letters, control characters). {@link #extract}
 * inflates one entry into a buffer that never grows beyond the entry's declared size, and checks its CRC.
 */
public final class ZipArchive {
    static final String FIELD = "zip";
    private static final int END_SIGNATURE = 0x06054b50;
    private static final int CENTRAL_SIGNATURE = 0x02014b50;
    private static final int LOCAL_SIGNATURE = 0x04034b50;
    private static final int END_RECORD_SIZE = 22;
    private static final int MAX_COMMENT = 0xFFFF;
    private static final int STORED = 0;
    private static final int DEFLATED = 8;

    private final byte[] bytes;
    private final List<Entry> entries;

    private ZipArchive(byte[] bytes, List<Entry> entries) {
        this.bytes = bytes;
        this.entries = List.copyOf(entries);
    }

    /** One file of the archive as its central directory declares it. */
    public record Entry(int index, String name, int method, int flags, long compressedSize, long uncompressedSize,
                        long crc, long localHeaderOffset) {

        public boolean directory() {
            return name.endsWith("/");
        }

        public boolean encrypted() {
            return (flags & 1) != 0;
        }

        /** The file name without its folders. */
        public String fileName() {
            String trimmed = directory() ? name.substring(0, name.length() - 1) : name;
            return trimmed.substring(trimmed.lastIndexOf('/') + 1);
        }

        /** The extension in lower case, empty when there is none. */
        public String extension() {
            String file = fileName();
            int dot = file.lastIndexOf('.');
            return dot <= 0 ? "" : file.substring(dot + 1).toLowerCase(Locale.ROOT);
        }
    }

    /** An entry that cannot be extracted; the rest of the archive is unaffected. */
    public static final class EntryException extends RuntimeException {
        public EntryException(String message) {
            super(message, null, false, false);
        }
    }

    public List<Entry> entries() {
        return entries;
    }

    /**
     * Reads the directory of {@code zip} and checks it against {@code limits}.
     *
     * @throws ValidationException naming field {@value #FIELD} with the first reason the archive is refused
     */
    public static ZipArchive open(byte[] zip, ZipLimits limits) {
        if (zip.length > limits.maxZipBytes()) {
            throw refuse("is " + zip.length + " bytes; at most " + limits.maxZipBytes() + " are accepted");
        }
        int end = findEndRecord(zip);
        if (end < 0) {
            throw refuse("is not a ZIP archive (no end of central directory record)");
        }
        int disk = u16(zip, end + 4);
        int directoryDisk = u16(zip, end + 6);
        int count = u16(zip, end + 10);
        long directorySize = u32(zip, end + 12);
        long directoryOffset = u32(zip, end + 16);
        if (disk != 0 || directoryDisk != 0 || u16(zip, end + 8) != count) {
            throw refuse("spans several disks; send one plain ZIP file");
        }
        if (count == 0xFFFF || directorySize == 0xFFFFFFFFL || directoryOffset == 0xFFFFFFFFL) {
            throw refuse("is a ZIP64 archive; send an ordinary ZIP (at most " + limits.maxEntries() + " files)");
        }
        if (count > limits.maxEntries()) {
            throw refuse("has " + count + " entries; at most " + limits.maxEntries() + " are accepted");
        }
        if (directoryOffset + directorySize > end) {
            throw refuse("has a central directory outside the file; it is truncated or corrupt");
        }
        List<Entry> entries = new ArrayList<>(count);
        Set<String> names = new HashSet<>();
        long total = 0;
        int at = (int) directoryOffset;
        for (int index = 0; index < count; index++) {
            if (at + 46 > end || u32(zip, at) != CENTRAL_SIGNATURE) {
                throw refuse("has a corrupt central directory (entry " + (index + 1) + ")");
            }
            int flags = u16(zip, at + 8);
            int method = u16(zip, at + 10);
            long crc = u32(zip, at + 16);
            long compressed = u32(zip, at + 20);
            long uncompressed = u32(zip, at + 24);
            int nameLength = u16(zip, at + 28);
            int extraLength = u16(zip, at + 30);
            int commentLength = u16(zip, at + 32);
            long localOffset = u32(zip, at + 42);
            if (at + 46 + nameLength > end) {
                throw refuse("has a corrupt central directory (entry " + (index + 1) + ")");
            }
            if (compressed == 0xFFFFFFFFL || uncompressed == 0xFFFFFFFFL || localOffset == 0xFFFFFFFFL) {
                throw refuse("uses ZIP64 sizes; send an ordinary ZIP");
            }
            String name = name(zip, at + 46, nameLength, flags, limits);
            checkPath(name, index);
            if (!names.add(name)) {
                throw refuse("names " + quote(name) + " twice");
            }
            Entry entry = new Entry(index, name, method, flags, compressed, uncompressed, crc, localOffset);
            if (!entry.directory()) {
                checkSizes(entry, limits);
                total += uncompressed;
                if (total > limits.maxTotalBytes()) {
                    throw refuse("would unpack to more than " + limits.maxTotalBytes() + " bytes; at most "
                            + limits.maxTotalBytes() + " are accepted");
                }
            }
            entries.add(entry);
            at += 46 + nameLength + extraLength + commentLength;
        }
        return new ZipArchive(zip, entries);
    }

    /**
     * Inflates one entry. The output buffer is bounded by the declared size (itself within the limits), so a lying
     * directory cannot make it grow.
     *
     * @throws EntryException when the entry is encrypted, uses another method, inflates to another size or fails
     *                        its CRC
     */
    public byte[] extract(Entry entry) {
        if (entry.encrypted()) {
            throw new EntryException("the entry is encrypted");
        }
        if (entry.method() != STORED && entry.method() != DEFLATED) {
            throw new EntryException("the entry uses compression method " + entry.method()
                    + "; only stored and deflated entries are read");
        }
        long local = entry.localHeaderOffset();
        if (local + 30 > bytes.length || u32(bytes, (int) local) != LOCAL_SIGNATURE) {
            throw new EntryException("the entry's local header is missing");
        }
        int nameLength = u16(bytes, (int) local + 26);
        int extraLength = u16(bytes, (int) local + 28);
        long dataStart = local + 30 + nameLength + extraLength;
        if (dataStart + entry.compressedSize() > bytes.length) {
            throw new EntryException("the entry's data runs past the end of the archive");
        }
        String localName = new String(bytes, (int) local + 30, nameLength,
                (u16(bytes, (int) local + 6) & 0x800) != 0 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        if (!localName.equals(entry.name())) {
            throw new EntryException("the entry's local header names another file");
        }
        byte[] data = entry.method() == STORED
                ? stored(entry, (int) dataStart)
                : inflate(entry, (int) dataStart);
        CRC32 crc = new CRC32();
        crc.update(data);
        if (crc.getValue() != entry.crc()) {
            throw new EntryException("the entry fails its CRC check; the archive is corrupt");
        }
        return data;
    }

    private byte[] stored(Entry entry, int start) {
        if (entry.compressedSize() != entry.uncompressedSize()) {
            throw new EntryException("a stored entry declares two different sizes");
        }
        byte[] data = new byte[(int) entry.uncompressedSize()];
        System.arraycopy(bytes, start, data, 0, data.length);
        return data;
    }

    private byte[] inflate(Entry entry, int start) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(bytes, start, (int) entry.compressedSize());
            long declared = entry.uncompressedSize();
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(declared, 1 << 20));
            byte[] chunk = new byte[64 * 1024];
            long produced = 0;
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0) {
                    if (inflater.needsInput() || inflater.needsDictionary()) {
                        throw new EntryException("the entry's data is truncated");
                    }
                    continue;
                }
                produced += n;
                if (produced > declared) {
                    throw new EntryException("the entry inflates beyond the " + declared
                            + " bytes its directory declares; it was not unpacked");
                }
                out.write(chunk, 0, n);
            }
            if (produced != declared) {
                throw new EntryException("the entry inflates to " + produced + " bytes, not the " + declared
                        + " its directory declares");
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new EntryException("the entry's compressed data is corrupt");
        } finally {
            inflater.end();
        }
    }

    private static void checkSizes(Entry entry, ZipLimits limits) {
        if (entry.uncompressedSize() > limits.maxEntryBytes()) {
            throw refuse("entry " + quote(entry.name()) + " would unpack to " + entry.uncompressedSize()
                    + " bytes; at most " + limits.maxEntryBytes() + " per file are accepted");
        }
        if (entry.uncompressedSize() > limits.ratioFloorBytes()) {
            double ratio = entry.compressedSize() == 0 ? Double.POSITIVE_INFINITY
                    : (double) entry.uncompressedSize() / entry.compressedSize();
            if (ratio > limits.maxRatio()) {
                throw refuse(String.format(Locale.ROOT, "entry %s expands %.0f times (%d to %d bytes), more than the %.0f"
                                + " times an ordinary file does; it looks like a zip bomb", quote(entry.name()), ratio,
                        entry.compressedSize(), entry.uncompressedSize(), limits.maxRatio()));
            }
        }
    }

    private static String name(byte[] zip, int at, int length, int flags, ZipLimits limits) {
        if (length == 0) {
            throw refuse("has an entry without a name");
        }
        if (length > limits.maxNameLength() * 4) {
            throw refuse("has an entry name of " + length + " bytes; at most " + limits.maxNameLength()
                    + " characters are accepted");
        }
        String name = new String(zip, at, length, (flags & 0x800) != 0 ? StandardCharsets.UTF_8
                : StandardCharsets.ISO_8859_1);
        if (name.length() > limits.maxNameLength()) {
            throw refuse("has an entry name of " + name.length() + " characters; at most " + limits.maxNameLength()
                    + " are accepted");
        }
        return name;
    }

    /** Names that could write outside the folder they are unpacked into refuse the whole archive. */
    private static void checkPath(String name, int index) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                throw refuse("entry " + (index + 1) + " has a control character in its name");
            }
        }
        if (name.indexOf('\\') >= 0) {
            throw refuse("entry " + quote(name) + " uses backslashes; ZIP paths use forward slashes only");
        }
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            throw refuse("entry " + quote(name) + " has an absolute path");
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..")) {
                throw refuse("entry " + quote(name) + " climbs out of its folder with '..' (path traversal)");
            }
        }
        if (name.contains("//")) {
            throw refuse("entry " + quote(name) + " has an empty path segment");
        }
    }

    private static int findEndRecord(byte[] zip) {
        if (zip.length < END_RECORD_SIZE) {
            return -1;
        }
        int lowest = Math.max(0, zip.length - END_RECORD_SIZE - MAX_COMMENT);
        for (int at = zip.length - END_RECORD_SIZE; at >= lowest; at--) {
            if (u32(zip, at) == END_SIGNATURE && at + END_RECORD_SIZE + u16(zip, at + 20) == zip.length) {
                return at;
            }
        }
        return -1;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xFF)) | ((long) (b[at + 1] & 0xFF)) << 8 | ((long) (b[at + 2] & 0xFF)) << 16
                | ((long) (b[at + 3] & 0xFF)) << 24;
    }

    private static String quote(String name) {
        String shown = name.length() > 80 ? name.substring(0, 80) + "..." : name;
        return "'" + shown + "'";
    }

    private static ValidationException refuse(String reason) {
        return ValidationException.of(FIELD, reason);
    }
}
