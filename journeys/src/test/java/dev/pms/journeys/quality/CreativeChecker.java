package dev.pms.journeys.quality;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.channel.SafeZone;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The image defects, measured from the pixels where the record says where the texts are: the texts drawn on the
 * image must be recorded ({@code headline}, {@code subline}, {@code cta}, {@code alt_text} and their boxes in
 * {@code text_boxes}: {@code [{role, x, y, width, height}]} in pixels), come from the copy rather than the prompt,
 * reach WCAG AA contrast (4.5:1) between the text and what is behind it, stay inside the placement's safe zone and not
 * overlap; the brand palette must dominate the pixels and no other colour may take a visible share.
 */
final class CreativeChecker {
    static final double MIN_CONTRAST = 4.5;
    /** Pixels this close (RGB distance) to a palette colour count as the brand's. */
    static final double PALETTE_DISTANCE = 60;
    static final double MIN_PALETTE_SHARE = 0.5;
    /** Saturated pixels whose hue is this far from every brand hue are an off-palette colour. */
    static final double OFF_PALETTE_HUE_DEGREES = 25;
    static final double MAX_OFF_PALETTE_SHARE = 0.10;
    private static final List<String> RECORDED_TEXTS = List.of("headline", "subline", "cta", "alt_text");
    private static final List<String> REQUIRED_TEXTS = List.of("headline", "cta", "alt_text");
    private static final Pattern ART_DIRECTION = Pattern.compile(
            "(?i)\\b(alone on a|brand[- ]colou?r field|with space for|one short, confident line|in the hands of|"
                    + "lead with|hook:|purpose:|create an? \\w+ image)\\b");

    private final ChannelCatalog catalog;

    CreativeChecker(ChannelCatalog catalog) {
        this.catalog = catalog;
    }

    List<Defect> check(DemoRun run) {
        List<Defect> defects = new ArrayList<>();
        List<Color> palette = run.palette().stream().map(Color::decode).toList();
        for (DemoRun.Asset asset : run.assets) {
            if (!asset.type().equals("image") || asset.file() == null) {
                continue;
            }
            BufferedImage image = read(asset);
            recordedTexts(run, asset, defects);
            JsonNode boxes = asset.details().path("text_boxes");
            if (boxes.isArray() && !boxes.isEmpty()) {
                textBoxes(run, asset, image, boxes, defects);
            }
            if (!palette.isEmpty()) {
                paletteShare(run, asset, image, palette, defects);
            }
        }
        return defects;
    }

    private static BufferedImage read(DemoRun.Asset asset) {
        try {
            BufferedImage image = ImageIO.read(asset.file().toFile());
            if (image == null) {
                throw new AssertionError(asset.file() + " is not an image ImageIO reads");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void recordedTexts(DemoRun run, DemoRun.Asset asset, List<Defect> defects) {
        JsonNode details = asset.details();
        List<String> missing = new ArrayList<>();
        for (String name : RECORDED_TEXTS) {
            boolean required = REQUIRED_TEXTS.contains(name);
            if (!details.hasNonNull(name) || required && details.get(name).asText().isBlank()) {
                missing.add(name);
            }
        }
        JsonNode boxes = details.path("text_boxes");
        if (!boxes.isArray() || boxes.isEmpty()) {
            missing.add("text_boxes (so contrast, safe zone and overlap cannot be measured)");
        }
        if (!missing.isEmpty()) {
            defects.add(new Defect(run.briefName, DefectKind.IMAGE_TEXT_UNRECORDED, asset.label(), asset.relativePath(),
                    "the asset record does not name " + String.join(", ", missing)));
        }
        String prompt = Sentences.normalise(asset.entry().path("prompt").asText(""));
        for (String role : List.of("headline", "subline", "cta")) {
            String text = details.path(role).asText("");
            if (text.isBlank()) {
                continue;
            }
            boolean artDirection = ART_DIRECTION.matcher(text).find();
            boolean fromPrompt = Sentences.words(text) >= 6 && prompt.contains(Sentences.normalise(text))
                    && run.briefFacts().stream().map(Sentences::normalise)
                    .noneMatch(fact -> fact.contains(Sentences.normalise(text)));
            if (artDirection || fromPrompt) {
                defects.add(new Defect(run.briefName, DefectKind.INSTRUCTION_ECHO, asset.label(), asset.relativePath(),
                        "the image's " + role + " is " + (artDirection ? "art direction" : "the prompt") + ": "
                                + Sentences.quote(text)));
            }
        }
    }

    private void textBoxes(DemoRun run, DemoRun.Asset asset, BufferedImage image, JsonNode boxes,
                           List<Defect> defects) {
        Rectangle safe = safeArea(asset, image);
        List<Rectangle> drawn = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        for (JsonNode box : boxes) {
            String role = box.path("role").asText("text");
            Rectangle bounds = new Rectangle(box.path("x").asInt(), box.path("y").asInt(), box.path("width").asInt(),
                    box.path("height").asInt());
            String where = role + " box " + describe(bounds);
            if (!safe.contains(bounds)) {
                defects.add(new Defect(run.briefName, DefectKind.SAFE_ZONE, asset.label(), asset.relativePath(),
                        where + " leaves the safe area " + describe(safe) + " of the " + image.getWidth() + "x"
                                + image.getHeight() + " canvas"));
            }
            for (int other = 0; other < drawn.size(); other++) {
                Rectangle overlap = drawn.get(other).intersection(bounds);
                if (!overlap.isEmpty()) {
                    defects.add(new Defect(run.briefName, DefectKind.OVERLAP, asset.label(), asset.relativePath(),
                            where + " overlaps the " + roles.get(other) + " box " + describe(drawn.get(other))
                                    + " by " + overlap.width + "x" + overlap.height + " px"));
                }
            }
            drawn.add(bounds);
            roles.add(role);
            Rectangle measured = role.equals("cta") ? straightPartOfButton(bounds) : bounds;
            Rectangle inside = measured.intersection(new Rectangle(0, 0, image.getWidth(), image.getHeight()));
            if (inside.isEmpty()) {
                continue;
            }
            TextColours colours = TextColours.measure(image, inside);
            if (colours == null) {
                defects.add(new Defect(run.briefName, DefectKind.CONTRAST, asset.label(), asset.relativePath(),
                        where + " holds no text pixels distinct from its background"));
            } else if (colours.contrast() < MIN_CONTRAST) {
                defects.add(new Defect(run.briefName, DefectKind.CONTRAST, asset.label(), asset.relativePath(),
                        String.format(Locale.ROOT, "%s (%s): text %s on %s has contrast %.2f:1, below %.1f:1", where,
                                Sentences.quote(box.path("text").asText(asset.details().path(role).asText(""))),
                                hex(colours.text()), hex(colours.background()), colours.contrast(), MIN_CONTRAST)));
            }
        }
    }

    private Rectangle safeArea(DemoRun.Asset asset, BufferedImage image) {
        SafeZone zone = catalog.placement(asset.entry().path("placement").asText())
                .map(placement -> placement.safeZone()).orElse(null);
        int width = image.getWidth();
        int height = image.getHeight();
        if (zone == null) {
            return new Rectangle(0, 0, width, height);
        }
        int left = (int) Math.floor(zone.left() * width);
        int top = (int) Math.floor(zone.top() * height);
        int right = (int) Math.ceil(width - zone.right() * width);
        int bottom = (int) Math.ceil(height - zone.bottom() * height);
        return new Rectangle(left, top, right - left, bottom - top);
    }

    private static void paletteShare(DemoRun run, DemoRun.Asset asset, BufferedImage image, List<Color> palette,
                                     List<Defect> defects) {
        List<float[]> brandHues = palette.stream().map(c -> Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null))
                .filter(hsb -> hsb[1] >= 0.2f).toList();
        long pixels = 0;
        long brand = 0;
        long offPalette = 0;
        Map<Integer, Integer> offColours = new HashMap<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                Color pixel = new Color(image.getRGB(x, y));
                pixels++;
                if (palette.stream().anyMatch(colour -> distance(colour, pixel) <= PALETTE_DISTANCE)) {
                    brand++;
                    continue;
                }
                float[] hsb = Color.RGBtoHSB(pixel.getRed(), pixel.getGreen(), pixel.getBlue(), null);
                if (hsb[1] >= 0.3f && hsb[2] >= 0.2f
                        && brandHues.stream().allMatch(hue -> hueDistance(hue[0], hsb[0]) > OFF_PALETTE_HUE_DEGREES)) {
                    offPalette++;
                    offColours.merge(pixel.getRGB() & 0xF0F0F0, 1, Integer::sum);
                }
            }
        }
        double brandShare = (double) brand / pixels;
        double offShare = (double) offPalette / pixels;
        if (brandShare < MIN_PALETTE_SHARE) {
            defects.add(new Defect(run.briefName, DefectKind.PALETTE_SHARE, asset.label(), asset.relativePath(),
                    String.format(Locale.ROOT, "the brand palette %s covers %.0f%% of the pixels, less than %.0f%%",
                            run.palette(), brandShare * 100, MIN_PALETTE_SHARE * 100)));
        }
        if (offShare > MAX_OFF_PALETTE_SHARE) {
            int commonest = offColours.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            defects.add(new Defect(run.briefName, DefectKind.PALETTE_SHARE, asset.label(), asset.relativePath(),
                    String.format(Locale.ROOT, "colours outside the palette %s cover %.0f%% of the pixels (mostly "
                            + "around %s)", run.palette(), offShare * 100, hex(new Color(commonest)))));
        }
    }

    static double distance(Color a, Color b) {
        int red = a.getRed() - b.getRed();
        int green = a.getGreen() - b.getGreen();
        int blue = a.getBlue() - b.getBlue();
        return Math.sqrt(red * red + green * green + blue * blue);
    }

    private static double hueDistance(float a, float b) {
        double degrees = Math.abs(a - b) * 360;
        return Math.min(degrees, 360 - degrees);
    }

    private static String describe(Rectangle box) {
        return "[x " + box.x + ", y " + box.y + ", " + box.width + "x" + box.height + "]";
    }

    static String hex(Color colour) {
        return String.format(Locale.ROOT, "#%02X%02X%02X", colour.getRed(), colour.getGreen(), colour.getBlue());
    }

    /** A CTA box is its whole pill-shaped button; its rounded ends show what lies behind the button, not the button. */
    private static Rectangle straightPartOfButton(Rectangle pill) {
        int radius = pill.height / 2;
        return pill.width > 2 * radius ? new Rectangle(pill.x + radius, pill.y, pill.width - 2 * radius, pill.height) : pill;
    }
}
