package dev.pms.core.pricing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.pms.core.common.EnumCodes;

import java.util.Optional;

public enum PlanTier {
    FREE, BASIC, PRO, ENTERPRISE;

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }

    public static Optional<PlanTier> parse(String value) {
        return EnumCodes.parse(PlanTier.class, value);
    }

    @JsonCreator
    static PlanTier fromJson(String value) {
        return EnumCodes.fromJson(PlanTier.class, value, "plan tier");
    }
}
