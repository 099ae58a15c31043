package dev.pms.core.channel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.pms.core.common.EnumCodes;

import java.util.Optional;

public enum AssetType {
    IMAGE, TEXT, VIDEO, AUDIO, AVATAR;

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }

    public static Optional<AssetType> parse(String value) {
        return EnumCodes.parse(AssetType.class, value);
    }

    @JsonCreator
    static AssetType fromJson(String value) {
        return EnumCodes.fromJson(AssetType.class, value, "asset type");
    }
}
