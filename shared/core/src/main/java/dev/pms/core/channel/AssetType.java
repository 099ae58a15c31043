package dev.pms.core.channel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum AssetType {
    IMAGE, TEXT, VIDEO, AUDIO, AVATAR;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AssetType> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String normalized = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.code().equals(normalized)).findFirst();
    }

    @JsonCreator
    static AssetType fromJson(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("unknown asset type '" + value + "'"));
    }
}
