package dev.pms.providers.offline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the offline providers read from a campaign's free-form product context. Known keys:
 * {@code product_name}, {@code product_description}, {@code features} (or {@code key_features}; a list or a
 * comma/semicolon separated string), {@code brand_name}, {@code cta}.
 */
record ProductFacts(String name, String description, List<String> features, String brandName, String callToAction) {

    static final String DEFAULT_NAME = "our new product";

    static ProductFacts from(Map<String, Object> context) {
        String name = text(context.get("product_name"));
        String brand = text(context.get("brand_name"));
        return new ProductFacts(
                name.isEmpty() ? DEFAULT_NAME : name,
                text(context.get("product_description")),
                features(context.containsKey("features") ? context.get("features") : context.get("key_features")),
                brand.isEmpty() ? (name.isEmpty() ? "" : name) : brand,
                text(context.get("cta")));
    }

    boolean hasName() {
        return !DEFAULT_NAME.equals(name);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().trim().replaceAll("\\s+", " ");
    }

    private static List<String> features(Object value) {
        List<String> result = new ArrayList<>();
        if (value instanceof Collection<?> items) {
            items.forEach(item -> addFeature(result, text(item)));
        } else if (value != null) {
            for (String part : text(value).split("[;,\\n]")) {
                addFeature(result, part.trim());
            }
        }
        return List.copyOf(result);
    }

    private static void addFeature(List<String> features, String feature) {
        if (!feature.isEmpty()) {
            features.add(feature);
        }
    }
}
