package dev.pms.core.campaign;

import dev.pms.core.common.Ids;
import dev.pms.core.common.Page;
import dev.pms.core.error.NotFoundException;

import java.util.Optional;

/** Storage port for campaigns; every call is scoped to one tenant (the token subject). */
public interface CampaignRepository {

    /** Stores a new campaign; fails if the id already exists for the user. */
    void create(Campaign campaign);

    Optional<Campaign> find(String userId, String campaignId);

    /**
     * The caller's campaign.
     *
     * @throws dev.pms.core.error.NotFoundException when the id cannot name a campaign or the caller has no such one
     */
    default Campaign require(String userId, String campaignId) {
        if (!Ids.plausible(campaignId)) {
            throw new NotFoundException("campaign not found");
        }
        return find(userId, campaignId)
                .orElseThrow(() -> new NotFoundException("campaign " + campaignId + " not found"));
    }

    /**
     * Replaces the stored campaign if its stored version still equals {@code expectedVersion};
     * the given campaign carries the new version.
     *
     * @throws dev.pms.core.error.VersionConflictException when the stored version differs
     * @throws dev.pms.core.error.NotFoundException when the campaign does not exist
     */
    void update(Campaign campaign, long expectedVersion);

    /**
     * Deletes the campaign and everything stored under it (its proposals and their versions).
     *
     * @return false if there was no such campaign
     */
    boolean delete(String userId, String campaignId);

    /** Newest first; {@code status} may be null for all; {@code limit} is 1..200. */
    Page<Campaign> list(String userId, CampaignStatus status, int limit, String nextToken);
}
