package dev.pms.core.pricing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum PlanTier {
    FREE, BASIC, PRO, ENTERPRISE;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PlanTier> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String normalized = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.code().equals(normalized)).findFirst();
    }

    @JsonCreator
    static PlanTier fromJson(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("unknown plan tier '" + value + "'"));
    }
}
