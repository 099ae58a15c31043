package dev.pms.core.inventory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.pms.core.common.EnumCodes;

/** What an inventory item holds: an image, or the text of a text file (copy, a product description). */
public enum ItemKind {
    IMAGE, TEXT;

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }

    @JsonCreator
    static ItemKind fromJson(String value) {
        return EnumCodes.fromJson(ItemKind.class, value, "item kind");
    }
}
