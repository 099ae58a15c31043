package dev.pms.core.channel;

/** A minimum or maximum size; any part may be absent. {@code longSide} bounds the longer edge. */
public record PixelBounds(Integer width, Integer height, Integer longSide) {
}
