package dev.pms.core.audit;

/**
 * Turns each measurement into a 0–100 score. {@code quality_score} is the weighted mean of the parts that were
 * measured: sharpness 30, exposure 20, contrast 15, noise 15, blockiness 10 (JPEG only), palette distance 10
 * (with a brand palette only).
 */
final class QualityScoring {
    static final int SHARPNESS_WEIGHT = 30;
    static final int EXPOSURE_WEIGHT = 20;
    static final int CONTRAST_WEIGHT = 15;
    static final int NOISE_WEIGHT = 15;
    static final int BLOCKINESS_WEIGHT = 10;
    static final int PALETTE_WEIGHT = 10;

    /** Laplacian variance at which sharpness scores 50. */
    private static final double HALF_SHARP_VARIANCE = 150;

    private QualityScoring() {
    }

    static int sharpness(double laplacianVariance) {
        return percent(laplacianVariance / (laplacianVariance + HALF_SHARP_VARIANCE));
    }

    /** Full marks up to 2 % clipped pixels and a mean luma within 60 of mid-grey; the worse of the two counts. */
    static int exposure(ImageMetrics.Exposure exposure) {
        double clipped = exposure.clippedHighlights() + exposure.clippedShadows();
        double clipScore = 1 - clamp((clipped - 0.02) / 0.28);
        double meanScore = 1 - clamp((Math.abs(exposure.meanLuma() - 128) - 60) / 60);
        return percent(Math.min(clipScore, meanScore));
    }

    /** Full marks from an RMS contrast of 0.18. */
    static int contrast(double rmsContrast) {
        return percent(rmsContrast / 0.18);
    }

    /** Full marks up to a noise sigma of 2 luma levels, none from 15. */
    static int noise(double sigma) {
        return percent(1 - (sigma - 2) / 13);
    }

    /** Full marks up to a boundary/inside step ratio of 1.15, none from 2.15. */
    static int blockiness(double ratio) {
        return percent(1 - (ratio - 1.15) / 1.0);
    }

    /** Full marks within ΔE 10 of the palette, none from ΔE 50. */
    static int paletteDistance(double deltaE) {
        return percent(1 - (deltaE - 10) / 40);
    }

    private static int percent(double share) {
        return (int) Math.round(100 * clamp(share));
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
