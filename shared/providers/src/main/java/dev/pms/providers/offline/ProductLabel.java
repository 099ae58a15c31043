package dev.pms.providers.offline;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * The product's own printed label, flat, before it is wrapped round a bottle or laid on a box face: the brand's
 * name small above, the product's name large, a rule in the accent colour and the variant below. Text keeps to the
 * middle of the label's width, the part that faces the camera once the label is wrapped round a body.
 *
 * @param paper   the label's ground
 * @param ink     text on the ground (chosen for contrast)
 * @param accent  the rule and the variant
 * @param brand   the brand's name (left out when it repeats the product's name)
 * @param name    the product's name
 * @param variant the variant (shade, flavour, size), or empty
 */
record ProductLabel(Color paper, Color ink, Color accent, String brand, String name, String variant, boolean minimal,
                    boolean framed) {

    /** Paints the label at {@code width}×{@code height}; {@code textShare} is the share of the width text may use. */
    BufferedImage paint(int width, int height, double textShare) {
        BufferedImage label = new BufferedImage(Math.max(1, width), Math.max(1, height), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = OfflineImageRenderer.graphics(label);
        try {
            g.setColor(paper);
            g.fillRect(0, 0, width, height);
            int textWidth = (int) Math.round(width * textShare);
            int left = (width - textWidth) / 2;
            if (framed) {
                float line = Math.max(1f, height / 90f);
                g.setColor(accent);
                g.setStroke(new BasicStroke(line));
                double inset = height * 0.06;
                g.draw(new Rectangle2D.Double(left + inset - textWidth * 0.04, inset, textWidth * 1.08 - 2 * inset, height - 2 * inset));
                g.draw(new Rectangle2D.Double(left + inset * 1.5 - textWidth * 0.04, inset * 1.5, textWidth * 1.08 - 3 * inset,
                        height - 3 * inset));
            } else if (!minimal) {
                g.setColor(accent);
                g.fillRect(0, 0, width, Math.max(1, height / 16));
                g.fillRect(0, height - Math.max(1, height / 16), width, Math.max(1, height / 16));
            }
            int pad = Math.max(2, framed ? height / 6 : height / 9);
            Rectangle area = new Rectangle(left + textWidth / 14, pad, textWidth - textWidth / 7, height - 2 * pad);
            if (minimal) {
                drawCentred(g, name, new Rectangle(area.x, area.y + area.height / 4, area.width, area.height / 2), ink,
                        area.height / 5);
                return label;
            }
            boolean showBrand = !brand.isBlank() && !name.toLowerCase(Locale.ROOT).contains(brand.toLowerCase(Locale.ROOT));
            boolean showVariant = !variant.isBlank();
            double brandShare = showBrand ? 0.16 : 0;
            double variantShare = showVariant ? 0.17 : 0;
            double nameShare = 1 - brandShare - variantShare - 0.12;
            int y = area.y;
            if (showBrand) {
                int h = (int) Math.round(area.height * brandShare);
                drawCentred(g, spaced(brand.toUpperCase(Locale.ROOT)), new Rectangle(area.x, y, area.width, h), ink, h);
                y += h + area.height * 0.04;
            } else {
                y += (int) Math.round(area.height * (showVariant ? 0.06 : 0.1));
            }
            int nameHeight = (int) Math.round(area.height * nameShare);
            Rectangle nameBox = new Rectangle(area.x, y, area.width, nameHeight);
            drawCentred(g, name, nameBox, ink, Math.max(TextBlock.MIN_FONT_PX, nameHeight * 11 / 20));
            y += nameHeight + (int) Math.round(area.height * 0.03);
            int ruleWidth = area.width / 5;
            g.setColor(accent);
            g.fillRect(area.x + (area.width - ruleWidth) / 2, y, ruleWidth, Math.max(1, height / 70));
            y += (int) Math.round(area.height * 0.05);
            if (showVariant) {
                int h = (int) Math.round(area.height * variantShare);
                Color variantColour = CreativePalette.contrast(accent, paper) >= CreativePalette.AA_CONTRAST ? accent : ink;
                drawCentred(g, variant.toUpperCase(Locale.ROOT), new Rectangle(area.x, y, area.width, h), variantColour,
                        h * 3 / 4);
            }
        } finally {
            g.dispose();
        }
        return label;
    }

    private static void drawCentred(Graphics2D g, String text, Rectangle box, Color colour, int maxFontPx) {
        if (text == null || text.isBlank() || box.width < 4 || box.height < TextBlock.MIN_FONT_PX) {
            return;
        }
        TextBlock block = TextBlock.layout(g, text, box, Math.max(TextBlock.MIN_FONT_PX, maxFontPx), true);
        if (!block.isEmpty()) {
            block.draw(g, colour);
        }
    }

    /** Letters set apart with thin spaces, as brand names are on packaging. */
    private static String spaced(String text) {
        StringBuilder spaced = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (spaced.length() > 0) {
                spaced.append(c == ' ' ? "  " : "\u200A");
            }
            if (c != ' ') {
                spaced.appendCodePoint(c);
            }
        });
        return spaced.toString();
    }
}
