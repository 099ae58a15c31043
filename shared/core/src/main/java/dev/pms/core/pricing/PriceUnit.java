package dev.pms.core.pricing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/** What one price-table entry charges for. */
public enum PriceUnit {
    IMAGE, IMAGE_EDIT, VIDEO_SECOND, REQUEST, THOUSAND_CHARACTERS, MILLION_INPUT_TOKENS, MILLION_OUTPUT_TOKENS;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    static PriceUnit fromJson(String value) {
        return Arrays.stream(values()).filter(u -> u.code().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown price unit '" + value + "'"));
    }
}
