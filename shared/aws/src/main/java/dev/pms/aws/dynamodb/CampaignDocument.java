package dev.pms.aws.dynamodb;

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

/**
 * The stored JSON document of a {@link Campaign}: every part's fields side by side. The owner is not in it: it is the
 * item's partition.
 */
record CampaignDocument(
        String campaignId,
        String campaignName,
        Goal goal,
        String kpi,
        List<Channel> channels,
        List<Phase> phases,
        List<AssetNode> assetNodes,
        Map<String, Object> productContext,
        Integer abVariants,
        CampaignStatus status,
        LocalDate startDate,
        LocalDate launchDate,
        Instant createdAt,
        Instant updatedAt,
        long version,
        List<CampaignChange> changes) {

    static CampaignDocument of(Campaign campaign) {
        Campaign.Brief brief = campaign.brief();
        Campaign.Plan plan = campaign.plan();
        Campaign.Revision revision = campaign.revision();
        return new CampaignDocument(campaign.campaignId(), brief.campaignName(), brief.goal(), brief.kpi(),
                brief.channels(), plan.phases(), plan.assetNodes(), plan.productContext(), plan.abVariants(), campaign.status(),
                campaign.schedule().startDate(), campaign.schedule().launchDate(), revision.createdAt(),
                revision.updatedAt(), revision.version(), revision.changes());
    }

    Campaign toCampaign(String userId) {
        return new Campaign(campaignId, userId, new Campaign.Brief(campaignName, goal, kpi, channels),
                new Campaign.Plan(phases, assetNodes == null ? List.of() : assetNodes, productContext,
                        abVariants == null ? 1 : abVariants), status,
                new Campaign.Schedule(startDate, launchDate),
                new Campaign.Revision(createdAt, updatedAt, version, changes));
    }
}
