package dev.pms.core.audit;

/** Pixel statistics of luma planes (values 0–255, row by row). */
final class ImageMetrics {
    static final int HIGHLIGHT_CLIP = 250;
    static final int SHADOW_CLIP = 5;
    /** Median |N(0,1)|: turns a median absolute deviation into a standard deviation. */
    private static final double MAD_TO_SIGMA = 0.6745;
    /** Gain of the noise kernel [1 -2 1; -2 4 -2; 1 -2 1] on white noise: sqrt of the sum of squared weights. */
    private static final double NOISE_KERNEL_GAIN = 6.0;

    private ImageMetrics() {
    }

    /**
     * Variance of the 4-neighbour Laplacian over the interior; 0 for images under 3×3. With {@code insideJpegBlocks}
     * the pixels on 8×8 block edges are left out, so that JPEG blocking does not pass for detail.
     */
    static double laplacianVariance(int[] luma, int width, int height, boolean insideJpegBlocks) {
        if (width < 3 || height < 3) {
            return 0;
        }
        double sum = 0;
        double sumOfSquares = 0;
        long count = 0;
        for (int y = 1; y < height - 1; y++) {
            int row = y * width;
            if (insideJpegBlocks && onBlockEdge(y)) {
                continue;
            }
            for (int x = 1; x < width - 1; x++) {
                if (insideJpegBlocks && onBlockEdge(x)) {
                    continue;
                }
                int i = row + x;
                int laplacian = 4 * luma[i] - luma[i - 1] - luma[i + 1] - luma[i - width] - luma[i + width];
                sum += laplacian;
                sumOfSquares += (double) laplacian * laplacian;
                count++;
            }
        }
        if (count == 0) {
            return 0;
        }
        double mean = sum / count;
        return sumOfSquares / count - mean * mean;
    }

    private static boolean onBlockEdge(int coordinate) {
        int inBlock = coordinate % 8;
        return inBlock == 0 || inBlock == 7;
    }

    record Exposure(double meanLuma, double clippedHighlights, double clippedShadows) {
    }

    /** Shares of clipped highlights (≥ 250) and shadows (≤ 5) among the pixels {@code counted} admits (all if null). */
    static Exposure exposure(int[] luma, boolean[] counted) {
        long total = 0;
        long highlights = 0;
        long shadows = 0;
        double sum = 0;
        for (int i = 0; i < luma.length; i++) {
            if (counted != null && !counted[i]) {
                continue;
            }
            int value = luma[i];
            total++;
            sum += value;
            if (value >= HIGHLIGHT_CLIP) {
                highlights++;
            } else if (value <= SHADOW_CLIP) {
                shadows++;
            }
        }
        if (total == 0) {
            return new Exposure(128, 0, 0);
        }
        return new Exposure(sum / total, (double) highlights / total, (double) shadows / total);
    }

    /** RMS contrast: the standard deviation of luma divided by 255. */
    static double rmsContrast(int[] luma) {
        double sum = 0;
        double sumOfSquares = 0;
        for (int value : luma) {
            sum += value;
            sumOfSquares += (double) value * value;
        }
        double mean = sum / luma.length;
        return Math.sqrt(Math.max(0, sumOfSquares / luma.length - mean * mean)) / 255.0;
    }

    /**
     * Noise standard deviation in luma levels: the median absolute response of a Laplacian-difference high-pass
     * kernel (which cancels smooth gradients), scaled to a Gaussian sigma. The median ignores the edges.
     */
    static double noiseSigma(int[] luma, int width, int height) {
        if (width < 3 || height < 3) {
            return 0;
        }
        int[] histogram = new int[16 * 255 + 1];
        long count = 0;
        for (int y = 1; y < height - 1; y++) {
            for (int x = 1; x < width - 1; x++) {
                int i = y * width + x;
                int response = luma[i - width - 1] - 2 * luma[i - width] + luma[i - width + 1]
                        - 2 * luma[i - 1] + 4 * luma[i] - 2 * luma[i + 1]
                        + luma[i + width - 1] - 2 * luma[i + width] + luma[i + width + 1];
                histogram[Math.abs(response)]++;
                count++;
            }
        }
        long half = (count + 1) / 2;
        long seen = 0;
        int median = 0;
        while (median < histogram.length) {
            seen += histogram[median];
            if (seen >= half) {
                break;
            }
            median++;
        }
        return median / (MAD_TO_SIGMA * NOISE_KERNEL_GAIN);
    }

    /**
     * JPEG blocking: the mean luma step across 8×8 block boundaries divided by the mean step inside blocks, in both
     * directions. About 1 without blocking; above 1 when block edges show. The region must start on the grid.
     * Returns 1 for flat images or regions under 16×16.
     */
    static double blockiness(int[] luma, int width, int height) {
        if (width < 16 || height < 16) {
            return 1;
        }
        double boundary = 0;
        long boundaryCount = 0;
        double inside = 0;
        long insideCount = 0;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width - 1; x++) {
                int step = Math.abs(luma[row + x + 1] - luma[row + x]);
                if (x % 8 == 7) {
                    boundary += step;
                    boundaryCount++;
                } else {
                    inside += step;
                    insideCount++;
                }
            }
        }
        for (int y = 0; y < height - 1; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                int step = Math.abs(luma[row + width + x] - luma[row + x]);
                if (y % 8 == 7) {
                    boundary += step;
                    boundaryCount++;
                } else {
                    inside += step;
                    insideCount++;
                }
            }
        }
        double boundaryMean = boundary / boundaryCount;
        double insideMean = inside / insideCount;
        if (insideMean < 1e-3) {
            return boundaryMean < 1e-3 ? 1 : 1 + boundaryMean;
        }
        return boundaryMean / insideMean;
    }

    /** Luma step (|dx| + |dy|) from which a pixel counts as an edge in {@link #edgeDensity}. */
    static final int EDGE_STEP = 24;

    /** Share of pixels within a rectangle (end exclusive) whose luma step |dx| + |dy| is at least {@value #EDGE_STEP}. */
    static double edgeDensity(int[] luma, int width, int height, int x0, int y0, int x1, int y1) {
        long edges = 0;
        long count = 0;
        for (int y = Math.max(0, y0); y < Math.min(height - 1, y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(width - 1, x1); x++) {
                int i = y * width + x;
                if (Math.abs(luma[i + 1] - luma[i]) + Math.abs(luma[i + width] - luma[i]) >= EDGE_STEP) {
                    edges++;
                }
                count++;
            }
        }
        return count == 0 ? 0 : (double) edges / count;
    }
}
