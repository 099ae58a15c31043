package dev.pms.core.board;

import java.util.List;

/** A campaign's approval board: every node as a card in its status column, and the latest moves. */
public record Board(String campaignId, List<BoardColumn> columns, List<BoardMove> moves) {
    public Board {
        columns = List.copyOf(columns);
        moves = List.copyOf(moves);
    }
}
