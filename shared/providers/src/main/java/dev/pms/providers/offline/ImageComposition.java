package dev.pms.providers.offline;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/**
 * A rendered image with its layout: the safe area of the placement, where the headline's lines were set
 * ({@code headlineBounds} null when the image carries no text) and the product shape's bounds.
 */
public record ImageComposition(BufferedImage image, Rectangle safeArea, Rectangle headlineBounds, Rectangle productBounds) {
}
