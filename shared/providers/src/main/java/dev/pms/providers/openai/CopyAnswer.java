package dev.pms.providers.openai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.pms.core.json.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The copy a model wrote, read from the message content: each top-level key with its value or values as text.
 * An answer cut off at the token limit keeps every field that was complete before the cut.
 */
final class CopyAnswer {

    private CopyAnswer() {
    }

    static Map<String, List<String>> read(String content, boolean keepCompleteFieldsOfCutAnswer) throws MalformedAnswerException {
        if (content == null || content.isBlank()) {
            throw new MalformedAnswerException("the message has no content");
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        try (JsonParser parser = Json.mapper().createParser(withoutCodeFence(content))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedAnswerException("the content is not a JSON object");
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                List<String> fieldValues = readValue(parser, name);
                if (!fieldValues.isEmpty()) {
                    values.put(name, fieldValues);
                }
            }
        } catch (IOException e) {
            if (!keepCompleteFieldsOfCutAnswer) {
                throw new MalformedAnswerException("the content is not valid JSON");
            }
        }
        return values;
    }

    /** The values for each of {@code fieldNames} that the answer holds, under a key of that name in any letter case. */
    static Map<String, List<String>> forFields(Map<String, List<String>> written, List<String> fieldNames) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String name : fieldNames) {
            List<String> exact = written.get(name);
            if (exact != null) {
                values.put(name, exact);
                continue;
            }
            written.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name)).findFirst()
                    .ifPresent(entry -> values.put(name, entry.getValue()));
        }
        return values;
    }

    private static List<String> readValue(JsonParser parser, String name) throws IOException, MalformedAnswerException {
        JsonToken token = parser.nextToken();
        if (token == JsonToken.START_ARRAY) {
            List<String> items = new ArrayList<>();
            for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
                if (item == null) {
                    throw new IOException("the array of '" + name + "' is not closed");
                }
                if (!item.isScalarValue()) {
                    throw new MalformedAnswerException("the field '" + name + "' holds nested objects or arrays");
                }
                if (item != JsonToken.VALUE_NULL) {
                    items.add(parser.getText());
                }
            }
            return items;
        }
        if (token == null) {
            throw new IOException("the content ends after the key '" + name + "'");
        }
        if (token == JsonToken.START_OBJECT) {
            throw new MalformedAnswerException("the field '" + name + "' holds an object, not text");
        }
        return token == JsonToken.VALUE_NULL ? List.of() : List.of(parser.getText());
    }

    /** Some compatible servers wrap JSON-mode answers in a Markdown code fence. */
    private static String withoutCodeFence(String content) {
        String text = content.strip();
        if (!text.startsWith("```")) {
            return text;
        }
        int firstLineEnd = text.indexOf('\n');
        String inner = firstLineEnd < 0 ? "" : text.substring(firstLineEnd + 1);
        return inner.endsWith("```") ? inner.substring(0, inner.length() - 3) : inner;
    }
}
