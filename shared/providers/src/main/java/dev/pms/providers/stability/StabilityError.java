package dev.pms.providers.stability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.json.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The {@code {"id", "name", "errors": [...]}} body of a failed call; empty parts when the body has none. */
record StabilityError(String name, String message) {
    static final String CONTENT_MODERATION = "content_moderation";
    private static final int MAX_MESSAGE_CHARS = 300;

    static StabilityError parse(byte[] body) {
        try {
            JsonNode root = Json.mapper().readTree(body == null ? new byte[0] : body);
            if (root == null || !root.isObject()) {
                return new StabilityError("", "");
            }
            List<String> messages = new ArrayList<>();
            root.path("errors").forEach(error -> messages.add(error.asText()));
            if (messages.isEmpty() && root.path("message").isTextual()) {
                messages.add(root.path("message").asText());
            }
            return new StabilityError(root.path("name").asText(""), shortened(String.join("; ", messages)));
        } catch (IOException | RuntimeException e) {
            return new StabilityError("", "");
        }
    }

    boolean contentModeration() {
        return CONTENT_MODERATION.equals(name);
    }

    /** ": name: message" for appending to a reason, or nothing when the provider said nothing. */
    String describe() {
        if (name.isBlank() && message.isBlank()) {
            return "";
        }
        return ": " + (name.isBlank() ? message : message.isBlank() ? name : name + ": " + message);
    }

    private static String shortened(String message) {
        String oneLine = message.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_MESSAGE_CHARS ? oneLine : oneLine.substring(0, MAX_MESSAGE_CHARS) + "…";
    }
}
