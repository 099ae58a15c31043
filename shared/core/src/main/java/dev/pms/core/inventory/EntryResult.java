package dev.pms.core.inventory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.pms.core.common.EnumCodes;

/** What an import did with one entry: a new item, an item seen before (updated, never duplicated), an entry left out (not an image or text file), or a failure with its reason. */
public enum EntryResult {
    CREATED, UPDATED, SKIPPED, FAILED;

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }

    @JsonCreator
    static EntryResult fromJson(String value) {
        return EnumCodes.fromJson(EntryResult.class, value, "entry result");
    }
}
