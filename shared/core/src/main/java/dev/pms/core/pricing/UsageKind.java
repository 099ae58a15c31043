package dev.pms.core.pricing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.pms.core.common.EnumCodes;
import dev.pms.core.channel.AssetType;

/** The kinds of generation a plan limits per billing month; avatars count as videos. */
public enum UsageKind {
    TEXT, IMAGE, IMAGE_EDIT, VIDEO, AUDIO;

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
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
        return EnumCodes.fromJson(UsageKind.class, value, "usage kind");
    }
}
