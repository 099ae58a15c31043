package dev.pms.core.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.pms.core.common.EnumCodes;

/** The verdict on one asset: use it as it is, fix it with the recommended edits, or make a new one. */
public enum AuditStatus {
    USABLE, ENHANCE, REPLACE;

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }
}
