package dev.pms.core.support;

import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignRepository;
import dev.pms.core.campaign.CampaignStatus;
import dev.pms.core.common.Page;

import java.util.Optional;

/**
 * Lets another writer rename the campaign ("Renamed meanwhile", version + 1) just before each of the first
 * {@code races} updates, so that those updates meet a version conflict.
 */
public final class RacingCampaignRepository implements CampaignRepository {
    public static final String RACING_NAME = "Renamed meanwhile";

    private final InMemoryCampaignRepository delegate;
    private int racesLeft;

    public RacingCampaignRepository(InMemoryCampaignRepository delegate, int races) {
        this.delegate = delegate;
        this.racesLeft = races;
    }

    public int racesLeft() {
        return racesLeft;
    }

    @Override
    public void create(Campaign campaign) {
        delegate.create(campaign);
    }

    @Override
    public Optional<Campaign> find(String userId, String campaignId) {
        return delegate.find(userId, campaignId);
    }

    @Override
    public void update(Campaign campaign, long expectedVersion) {
        if (racesLeft > 0) {
            racesLeft--;
            Campaign stored = delegate.find(campaign.userId(), campaign.campaignId()).orElseThrow();
            Campaign.Brief renamed = new Campaign.Brief(RACING_NAME, stored.goal(), stored.kpi(), stored.channels());
            delegate.update(stored.withBrief(renamed).revised(stored.updatedAt()), stored.version());
        }
        delegate.update(campaign, expectedVersion);
    }

    @Override
    public boolean delete(String userId, String campaignId) {
        return delegate.delete(userId, campaignId);
    }

    @Override
    public Page<Campaign> list(String userId, CampaignStatus status, int limit, String nextToken) {
        return delegate.list(userId, status, limit, nextToken);
    }
}
