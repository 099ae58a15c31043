package dev.pms.core.generation;

import dev.pms.core.campaign.NodeStatus;
import dev.pms.core.campaign.NodeStatusService;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.VersionConflictException;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;

/**
 * Moves campaign nodes as their assets progress. Many workers finish assets of one campaign at once and each
 * rewrites the campaign item, so a lost race is retried after a short random pause instead of failing the job.
 */
final class NodeProgress {
    private static final int ROUNDS = 6;

    private final NodeStatusService nodes;

    NodeProgress(NodeStatusService nodes) {
        this.nodes = nodes;
    }

    /**
     * One attempt, for live progress while many workers finish assets of the same campaign: a lost race is left to
     * the run's finalize step, which settles every node from the asset records.
     */
    void tryMove(String userId, String campaignId, Map<String, NodeStatus> targets) {
        try {
            nodes.move(userId, campaignId, targets, NodeStatusService.Policy.SKIP_DISALLOWED, UnaryOperator.identity());
        } catch (NotFoundException | VersionConflictException e) {
            // finalize (or the next move) settles it
        }
    }

    /** Moves the nodes where their status allows it; a deleted campaign is ignored. */
    void move(String userId, String campaignId, Map<String, NodeStatus> targets) {
        if (targets.isEmpty()) {
            return;
        }
        for (int round = 1; ; round++) {
            try {
                nodes.move(userId, campaignId, targets, NodeStatusService.Policy.SKIP_DISALLOWED, UnaryOperator.identity());
                return;
            } catch (NotFoundException e) {
                return;
            } catch (VersionConflictException e) {
                if (round == ROUNDS) {
                    throw e;
                }
                long pauseMillis = ThreadLocalRandom.current().nextLong(5, 20L << round);
                LockSupport.parkNanos(Duration.ofMillis(pauseMillis).toNanos());
            }
        }
    }
}
