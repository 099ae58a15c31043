package dev.pms.providers.wavespeed;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code data} of a submit or result answer: {@code {id, status, outputs[], error, has_nsfw_contents[]}}.
 * Status is {@code created}, {@code processing}, {@code completed} or {@code failed}.
 */
record Prediction(String id, String status, List<String> outputs, ApiError error, boolean nsfwFlagged) {

    static Prediction parse(JsonNode root) throws WaveSpeedException {
        JsonNode data = root == null ? null : root.get("data");
        if (data == null || !data.isObject()) {
            throw malformed("it has no data object");
        }
        String id = text(data, "id");
        String status = text(data, "status");
        if (id == null || id.isBlank()) {
            throw malformed("data.id is missing");
        }
        if (status == null || status.isBlank()) {
            throw malformed("data.status is missing");
        }
        List<String> outputs = new ArrayList<>();
        JsonNode listed = data.get("outputs");
        if (listed != null && listed.isArray()) {
            for (JsonNode output : listed) {
                if (output.isTextual() && !output.asText().isBlank()) {
                    outputs.add(output.asText());
                }
            }
        }
        boolean nsfw = false;
        JsonNode flags = data.get("has_nsfw_contents");
        if (flags != null && flags.isArray()) {
            for (JsonNode flag : flags) {
                nsfw |= flag.asBoolean(false) || "true".equalsIgnoreCase(flag.asText());
            }
        }
        return new Prediction(id, status, List.copyOf(outputs), ApiError.fromJson(root), nsfw);
    }

    boolean pending() {
        return "created".equals(status) || "processing".equals(status);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static WaveSpeedException malformed(String what) {
        return new WaveSpeedException(WaveSpeedProvider.MALFORMED + ": " + what, false);
    }
}
