package dev.pms.providers.offline;

import dev.pms.core.channel.Placement;

import java.util.ArrayList;
import java.util.List;

/**
 * Size, length and frame timing shared by the studio's clips: the placement's canvas made even (H.264's 4:2:0 needs
 * even sides), the asked length to the millisecond, and a frame rate chosen so a clip encodes inside a request's
 * budget: jcodec needs about 100 ms of one core per 1080p frame, so at most {@value #PIXEL_FRAME_BUDGET} pixel-frames
 * (80 frames of 1080p, about 4 s on two free cores) are spent, between {@value #MIN_FPS} and {@value #MAX_FPS} frames per second.
 */
record StudioClip(int width, int height, int requestedWidth, int requestedHeight, double seconds, int framesPerSecond) {
    static final long PIXEL_FRAME_BUDGET = 1920L * 1080 * 80;
    static final int MIN_FPS = 8;
    static final int MAX_FPS = 15;
    static final int DEFAULT_WIDTH = 1280;
    static final int DEFAULT_HEIGHT = 720;

    static StudioClip of(Placement placement, double seconds) {
        int requestedWidth = placement != null && placement.canvas() != null ? placement.canvas().width() : DEFAULT_WIDTH;
        int requestedHeight = placement != null && placement.canvas() != null ? placement.canvas().height() : DEFAULT_HEIGHT;
        int width = even(requestedWidth);
        int height = even(requestedHeight);
        double length = Math.max(0.001, Math.round(seconds * 1000) / 1000.0);
        return new StudioClip(width, height, requestedWidth, requestedHeight, length, framesPerSecond(width, height, length));
    }

    static int framesPerSecond(int width, int height, double seconds) {
        double affordable = PIXEL_FRAME_BUDGET / ((double) width * height * Math.max(1, seconds));
        return (int) Math.max(MIN_FPS, Math.min(MAX_FPS, Math.floor(affordable)));
    }

    private static int even(int pixels) {
        return Math.max(2, pixels - pixels % 2);
    }

    int frames() {
        return Math.max(1, (int) Math.round(seconds * framesPerSecond));
    }

    /** When each frame stops showing: every frame one period long, the last one ending exactly at the clip's end. */
    List<Double> frameEnds() {
        int frames = frames();
        List<Double> ends = new ArrayList<>(frames);
        for (int i = 1; i < frames; i++) {
            ends.add(Math.min(seconds, (double) i / framesPerSecond));
        }
        ends.add(seconds);
        return ends;
    }

    /** The time frame {@code index} shows, from 0 to 1 over the clip. */
    double progress(int index) {
        return frames() <= 1 ? 0 : (double) index / (frames() - 1);
    }

    int framesPerSegment() {
        return framesPerSecond * 2;
    }

    /** A note for the asset's details when the canvas had an odd side, else null. */
    String sizeNote() {
        return width == requestedWidth && height == requestedHeight ? null
                : "H.264 4:2:0 needs even sides: " + requestedWidth + "x" + requestedHeight + " encoded as " + width + "x"
                + height;
    }

    static double easeInOut(double t) {
        double x = Math.max(0, Math.min(1, t));
        return x * x * (3 - 2 * x);
    }
}
