package dev.pms.core.prompt;

import java.util.Map;

/**
 * A filled prompt template. {@code provenance} maps each slot code to the input that filled it, e.g.
 * {@code "tone" → "brand_dna.writing_style.tone (profile) + channel_catalog.instagram.tone_shift"}.
 */
public record BuiltPrompt(
        String prompt,
        String hook,
        String angle,
        int angleIndex,
        String conceptSummary,
        String templateId,
        Map<String, String> provenance) {

    public BuiltPrompt {
        provenance = Map.copyOf(provenance);
    }
}
