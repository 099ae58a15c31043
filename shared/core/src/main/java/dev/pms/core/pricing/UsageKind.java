package dev.pms.core.pricing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.pms.core.channel.AssetType;

import java.util.Arrays;
import java.util.Locale;

/** The kinds of generation a plan limits per billing month; avatars count as videos. */
public enum UsageKind {
    TEXT, IMAGE, IMAGE_EDIT, VIDEO, AUDIO;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static UsageKind of(AssetType type) {
        return switch (type) {
            case TEXT -> TEXT;
            case IMAGE -> IMAGE;
            case VIDEO, AVATAR -> VIDEO;
            case AUDIO -> AUDIO;
        };
    }

    @JsonCreator
    static UsageKind fromJson(String value) {
        return Arrays.stream(values()).filter(k -> k.code().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown usage kind '" + value + "'"));
    }
}
