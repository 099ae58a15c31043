package dev.pms.core.campaign;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum CampaignStatus {
    DRAFT, PROPOSED, GENERATING, READY, ACTIVE, COMPLETED, ARCHIVED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CampaignStatus> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String normalized = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.code().equals(normalized)).findFirst();
    }

    @JsonCreator
    static CampaignStatus fromJson(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("unknown campaign status '" + value + "'"));
    }
}
