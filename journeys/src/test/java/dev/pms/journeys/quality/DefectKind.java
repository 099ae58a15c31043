package dev.pms.journeys.quality;

import java.util.Locale;

/** The defects of issue 21 the quality gate counts, in the order its report lists them. */
enum DefectKind {
    INSTRUCTION_ECHO,
    REPEATED_SENTENCE,
    EMAIL_SUBJECT,
    OVER_LIMIT,
    IMAGE_TEXT_UNRECORDED,
    CONTRAST,
    SAFE_ZONE,
    OVERLAP,
    PALETTE_SHARE,
    AUDIO_CODEC,
    EXPORT_COPY,
    BRAND_SCORE_MISSING;

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
