package dev.pms.core.audit;

/**
 * Bounds of one audit. {@code maxBase64Chars} is checked before anything is decoded, {@code maxPixels} and
 * {@code maxSide} against the dimensions in the image header before any pixel is read (a 1 × 40,000,000 strip has few
 * pixels but costs a decoder a row buffer and a scan per pixel of its long side); the metrics run on a copy whose
 * longest side is at most {@code analysisMaxSide}.
 */
public record AuditLimits(int maxBase64Chars, long maxPixels, int maxSide, int analysisMaxSide) {
    /** The longest side of any placement of the channel catalogue is far below this. */
    public static final int DEFAULT_MAX_SIDE = 16_384;
    /** About 10 MB of image (the API payload cap), 40 megapixels, 16,384 px a side, analysis at up to 2048 px. */
    public static final AuditLimits DEFAULT = new AuditLimits(14_000_000, 40_000_000L, DEFAULT_MAX_SIDE, 2048);

    public AuditLimits {
        if (maxBase64Chars <= 0 || maxPixels <= 0 || maxSide <= 0 || analysisMaxSide < 16) {
            throw new IllegalArgumentException("audit limits must be positive and allow at least 16 px of analysis");
        }
    }

    public AuditLimits(int maxBase64Chars, long maxPixels, int analysisMaxSide) {
        this(maxBase64Chars, maxPixels, DEFAULT_MAX_SIDE, analysisMaxSide);
    }
}
