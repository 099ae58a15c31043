package dev.pms.core.board;

import dev.pms.core.campaign.NodeStatus;

import java.util.List;

public record BoardColumn(NodeStatus status, String title, List<BoardCard> cards) {
    public BoardColumn {
        cards = List.copyOf(cards);
    }
}
