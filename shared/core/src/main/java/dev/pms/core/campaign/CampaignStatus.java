package dev.pms.core.campaign;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.pms.core.common.EnumCodes;

import java.util.Optional;

public enum CampaignStatus {
    DRAFT, PROPOSED, GENERATING, READY, ACTIVE, COMPLETED, ARCHIVED;

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }

    public static Optional<CampaignStatus> parse(String value) {
        return EnumCodes.parse(CampaignStatus.class, value);
    }

    @JsonCreator
    static CampaignStatus fromJson(String value) {
        return EnumCodes.fromJson(CampaignStatus.class, value, "campaign status");
    }
}
