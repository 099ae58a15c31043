package dev.pms.core.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.pms.core.common.EnumCodes;

public enum Priority {
    HIGH, MEDIUM, LOW;

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }
}
