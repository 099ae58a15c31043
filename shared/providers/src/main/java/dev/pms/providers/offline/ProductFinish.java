package dev.pms.providers.offline;

import java.awt.Color;

/**
 * What a drawn product is made of: its body's colour and gloss, its cap or lid, a detail colour (a shoe's sole, a
 * phone's frame, a mug's inside) and its printed label.
 *
 * @param bodyGloss 0 for paper or cotton, 1 for glass or lacquer
 */
record ProductFinish(Color body, double bodyGloss, Color cap, double capGloss, Color detail, ProductLabel label) {

    private static final Color GOLD = new Color(0xC8, 0xA4, 0x5C);
    private static final Color CREAM = new Color(0xF6, 0xF1, 0xE7);
    private static final Color CERAMIC = new Color(0xF4, 0xF3, 0xF0);
    private static final Color GRAPHITE = new Color(0x2A, 0x2C, 0x31);
    private static final Color ALUMINIUM = new Color(0xB9, 0xBD, 0xC4);
    private static final Color CANVAS = new Color(0xE8, 0xDF, 0xCE);
    private static final Color NEAR_BLACK = new Color(0x17, 0x17, 0x1A);

    /**
     * The finish for a form in the brand's colours. On a field of the brand's primary colour the product's body takes
     * another colour, so it stands out; a luxury style dresses it in black and gold; a minimalist one in few colours.
     */
    static ProductFinish of(ProductForm form, CreativePalette palette, PhotoshootLook look, String brand, String name,
                            String variant) {
        boolean luxury = look.style().equals("luxury");
        boolean minimal = look.style().equals("minimalist");
        Color primary = palette.primary();
        Color secondary = palette.secondary();
        Color accent = palette.accent();
        if (look.branded() && !luxury) {
            Color swap = primary;
            primary = CreativePalette.contrast(secondary, swap) > 1.6 ? secondary : CREAM;
            secondary = swap;
        }
        if (luxury) {
            ProductLabel label = new ProductLabel(NEAR_BLACK, GOLD, GOLD, brand, name, variant, minimal, true);
            return switch (form) {
                case DEVICE -> new ProductFinish(NEAR_BLACK, 0.9, GOLD, 0.9, GOLD, label);
                case SHOE, BAG, APPAREL -> new ProductFinish(NEAR_BLACK, 0.35, GOLD, 0.8, CREAM, label);
                case MUG -> new ProductFinish(NEAR_BLACK, 0.8, GOLD, 0.9, new Color(0x3B, 0x24, 0x17), label);
                default -> new ProductFinish(mix(primary, NEAR_BLACK, 0.7), 0.95, GOLD, 0.95, GOLD, label);
            };
        }
        Color paper = minimal ? Color.WHITE : CREAM;
        ProductLabel onPaper = new ProductLabel(paper, inkOn(paper, primary, secondary), accentOn(paper, accent, primary),
                brand, name, variant, minimal, false);
        ProductLabel onPrimary = new ProductLabel(primary, inkOn(primary, Color.WHITE, NEAR_BLACK),
                accentOn(primary, accent, Color.WHITE), brand, name, variant, minimal, false);
        return switch (form) {
            case BOTTLE -> new ProductFinish(primary, 0.9, minimal ? primary : secondary, 0.6, paper, onPaper);
            case JAR -> new ProductFinish(minimal ? paper : CERAMIC, 0.55, primary, 0.7, primary, onPrimary);
            case MUG -> new ProductFinish(minimal ? paper : CERAMIC, 0.6, CERAMIC, 0.6, new Color(0x3B, 0x24, 0x17),
                    onPaperMug(primary, accent, brand, name, variant, minimal));
            case BOX -> new ProductFinish(primary, 0.25, secondary, 0.2, accent, onPrimary);
            case DEVICE -> new ProductFinish(GRAPHITE, 0.85, ALUMINIUM, 0.7, primary, onPrimary);
            case BAG -> new ProductFinish(minimal ? paper : CANVAS, 0.05, primary, 0.1, secondary, onPrimary);
            case APPAREL -> new ProductFinish(primary, 0.05, secondary, 0.05, accent, onPrimary);
            case SHOE -> new ProductFinish(primary, 0.3, Color.WHITE, 0.2, accentOn(primary, accent, Color.WHITE), onPrimary);
            case CANISTER -> new ProductFinish(primary, 0.75, secondary, 0.7, accent, onPaper);
        };
    }

    /** A mug's print: the product's colours straight on the white ceramic. */
    private static ProductLabel onPaperMug(Color primary, Color accent, String brand, String name, String variant,
                                           boolean minimal) {
        return new ProductLabel(CERAMIC, inkOn(CERAMIC, primary, NEAR_BLACK), accentOn(CERAMIC, accent, primary), brand,
                name, variant, minimal, false);
    }

    /** The first colour that reads on {@code ground} at AA contrast, else black or white. */
    static Color inkOn(Color ground, Color... candidates) {
        for (Color candidate : candidates) {
            if (CreativePalette.contrast(candidate, ground) >= CreativePalette.AA_CONTRAST) {
                return candidate;
            }
        }
        return SlidePainter.textOn(ground);
    }

    /** A decorative colour that stands apart from {@code ground} (3:1, as graphics need). */
    private static Color accentOn(Color ground, Color accent, Color fallback) {
        return CreativePalette.contrast(accent, ground) >= 3 ? accent : fallback;
    }

    static Color mix(Color from, Color to, double share) {
        return CreativePalette.mix(from, to, share);
    }
}
