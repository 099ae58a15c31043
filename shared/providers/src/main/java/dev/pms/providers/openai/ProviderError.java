package dev.pms.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.json.Json;

import java.io.IOException;
import java.util.Set;

/** The {@code {"error": {"message", "type", "code"}}} body of a failed call; empty parts when the body has none. */
record ProviderError(String message, String type, String code) {
    private static final Set<String> CONTENT_POLICY_CODES = Set.of("content_policy_violation", "content_filter");
    private static final int MAX_MESSAGE_CHARS = 300;

    static ProviderError parse(String body) {
        try {
            JsonNode error = Json.mapper().readTree(body == null ? "" : body).path("error");
            if (error.isTextual()) {
                return new ProviderError(shortened(error.asText()), "", "");
            }
            return new ProviderError(shortened(error.path("message").asText("")), error.path("type").asText(""),
                    error.path("code").asText(""));
        } catch (IOException | RuntimeException e) {
            return new ProviderError("", "", "");
        }
    }

    boolean contentPolicy() {
        return CONTENT_POLICY_CODES.contains(code) || CONTENT_POLICY_CODES.contains(type);
    }

    /** ": message" for appending to a reason, or nothing when the provider gave no message. */
    String describe() {
        return message.isBlank() ? "" : ": " + message;
    }

    private static String shortened(String message) {
        String oneLine = message.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_MESSAGE_CHARS ? oneLine : oneLine.substring(0, MAX_MESSAGE_CHARS) + "…";
    }
}
