package dev.pms.core.generation;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A finished asset as a provider returns it: the bytes (or, for copy, the text) with what was measured
 * of them, and what the provider reports it cost (null: meter from the price table).
 */
public record GeneratedMedia(
        byte[] bytes,
        String mimeType,
        String textContent,
        Integer width,
        Integer height,
        Double durationSeconds,
        String provider,
        String model,
        BigDecimal reportedCostUsd,
        Map<String, Object> details) {

    public GeneratedMedia {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
