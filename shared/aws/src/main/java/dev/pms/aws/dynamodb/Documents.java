package dev.pms.aws.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pms.core.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/** The JSON document each item keeps in {@value AppTable#DOCUMENT}, in the suite's one JSON dialect. */
final class Documents {
    private Documents() {
    }

    /** {@code value} as the document attribute. */
    static AttributeValue of(Object value) {
        return Attr.s(Json.write(value));
    }

    /** The item's document as a {@code type}; a document that no longer reads is named by the item's sort key. */
    static <T> T read(Map<String, AttributeValue> item, Class<T> type) {
        return read(item, AppTable.DOCUMENT, type);
    }

    /** A JSON attribute of the item other than the document, e.g. a small projection kept beside it. */
    static <T> T read(Map<String, AttributeValue> item, String attribute, Class<T> type) {
        try {
            return Json.mapper().readValue(item.get(attribute).s(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " " + item.get(AppTable.SK).s()
                    + " is unreadable", e);
        }
    }
}
