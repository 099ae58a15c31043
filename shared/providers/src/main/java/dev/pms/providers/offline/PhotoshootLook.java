package dev.pms.providers.offline;

import dev.pms.core.generation.StudioBrief;

import java.util.Locale;
import java.util.Set;

/**
 * A photoshoot's look as the studio asked for it, each setting one of its known codes (an unknown or missing one takes
 * the default): where the product stands, what lies behind it, how it is lit, the art direction and the camera angle.
 */
record PhotoshootLook(String environment, String background, String lighting, String style, String angle) {
    static final Set<String> ENVIRONMENTS = Set.of("studio", "lifestyle", "outdoor", "minimalist", "luxury");
    static final Set<String> BACKGROUNDS = Set.of("white", "transparent", "lifestyle", "branded");
    static final Set<String> LIGHTINGS = Set.of("natural", "studio", "dramatic", "soft");
    static final Set<String> STYLES = Set.of("photorealistic", "minimalist", "luxury", "technical");
    static final Set<String> ANGLES = Set.of("front", "side", "top", "360");

    static PhotoshootLook of(StudioBrief brief) {
        return new PhotoshootLook(
                code(brief.setting("environment", "studio"), ENVIRONMENTS, "studio"),
                code(brief.setting("background_style", "white"), BACKGROUNDS, "white"),
                code(brief.setting("lighting", "studio"), LIGHTINGS, "studio"),
                code(brief.setting("style", "photorealistic"), STYLES, "photorealistic"),
                code(brief.setting("angle", "front"), ANGLES, "front"));
    }

    private static String code(String value, Set<String> known, String fallback) {
        String code = value == null ? "" : value.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        return known.contains(code) ? code : fallback;
    }

    boolean transparent() {
        return background.equals("transparent");
    }

    boolean white() {
        return background.equals("white");
    }

    boolean scene() {
        return background.equals("lifestyle");
    }

    boolean branded() {
        return background.equals("branded");
    }

    /** A glossy floor that mirrors the product: a luxury set or style on a dark or brand-coloured surface. */
    boolean reflectiveFloor() {
        return !transparent() && !white() && (environment.equals("luxury") || style.equals("luxury"));
    }

    /**
     * The light on the set, in camera space (x right, y up, z towards the camera), and what it does to shading and
     * shadows. Technical catalogue shots get flat, even light whatever was asked.
     */
    Light light(boolean fromLeft) {
        double side = fromLeft ? -1 : 1;
        Light light = switch (lighting) {
            case "natural" -> new Light(side * 0.72, 0.42, 0.55, 0.36, 0.70, 0.35, 18, 0.42, 0.030, 0.55, 1.06, 0.98);
            case "dramatic" -> new Light(side * 0.88, 0.32, 0.35, 0.10, 1.05, 0.85, 60, 0.62, 0.010, 0.85, 1.0, 1.0);
            case "soft" -> new Light(side * 0.22, 0.62, 0.75, 0.55, 0.45, 0.18, 10, 0.26, 0.045, 0.25, 1.0, 1.0);
            default -> new Light(side * 0.45, 0.55, 0.70, 0.42, 0.62, 0.55, 40, 0.34, 0.016, 0.35, 1.0, 1.0);
        };
        return style.equals("technical") ? new Light(side * 0.2, 0.6, 0.77, 0.58, 0.45, 0.25, 30, 0.22, 0.012, 0.2, 1, 1)
                : light;
    }

    /**
     * @param x,y,z           direction towards the key light (normalised on use)
     * @param ambient         light every surface gets
     * @param diffuse         the key light's strength on a surface facing it
     * @param specular        strength of the glossy highlight
     * @param shininess       tightness of the highlight
     * @param shadowOpacity   darkness of the cast shadow
     * @param shadowSoftness  blur of the cast shadow as a share of the canvas's shorter side
     * @param shadowLength    length of the cast shadow relative to the product's height
     * @param warmRed,warmBlue a colour temperature: red and blue gains of the light
     */
    record Light(double x, double y, double z, double ambient, double diffuse, double specular, double shininess,
                 double shadowOpacity, double shadowSoftness, double shadowLength, double warmRed, double warmBlue) {

        double[] direction() {
            double length = Math.sqrt(x * x + y * y + z * z);
            return new double[] {x / length, y / length, z / length};
        }

        /**
         * How bright a surface with the unit normal (nx, ny, nz) is: a factor on its colour and a specular add. The key
         * light is a tall softbox, so its highlight on an upright round body is a vertical stripe; a weaker fill on the
         * other side adds a second, fainter stripe.
         */
        double[] illuminate(double nx, double ny, double nz) {
            double[] l = direction();
            double lambert = Math.max(0, nx * l[0] + ny * l[1] + nz * l[2]);
            double wrap = 0.18 * Math.max(0, nz);
            double highlight = specular * (glint(nx, nz, l[0], l[2]) + 0.35 * glint(nx, nz, -l[0] * 0.8, l[2]))
                    + specular * 0.5 * Math.pow(Math.max(0, ny), shininess * 0.5) * Math.max(0, l[1]);
            return new double[] {ambient + diffuse * lambert + wrap, highlight};
        }

        /** A tall light's reflection: only the horizontal parts of the normal and the light count. */
        private double glint(double nx, double nz, double lx, double lz) {
            double upright = nx * nx + nz * nz;
            if (upright <= 1e-9) {
                return 0;
            }
            double length = Math.sqrt(lx * lx + lz * lz);
            double hx = lx / length;
            double hz = lz / length + 1;
            double h = Math.sqrt(hx * hx + hz * hz);
            double facing = Math.max(0, (nx * hx + nz * hz) / (h * Math.sqrt(upright)));
            return Math.pow(facing, shininess) * upright;
        }
    }
}
