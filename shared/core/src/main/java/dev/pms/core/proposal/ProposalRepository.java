package dev.pms.core.proposal;

import java.util.List;
import java.util.Optional;

/**
 * Storage port for versioned proposals, scoped to one tenant. Versions are never deleted or rewritten:
 * a change appends version n+1 and moves the current pointer in one atomic step.
 */
public interface ProposalRepository {

    /** The current version of every proposal of the campaign (one per asset node). */
    List<Proposal> currentFor(String userId, String campaignId);

    Optional<Proposal> current(String userId, String campaignId, String assetId);

    /** Every version of one proposal, oldest first. */
    List<Proposal> versions(String userId, String campaignId, String assetId);

    /**
     * Appends {@code proposal} as the new current version; its version must be exactly the stored
     * current version + 1 (1 when there is none).
     *
     * @throws dev.pms.core.error.VersionConflictException when another writer got there first
     */
    void append(String userId, Proposal proposal);

    /** {@link #append} for many proposals of one campaign; each is checked the same way. */
    void appendAll(String userId, List<Proposal> proposals);
}
