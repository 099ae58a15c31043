package dev.pms.core.generation;

import dev.pms.core.campaign.NodeStatus;
import dev.pms.core.campaign.NodeStatusService;
import dev.pms.core.error.NotFoundException;

import java.util.Map;

/**
 * Moves campaign nodes as their assets progress, where their status allows it; lost races are retried by
 * {@link NodeStatusService}'s one retry policy.
 */
final class NodeProgress {
    private final NodeStatusService nodes;

    NodeProgress(NodeStatusService nodes) {
        this.nodes = nodes;
    }

    /**
     * One attempt, for live progress while many workers finish assets of the same campaign: a lost race is left to
     * the run's finalize step, which settles every node from the asset records.
     */
    void tryMove(String userId, String campaignId, Map<String, NodeStatus> targets) {
        nodes.tryMove(userId, campaignId, targets);
    }

    /** Moves the nodes where their status allows it; a deleted campaign is ignored. */
    void move(String userId, String campaignId, Map<String, NodeStatus> targets) {
        if (targets.isEmpty()) {
            return;
        }
        try {
            nodes.moveNodes(userId, campaignId, targets);
        } catch (NotFoundException e) {
            // nothing left to move
        }
    }
}
