package dev.pms.core.audit;

/** A CIE L*a*b* colour (D65), converted from sRGB. */
record LabColour(double lightness, double a, double b) {

    static LabColour ofRgb(int rgb) {
        double r = linear((rgb >> 16) & 0xFF);
        double g = linear((rgb >> 8) & 0xFF);
        double bl = linear(rgb & 0xFF);
        double x = (0.4124 * r + 0.3576 * g + 0.1805 * bl) / 0.95047;
        double y = 0.2126 * r + 0.7152 * g + 0.0722 * bl;
        double z = (0.0193 * r + 0.1192 * g + 0.9505 * bl) / 1.08883;
        double fx = labCurve(x);
        double fy = labCurve(y);
        double fz = labCurve(z);
        return new LabColour(116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz));
    }

    static LabColour ofHex(String hex) {
        return ofRgb(Integer.parseInt(hex.substring(1), 16));
    }

    /** CIE76 colour difference: Euclidean distance in Lab. About 2.3 is just noticeable. */
    double deltaE(LabColour other) {
        double dl = lightness - other.lightness;
        double da = a - other.a;
        double db = b - other.b;
        return Math.sqrt(dl * dl + da * da + db * db);
    }

    double chroma() {
        return Math.hypot(a, b);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double labCurve(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }
}
