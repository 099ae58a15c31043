package dev.pms.core.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.util.List;

/**
 * The answer of {@code POST /assets/audit} (contract #7 plus the measurements behind it). {@code placement} is
 * the catalogue key the image was checked against, null when none was named or found for the channel.
 * {@code verdict} is the finer usable / enhance / replace decision; {@code status} is the word the SPA knows.
 */
public record AuditReport(
        AssetInfo assetInfo,
        List<Check> checks,
        @JsonInclude(JsonInclude.Include.ALWAYS) String placement,
        List<Recommendation> recommendations,
        BigDecimal totalCostUsd,
        AuditStatus verdict) {

    public AuditReport {
        checks = List.copyOf(checks);
        recommendations = List.copyOf(recommendations);
    }

    /** The SPA's status: {@code usable}, or {@code needs_enhancement} when anything must be fixed or remade. */
    @JsonProperty("status")
    public String status() {
        return verdict == AuditStatus.USABLE ? "usable" : "needs_enhancement";
    }

    /**
     * What the image is and how it measures. {@code qualityPoints} is the weighted score on 0–100; the SPA reads
     * it as {@code quality_score} on 0..1. {@code productFraming} is present for Amazon main images only;
     * {@code dominantColours} carry their distance to the brand palette when one was given.
     */
    public record AssetInfo(int width, int height, String format, String mode, long bytes, int qualityPoints,
                            QualityParts qualityParts, Exposure exposure, List<DominantColour> dominantColours,
                            ProductFraming productFraming) {

        @JsonProperty("quality_score")
        public double qualityScore() {
            return qualityPoints / 100.0;
        }
    }

    /** The parts of {@code quality_score}; blockiness is measured for JPEG only, palette distance with a palette only. */
    public record QualityParts(QualityPart sharpness, QualityPart exposure, QualityPart contrast, QualityPart noise,
                               QualityPart blockiness, QualityPart paletteDistance) {
    }

    /** One measured value, its 0–100 score, its weight in {@code quality_score}, and what the value means. */
    public record QualityPart(double value, int score, int weight, String meaning) {
    }

    /** Mean luma (0–255) and the shares of clipped highlights (luma ≥ 250) and shadows (luma ≤ 5). */
    public record Exposure(double meanLuma, double clippedHighlights, double clippedShadows) {
    }

    /** {@code nearestBrandColour} and {@code deltaE} (CIE76) are present when a brand palette was given. */
    public record DominantColour(String hex, double share, String nearestBrandColour, Double deltaE) {
    }

    /** Share of the border that is pure white, and the product's bounding box (source pixels) and frame share. */
    public record ProductFraming(double whiteBorderShare, Box productBox, double productFrameShare) {
    }

    /** A rectangle in source pixels. */
    public record Box(int x, int y, int width, int height) {
    }

    /** One rule checked; {@code severity} is {@code error} for rules that decide the status, else {@code warning}. */
    public record Check(String rule, boolean passed, String severity, String detail) {
    }

    /**
     * One costed fix. Operation details are present where they apply: {@code cropBox} for crops,
     * {@code upscaleFactor} for upscales, {@code targetWidth}/{@code targetHeight} for upscales, downscales and
     * regeneration at the placement's canvas, {@code targetFormat} for conversions. Local operations cost nothing;
     * edits and regeneration are priced from the price table.
     */
    public record Recommendation(FixOperation operation, Priority priority, String reason, String provider,
                                 String model, BigDecimal costUsd, Box cropBox, Integer upscaleFactor,
                                 Integer targetWidth, Integer targetHeight, String targetFormat) {
    }
}
