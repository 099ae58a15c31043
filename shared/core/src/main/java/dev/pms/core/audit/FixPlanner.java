package dev.pms.core.audit;

import dev.pms.core.audit.AuditReport.AssetInfo;
import dev.pms.core.audit.AuditReport.Box;
import dev.pms.core.audit.AuditReport.Check;
import dev.pms.core.audit.AuditReport.Recommendation;
import dev.pms.core.channel.Canvas;
import dev.pms.core.channel.PixelBounds;
import dev.pms.core.channel.Placement;
import dev.pms.core.channel.SafeZone;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks one measured image against its placement and plans the fixes. The status is {@code replace} when the
 * image cannot be rescued (more than 2× too small, a crop to the ratio would drop more than half of it, or a
 * quality score under {@value #MIN_QUALITY_SCORE}), {@code enhance} when it has fixes, {@code usable} otherwise.
 */
final class FixPlanner {
    static final int MIN_QUALITY_SCORE = 30;
    /** A crop to the target ratio must keep at least this share of the image. */
    static final double MIN_CROP_KEEP = 0.5;
    /** Upscaling by more than this to reach the minimum size is not a fix. */
    static final double MAX_RESCUE_SCALE = 2;
    static final double TOO_BRIGHT_CLIP = 0.15;
    static final double TOO_BRIGHT_MEAN = 200;
    static final double TOO_DARK_CLIP = 0.15;
    static final double TOO_DARK_MEAN = 55;
    static final int FLAT_CONTRAST_SCORE = 35;
    static final int BLURRED_SHARPNESS_SCORE = 15;
    static final int NOISY_SCORE = 40;
    static final int BLOCKY_SCORE = 40;
    static final double MIN_WHITE_BORDER = 0.9;
    static final double MIN_PRODUCT_FRAME_SHARE = 0.85;
    /** Amazon crops place the product at this share of the frame. */
    static final double PRODUCT_CROP_SHARE = 0.9;
    /** A margin whose edge density exceeds this multiple of the interior's (and {@value #BUSY_MARGIN_DENSITY}) is busy. */
    static final double BUSY_MARGIN_RATIO = 1.5;
    static final double BUSY_MARGIN_DENSITY = 0.04;

    private static final String ERROR = "error";
    private static final String WARNING = "warning";

    private final DecodedImage image;
    private final ImageMeasurements measurements;
    private final Placement placement;
    private final ImageAuditService.FixPricing pricing;
    private final List<Check> checks = new ArrayList<>();
    private final List<Recommendation> fixes = new ArrayList<>();
    private final List<String> replaceReasons = new ArrayList<>();

    FixPlanner(DecodedImage image, ImageMeasurements measurements, Placement placement,
               ImageAuditService.FixPricing pricing) {
        this.image = image;
        this.measurements = measurements;
        this.placement = placement;
        this.pricing = pricing;
    }

    AuditReport report(AssetInfo assetInfo) {
        checkQuality();
        if (placement != null) {
            checkPlacement();
        }
        List<Recommendation> recommendations;
        AuditStatus status;
        if (!replaceReasons.isEmpty()) {
            recommendations = List.of(new Recommendation(FixOperation.REGENERATE, Priority.HIGH,
                    String.join("; ", replaceReasons), pricing.regenerateModel().provider(),
                    pricing.regenerateModel().model(), pricing.regenerateCost(), null, null,
                    placement == null ? null : placement.canvas().width(),
                    placement == null ? null : placement.canvas().height(), null));
            status = AuditStatus.REPLACE;
        } else {
            recommendations = List.copyOf(fixes);
            status = fixes.isEmpty() ? AuditStatus.USABLE : AuditStatus.ENHANCE;
        }
        BigDecimal total = recommendations.stream().map(Recommendation::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new AuditReport(assetInfo, checks, placement == null ? null : placement.key(), recommendations, total,
                status);
    }

    private void checkQuality() {
        int score = measurements.qualityScore();
        boolean good = score >= MIN_QUALITY_SCORE;
        checks.add(new Check("quality", good, ERROR, "quality score " + score + " (at least " + MIN_QUALITY_SCORE
                + " can be worked with)"));
        if (!good) {
            replaceReasons.add("quality score " + score + " is too low to repair");
        }
        ImageMetrics.Exposure exposure = measurements.exposure();
        boolean tooBright = exposure.clippedHighlights() > TOO_BRIGHT_CLIP || exposure.meanLuma() > TOO_BRIGHT_MEAN;
        boolean tooDark = exposure.clippedShadows() > TOO_DARK_CLIP || exposure.meanLuma() < TOO_DARK_MEAN;
        boolean flat = measurements.contrastScore() < FLAT_CONTRAST_SCORE;
        String exposureDetail = String.format(Locale.ROOT, "mean luma %.0f, %.1f %% clipped highlights, %.1f %% clipped"
                        + " shadows, RMS contrast %.3f", exposure.meanLuma(), 100 * exposure.clippedHighlights(),
                100 * exposure.clippedShadows(), measurements.rmsContrast());
        checks.add(new Check("exposure", !(tooBright || tooDark || flat), ERROR, exposureDetail));
        if (tooBright || tooDark || flat) {
            String problem = tooBright ? "over-exposed" : tooDark ? "under-exposed" : "flat (low contrast)";
            addEdit(FixOperation.RELIGHT, Priority.MEDIUM, "the image is " + problem + ": " + exposureDetail);
        }
        List<String> defects = new ArrayList<>();
        if (measurements.sharpnessScore() < BLURRED_SHARPNESS_SCORE) {
            defects.add("blurred (Laplacian variance " + Math.round(measurements.laplacianVariance()) + ")");
        }
        if (measurements.noiseScore() < NOISY_SCORE) {
            defects.add(String.format(Locale.ROOT, "noisy (sigma %.1f)", measurements.noiseSigma()));
        }
        if (measurements.blockiness() != null && measurements.blockinessScore() < BLOCKY_SCORE) {
            defects.add(String.format(Locale.ROOT, "JPEG-blocky (ratio %.2f)", measurements.blockiness()));
        }
        checks.add(new Check("clarity", defects.isEmpty(), ERROR,
                defects.isEmpty() ? "no blur, noise or block artefacts beyond the limits" : String.join(", ", defects)));
        if (!defects.isEmpty()) {
            addEdit(FixOperation.RESTORE, Priority.MEDIUM, "the image is " + String.join(", ", defects));
        }
        if (measurements.paletteDistance() != null) {
            boolean onPalette = measurements.paletteScore() >= 50;
            checks.add(new Check("brand_palette", onPalette, WARNING, String.format(Locale.ROOT,
                    "dominant colours are delta E %.1f from the brand palette on average", measurements.paletteDistance())));
        }
    }

    private void checkPlacement() {
        Canvas canvas = placement.canvas();
        checkFormatAndBytes();
        Box keep = new Box(0, 0, image.width(), image.height());
        if (canvas.ratioMatches(image.width(), image.height())) {
            checks.add(new Check("ratio", true, ERROR, ratioDetail(canvas)));
        } else {
            Box crop = cropToRatio(canvas.declaredRatio());
            double kept = (double) crop.width() * crop.height() / ((double) image.width() * image.height());
            checks.add(new Check("ratio", false, ERROR, ratioDetail(canvas)));
            if (kept < MIN_CROP_KEEP) {
                replaceReasons.add(String.format(Locale.ROOT, "a crop to %s would keep only %.0f %% of the image",
                        canvas.ratio(), 100 * kept));
            } else {
                keep = crop;
                addLocal(FixOperation.CROP, Priority.HIGH, String.format(Locale.ROOT,
                        "crop to %s keeping %.0f %% of the image", canvas.ratio(), 100 * kept), crop, null, null, null);
            }
        }
        if (measurements.productFraming() != null) {
            keep = checkProductFraming(keep);
        }
        checkSize(keep, canvas);
        checkSafeZone(keep);
    }

    private void checkFormatAndBytes() {
        boolean formatAllowed = image.format().allowedBy(placement.formats());
        checks.add(new Check("format", formatAllowed, ERROR, image.format().code() + (formatAllowed ? " is" : " is not")
                + " accepted (" + String.join(", ", placement.formats()) + ")"));
        if (!formatAllowed) {
            String target = placement.formats().contains("png") ? "png" : placement.formats().get(0);
            addLocal(FixOperation.CONVERT_FORMAT, Priority.HIGH, placement.key() + " does not accept "
                    + image.format().code(), null, null, null, target);
        }
        if (placement.maxBytes() != null) {
            boolean small = image.bytes() <= placement.maxBytes();
            checks.add(new Check("max_bytes", small, ERROR, image.bytes() + " bytes (at most " + placement.maxBytes()
                    + ")"));
            if (!small) {
                addLocal(FixOperation.COMPRESS, Priority.HIGH, "the file is " + image.bytes() + " bytes; "
                        + placement.key() + " takes at most " + placement.maxBytes(), null, null, null, null);
            }
        }
    }

    private String ratioDetail(Canvas canvas) {
        return String.format(Locale.ROOT, "%dx%d is %.3f:1; %s needs %s (%.3f:1 within %.1f %%)", image.width(),
                image.height(), (double) image.width() / image.height(), placement.key(), canvas.ratio(),
                canvas.declaredRatio(), 100 * canvas.ratioTolerance());
    }

    /** The largest centred box of the target ratio inside the image. */
    private Box cropToRatio(double ratio) {
        int width = image.width();
        int height = image.height();
        if ((double) width / height > ratio) {
            int cropWidth = Math.min(width, (int) Math.round(height * ratio));
            return new Box((width - cropWidth) / 2, 0, cropWidth, height);
        }
        int cropHeight = Math.min(height, (int) Math.round(width / ratio));
        return new Box(0, (height - cropHeight) / 2, width, cropHeight);
    }

    private Box checkProductFraming(Box keep) {
        ProductFraming.Measurement framing = measurements.productFraming();
        boolean white = framing.whiteBorderShare() >= MIN_WHITE_BORDER;
        checks.add(new Check("white_background", white, ERROR, String.format(Locale.ROOT,
                "%.1f %% of the border is pure white RGB 255,255,255 (at least %.0f %%)",
                100 * framing.whiteBorderShare(), 100 * MIN_WHITE_BORDER)));
        if (!white) {
            addEdit(FixOperation.BACKGROUND_TO_WHITE, Priority.HIGH,
                    "Amazon main images need a pure white background (RGB 255,255,255)");
            return keep;
        }
        if (framing.productBox() == null) {
            checks.add(new Check("product_fills_frame", false, ERROR, "no product found on the white background"));
            replaceReasons.add("the image shows no product");
            return keep;
        }
        boolean fills = framing.productFrameShare() >= MIN_PRODUCT_FRAME_SHARE;
        checks.add(new Check("product_fills_frame", fills, ERROR, String.format(Locale.ROOT,
                "the product spans %.1f %% of the frame on its longer side (at least %.0f %%)",
                100 * framing.productFrameShare(), 100 * MIN_PRODUCT_FRAME_SHARE)));
        if (fills) {
            return keep;
        }
        Box crop = cropAroundProduct(framing.productBox());
        fixes.removeIf(fix -> fix.operation() == FixOperation.CROP);
        addLocal(FixOperation.CROP, Priority.HIGH, String.format(Locale.ROOT,
                "crop so that the product fills %.0f %% of a %s frame", 100 * PRODUCT_CROP_SHARE,
                placement.canvas().ratio()), crop, null, null, null);
        return crop;
    }

    /** A box of the canvas ratio centred on the product, sized so that the product spans the target share. */
    private Box cropAroundProduct(ProductFraming.Box analysisBox) {
        int step = image.subsampling();
        double ratio = placement.canvas().declaredRatio();
        double productWidth = analysisBox.width() * (double) step;
        double productHeight = analysisBox.height() * (double) step;
        double centreX = (analysisBox.x() + analysisBox.width() / 2.0) * step;
        double centreY = (analysisBox.y() + analysisBox.height() / 2.0) * step;
        double boxHeight = Math.max(productHeight, productWidth / ratio) / PRODUCT_CROP_SHARE;
        double boxWidth = boxHeight * ratio;
        double fit = Math.min(1, Math.min(image.width() / boxWidth, image.height() / boxHeight));
        int width = (int) Math.round(boxWidth * fit);
        int height = (int) Math.round(boxHeight * fit);
        int x = (int) Math.round(Math.max(0, Math.min(image.width() - width, centreX - width / 2.0)));
        int y = (int) Math.round(Math.max(0, Math.min(image.height() - height, centreY - height / 2.0)));
        return new Box(x, y, width, height);
    }

    /** Minimum and maximum size of what is kept after any crop; upscale only below the minimum. */
    private void checkSize(Box keep, Canvas canvas) {
        double neededScale = scaleToReach(placement.minPx(), keep.width(), keep.height());
        String kept = keep.width() + "x" + keep.height();
        if (neededScale <= 1) {
            checks.add(new Check("min_size", true, ERROR, kept + " meets the minimum " + describe(placement.minPx())));
        } else if (neededScale > MAX_RESCUE_SCALE) {
            checks.add(new Check("min_size", false, ERROR, kept + " is below half the minimum "
                    + describe(placement.minPx())));
            replaceReasons.add(kept + " is far too small for " + placement.key() + " (minimum "
                    + describe(placement.minPx()) + ")");
        } else {
            checks.add(new Check("min_size", false, ERROR, kept + " is below the minimum " + describe(placement.minPx())));
            double toCanvas = Math.max((double) canvas.width() / keep.width(), (double) canvas.height() / keep.height());
            int factor = toCanvas <= 2 ? 2 : 4;
            fixes.add(new Recommendation(FixOperation.UPSCALE, Priority.HIGH, kept + " is below the minimum "
                    + describe(placement.minPx()) + " of " + placement.key(), pricing.editModel().provider(),
                    pricing.editModel().model(), pricing.editCost(), null, factor, keep.width() * factor,
                    keep.height() * factor, null));
        }
        double allowedScale = scaleToFit(placement.maxPx(), keep.width(), keep.height());
        if (allowedScale < 1) {
            int width = (int) Math.floor(keep.width() * allowedScale);
            int height = (int) Math.floor(keep.height() * allowedScale);
            checks.add(new Check("max_size", false, ERROR, kept + " exceeds the maximum " + describe(placement.maxPx())));
            addLocal(FixOperation.DOWNSCALE, Priority.MEDIUM, kept + " exceeds the maximum "
                    + describe(placement.maxPx()) + " of " + placement.key(), null, width, height, null);
        } else if (placement.maxPx() != null) {
            checks.add(new Check("max_size", true, ERROR, kept + " is within the maximum " + describe(placement.maxPx())));
        }
    }

    /** The smallest scale that brings width × height up to every bound (≤ 1 when it already meets them). */
    private static double scaleToReach(PixelBounds min, int width, int height) {
        double scale = 0;
        if (min != null) {
            if (min.width() != null) {
                scale = Math.max(scale, (double) min.width() / width);
            }
            if (min.height() != null) {
                scale = Math.max(scale, (double) min.height() / height);
            }
            if (min.longSide() != null) {
                scale = Math.max(scale, (double) min.longSide() / Math.max(width, height));
            }
        }
        return scale;
    }

    /** The largest scale (capped at 1) that keeps width × height within every bound. */
    private static double scaleToFit(PixelBounds max, int width, int height) {
        double scale = 1;
        if (max != null) {
            if (max.width() != null) {
                scale = Math.min(scale, (double) max.width() / width);
            }
            if (max.height() != null) {
                scale = Math.min(scale, (double) max.height() / height);
            }
            if (max.longSide() != null) {
                scale = Math.min(scale, (double) max.longSide() / Math.max(width, height));
            }
        }
        return scale;
    }

    private static String describe(PixelBounds bounds) {
        List<String> parts = new ArrayList<>();
        if (bounds.width() != null && bounds.height() != null) {
            parts.add(bounds.width() + "x" + bounds.height());
        } else if (bounds.width() != null) {
            parts.add("width " + bounds.width());
        } else if (bounds.height() != null) {
            parts.add("height " + bounds.height());
        }
        if (bounds.longSide() != null) {
            parts.add("longest side " + bounds.longSide());
        }
        return String.join(", ", parts);
    }

    /** Busy detail (text, logos, faces) in the margins the platform covers with its own UI is a warning. */
    private void checkSafeZone(Box keep) {
        SafeZone zone = placement.safeZone();
        if (zone == null || zone.top() + zone.bottom() + zone.left() + zone.right() == 0) {
            return;
        }
        int step = image.subsampling();
        int width = image.analysis().width();
        int height = image.analysis().height();
        int x0 = keep.x() / step;
        int y0 = keep.y() / step;
        int x1 = Math.min(width, (keep.x() + keep.width()) / step);
        int y1 = Math.min(height, (keep.y() + keep.height()) / step);
        int top = y0 + (int) Math.round((y1 - y0) * zone.top());
        int bottom = y1 - (int) Math.round((y1 - y0) * zone.bottom());
        int left = x0 + (int) Math.round((x1 - x0) * zone.left());
        int right = x1 - (int) Math.round((x1 - x0) * zone.right());
        int[] luma = measurements.luma();
        double interior = ImageMetrics.edgeDensity(luma, width, height, left, top, right, bottom);
        List<String> busy = new ArrayList<>();
        addIfBusy(busy, "top", zone.top(), ImageMetrics.edgeDensity(luma, width, height, x0, y0, x1, top), interior);
        addIfBusy(busy, "bottom", zone.bottom(), ImageMetrics.edgeDensity(luma, width, height, x0, bottom, x1, y1),
                interior);
        addIfBusy(busy, "left", zone.left(), ImageMetrics.edgeDensity(luma, width, height, x0, top, left, bottom),
                interior);
        addIfBusy(busy, "right", zone.right(), ImageMetrics.edgeDensity(luma, width, height, right, top, x1, bottom),
                interior);
        checks.add(new Check("safe_zone", busy.isEmpty(), WARNING, busy.isEmpty()
                ? "no busy detail in the margins the platform covers"
                : "busy detail (text, logos?) in the " + String.join(", ", busy) + " margin(s) the platform covers"));
    }

    private static void addIfBusy(List<String> busy, String side, double share, double density, double interior) {
        if (share > 0 && density > BUSY_MARGIN_DENSITY && density > BUSY_MARGIN_RATIO * interior) {
            busy.add(side);
        }
    }

    private void addEdit(FixOperation operation, Priority priority, String reason) {
        fixes.add(new Recommendation(operation, priority, reason, pricing.editModel().provider(),
                pricing.editModel().model(), pricing.editCost(), null, null, null, null, null));
    }

    private void addLocal(FixOperation operation, Priority priority, String reason, Box cropBox, Integer targetWidth,
                          Integer targetHeight, String targetFormat) {
        fixes.add(new Recommendation(operation, priority, reason, ImageAuditService.FixPricing.LOCAL_PROVIDER, null,
                BigDecimal.ZERO, cropBox, null, targetWidth, targetHeight, targetFormat));
    }
}
