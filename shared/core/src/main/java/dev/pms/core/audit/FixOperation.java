package dev.pms.core.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.pms.core.common.EnumCodes;

/** What a recommendation asks for. Crop, downscale, compress and format conversion are local and free. */
public enum FixOperation {
    CROP, UPSCALE, DOWNSCALE, RELIGHT, RESTORE, BACKGROUND_TO_WHITE, CONVERT_FORMAT, COMPRESS, REGENERATE;

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }
}
