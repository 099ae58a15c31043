package dev.pms.providers.bedrock;

/**
 * The size Nova Canvas is asked for so that the placement's canvas can be cut from it without stretching: the
 * canvas's aspect ratio within Nova Canvas's rules (each side 320 to 4096 pixels and a multiple of 16, the ratio
 * between 1:4 and 4:1, at most 4,194,304 pixels), as close to the canvas's size as those allow.
 */
record NovaCanvasSize(int width, int height) {
    static final int STEP = 16;
    static final int MIN_SIDE = 320;
    static final int MAX_SIDE = 4096;
    static final long MAX_PIXELS = 4_194_304L;
    static final double MAX_RATIO = 4.0;

    static NovaCanvasSize forCanvas(int canvasWidth, int canvasHeight) {
        if (canvasWidth < 1 || canvasHeight < 1) {
            throw new IllegalArgumentException("the canvas must be at least 1x1, not " + canvasWidth + "x" + canvasHeight);
        }
        double ratio = Math.max(1 / MAX_RATIO, Math.min(MAX_RATIO, (double) canvasWidth / canvasHeight));
        double width = canvasWidth;
        double height = width / ratio;
        double scale = Math.min(1.0, Math.sqrt(MAX_PIXELS / (width * height)));
        width *= scale;
        height *= scale;
        double grow = Math.max(1.0, MIN_SIDE / Math.min(width, height));
        width *= grow;
        height *= grow;
        int w = side(width);
        int h = side(height);
        while ((long) w * h > MAX_PIXELS) {
            if (w >= h) {
                w -= STEP;
            } else {
                h -= STEP;
            }
        }
        return new NovaCanvasSize(w, h);
    }

    private static int side(double pixels) {
        int rounded = (int) Math.round(pixels / STEP) * STEP;
        return Math.max(MIN_SIDE, Math.min(MAX_SIDE, rounded));
    }
}
