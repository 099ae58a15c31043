package dev.pms.core.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The main colours of an image: pixels are counted in 4-bit-per-channel buckets, then buckets closer than
 * {@value #MERGE_DELTA_E} ΔE are merged, largest first. Colours under {@value #MIN_SHARE} of the image are dropped.
 */
final class DominantColours {
    static final int MAX_COLOURS = 5;
    static final double MIN_SHARE = 0.02;
    private static final double MERGE_DELTA_E = 12;

    private DominantColours() {
    }

    record Colour(int rgb, double share, LabColour lab) {
        String hex() {
            return String.format("#%06X", rgb);
        }
    }

    static List<Colour> of(PixelGrid grid) {
        int[] counts = new int[4096];
        long[][] sums = new long[4096][3];
        for (int p : grid.rgb()) {
            int r = (p >> 16) & 0xFF;
            int g = (p >> 8) & 0xFF;
            int b = p & 0xFF;
            int bucket = ((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4);
            counts[bucket]++;
            sums[bucket][0] += r;
            sums[bucket][1] += g;
            sums[bucket][2] += b;
        }
        List<Integer> buckets = new ArrayList<>();
        for (int bucket = 0; bucket < counts.length; bucket++) {
            if (counts[bucket] > 0) {
                buckets.add(bucket);
            }
        }
        buckets.sort(Comparator.comparingInt((Integer bucket) -> counts[bucket]).reversed());
        List<Cluster> clusters = new ArrayList<>();
        for (int bucket : buckets) {
            int n = counts[bucket];
            int rgb = rgb(sums[bucket][0] / n, sums[bucket][1] / n, sums[bucket][2] / n);
            LabColour lab = LabColour.ofRgb(rgb);
            Cluster nearest = clusters.stream()
                    .min(Comparator.comparingDouble(c -> c.lab().deltaE(lab)))
                    .filter(c -> c.lab().deltaE(lab) < MERGE_DELTA_E)
                    .orElse(null);
            if (nearest == null) {
                Cluster cluster = new Cluster();
                cluster.add(sums[bucket], n);
                clusters.add(cluster);
            } else {
                nearest.add(sums[bucket], n);
            }
        }
        double total = grid.rgb().length;
        return clusters.stream()
                .sorted(Comparator.comparingLong(Cluster::count).reversed())
                .filter(c -> c.count() / total >= MIN_SHARE)
                .limit(MAX_COLOURS)
                .map(c -> new Colour(c.rgb(), c.count() / total, c.lab()))
                .toList();
    }

    private static int rgb(long r, long g, long b) {
        return (int) ((r << 16) | (g << 8) | b);
    }

    /** A growing group of buckets; its colour is the mean of the pixels in it. */
    private static final class Cluster {
        private final long[] sums = new long[3];
        private long count;
        private LabColour lab;

        void add(long[] bucketSums, int bucketCount) {
            sums[0] += bucketSums[0];
            sums[1] += bucketSums[1];
            sums[2] += bucketSums[2];
            count += bucketCount;
            lab = LabColour.ofRgb(rgb());
        }

        long count() {
            return count;
        }

        int rgb() {
            return DominantColours.rgb(sums[0] / count, sums[1] / count, sums[2] / count);
        }

        LabColour lab() {
            return lab;
        }
    }
}
