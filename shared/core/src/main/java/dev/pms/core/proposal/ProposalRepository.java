package dev.pms.core.proposal;

import dev.pms.core.common.Page;

import java.util.List;
import java.util.Optional;

/**
 * Storage port for versioned proposals, scoped to one tenant. Versions are never rewritten: a change appends version
 * n+1 and moves the current pointer in one atomic step. Only the latest {@link #VERSIONS_KEPT} versions of a proposal
 * are kept (the same step drops the one that falls out), so a proposal's history, and the cost of changing it, stay
 * bounded however often it is regenerated.
 */
public interface ProposalRepository {
    int VERSIONS_KEPT = 100;

    /** The current version of every proposal of the campaign (one per asset node). */
    List<Proposal> currentFor(String userId, String campaignId);

    Optional<Proposal> current(String userId, String campaignId, String assetId);

    /**
     * One page of the kept versions of one proposal, oldest first; {@code nextToken} continues the listing for the
     * same user and proposal only.
     *
     * @throws dev.pms.core.error.ValidationException when {@code nextToken} is not one this listing issued
     */
    Page<Proposal> versions(String userId, String campaignId, String assetId, int limit, String nextToken);

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
