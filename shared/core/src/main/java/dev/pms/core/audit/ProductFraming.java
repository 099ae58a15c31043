package dev.pms.core.audit;

/**
 * Amazon main-image measurements: how much of the outer border is pure white (255, 255, 255), and the bounding
 * box of everything that is not near-white (the product) as a share of the frame on its longer side.
 */
final class ProductFraming {
    /** Border ring width as a share of the shorter side. */
    static final double BORDER_SHARE = 0.02;
    /** A channel below this is product, not background (tolerates faint compression noise around the product). */
    static final int NEAR_WHITE = 248;

    private ProductFraming() {
    }

    /** {@code productBox} is null when no pixel is darker than near-white; coordinates are of the grid. */
    record Measurement(double whiteBorderShare, Box productBox, double productFrameShare) {
    }

    record Box(int x, int y, int width, int height) {
    }

    static Measurement measure(PixelGrid grid) {
        int width = grid.width();
        int height = grid.height();
        int ring = Math.max(1, (int) Math.round(Math.min(width, height) * BORDER_SHARE));
        long ringPixels = 0;
        long ringWhite = 0;
        int minX = width;
        int minY = height;
        int maxX = -1;
        int maxY = -1;
        int[] rgb = grid.rgb();
        for (int y = 0; y < height; y++) {
            boolean ringRow = y < ring || y >= height - ring;
            for (int x = 0; x < width; x++) {
                int p = rgb[y * width + x];
                if (ringRow || x < ring || x >= width - ring) {
                    ringPixels++;
                    if (p == 0xFFFFFF) {
                        ringWhite++;
                    }
                }
                if (((p >> 16) & 0xFF) < NEAR_WHITE || ((p >> 8) & 0xFF) < NEAR_WHITE || (p & 0xFF) < NEAR_WHITE) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        double whiteShare = (double) ringWhite / ringPixels;
        if (maxX < 0) {
            return new Measurement(whiteShare, null, 0);
        }
        Box box = new Box(minX, minY, maxX - minX + 1, maxY - minY + 1);
        double frameShare = Math.max((double) box.width() / width, (double) box.height() / height);
        return new Measurement(whiteShare, box, frameShare);
    }
}
