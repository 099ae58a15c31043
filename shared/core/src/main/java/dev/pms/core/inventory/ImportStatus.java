package dev.pms.core.inventory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.pms.core.common.EnumCodes;

/**
 * An import's life: a ZIP import waits for its upload, then runs (the workflow); it ends {@code succeeded} (every
 * entry imported or skipped), {@code partial} (some entries failed: resume retries only those) or {@code failed}
 * (nothing could be read, with the reason).
 */
public enum ImportStatus {
    AWAITING_UPLOAD, RUNNING, SUCCEEDED, PARTIAL, FAILED;

    public boolean resumable() {
        return this == PARTIAL || this == FAILED;
    }

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }

    @JsonCreator
    static ImportStatus fromJson(String value) {
        return EnumCodes.fromJson(ImportStatus.class, value, "import status");
    }
}
