package dev.pms.providers.offline;

import dev.pms.core.generation.GenerationRequest;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an image's asset record says about it: the texts drawn on it ({@code headline}, {@code subline}, {@code cta},
 * {@code wordmark}), its layout and an {@code alt_text} sentence for the networks and screen readers.
 */
final class CreativeDescription {

    private CreativeDescription() {
    }

    static Map<String, Object> details(GenerationRequest request, ImageComposition composition) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("engine", OfflineImageRenderer.MODEL);
        details.put("placement", request.placement() == null ? "none" : request.placement().key());
        details.put("layout", composition.layout());
        details.put("has_headline", composition.headlineBounds() != null);
        details.put("headline", textOf(composition, "headline"));
        details.put("subline", textOf(composition, "subline"));
        details.put("cta", textOf(composition, "cta"));
        details.put("wordmark", textOf(composition, "wordmark"));
        details.put("product_photo", request.productPhoto() == null ? "none"
                : composition.photoBounds() == null ? "unreadable" : "upload " + request.productPhoto().uploadId());
        details.put("alt_text", altText(request, composition));
        return details;
    }

    static String altText(GenerationRequest request, ImageComposition composition) {
        BufferedImage image = composition.image();
        String shape = image.getWidth() > image.getHeight() * 1.2 ? "Landscape"
                : image.getHeight() > image.getWidth() * 1.2 ? "Portrait" : "Square";
        ProductFacts facts = ProductFacts.from(request.productContext());
        String subject = facts.hasName() ? facts.name() : "the product";
        StringBuilder alt = new StringBuilder(shape).append(" ").append(layoutWords(composition.layout()))
                .append(" for ").append(subject);
        List<String> colours = colourNames(request);
        if (!colours.isEmpty()) {
            alt.append(" in ").append(join(colours));
        }
        if (composition.photoBounds() != null) {
            alt.append(", with a photo of the product");
        }
        List<String> parts = new ArrayList<>();
        addQuoted(parts, "the headline", textOf(composition, "headline"));
        addQuoted(parts, "the big figure", textOf(composition, "figure"));
        addQuoted(parts, "a badge reading", textOf(composition, "offer"));
        addQuoted(parts, "the line", textOf(composition, "subline"));
        composition.texts().stream().filter(text -> text.role().equals("point"))
                .forEach(point -> addQuoted(parts, "a checked point", point.text()));
        addQuoted(parts, "a button reading", textOf(composition, "cta"));
        addQuoted(parts, "the wordmark", textOf(composition, "wordmark"));
        if (!parts.isEmpty()) {
            alt.append(": ").append(join(parts));
        }
        return alt.append(".").toString();
    }

    private static String layoutWords(String layout) {
        return switch (layout) {
            case "hero" -> "hero image";
            case "split" -> "split-layout image";
            case "stat" -> "stat card";
            case "statement" -> "statement card";
            case "quote" -> "quote card";
            case "feature_list" -> "feature list";
            case "offer" -> "offer card";
            case "packshot" -> "product image";
            default -> "image";
        };
    }

    private static String textOf(ImageComposition composition, String role) {
        DrawnText text = composition.text(role);
        return text == null ? "" : text.text().replaceFirst("^\u2014 ", "");
    }

    private static void addQuoted(List<String> parts, String label, String text) {
        if (!text.isBlank()) {
            parts.add(label + " \u201C" + text + "\u201D");
        }
    }

    private static String join(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    /** Everyday names of the brand colours ("blue", "dark navy"), each once. */
    private static List<String> colourNames(GenerationRequest request) {
        Set<String> names = new LinkedHashSet<>();
        for (Color colour : CreativePalette.of(request.brandPalette()).brand()) {
            names.add(colourName(colour));
        }
        return List.copyOf(names);
    }

    static String colourName(Color colour) {
        float[] hsb = Color.RGBtoHSB(colour.getRed(), colour.getGreen(), colour.getBlue(), null);
        if (hsb[1] < 0.15) {
            return hsb[2] > 0.85 ? "white" : hsb[2] < 0.2 ? "black" : "grey";
        }
        String[] hues = {"red", "orange", "yellow", "green", "teal", "blue", "purple", "pink", "red"};
        double[] limits = {0.04, 0.11, 0.18, 0.45, 0.53, 0.72, 0.83, 0.96, 1.01};
        String hue = "red";
        for (int i = 0; i < limits.length; i++) {
            if (hsb[0] < limits[i]) {
                hue = hues[i];
                break;
            }
        }
        String shade = hsb[2] < 0.35 ? "dark " : hsb[2] > 0.9 && hsb[1] < 0.5 ? "light " : "";
        return (shade + hue).toLowerCase(Locale.ROOT);
    }
}
