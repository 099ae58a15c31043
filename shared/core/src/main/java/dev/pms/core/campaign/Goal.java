package dev.pms.core.campaign;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum Goal {
    PRODUCT_LAUNCH, AWARENESS, CONVERSION, RETENTION;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Goal> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String normalized = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(g -> g.code().equals(normalized)).findFirst();
    }

    @JsonCreator
    static Goal fromJson(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("unknown goal '" + value + "'"));
    }
}
