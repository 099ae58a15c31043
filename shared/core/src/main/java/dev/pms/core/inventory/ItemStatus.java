package dev.pms.core.inventory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.pms.core.common.EnumCodes;

/** The audit's flag on an item: {@code usable} as it is (free crops aside), or {@code needs_attention} with reasons. */
public enum ItemStatus {
    USABLE, NEEDS_ATTENTION;

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }

    @JsonCreator
    static ItemStatus fromJson(String value) {
        return EnumCodes.fromJson(ItemStatus.class, value, "item status");
    }
}
