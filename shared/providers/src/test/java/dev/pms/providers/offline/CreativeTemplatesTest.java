package dev.pms.providers.offline;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.channel.Placement;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.generation.ProviderJob;
import dev.pms.core.media.ProductPhoto;
import dev.pms.core.pricing.QualityTier;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every layout family on every catalogue image placement: contrast, safe zone, overlap and palette share. */
class CreativeTemplatesTest {
    /** RGB distance within which a pixel counts as a palette colour (anti-aliasing and PNG keep colours exact). */
    static final double PALETTE_DISTANCE = 12;
    private static final Map<String, Object> PRODUCT = Map.of(
            "product_name", "Acme Notes",
            "product_description", "Notes that write themselves. Capture every meeting and get a summary in 30 seconds.",
            "features", List.of("automatic summaries", "offline sync", "shared notebooks"),
            "marketing_goal", "sign-ups");
    private static final String DUMP = System.getenv("CREATIVES_DUMP");

    private final OfflineImageRenderer renderer = new OfflineImageRenderer();

    @Test
    void everyFamilyOnEveryPlacementKeepsContrastSafeZoneNoOverlapAndThePalette() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Placement placement : imagePlacements()) {
            for (LayoutFamily family : LayoutFamily.values()) {
                for (List<String> palette : List.of(List.of("#1A73E8", "#0B1F3A"), List.of("#FFD400"))) {
                    check(request(placement, palette, null), family, problems, false);
                }
                check(request(placement, Requests.PALETTE, photo()), family, problems, true);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void anUploadedPhotoIsCompositedIntoItsSlotAndNoGlyphIsDrawnWithoutOne() throws IOException {
        Placement placement = Requests.placement("instagram/feed_portrait");
        ImageComposition withPhoto = renderer.compose(request(placement, Requests.PALETTE, photo()), LayoutFamily.HERO, true);
        ImageComposition without = renderer.compose(request(placement, Requests.PALETTE, null), LayoutFamily.HERO, true);

        Rectangle slot = withPhoto.photoBounds();
        assertThat(slot).isNotNull();
        int centre = withPhoto.image().getRGB(slot.x + slot.width / 2, slot.y + slot.height / 2) & 0xFFFFFF;
        assertThat(centre).as("the photo's own orange at its slot's centre").isEqualTo(0xE0601A);
        assertThat(without.photoBounds()).isNull();
    }

    @Test
    void textsComeFromTheBriefAndNeverFromTheArtDirection() {
        String artDirection = "Before and after: the everyday frustration, then Acme Notes making it effortless";
        GenerationRequest request = new GenerationRequest("job-1", "asset-1", AssetType.IMAGE,
                Requests.placement("instagram/feed_square"), "A launch visual for Acme Notes", artDirection,
                "Launch image for Instagram feed square: " + artDirection, PRODUCT, Requests.PALETTE, List.of(),
                "offline", null, QualityTier.STANDARD, null, null);
        Map<String, Object> details = ((ProviderJob.Completed) renderer.submit(request)).media().details();

        assertThat(details.get("headline")).isEqualTo("Notes that write themselves");
        assertThat(details.get("cta")).isEqualTo("Sign up today");
        assertThat(details.get("wordmark").toString()).contains("Acme Notes");
        assertThat(details.get("alt_text").toString()).contains("Notes that write themselves").contains("Sign up today");
        assertThat(details.values().toString()).doesNotContain("frustration");
    }

    private void check(GenerationRequest request, LayoutFamily family, List<String> problems, boolean photo) throws IOException {
        Placement placement = request.placement();
        String where = placement.key() + " " + family.code + " " + request.brandPalette() + (photo ? " photo" : "");
        ImageComposition composition = renderer.compose(request, family, true);
        BufferedImage backdrop = renderer.compose(request, family, false).image();
        BufferedImage image = composition.image();
        Rectangle safe = composition.safeArea();
        List<DrawnText> texts = composition.texts();
        if (!"amazon/main_image".equals(placement.key()) && composition.headlineBounds() == null
                && Math.min(placement.canvas().width(), placement.canvas().height()) >= 600) {
            problems.add(where + ": no headline");
        }
        for (int i = 0; i < texts.size(); i++) {
            DrawnText text = texts.get(i);
            if (!safe.contains(text.bounds())) {
                problems.add(where + ": " + text.role() + " " + text.bounds() + " outside safe area " + safe);
            }
            for (int j = i + 1; j < texts.size(); j++) {
                if (text.bounds().intersects(texts.get(j).bounds())) {
                    problems.add(where + ": " + text.role() + " overlaps " + texts.get(j).role());
                }
            }
            double contrast = minContrastOver(text, "cta".equals(text.role()) ? image : backdrop);
            if (contrast < CreativePalette.AA_CONTRAST) {
                problems.add(where + ": " + text.role() + " contrast " + contrast);
            }
        }
        Rectangle changed = changedBounds(image, backdrop);
        if (changed != null && !safe.contains(changed)) {
            problems.add(where + ": text pixels " + changed + " outside safe area " + safe);
        }
        if (!photo && !"amazon/main_image".equals(placement.key())) {
            double share = paletteShare(image, CreativePalette.of(request.brandPalette()));
            if (share < 0.9) {
                problems.add(where + ": palette share " + share);
            }
        }
        if (DUMP != null) {
            File file = new File(DUMP, placement.key().replace('/', '_') + "-" + family.code
                    + "-" + request.brandPalette().size() + (photo ? "-photo" : "") + ".png");
            ImageIO.write(image, "png", file);
        }
    }

    /** The lowest contrast between the text's colour and any pixel under its box that is not the text itself. */
    private static double minContrastOver(DrawnText text, BufferedImage under) {
        double min = 21;
        Rectangle box = text.bounds();
        Set<Integer> seen = new HashSet<>();
        for (int y = box.y; y < box.y + box.height; y++) {
            for (int x = box.x; x < box.x + box.width; x++) {
                if (!seen.add(under.getRGB(x, y))) {
                    continue;
                }
                Color pixel = new Color(under.getRGB(x, y));
                if ("cta".equals(text.role()) && !pixel.equals(text.background())) {
                    continue;
                }
                min = Math.min(min, CreativePalette.contrast(text.colour(), pixel));
            }
        }
        return min;
    }

    static double paletteShare(BufferedImage image, CreativePalette palette) {
        List<Color> swatches = palette.swatches();
        Map<Integer, Boolean> nearByColour = new HashMap<>();
        long near = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                boolean isNear = nearByColour.computeIfAbsent(image.getRGB(x, y) & 0xFFFFFF, rgb -> swatches.stream()
                        .anyMatch(swatch -> distance(swatch, new Color(rgb)) <= PALETTE_DISTANCE));
                if (isNear) {
                    near++;
                }
            }
        }
        return near / (double) ((long) image.getWidth() * image.getHeight());
    }

    private static double distance(Color a, Color b) {
        int dr = a.getRed() - b.getRed();
        int dg = a.getGreen() - b.getGreen();
        int db = a.getBlue() - b.getBlue();
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }

    private static List<Placement> imagePlacements() {
        return ChannelCatalog.load().placements().stream()
                .filter(placement -> placement.assetType() == AssetType.IMAGE && placement.canvas() != null)
                .toList();
    }

    private static GenerationRequest request(Placement placement, List<String> palette, ProductPhoto photo) {
        return new GenerationRequest("job-1", "asset-" + placement.key(), AssetType.IMAGE, placement,
                "A launch visual for Acme Notes", Requests.HOOK, "Launch image: " + Requests.CONCEPT, PRODUCT, palette,
                List.of(), "offline", null, QualityTier.STANDARD, null, null, null, null, photo);
    }

    /** An orange square photo with a darker frame, 640×480. */
    static ProductPhoto photo() throws IOException {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x5A2A0A));
        g.fillRect(0, 0, 640, 480);
        g.setColor(new Color(0xE0601A));
        g.fillRect(80, 60, 480, 360);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return new ProductPhoto(out.toByteArray(), "image/png", "upload-1");
    }

    private static Rectangle changedBounds(BufferedImage a, BufferedImage b) {
        Rectangle bounds = null;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    if (bounds == null) {
                        bounds = new Rectangle(x, y, 1, 1);
                    } else {
                        bounds.add(new Rectangle(x, y, 1, 1));
                    }
                }
            }
        }
        return bounds;
    }
}
