package dev.pms.core.generation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.pms.core.common.EnumCodes;

/** Where a campaign's generation run is; {@code succeeded}, {@code completed_with_failures}, {@code failed}
 * and {@code stopped} are final. */
public enum RunStatus {
    STARTING, AWAITING_APPROVAL, GENERATING, SUCCEEDED, COMPLETED_WITH_FAILURES, FAILED, STOPPED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == COMPLETED_WITH_FAILURES || this == FAILED || this == STOPPED;
    }

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }

    @JsonCreator
    static RunStatus fromJson(String value) {
        return EnumCodes.fromJson(RunStatus.class, value, "run status");
    }
}
