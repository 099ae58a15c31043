package dev.pms.aws.http.requests;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.aws.http.ApiRequest;
import dev.pms.core.board.MoveCard;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Approval-board request bodies read into their commands, every problem of a body reported at once. */
public final class BoardCommands {
    static final int MAX_COMMENT_CHARS = 2_000;
    private static final Set<String> MOVE_FIELDS = Set.of("action", "comment", "version");
    private static final List<String> ACTIONS = Arrays.stream(MoveCard.Action.values()).map(MoveCard.Action::code)
            .toList();

    private BoardCommands() {
    }

    /** {@code {action: approve|push_back|reject, comment?, version}}; push_back needs a comment. */
    public static MoveCard move(ApiRequest request) {
        return move(request.jsonObjectBody());
    }

    static MoveCard move(JsonNode body) {
        InputChecker check = new InputChecker();
        if (!check.object(body, "body", true)) {
            check.throwIfProblems("board move");
        }
        check.rejectUnknownKeys(body, "", MOVE_FIELDS);
        String action = check.oneOf(body.get("action"), "action", ACTIONS, true);
        Long version = check.integer(body.get("version"), "version", 0, Long.MAX_VALUE, true);
        boolean pushBack = MoveCard.Action.PUSH_BACK.code().equals(action);
        String comment = check.string(body.get("comment"), "comment", MAX_COMMENT_CHARS, pushBack);
        if (comment != null && comment.isBlank()) {
            if (pushBack) {
                check.add("comment", "must not be blank: it becomes the guidance of the new proposal version");
            }
            comment = null;
        }
        check.throwIfProblems("board move");
        return new MoveCard(MoveCard.Action.parse(action).orElseThrow(), version, comment);
    }
}
