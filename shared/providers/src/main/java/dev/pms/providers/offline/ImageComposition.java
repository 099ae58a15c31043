package dev.pms.providers.offline;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A rendered creative with its layout: the placement's safe area, the template family, every text drawn with its
 * box and colours, and where the product photo went ({@code photoBounds} null when there was none).
 */
public record ImageComposition(BufferedImage image, Rectangle safeArea, String layout, List<DrawnText> texts,
                               Rectangle photoBounds) {

    public ImageComposition {
        texts = List.copyOf(texts);
    }

    /** The headline's box; null when the image carries no headline. */
    public Rectangle headlineBounds() {
        return text("headline") == null ? null : text("headline").bounds();
    }

    /** The first text of {@code role}; null when none was drawn. */
    public DrawnText text(String role) {
        return texts.stream().filter(text -> text.role().equals(role)).findFirst().orElse(null);
    }
}
