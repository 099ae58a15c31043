package dev.pms.core.distribution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The text a scheduler publishes from a generated copy asset. Copy is stored as a JSON object of the placement's
 * fields: a social post publishes its body ({@code caption}, {@code text} or {@code primary_text}) and not the ad
 * variants beside it; copy without such a body (a pin's title and description, an email's subject, preheader and
 * body) publishes all its fields in order, one paragraph each, lists as bullet lines. Text that is not a JSON object
 * is published as it is.
 */
final class PostCopy {
    private static final List<String> POST_BODIES = List.of("caption", "text", "primary_text");
    private static final Set<String> AD_ONLY = Set.of("ad_text", "ad_intro_text");

    private PostCopy() {
    }

    static String messageOf(String textContent) {
        JsonNode copy = parse(textContent);
        if (copy == null) {
            return textContent.strip();
        }
        for (String body : POST_BODIES) {
            if (copy.path(body).isTextual() && !copy.get(body).asText().isBlank()) {
                return copy.get(body).asText().strip();
            }
        }
        List<String> paragraphs = new ArrayList<>();
        copy.fields().forEachRemaining(field -> {
            if (AD_ONLY.contains(field.getKey())) {
                return;
            }
            if (field.getValue().isTextual() && !field.getValue().asText().isBlank()) {
                paragraphs.add(field.getValue().asText().strip());
            } else if (field.getValue().isArray()) {
                List<String> bullets = new ArrayList<>();
                field.getValue().forEach(item -> {
                    if (item.isTextual() && !item.asText().isBlank()) {
                        bullets.add("• " + item.asText().strip());
                    }
                });
                if (!bullets.isEmpty()) {
                    paragraphs.add(String.join("\n", bullets));
                }
            }
        });
        return String.join("\n\n", paragraphs);
    }

    private static JsonNode parse(String textContent) {
        String trimmed = textContent.strip();
        if (!trimmed.startsWith("{")) {
            return null;
        }
        try {
            JsonNode node = Json.mapper().readTree(trimmed);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }
}
