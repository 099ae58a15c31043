package dev.pms.core.personalization;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.pms.core.common.EnumCodes;

import java.util.Optional;

/** What a user did that reveals a preference; each is recorded where it happens, one small event per action. */
public enum SignalKind {
    /** A campaign blueprint was created: the channels and goal picked. */
    BLUEPRINT_CREATED,
    /** A campaign's channels were changed and its graph re-planned: the channels added and removed. */
    CHANNELS_REPLANNED,
    /** A proposal's prompt was rewritten by the user: phrases added and removed, the hashtag count asked for. */
    PROMPT_EDITED,
    /** A proposal was approved (on its own, with approve-all, or by clicking Generate). */
    PROPOSAL_APPROVED,
    /** A proposal was rejected, with the angle it had. */
    PROPOSAL_REJECTED,
    /** The user asked for another angle than the one proposed. */
    ALTERNATE_ANGLE,
    /** A reviewer pushed a card back on the approval board, with a comment. */
    BOARD_PUSH_BACK,
    /** Metrics were imported for a campaign: how each channel performed. */
    METRICS_IMPORTED,
    /** A product-studio form was submitted: its form type and the settings chosen. */
    STUDIO_SETTINGS_SUBMITTED;

    @JsonValue
    public String code() {
        return EnumCodes.code(this);
    }

    public static Optional<SignalKind> parse(String value) {
        return EnumCodes.parse(SignalKind.class, value);
    }

    @JsonCreator
    static SignalKind fromJson(String value) {
        return EnumCodes.fromJson(SignalKind.class, value, "signal kind");
    }
}
