package dev.pms.providers.offline;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a picture's details are: the cells of a 4×4 grid with the most edge energy (sum of luminance gradients on a
 * small copy), for a camera to linger on. Cells on the picture's rim are avoided when inner ones exist, since a zoomed
 * camera cannot centre on them anyway.
 */
final class DetailFinder {
    private static final int GRID = 4;
    private static final int SAMPLE = 96;

    private DetailFinder() {
    }

    /** The centres (0..1 across, 0..1 down) of the {@code count} most detailed cells, ordered left to right. */
    static double[][] details(BufferedImage picture, int count) {
        int width = Math.max(GRID * 2, Math.min(SAMPLE, picture.getWidth()));
        int height = Math.max(GRID * 2, (int) Math.round((double) width * picture.getHeight() / picture.getWidth()));
        BufferedImage small = ImageFilters.scaled(picture, width, height, false);
        int[] pixels = ImageFilters.pixels(small);
        double[] energy = new double[GRID * GRID];
        for (int y = 1; y < height - 1; y++) {
            for (int x = 1; x < width - 1; x++) {
                double dx = luminance(pixels[y * width + x + 1]) - luminance(pixels[y * width + x - 1]);
                double dy = luminance(pixels[(y + 1) * width + x]) - luminance(pixels[(y - 1) * width + x]);
                int cell = Math.min(GRID - 1, y * GRID / height) * GRID + Math.min(GRID - 1, x * GRID / width);
                energy[cell] += Math.abs(dx) + Math.abs(dy);
            }
        }
        List<Integer> cells = new ArrayList<>();
        for (int i = 0; i < energy.length; i++) {
            cells.add(i);
        }
        cells.sort(Comparator.<Integer>comparingDouble(cell -> -energy[cell] * (inner(cell) ? 1.0 : 0.55))
                .thenComparingInt(cell -> cell));
        List<double[]> chosen = new ArrayList<>();
        for (int cell : cells.subList(0, Math.min(count, cells.size()))) {
            chosen.add(new double[] {(cell % GRID + 0.5) / GRID, (cell / GRID + 0.5) / GRID});
        }
        chosen.sort(Comparator.<double[]>comparingDouble(point -> point[0]).thenComparingDouble(point -> point[1]));
        return chosen.toArray(double[][]::new);
    }

    private static boolean inner(int cell) {
        int x = cell % GRID;
        int y = cell / GRID;
        return x > 0 && x < GRID - 1 && y > 0 && y < GRID - 1;
    }

    private static double luminance(int rgb) {
        return 0.2126 * (rgb >> 16 & 0xFF) + 0.7152 * (rgb >> 8 & 0xFF) + 0.0722 * (rgb & 0xFF);
    }
}
