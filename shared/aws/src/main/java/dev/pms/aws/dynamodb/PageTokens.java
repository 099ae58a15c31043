package dev.pms.aws.dynamodb;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.pms.core.error.ValidationException;
import dev.pms.core.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Opaque {@code next_token}s. The token carries only the sort-side key attributes; the partition is
 * always re-derived from the caller, so a token can never reach another tenant's items.
 */
final class PageTokens {
    private PageTokens() {
    }

    static String encode(Map<String, AttributeValue> lastKey) {
        Map<String, String> sortSide = new LinkedHashMap<>();
        lastKey.forEach((name, value) -> {
            if (!name.equals(AppTable.PK)) {
                sortSide.put(name, value.s());
            }
        });
        try {
            byte[] json = Json.mapper().writeValueAsBytes(sortSide);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
        } catch (Exception e) {
            throw new IllegalStateException("cannot encode page token", e);
        }
    }

    static Map<String, AttributeValue> decode(String token, String partitionValue, String expectedSortPrefix) {
        Map<String, String> sortSide;
        try {
            byte[] json = Base64.getUrlDecoder().decode(token);
            sortSide = Json.mapper().readValue(new String(json, StandardCharsets.UTF_8), new TypeReference<>() {
            });
        } catch (Exception e) {
            throw invalid();
        }
        if (sortSide == null || sortSide.isEmpty()
                || sortSide.values().stream().anyMatch(v -> v == null || !v.startsWith(expectedSortPrefix))) {
            throw invalid();
        }
        Map<String, AttributeValue> key = new HashMap<>();
        key.put(AppTable.PK, Attr.s(partitionValue));
        sortSide.forEach((name, value) -> key.put(name, Attr.s(value)));
        return key;
    }

    private static ValidationException invalid() {
        return ValidationException.of("next_token", "is not a token this API issued");
    }
}
