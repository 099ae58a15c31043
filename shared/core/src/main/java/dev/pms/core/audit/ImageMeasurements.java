package dev.pms.core.audit;

import dev.pms.core.channel.Placement;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Everything measured from the analysis pixels, with the part scores and the weighted {@code qualityScore}.
 * {@code blockiness} is null unless the image is a JPEG, {@code paletteDistance} unless a palette was given,
 * {@code productFraming} unless the placement is Amazon's main image.
 */
record ImageMeasurements(
        int[] luma,
        double laplacianVariance, int sharpnessScore,
        ImageMetrics.Exposure exposure, int exposureScore,
        double rmsContrast, int contrastScore,
        double noiseSigma, int noiseScore,
        Double blockiness, int blockinessScore,
        List<MeasuredColour> dominantColours,
        Double paletteDistance, int paletteScore,
        ProductFraming.Measurement productFraming,
        int qualityScore) {

    static final String AMAZON_MAIN_IMAGE = "amazon/main_image";
    /** Colours under this Lab chroma (whites, greys, blacks) are left out of the palette distance if others exist. */
    static final double NEUTRAL_CHROMA = 10;

    /** A dominant colour and, with a palette, its nearest brand colour and CIE76 distance to it. */
    record MeasuredColour(DominantColours.Colour colour, String nearestBrandColour, Double deltaE) {
    }

    static ImageMeasurements of(DecodedImage image, Placement placement, List<String> brandPalette) {
        return of(image, placement, brandPalette, false);
    }

    /**
     * @param studioShot judge exposure on the product alone (not the pure white around it), as for Amazon's main
     *                   image: a product shot on white is not over-exposed
     */
    static ImageMeasurements of(DecodedImage image, Placement placement, List<String> brandPalette, boolean studioShot) {
        PixelGrid grid = image.analysis();
        int[] luma = grid.luma();
        int width = grid.width();
        int height = grid.height();
        boolean amazonMain = placement != null && AMAZON_MAIN_IMAGE.equals(placement.key());

        boolean jpegGridIntact = image.format() == ImageFormat.JPEG && image.subsampling() == 1;
        double laplacianVariance = ImageMetrics.laplacianVariance(luma, width, height, jpegGridIntact);
        ImageMetrics.Exposure exposure = ImageMetrics.exposure(luma, amazonMain || studioShot ? notPureWhite(grid) : null);
        double contrast = ImageMetrics.rmsContrast(luma);
        double noise = ImageMetrics.noiseSigma(luma, width, height);
        DecodedImage.LumaRegion blockGrid = image.blockGridLuma();
        Double blockiness = blockGrid == null ? null
                : ImageMetrics.blockiness(blockGrid.luma(), blockGrid.width(), blockGrid.height());
        List<MeasuredColour> colours = measureColours(grid, brandPalette);
        Double paletteDistance = brandPalette.isEmpty() ? null : paletteDistance(colours);

        int sharpnessScore = QualityScoring.sharpness(laplacianVariance);
        int exposureScore = QualityScoring.exposure(exposure);
        int contrastScore = QualityScoring.contrast(contrast);
        int noiseScore = QualityScoring.noise(noise);
        int blockinessScore = blockiness == null ? 0 : QualityScoring.blockiness(blockiness);
        int paletteScore = paletteDistance == null ? 0 : QualityScoring.paletteDistance(paletteDistance);

        double weighted = sharpnessScore * QualityScoring.SHARPNESS_WEIGHT
                + exposureScore * QualityScoring.EXPOSURE_WEIGHT
                + contrastScore * QualityScoring.CONTRAST_WEIGHT
                + noiseScore * QualityScoring.NOISE_WEIGHT;
        int weights = QualityScoring.SHARPNESS_WEIGHT + QualityScoring.EXPOSURE_WEIGHT
                + QualityScoring.CONTRAST_WEIGHT + QualityScoring.NOISE_WEIGHT;
        if (blockiness != null) {
            weighted += blockinessScore * QualityScoring.BLOCKINESS_WEIGHT;
            weights += QualityScoring.BLOCKINESS_WEIGHT;
        }
        if (paletteDistance != null) {
            weighted += paletteScore * QualityScoring.PALETTE_WEIGHT;
            weights += QualityScoring.PALETTE_WEIGHT;
        }
        return new ImageMeasurements(luma, laplacianVariance, sharpnessScore, exposure, exposureScore, contrast,
                contrastScore, noise, noiseScore, blockiness, blockinessScore, colours, paletteDistance, paletteScore,
                amazonMain ? ProductFraming.measure(grid) : null, (int) Math.round(weighted / weights));
    }

    /** On a product shot the white background is intended; exposure is judged on the product alone. */
    private static boolean[] notPureWhite(PixelGrid grid) {
        int[] rgb = grid.rgb();
        boolean[] counted = new boolean[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            counted[i] = rgb[i] != 0xFFFFFF;
        }
        return counted;
    }

    private static List<MeasuredColour> measureColours(PixelGrid grid, List<String> brandPalette) {
        List<LabColour> palette = brandPalette.stream().map(LabColour::ofHex).toList();
        List<MeasuredColour> measured = new ArrayList<>();
        for (DominantColours.Colour colour : DominantColours.of(grid)) {
            if (palette.isEmpty()) {
                measured.add(new MeasuredColour(colour, null, null));
                continue;
            }
            int nearest = 0;
            for (int i = 1; i < palette.size(); i++) {
                if (colour.lab().deltaE(palette.get(i)) < colour.lab().deltaE(palette.get(nearest))) {
                    nearest = i;
                }
            }
            measured.add(new MeasuredColour(colour, brandPalette.get(nearest).toUpperCase(Locale.ROOT),
                    colour.lab().deltaE(palette.get(nearest))));
        }
        return measured;
    }

    /** Share-weighted mean distance of the chromatic dominant colours (all of them if every one is neutral). */
    private static double paletteDistance(List<MeasuredColour> colours) {
        List<MeasuredColour> chromatic = colours.stream()
                .filter(c -> c.colour().lab().chroma() >= NEUTRAL_CHROMA)
                .toList();
        List<MeasuredColour> counted = chromatic.isEmpty() ? colours : chromatic;
        double shares = 0;
        double sum = 0;
        for (MeasuredColour colour : counted) {
            shares += colour.colour().share();
            sum += colour.colour().share() * colour.deltaE();
        }
        return shares == 0 ? 0 : sum / shares;
    }
}
