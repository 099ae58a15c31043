package dev.pms.core.board;

import java.util.List;

/** Storage port for the board's move log, scoped to one tenant; moves are only ever appended. */
public interface BoardMoveRepository {

    void record(String userId, String campaignId, BoardMove move);

    /** The campaign's most recent moves, newest first. */
    List<BoardMove> recent(String userId, String campaignId, int limit);
}
