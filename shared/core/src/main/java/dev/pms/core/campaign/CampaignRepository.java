package dev.pms.core.campaign;

import dev.pms.core.common.Ids;
import dev.pms.core.common.Page;
import dev.pms.core.error.NotFoundException;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /**
     * The campaign's nodes named by {@code assetIds} (ids it lacks are left out), with every other field as stored and
     * the count of all its nodes by status. A store that keeps nodes apart reads only these.
     */
    default Optional<CampaignNodes> findNodes(String userId, String campaignId, Set<String> assetIds) {
        return find(userId, campaignId).map(campaign -> CampaignNodes.of(campaign, assetIds));
    }

    /**
     * Stores {@code moved} (nodes of {@code part}, with new statuses) and the campaign's new status at the next version,
     * changed at {@code now}, if the stored version is still the part's.
     *
     * @throws dev.pms.core.error.VersionConflictException when the stored version differs
     * @throws dev.pms.core.error.NotFoundException when the campaign does not exist
     */
    default void updateNodes(CampaignNodes part, List<AssetNode> moved, CampaignStatus status, Instant now) {
        Campaign stored = require(part.campaign().userId(), part.campaign().campaignId());
        Map<String, AssetNode> byId = new HashMap<>();
        moved.forEach(node -> byId.put(node.assetId(), node));
        List<AssetNode> nodes = stored.assetNodes().stream().map(node -> byId.getOrDefault(node.assetId(), node)).toList();
        update(stored.withNodes(nodes).withStatus(status).revised(now), part.campaign().version());
    }

    /** Newest first; {@code status} may be null for all; {@code limit} is 1..200. */
    Page<Campaign> list(String userId, CampaignStatus status, int limit, String nextToken);
}
