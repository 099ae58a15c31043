package dev.pms.core.campaign;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.pms.core.common.EnumCodes;

import java.util.Optional;

public enum Goal {
    PRODUCT_LAUNCH, AWARENESS, CONVERSION, RETENTION;

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }

    public static Optional<Goal> parse(String value) {
        return EnumCodes.parse(Goal.class, value);
    }

    @JsonCreator
    static Goal fromJson(String value) {
        return EnumCodes.fromJson(Goal.class, value, "goal");
    }
}
