package dev.pms.core.proposal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.pms.core.common.EnumCodes;

public enum ProposalStatus {
    PROPOSED, APPROVED, REJECTED;

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }

    @JsonCreator
    static ProposalStatus fromJson(String value) {
        return EnumCodes.fromJson(ProposalStatus.class, value, "proposal status");
    }
}
