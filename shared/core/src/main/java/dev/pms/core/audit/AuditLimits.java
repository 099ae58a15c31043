package dev.pms.core.audit;

/**
 * Bounds of one audit. {@code maxBase64Chars} is checked before anything is decoded, {@code maxPixels} against the
 * dimensions in the image header before any pixel is read; the metrics run on a copy whose longest side is at most
 * {@code analysisMaxSide}.
 */
public record AuditLimits(int maxBase64Chars, long maxPixels, int analysisMaxSide) {
    /** About 10 MB of image (the API payload cap), 40 megapixels, analysis at up to 2048 px. */
    public static final AuditLimits DEFAULT = new AuditLimits(14_000_000, 40_000_000L, 2048);

    public AuditLimits {
        if (maxBase64Chars <= 0 || maxPixels <= 0 || analysisMaxSide < 16) {
            throw new IllegalArgumentException("audit limits must be positive and allow at least 16 px of analysis");
        }
    }
}
