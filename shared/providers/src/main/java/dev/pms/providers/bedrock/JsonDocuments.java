package dev.pms.providers.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.document.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Jackson tree as the SDK's {@link Document}, the type a model input of {@code StartAsyncInvoke} is sent as. */
final class JsonDocuments {
    private JsonDocuments() {
    }

    static Document of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Document.fromNull();
        }
        if (node.isObject()) {
            Map<String, Document> members = new LinkedHashMap<>();
            node.fields().forEachRemaining(field -> members.put(field.getKey(), of(field.getValue())));
            return Document.fromMap(members);
        }
        if (node.isArray()) {
            List<Document> items = new ArrayList<>();
            node.forEach(item -> items.add(of(item)));
            return Document.fromList(items);
        }
        if (node.isBoolean()) {
            return Document.fromBoolean(node.booleanValue());
        }
        if (node.isIntegralNumber()) {
            return Document.fromNumber(SdkNumber.fromBigInteger(node.bigIntegerValue()));
        }
        if (node.isNumber()) {
            return Document.fromNumber(SdkNumber.fromBigDecimal(node.decimalValue()));
        }
        return Document.fromString(node.asText());
    }
}
