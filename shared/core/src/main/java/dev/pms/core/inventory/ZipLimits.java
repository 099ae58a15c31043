package dev.pms.core.inventory;

/**
 * Bounds of one uploaded ZIP, all checked against its central directory before a byte is inflated, and again while
 * inflating (a directory can lie about sizes). {@code maxRatio} is the largest uncompressed/compressed ratio an entry
 * may declare once it is larger than {@code ratioFloorBytes}; a zip bomb needs ratios in the thousands, a PNG or JPEG
 * barely compresses, and plain text rarely passes 20.
 */
public record ZipLimits(long maxZipBytes, int maxEntries, long maxEntryBytes, long maxTotalBytes, double maxRatio,
                        long ratioFloorBytes, int maxNameLength) {

    /** 100 MiB of ZIP, 500 entries, 25 MiB per file, 512 MiB in all, ratio 100 above 64 KiB, names up to 240. */
    public static final ZipLimits DEFAULT = new ZipLimits(100L * 1024 * 1024, 500, 25L * 1024 * 1024,
            512L * 1024 * 1024, 100, 64 * 1024, 240);

    public ZipLimits {
        if (maxZipBytes <= 0 || maxEntries <= 0 || maxEntryBytes <= 0 || maxTotalBytes <= 0 || maxRatio < 1
                || ratioFloorBytes < 0 || maxNameLength <= 0) {
            throw new IllegalArgumentException("ZIP limits must be positive");
        }
    }
}
