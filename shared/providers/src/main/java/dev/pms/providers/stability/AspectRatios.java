package dev.pms.providers.stability;

import java.util.List;

/** The aspect ratios the generate services accept, and the one nearest a canvas. */
final class AspectRatios {
    static final List<String> SUPPORTED = List.of("21:9", "16:9", "3:2", "5:4", "1:1", "4:5", "2:3", "9:16", "9:21");

    private AspectRatios() {
    }

    /** The supported ratio closest to {@code width}:{@code height}, measured as the log of the ratios' quotient. */
    static String nearest(int width, int height) {
        double wanted = Math.log((double) width / height);
        String best = SUPPORTED.get(0);
        double bestDistance = Double.MAX_VALUE;
        for (String ratio : SUPPORTED) {
            double distance = Math.abs(Math.log(value(ratio)) - wanted);
            if (distance < bestDistance) {
                best = ratio;
                bestDistance = distance;
            }
        }
        return best;
    }

    static double value(String ratio) {
        String[] parts = ratio.split(":");
        return Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]);
    }
}
