package dev.pms.core.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.pms.core.common.EnumCodes;

/**
 * What a recommendation asks for. Crop, downscale, compress and format conversion are local and free; recolour (toward
 * the brand palette) is planned by the inventory audit for off-palette images.
 */
public enum FixOperation {
    CROP, UPSCALE, DOWNSCALE, RELIGHT, RESTORE, BACKGROUND_TO_WHITE, RECOLOUR, CONVERT_FORMAT, COMPRESS, REGENERATE;

    /** Operations done locally at no cost. */
    public boolean local() {
        return this == CROP || this == DOWNSCALE || this == CONVERT_FORMAT || this == COMPRESS;
    }

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }
}
