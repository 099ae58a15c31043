package dev.pms.core.support;

import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignChange;
import dev.pms.core.campaign.CampaignStatus;
import dev.pms.core.campaign.Goal;
import dev.pms.core.campaign.Phase;
import dev.pms.core.channel.Channel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Test campaigns: a draft at version 1 with no graph unless told otherwise. */
public final class CampaignBuilder {
    private final String campaignId;
    private final String userId;
    private String name = "Launch";
    private Goal goal;
    private String kpi;
    private List<Channel> channels = List.of();
    private List<Phase> phases = List.of();
    private List<AssetNode> nodes = List.of();
    private Map<String, Object> productContext = Map.of();
    private CampaignStatus status = CampaignStatus.DRAFT;
    private LocalDate startDate;
    private LocalDate launchDate;
    private Instant createdAt = Fixtures.NOW;
    private Instant updatedAt = Fixtures.NOW;
    private long version = 1;
    private List<CampaignChange> changes = List.of();

    private CampaignBuilder(String campaignId, String userId) {
        this.campaignId = campaignId;
        this.userId = userId;
    }

    public static CampaignBuilder campaign(String campaignId, String userId) {
        return new CampaignBuilder(campaignId, userId);
    }

    public CampaignBuilder named(String campaignName) {
        this.name = campaignName;
        return this;
    }

    public CampaignBuilder goal(Goal campaignGoal) {
        this.goal = campaignGoal;
        return this;
    }

    public CampaignBuilder kpi(String campaignKpi) {
        this.kpi = campaignKpi;
        return this;
    }

    public CampaignBuilder channels(Channel... campaignChannels) {
        this.channels = List.of(campaignChannels);
        return this;
    }

    public CampaignBuilder phases(List<Phase> campaignPhases) {
        this.phases = campaignPhases;
        return this;
    }

    public CampaignBuilder nodes(List<AssetNode> assetNodes) {
        this.nodes = assetNodes;
        return this;
    }

    public CampaignBuilder productContext(Map<String, Object> context) {
        this.productContext = context;
        return this;
    }

    public CampaignBuilder status(CampaignStatus campaignStatus) {
        this.status = campaignStatus;
        return this;
    }

    public CampaignBuilder dates(LocalDate start, LocalDate launch) {
        this.startDate = start;
        this.launchDate = launch;
        return this;
    }

    public CampaignBuilder at(Instant created) {
        this.createdAt = created;
        this.updatedAt = created;
        return this;
    }

    public CampaignBuilder version(long campaignVersion) {
        this.version = campaignVersion;
        return this;
    }

    public CampaignBuilder changes(List<CampaignChange> campaignChanges) {
        this.changes = campaignChanges;
        return this;
    }

    public Campaign build() {
        return new Campaign(campaignId, userId, new Campaign.Brief(name, goal, kpi, channels),
                new Campaign.Plan(phases, nodes, productContext), status, new Campaign.Schedule(startDate, launchDate),
                new Campaign.Revision(createdAt, updatedAt, version, changes));
    }
}
