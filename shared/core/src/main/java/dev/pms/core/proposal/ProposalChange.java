package dev.pms.core.proposal;

import dev.pms.core.pricing.QualityTier;
import dev.pms.core.prompt.PromptSlot;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One change of a node's current proposal at {@code version}.
 *
 * @param proposedPrompt the user's prompt (edit only); null when not sent
 * @param overrides      slot settings sent (edit only), in slot order; a blank value clears the override
 * @param tier           the new quality tier (edit only); null when not sent
 * @param reason         why (reject only)
 * @param model          {@code "provider/model"} chosen on the proposal, {@code ""} to go back to the automatic
 *                       choice, null when not sent
 */
public record ProposalChange(Action action, long version, String proposedPrompt, Map<PromptSlot, String> overrides,
                             QualityTier tier, String reason, String model) {
    /** The longest prompt a user may write. */
    public static final int MAX_PROMPT_CHARS = 20_000;
    /** The setting that names the provider/model chosen on a proposal. */
    public static final String MODEL_SETTING = "model";

    public enum Action {
        EDIT, APPROVE, REJECT, ALTERNATE_ANGLE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Action> parse(String code) {
            return Arrays.stream(values()).filter(a -> a.code().equals(code)).findFirst();
        }
    }

    public ProposalChange {
        Objects.requireNonNull(action, "action");
        if (version < 1) {
            throw new IllegalArgumentException("a proposal version is at least 1");
        }
        overrides = overrides == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
        if (action == Action.REJECT && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a rejection has a reason");
        }
        if (proposedPrompt != null && (proposedPrompt.isBlank() || proposedPrompt.length() > MAX_PROMPT_CHARS)) {
            throw new IllegalArgumentException("a prompt is not blank and at most " + MAX_PROMPT_CHARS + " characters");
        }
    }
}
