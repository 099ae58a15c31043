package dev.pms.aws.http.requests;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.aws.http.requests.InputChecker.FreeFormLimits;
import dev.pms.core.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The {@code product_context} object a campaign or a proposal request may carry: checked like any
 * free-form input (depth, sizes), the well-known facts as strings, unknown keys kept, decimals exact.
 */
final class ProductContextInput {
    static final int MAX_JSON_CHARS = 20_000;
    private static final FreeFormLimits LIMITS = new FreeFormLimits(6, 100, 5_000, 1_000);
    private static final List<String> KNOWN_FACTS = List.of("product_name", "product_description", "marketing_goal");

    private ProductContextInput() {
    }

    /** The checked context, or an empty map when it is absent or has problems (recorded on {@code check}). */
    static Map<String, Object> read(InputChecker check, JsonNode node) {
        if (!check.object(node, "product_context", false)) {
            return Map.of();
        }
        for (String known : KNOWN_FACTS) {
            check.string(node.get(known), "product_context." + known, LIMITS.maxStringChars(), false);
        }
        check.freeForm(node, "product_context", LIMITS);
        check.maxJsonLength(node, "product_context", MAX_JSON_CHARS);
        if (check.hasProblems()) {
            return Map.of();
        }
        try {
            return Json.mapper().readerFor(Map.class)
                    .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .readValue(node);
        } catch (IOException e) {
            throw new UncheckedIOException("product_context was checked as an object", e);
        }
    }
}
