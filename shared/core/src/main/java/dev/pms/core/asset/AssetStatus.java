package dev.pms.core.asset;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.pms.core.common.EnumCodes;

/**
 * Lifecycle of one generation job and the asset it makes: {@code queued → generating → ready | failed}, or
 * {@code stopped} when the caller stopped the run first. Only {@code queued} and {@code generating} are open;
 * the others are final, which is what makes a redelivered job message harmless.
 */
public enum AssetStatus {
    QUEUED, GENERATING, READY, FAILED, STOPPED;

    public boolean isOpen() {
        return this == QUEUED || this == GENERATING;
    }

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }

    @JsonCreator
    static AssetStatus fromJson(String value) {
        return EnumCodes.fromJson(AssetStatus.class, value, "asset status");
    }
}
