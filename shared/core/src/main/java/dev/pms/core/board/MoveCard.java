package dev.pms.core.board;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A card moved on the approval board at the card's {@code version} (0 for a card without a proposal).
 *
 * @param comment the reviewer's words: required for a push-back (the new proposal's guidance), optional otherwise
 */
public record MoveCard(Action action, long version, String comment) {

    public enum Action {
        APPROVE, PUSH_BACK, REJECT;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Action> parse(String code) {
            return Arrays.stream(values()).filter(a -> a.code().equals(code)).findFirst();
        }
    }

    public MoveCard {
        Objects.requireNonNull(action, "action");
        if (version < 0) {
            throw new IllegalArgumentException("a card version is at least 0");
        }
        if (comment != null && comment.isBlank()) {
            comment = null;
        }
        if (action == Action.PUSH_BACK && comment == null) {
            throw new IllegalArgumentException("a push-back has a comment");
        }
    }
}
