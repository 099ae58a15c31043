package dev.pms.core.studio;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The studio's template library ({@code studio-templates.json}), in the file's order. */
public final class StudioTemplates {
    public static final String PRODUCT_IMAGE = "product_image";
    public static final String PRODUCT_VIDEO = "product_video";
    public static final String PRODUCT_AVATAR = "product_avatar";
    public static final Set<String> CATEGORIES = Set.of(PRODUCT_IMAGE, PRODUCT_VIDEO, PRODUCT_AVATAR);
    private static final String RESOURCE = "/studio-templates.json";
    private static volatile StudioTemplates shared;

    private final List<StudioTemplate> templates;

    StudioTemplates(List<StudioTemplate> templates) {
        this.templates = List.copyOf(templates);
    }

    public static StudioTemplates load() {
        StudioTemplates library = shared;
        if (library == null) {
            synchronized (StudioTemplates.class) {
                if (shared == null) {
                    shared = read();
                }
                library = shared;
            }
        }
        return library;
    }

    private static StudioTemplates read() {
        try (InputStream in = StudioTemplates.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            List<StudioTemplate> templates = new ArrayList<>();
            for (JsonNode node : Json.mapper().readTree(in).get("templates")) {
                String category = node.get("category").asText();
                if (!CATEGORIES.contains(category)) {
                    throw new IllegalStateException(RESOURCE + ": template " + node.get("id") + " has category "
                            + category);
                }
                Map<String, Object> settings = Json.mapper().convertValue(node.get("settings"),
                        new TypeReference<LinkedHashMap<String, Object>>() { });
                List<String> goodFor = new ArrayList<>();
                node.get("good_for").forEach(value -> goodFor.add(value.asText()));
                templates.add(new StudioTemplate(node.get("id").asText(), node.get("name").asText(), category,
                        node.get("route").asText(), node.get("description").asText(), settings,
                        node.get("prompt_skeleton").asText(),
                        node.hasNonNull("script_skeleton") ? node.get("script_skeleton").asText() : null, goodFor));
            }
            return new StudioTemplates(templates);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public List<StudioTemplate> all() {
        return templates;
    }

    public List<StudioTemplate> inCategory(String category) {
        return templates.stream().filter(template -> template.category().equals(category)).toList();
    }

    public Optional<StudioTemplate> find(String id) {
        return templates.stream().filter(template -> template.id().equals(id)).findFirst();
    }

    /**
     * The configuration a template gives the studio route it is for: its settings, the product's facts, its prompt
     * skeleton filled as the direction ({@code additional_context}) and, for a template with a script, the script.
     */
    public static Map<String, Object> configuration(StudioTemplate template, String productName,
                                                    String productDescription) {
        Map<String, Object> configuration = new LinkedHashMap<>(template.settings());
        configuration.put("product_name", productName);
        if (productDescription != null) {
            configuration.put("product_description", productDescription);
        }
        configuration.put("additional_context", fill(template.promptSkeleton(), productName, productDescription));
        if (template.scriptSkeleton() != null) {
            configuration.put("script_text", fill(template.scriptSkeleton(), productName, productDescription));
        }
        configuration.put("route", template.route());
        return configuration;
    }

    static String fill(String skeleton, String productName, String productDescription) {
        String description = productDescription == null ? "" : productDescription.strip();
        if (!description.isEmpty() && !description.matches(".*[.!?]$")) {
            description = description + ".";
        }
        String filled = skeleton.replace("{product_name}", productName.strip());
        if (description.isEmpty()) {
            filled = filled.replaceAll(":\\s*\\{product_description}", "").replaceAll(",\\s*\\{product_description}", "")
                    .replace("{product_description}", "");
        } else {
            filled = filled.replace("{product_description}", description);
        }
        return filled.replaceAll("\\s{2,}", " ").replaceAll("\\.\\.", ".").strip();
    }

    /** How many templates each category holds, in a fixed order. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String category : List.of(PRODUCT_IMAGE, PRODUCT_VIDEO, PRODUCT_AVATAR)) {
            counts.put(category, inCategory(category).size());
        }
        return counts;
    }
}
