package dev.pms.core.pricing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.pms.core.common.EnumCodes;

/** What one price-table entry charges for. */
public enum PriceUnit {
    IMAGE, IMAGE_EDIT, VIDEO_SECOND, REQUEST, THOUSAND_CHARACTERS, MILLION_INPUT_TOKENS, MILLION_OUTPUT_TOKENS;

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }

    @JsonCreator
    static PriceUnit fromJson(String value) {
        return EnumCodes.fromJson(PriceUnit.class, value, "price unit");
    }
}
