package dev.pms.core.pricing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How much quality (and money) a generation buys: it picks provider and model per asset type. */
public enum QualityTier {
    DRAFT, STANDARD, PREMIUM;

    public static final QualityTier DEFAULT = STANDARD;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<QualityTier> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String normalized = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.code().equals(normalized)).findFirst();
    }

    @JsonCreator
    static QualityTier fromJson(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("unknown quality tier '" + value + "'"));
    }
}
