package dev.pms.providers.offline;

import java.awt.Color;
import java.awt.Rectangle;

/**
 * One piece of text on a creative: its role ({@code headline}, {@code subline}, {@code cta}, {@code wordmark},
 * {@code figure}, {@code point}, {@code offer}), the words drawn, the box it occupies (a button's whole pill),
 * its colour and the colour behind it.
 */
public record DrawnText(String role, String text, Rectangle bounds, Color colour, Color background) {
}
