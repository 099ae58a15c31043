package dev.pms.core.board;

import dev.pms.core.campaign.NodeStatus;

import java.time.Instant;

/** One move of a card on the approval board: who moved which asset when, from and to which status, and why. */
public record BoardMove(String assetId, String action, NodeStatus from, NodeStatus to, String by, Instant at,
                        String comment) {
}
