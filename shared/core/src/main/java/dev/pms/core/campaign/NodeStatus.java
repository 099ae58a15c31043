package dev.pms.core.campaign;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.pms.core.common.EnumCodes;

/**
 * Lifecycle of one asset node; the SPA's progress bar counts {@code ready} and {@code approved}. {@code ready} is the
 * approval board's "in review" column.
 */
public enum NodeStatus {
    PLANNED, PROPOSED, APPROVED, REJECTED, GENERATING, READY, FAILED, APPROVED_FOR_PUBLISH, SCHEDULED, PUBLISHED;

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }

    @JsonCreator
    static NodeStatus fromJson(String value) {
        return EnumCodes.fromJson(NodeStatus.class, value, "node status");
    }
}
