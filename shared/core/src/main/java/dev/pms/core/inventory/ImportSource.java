package dev.pms.core.inventory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.pms.core.common.EnumCodes;

/** Where an import's items come from. */
public enum ImportSource {
    ZIP, SHOPIFY;

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }

    @JsonCreator
    static ImportSource fromJson(String value) {
        return EnumCodes.fromJson(ImportSource.class, value, "import source");
    }
}
