package dev.pms.core.channel;

/** Fractions of the canvas, from each edge, to keep free of text, logos and faces. */
public record SafeZone(double top, double bottom, double left, double right) {
}
