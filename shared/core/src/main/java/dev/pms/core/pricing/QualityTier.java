package dev.pms.core.pricing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.pms.core.common.EnumCodes;

import java.util.Optional;

/** How much quality (and money) a generation buys: it picks provider and model per asset type. */
public enum QualityTier {
    DRAFT, STANDARD, PREMIUM;

    public static final QualityTier DEFAULT = STANDARD;

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }

    public static Optional<QualityTier> parse(String value) {
        return EnumCodes.parse(QualityTier.class, value);
    }

    @JsonCreator
    static QualityTier fromJson(String value) {
        return EnumCodes.fromJson(QualityTier.class, value, "quality tier");
    }
}
