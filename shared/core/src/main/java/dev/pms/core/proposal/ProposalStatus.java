package dev.pms.core.proposal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

public enum ProposalStatus {
    PROPOSED, APPROVED, REJECTED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    static ProposalStatus fromJson(String value) {
        return Arrays.stream(values()).filter(s -> s.code().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown proposal status '" + value + "'"));
    }
}
