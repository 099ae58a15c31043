package dev.pms.core.campaign;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/** Lifecycle of one asset node; the SPA's progress bar counts {@code ready} and {@code approved}. */
public enum NodeStatus {
    PLANNED, PROPOSED, APPROVED, REJECTED, GENERATING, READY, FAILED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    static NodeStatus fromJson(String value) {
        return Arrays.stream(values()).filter(s -> s.code().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown node status '" + value + "'"));
    }
}
