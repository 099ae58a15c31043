package dev.pms.core.prompt;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The named gaps of a prompt template, written {@code {code}} in {@code prompt-catalog.json}. */
public enum PromptSlot {
    PLATFORM, PLACEMENT, PHASE_PURPOSE, HOOK, CTA, FOCAL_SUBJECT, SHOT_TYPE, PLACEMENT_SIZE, SAFE_ZONE, TEXT_LIMITS,
    DURATION, TONE, VOICE, AUDIENCE, PALETTE, VOCABULARY, PRODUCT_FACTS, CONTRAST, RESEARCH, QUALITY, COPY_FRAMEWORK,
    FORBIDDEN_PHRASES,
    /** Phrases learned from the user's own edits; appended after the template's text when there are any. */
    USER_PHRASES;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PromptSlot> parse(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
