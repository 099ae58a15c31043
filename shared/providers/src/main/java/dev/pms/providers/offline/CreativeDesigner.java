package dev.pms.providers.offline;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Lays one template family out on a canvas: brand-colour fields, the product photo cropped to its slot, and the copy
 * stacked in non-overlapping slots inside the safe area, each text in a colour that reaches AA contrast on what lies
 * under it. Without text ({@code withText} false) it paints the same design with no words and no buttons.
 */
final class CreativeDesigner {
    private static final double GAP = 0.035;

    private final BufferedImage image;
    private final Graphics2D g;
    private final CreativePalette palette;
    private final CreativeCopy copy;
    private final Rectangle canvas;
    private final Rectangle inner;
    private final BufferedImage photo;
    private final Random random;
    private final boolean withText;
    private final List<DrawnText> texts = new ArrayList<>();
    private Rectangle photoBounds;

    CreativeDesigner(BufferedImage image, Graphics2D g, CreativePalette palette, CreativeCopy copy, Rectangle inner,
                     BufferedImage photo, long seed, boolean withText) {
        this.image = image;
        this.g = g;
        this.palette = palette;
        this.copy = copy;
        this.canvas = new Rectangle(0, 0, image.getWidth(), image.getHeight());
        this.inner = inner;
        this.photo = photo;
        this.random = new Random(seed);
        this.withText = withText;
    }

    List<DrawnText> texts() {
        return List.copyOf(texts);
    }

    Rectangle photoBounds() {
        return photoBounds;
    }

    void design(LayoutFamily family) {
        boolean darkField = random.nextBoolean();
        switch (family) {
            case HERO -> hero(darkField);
            case SPLIT -> split(darkField);
            case STAT -> stat(darkField);
            case QUOTE -> quote();
            case FEATURE_LIST -> featureList();
            case OFFER -> offer(darkField);
        }
    }

    private void hero(boolean darkField) {
        Color field = darkField ? palette.secondary() : palette.primary();
        fill(canvas, field);
        Rectangle region = photo != null ? photoAndText(0.55, field) : inner;
        if (photo == null) {
            corner(darkField ? palette.primary() : palette.secondary(), region);
        }
        column(region, field, false, "wordmark", 0.7, "space", 0.5, "headline", 3.2, "rule", 0.3, "subline", 1.3,
                "cta", 1.1);
    }

    private void split(boolean darkField) {
        Color panel = darkField ? palette.secondary() : palette.primary();
        fill(canvas, palette.light());
        boolean wide = isWide(inner);
        double share = 0.42;
        Rectangle visual = wide ? new Rectangle(0, 0, (int) (canvas.width * share), canvas.height)
                : new Rectangle(0, 0, canvas.width, (int) (canvas.height * share));
        Rectangle rest = wide ? new Rectangle(visual.width, 0, canvas.width - visual.width, canvas.height)
                : new Rectangle(0, visual.height, canvas.width, canvas.height - visual.height);
        fill(visual, panel);
        Rectangle text = shrinkTowards(inner.intersection(rest), wide, gap());
        if (photo != null) {
            placePhoto(visual);
            column(text, palette.light(), true, "wordmark", 0.7, "headline", 2.6, "subline", 1.3, "cta", 1.1);
            return;
        }
        Rectangle visualArea = inner.intersection(visual);
        Rectangle mark = wide ? new Rectangle(visualArea.x, visualArea.y, Math.max(0, visualArea.width - gap()), visualArea.height)
                : new Rectangle(visualArea.x, visualArea.y, visualArea.width, Math.max(0, visualArea.height - gap()));
        column(mark, panel, false, "space", 1, "wordmark_large", 2, "rule", 0.3, "space", 1);
        column(text, palette.light(), true, "headline", 2.6, "subline", 1.3, "cta", 1.1);
    }

    private void stat(boolean darkField) {
        Color field = darkField ? palette.secondary() : palette.ink();
        fill(canvas, field);
        Rectangle region = photo != null ? photoAndText(0.4, field) : inner;
        if (copy.hasFigure()) {
            column(region, field, false, "wordmark", 0.7, "figure", 3.4, "figure_label", 1.1, "rule", 0.3,
                    "headline", 1.4, "cta", 1.1);
        } else {
            int bar = Math.max(3, (int) (Math.min(region.width, region.height) * 0.02));
            Rectangle barBox = new Rectangle(region.x, region.y, bar, region.height);
            Rectangle rest = new Rectangle(region.x + bar * 4, region.y, region.width - bar * 4, region.height);
            fill(new Rectangle(barBox.x, barBox.y + region.height / 8, barBox.width, region.height * 3 / 4),
                    palette.buttonOn(field));
            column(rest, field, true, "wordmark", 0.7, "headline_large", 4, "subline", 1.3, "cta", 1.1);
        }
    }

    private void quote() {
        Color field = palette.light();
        fill(canvas, field);
        Rectangle region = photo != null ? photoAndText(0.4, field) : inner;
        column(region, field, false, "quote_mark", 1.2, "headline_quote", 3.6, "attribution", 0.7, "rule", 0.3,
                "cta", 1.1);
    }

    private void featureList() {
        Color field = palette.paper();
        fill(canvas, field);
        Rectangle region = photo != null ? photoAndText(0.36, field) : inner;
        List<Rectangle> slots = stack(region, 0.7, 2.0, 0.2, 1, 1, 1, 1.1);
        Rectangle band = new Rectangle(0, 0, canvas.width, slots.get(1).y + slots.get(1).height + gap() / 2);
        Area bandArea = new Area(band);
        if (photoBounds != null) {
            bandArea.subtract(new Area(photoBounds));
        }
        g.setColor(palette.primary());
        g.fill(bandArea);
        draw("wordmark", slots.get(0), palette.primary(), true);
        draw("headline", slots.get(1), palette.primary(), true);
        List<String> points = copy.points();
        for (int i = 0; i < 3; i++) {
            if (i < points.size()) {
                point(points.get(i), slots.get(3 + i), field);
            }
        }
        draw("cta", slots.get(6), field, true);
    }

    private void offer(boolean darkField) {
        Color field = darkField ? palette.secondary() : palette.primary();
        fill(canvas, field);
        Rectangle region = photo != null ? photoAndText(0.4, field) : inner;
        if (photo == null) {
            corner(darkField ? palette.primary() : palette.secondary(), region);
        }
        column(region, field, false, "wordmark", 0.7, "offer", 2.8, "headline", 1.8, "subline", 1.0, "cta", 1.2);
    }

    /** Splits the canvas into the photo's slot and the rest; returns the text area inside the rest. */
    private Rectangle photoAndText(double photoShare, Color field) {
        boolean wide = isWide(inner);
        boolean photoFirst = random.nextBoolean() || !wide;
        Rectangle slot;
        Rectangle rest;
        if (wide) {
            int width = (int) Math.min(canvas.width * photoShare, inner.x + inner.width * 0.5);
            slot = new Rectangle(photoFirst ? 0 : canvas.width - width, 0, width, canvas.height);
            rest = new Rectangle(photoFirst ? width : 0, 0, canvas.width - width, canvas.height);
        } else {
            int height = (int) Math.min(canvas.height * photoShare, inner.y + inner.height * 0.5);
            slot = new Rectangle(0, 0, canvas.width, height);
            rest = new Rectangle(0, height, canvas.width, canvas.height - height);
        }
        fill(rest, field);
        placePhoto(slot);
        Rectangle text = inner.intersection(rest);
        int gap = gap();
        if (wide) {
            return new Rectangle(text.x + (photoFirst ? gap : 0), text.y, Math.max(0, text.width - gap), text.height);
        }
        return new Rectangle(text.x, text.y + gap, text.width, Math.max(0, text.height - gap));
    }

    /** Lays the named slots out top to bottom in {@code region} by weight; a very wide region puts the button beside. */
    private void column(Rectangle region, Color background, boolean left, Object... rolesAndWeights) {
        List<String> roles = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int i = 0; i < rolesAndWeights.length; i += 2) {
            roles.add((String) rolesAndWeights[i]);
            weights.add(((Number) rolesAndWeights[i + 1]).doubleValue());
        }
        Rectangle main = region;
        if (region.width > region.height * 2.2 && roles.contains("cta")) {
            int sideWidth = (int) (region.width * 0.3);
            main = new Rectangle(region.x, region.y, region.width - sideWidth - gap(), region.height);
            Rectangle side = new Rectangle(region.x + region.width - sideWidth, region.y, sideWidth, region.height);
            int ctaHeight = Math.min(side.height, Math.max(side.height / 3, 1));
            draw("cta", new Rectangle(side.x, side.y + (side.height - ctaHeight) / 2, side.width, ctaHeight),
                    background, false);
            int at = roles.indexOf("cta");
            roles.remove(at);
            weights.remove(at);
        }
        List<Rectangle> slots = stack(main, weights.stream().mapToDouble(Double::doubleValue).toArray());
        for (int i = 0; i < roles.size(); i++) {
            draw(roles.get(i), slots.get(i), background, left);
        }
    }

    private void draw(String role, Rectangle slot, Color background, boolean left) {
        int unit = Math.min(inner.width, inner.height);
        switch (role) {
            case "space" -> { }
            case "wordmark" -> text("wordmark", copy.wordmark(), slot, unit * 0.05, left);
            case "wordmark_large" -> text("wordmark", copy.wordmark(), slot, unit * 0.16, left);
            case "attribution" -> text("wordmark", copy.wordmark().isEmpty() ? "" : "— " + copy.wordmark(), slot,
                    unit * 0.045, left);
            case "headline" -> text("headline", copy.headline(), slot, unit * 0.12, left);
            case "headline_large" -> text("headline", copy.headline(), slot, unit * 0.16, left);
            case "headline_quote" -> text("headline", copy.headline(), slot, unit * 0.09, left);
            case "subline" -> text("subline", copy.subline(), slot, unit * 0.055, left);
            case "figure" -> text("figure", copy.figure(), slot, unit * 0.4, left);
            case "figure_label" -> text("subline", copy.figureLabel(), slot, unit * 0.06, left);
            case "offer" -> badge(slot, background);
            case "quote_mark" -> quoteMark(slot, background);
            case "rule" -> rule(slot, background, left);
            case "cta" -> button(copy.callToAction(), slot, background, left);
            default -> throw new IllegalArgumentException("no slot " + role);
        }
    }

    private void text(String role, String words, Rectangle box, double maxFont, boolean left) {
        if (!withText || words == null || words.isBlank() || box.width <= 0 || box.height <= 0) {
            return;
        }
        TextBlock block = aligned(TextBlock.layout(g, words, box, (int) Math.min(box.height, maxFont), true), box, left);
        if (block.isEmpty()) {
            return;
        }
        Set<Color> under = coloursUnder(block.bounds());
        Color colour = "figure".equals(role) && under.size() == 1
                ? palette.brandTextOn(under.iterator().next()) : palette.textOn(under);
        if (CreativePalette.minContrast(colour, under) < CreativePalette.AA_CONTRAST) {
            Color plate = dominantUnder(block.bounds());
            fill(block.bounds(), plate);
            under = Set.of(plate);
            colour = palette.textOn(under);
        }
        drawLines(block, colour, left);
        texts.add(new DrawnText(role, String.join(" ", block.lines()), block.bounds(), colour, dominantUnder(block.bounds())));
    }

    private void button(String label, Rectangle slot, Color background, boolean left) {
        if (!withText || label == null || label.isBlank() || slot.height < TextBlock.MIN_FONT_PX * 2) {
            return;
        }
        int padY = (int) (slot.height * 0.2);
        int padX = Math.max(padY, (int) (slot.height * 0.5));
        Rectangle textBox = new Rectangle(slot.x + padX, slot.y + padY, slot.width - 2 * padX, slot.height - 2 * padY);
        int unit = Math.min(inner.width, inner.height);
        TextBlock block = TextBlock.layout(g, label, textBox, (int) Math.min(textBox.height, unit * 0.05), true);
        if (block.isEmpty() || textBox.width <= 0) {
            return;
        }
        Rectangle text = block.bounds();
        Rectangle pill = new Rectangle(text.x - padX, text.y - padY, text.width + 2 * padX, text.height + 2 * padY)
                .intersection(slot);
        if (left) {
            int shift = pill.x - slot.x;
            pill.x -= shift;
            block = new TextBlock(block.lines(), block.font(), new Rectangle(text.x - shift, text.y, text.width, text.height),
                    block.lineHeight(), block.ascent());
        }
        Color fillColour = palette.buttonOn(background);
        g.setColor(fillColour);
        double radius = Math.min(pill.height, pill.width);
        g.fill(new RoundRectangle2D.Double(pill.x, pill.y, pill.width, pill.height, radius, radius));
        Color colour = palette.textOn(Set.of(fillColour));
        drawLines(block, colour, false);
        texts.add(new DrawnText("cta", String.join(" ", block.lines()), pill, colour, fillColour));
    }

    private void badge(Rectangle slot, Color background) {
        int diameter = Math.min(slot.width, slot.height);
        if (diameter <= 0) {
            return;
        }
        Color fillColour = palette.buttonOn(background).equals(palette.accent()) ? palette.accent() : palette.buttonOn(background);
        int x = slot.x + (slot.width - diameter) / 2;
        int y = slot.y + (slot.height - diameter) / 2;
        g.setColor(fillColour);
        g.fill(new Ellipse2D.Double(x, y, diameter, diameter));
        int side = (int) (diameter / Math.sqrt(2) * 0.9);
        Rectangle box = new Rectangle(x + (diameter - side) / 2, y + (diameter - side) / 2, side, side);
        text("offer", copy.offer(), box, side * 0.45, false);
    }

    private void point(String words, Rectangle slot, Color background) {
        int size = Math.max(4, Math.min((int) (slot.height * 0.5), slot.width / 8));
        Rectangle bullet = new Rectangle(slot.x, slot.y + (slot.height - size) / 2, size, size);
        Color bulletColour = palette.buttonOn(background);
        g.setColor(bulletColour);
        g.fill(new RoundRectangle2D.Double(bullet.x, bullet.y, size, size, size / 3.0, size / 3.0));
        g.setColor(palette.textOn(Set.of(bulletColour)));
        g.setStroke(new BasicStroke(Math.max(1.5f, size / 8f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D tick = new Path2D.Double();
        tick.moveTo(bullet.x + size * 0.25, bullet.y + size * 0.52);
        tick.lineTo(bullet.x + size * 0.43, bullet.y + size * 0.7);
        tick.lineTo(bullet.x + size * 0.76, bullet.y + size * 0.32);
        g.draw(tick);
        int textX = slot.x + size + Math.max(4, size / 2);
        text("point", words, new Rectangle(textX, slot.y, slot.x + slot.width - textX, slot.height),
                Math.min(inner.width, inner.height) * 0.055, true);
    }

    private void quoteMark(Rectangle slot, Color background) {
        TextBlock mark = TextBlock.layout(g, "\u201C", slot, slot.height * 2, true);
        if (!mark.isEmpty()) {
            Rectangle bounds = mark.bounds();
            TextBlock clipped = new TextBlock(mark.lines(), mark.font(), bounds, mark.lineHeight(), mark.ascent());
            Graphics2D clip = (Graphics2D) g.create();
            clip.clip(slot);
            clipped.draw(clip, palette.buttonOn(background));
            clip.dispose();
        }
    }

    private void rule(Rectangle slot, Color background, boolean left) {
        int thickness = Math.max(2, Math.min(slot.height, (int) (Math.min(inner.width, inner.height) * 0.012)));
        int width = Math.max(thickness, (int) (inner.width * 0.12));
        int x = left ? slot.x : slot.x + (slot.width - width) / 2;
        fill(new Rectangle(x, slot.y + (slot.height - thickness) / 2, Math.min(width, slot.width), thickness),
                palette.buttonOn(background));
    }

    /** A quarter disc in a second brand colour in a canvas corner, clear of the text area. */
    private void corner(Color colour, Rectangle textArea) {
        int cornerIndex = random.nextInt(4);
        boolean right = cornerIndex % 2 == 1;
        boolean bottom = cornerIndex >= 2;
        int cx = right ? canvas.width : 0;
        int cy = bottom ? canvas.height : 0;
        int dx = right ? canvas.width - (textArea.x + textArea.width) : textArea.x;
        int dy = bottom ? canvas.height - (textArea.y + textArea.height) : textArea.y;
        int radius = (int) (Math.max(dx, dy) * (0.8 + random.nextDouble() * 0.15));
        if (radius > 4) {
            g.setColor(colour);
            g.fill(new Ellipse2D.Double(cx - radius, cy - radius, radius * 2.0, radius * 2.0));
        }
    }

    private void placePhoto(Rectangle slot) {
        double scale = Math.max(slot.width / (double) photo.getWidth(), slot.height / (double) photo.getHeight());
        int sourceWidth = (int) Math.min(photo.getWidth(), Math.ceil(slot.width / scale));
        int sourceHeight = (int) Math.min(photo.getHeight(), Math.ceil(slot.height / scale));
        int sx = (photo.getWidth() - sourceWidth) / 2;
        int sy = (photo.getHeight() - sourceHeight) / 2;
        Graphics2D clip = (Graphics2D) g.create();
        clip.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        clip.drawImage(photo, slot.x, slot.y, slot.x + slot.width, slot.y + slot.height, sx, sy, sx + sourceWidth,
                sy + sourceHeight, null);
        clip.dispose();
        photoBounds = new Rectangle(slot);
    }

    private TextBlock aligned(TextBlock block, Rectangle box, boolean left) {
        if (!left || block.isEmpty()) {
            return block;
        }
        Rectangle bounds = new Rectangle(box.x, block.bounds().y, block.bounds().width, block.bounds().height);
        return new TextBlock(block.lines(), block.font(), bounds, block.lineHeight(), block.ascent());
    }

    private void drawLines(TextBlock block, Color colour, boolean left) {
        g.setFont(block.font());
        g.setColor(colour);
        FontMetrics metrics = g.getFontMetrics(block.font());
        int y = block.bounds().y + block.ascent();
        for (String line : block.lines()) {
            int x = left ? block.bounds().x : block.bounds().x + (block.bounds().width - metrics.stringWidth(line)) / 2;
            g.drawString(line, x, y);
            y += block.lineHeight();
        }
    }

    private Set<Color> coloursUnder(Rectangle box) {
        Set<Integer> rgbs = new LinkedHashSet<>();
        Rectangle area = box.intersection(canvas);
        int[] row = new int[Math.max(1, area.width)];
        for (int y = area.y; y < area.y + area.height; y++) {
            image.getRGB(area.x, y, area.width, 1, row, 0, area.width);
            for (int i = 0; i < area.width; i++) {
                rgbs.add(row[i] & 0xFFFFFF);
            }
        }
        Set<Color> colours = new LinkedHashSet<>();
        rgbs.forEach(rgb -> colours.add(new Color(rgb)));
        return colours;
    }

    private Color dominantUnder(Rectangle box) {
        Map<Integer, Integer> counts = new HashMap<>();
        Rectangle area = box.intersection(canvas);
        for (int y = area.y; y < area.y + area.height; y += 2) {
            for (int x = area.x; x < area.x + area.width; x += 2) {
                counts.merge(image.getRGB(x, y) & 0xFFFFFF, 1, Integer::sum);
            }
        }
        return new Color(counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0));
    }

    private List<Rectangle> stack(Rectangle region, double... weights) {
        int gap = gap();
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        int usable = Math.max(0, region.height - gap * (weights.length - 1));
        List<Rectangle> slots = new ArrayList<>();
        double y = region.y;
        for (double weight : weights) {
            int height = (int) Math.floor(usable * weight / total);
            slots.add(new Rectangle(region.x, (int) Math.round(y), region.width, height));
            y += height + gap;
        }
        return slots;
    }

    private void fill(Rectangle area, Color colour) {
        g.setColor(colour);
        g.fill(area);
    }

    private int gap() {
        return Math.max(2, (int) (Math.min(inner.width, inner.height) * GAP));
    }

    private static boolean isWide(Rectangle area) {
        return area.width >= area.height * 1.25;
    }

    /** {@code area} less {@code inset} pixels on the side that faces the split (left when wide, top when tall). */
    private static Rectangle shrinkTowards(Rectangle area, boolean wide, int inset) {
        return wide ? new Rectangle(area.x + inset, area.y, Math.max(0, area.width - inset), area.height)
                : new Rectangle(area.x, area.y + inset, area.width, Math.max(0, area.height - inset));
    }
}
