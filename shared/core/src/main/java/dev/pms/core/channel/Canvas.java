package dev.pms.core.channel;

import java.math.BigDecimal;
import java.math.MathContext;

/** Target size of a placement; {@code ratio} is written "W:H" (e.g. "4:5", "1.91:1"), tolerance is relative. */
public record Canvas(int width, int height, String ratio, double ratioTolerance) {

    /** The declared ratio as width divided by height. */
    public double declaredRatio() {
        String[] parts = ratio.split(":");
        if (parts.length != 2) {
            throw new IllegalStateException("ratio '" + ratio + "' is not W:H");
        }
        return new BigDecimal(parts[0].trim()).divide(new BigDecimal(parts[1].trim()), MathContext.DECIMAL64).doubleValue();
    }

    /** True when {@code w}x{@code h} has this canvas's ratio within its tolerance. */
    public boolean ratioMatches(int w, int h) {
        double declared = declaredRatio();
        return Math.abs((double) w / h - declared) / declared <= ratioTolerance;
    }

    public String dimensions() {
        return width + "x" + height;
    }
}
