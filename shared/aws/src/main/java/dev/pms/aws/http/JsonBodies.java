package dev.pms.aws.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.error.ValidationException;
import dev.pms.core.json.Json;
import dev.pms.core.text.TextProblems;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The one parser of JSON request bodies: one JSON object and nothing after it, every string and field name
 * well-formed Unicode without control characters, so nothing ill-formed reaches a service or a table.
 */
final class JsonBodies {
    private JsonBodies() {
    }

    static JsonNode object(String body) {
        if (body == null || body.isBlank()) {
            throw ValidationException.of("body", "a JSON object is required");
        }
        JsonNode node;
        try (JsonParser parser = Json.mapper().createParser(body)) {
            node = Json.mapper().readTree(parser);
            if (hasMoreContent(parser)) {
                throw ValidationException.of("body", "must be one JSON value with nothing after it");
            }
        } catch (IOException | RuntimeException malformed) {
            if (malformed instanceof ValidationException refused) {
                throw refused;
            }
            throw ValidationException.of("body", "is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw ValidationException.of("body", "must be a JSON object");
        }
        refuseIllFormedText(node, "");
        return node;
    }

    private static boolean hasMoreContent(JsonParser parser) {
        try {
            return parser.nextToken() != null;
        } catch (IOException notJson) {
            return true;
        }
    }

    private static void refuseIllFormedText(JsonNode node, String path) {
        if (node.isTextual()) {
            refuse(path, TextProblems.of(node.textValue()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refuseIllFormedText(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                refuse(fieldPath.isEmpty() ? "body" : fieldPath, TextProblems.of(field.getKey())
                        .map(problem -> "has a field name that " + problem));
                refuseIllFormedText(field.getValue(), fieldPath);
            }
        }
    }

    private static void refuse(String path, Optional<String> problem) {
        if (problem.isPresent()) {
            throw ValidationException.of(TextProblems.of(path).isPresent() ? "body" : path, problem.get());
        }
    }
}
