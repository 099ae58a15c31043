package dev.pms.core.support;

import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignRepository;
import dev.pms.core.campaign.CampaignStatus;
import dev.pms.core.common.Page;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.VersionConflictException;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A tenant-scoped campaign store in memory; the page token is the offset of the next item. */
public final class InMemoryCampaignRepository implements CampaignRepository {
    /** The arguments of a {@link #list} call. */
    public record ListCall(String userId, CampaignStatus status, int limit, String nextToken) {
    }

    private final Map<String, Campaign> byKey = new LinkedHashMap<>();
    private ListCall lastList;

    @Override
    public void create(Campaign campaign) {
        if (byKey.putIfAbsent(key(campaign.userId(), campaign.campaignId()), campaign) != null) {
            throw new IllegalStateException("duplicate campaign id " + campaign.campaignId());
        }
    }

    @Override
    public Optional<Campaign> find(String userId, String campaignId) {
        return Optional.ofNullable(byKey.get(key(userId, campaignId)));
    }

    @Override
    public void update(Campaign campaign, long expectedVersion) {
        String key = key(campaign.userId(), campaign.campaignId());
        Campaign stored = byKey.get(key);
        if (stored == null) {
            throw new NotFoundException("campaign not found");
        }
        if (stored.version() != expectedVersion) {
            throw new VersionConflictException("stored version " + stored.version());
        }
        byKey.put(key, campaign);
    }

    @Override
    public boolean delete(String userId, String campaignId) {
        return byKey.remove(key(userId, campaignId)) != null;
    }

    @Override
    public Page<Campaign> list(String userId, CampaignStatus status, int limit, String nextToken) {
        lastList = new ListCall(userId, status, limit, nextToken);
        List<Campaign> mine = byKey.values().stream()
                .filter(c -> c.userId().equals(userId))
                .filter(c -> status == null || c.status() == status)
                .sorted(Comparator.comparing(Campaign::createdAt).reversed().thenComparing(Campaign::campaignId))
                .toList();
        int from = Math.min(mine.size(), nextToken == null ? 0 : Integer.parseInt(nextToken));
        int to = Math.min(mine.size(), from + limit);
        return new Page<>(mine.subList(from, to), to < mine.size() ? Integer.toString(to) : null);
    }

    public ListCall lastList() {
        return lastList;
    }

    public int size() {
        return byKey.size();
    }

    private static String key(String userId, String campaignId) {
        return userId + "\u0000" + campaignId;
    }
}
