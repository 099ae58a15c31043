package dev.pms.providers.offline;

import java.awt.Color;

/**
 * Lights a drawn product's surfaces: a surface normal given in the product's own frame (x right, y up, z towards the
 * camera before the camera tilts down by the pitch) becomes a colour under the set's key light, with a glossy
 * highlight, a soft rim from behind and a warm or cool cast.
 */
final class SurfaceShader {
    private final PhotoshootLook.Light light;
    private final double pitchCos;
    private final double pitchSin;
    private final double rim;

    SurfaceShader(PhotoshootLook.Light light, double pitchRadians, double rim) {
        this.light = light;
        this.pitchCos = Math.cos(pitchRadians);
        this.pitchSin = Math.sin(pitchRadians);
        this.rim = rim;
    }

    PhotoshootLook.Light light() {
        return light;
    }

    /** The colour of a surface of {@code base} and {@code gloss} whose (unit) normal is (nx, ny, nz). */
    Color shade(Color base, double gloss, double nx, double ny, double nz) {
        return new Color(shadeRgb(base.getRGB(), gloss, nx, ny, nz));
    }

    int shadeRgb(int rgb, double gloss, double nx, double ny, double nz) {
        double cy = ny * pitchCos - nz * pitchSin;
        double cz = ny * pitchSin + nz * pitchCos;
        double[] lit = light.illuminate(nx, cy, cz);
        double[] l = light.direction();
        double rimLight = rim * Math.pow(Math.max(0, 1 - Math.max(0, cz)), 3) * Math.max(0, -nx * Math.signum(l[0]));
        double factor = lit[0];
        double add = lit[1] * (0.25 + 0.75 * gloss) + rimLight;
        int r = ImageFilters.clampChannel((rgb >> 16 & 0xFF) * factor * light.warmRed() + 255 * add);
        int g = ImageFilters.clampChannel((rgb >> 8 & 0xFF) * factor + 255 * add);
        int b = ImageFilters.clampChannel((rgb & 0xFF) * factor * light.warmBlue() + 255 * add);
        return rgb & 0xFF00_0000 | r << 16 | g << 8 | b;
    }

    /** A factor and an additive highlight for the normal, to apply to printed texels ({@link ImageFilters#shade}). */
    double[] lighting(double gloss, double nx, double ny, double nz) {
        double cy = ny * pitchCos - nz * pitchSin;
        double cz = ny * pitchSin + nz * pitchCos;
        double[] lit = light.illuminate(nx, cy, cz);
        return new double[] {lit[0], lit[1] * (0.25 + 0.75 * gloss)};
    }
}
