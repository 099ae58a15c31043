package dev.pms.functions.audit;

import dev.pms.aws.http.ApiPrefixes;
import dev.pms.aws.http.ApiPriming;
import dev.pms.aws.http.ApiResponse;
import dev.pms.aws.http.CampaignReadsPriming;
import dev.pms.aws.http.PrimingResource;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.media.CampaignAudit;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * SnapStart priming of the audit function: a stored campaign read and its audit rendered, then audits of a campaign
 * and of an upload the caller does not have.
 */
@Singleton
@Requires(property = PrimingResource.INITIALIZATION_TYPE, value = PrimingResource.SNAPSHOT_INITIALIZATION)
public class AuditPriming extends ApiPriming {
    private static final String PREFIX = ApiPrefixes.PRODUCT_MARKETING;

    private final CampaignReadsPriming campaignReads;

    public AuditPriming(CampaignReadsPriming campaignReads) {
        super("audits");
        this.campaignReads = campaignReads;
    }

    @Override
    protected void prime() {
        Campaign sample = campaignReads.prime();
        ApiResponse.ok(new CampaignAudit(sample.campaignId(), List.of(), sample.plan().assetNodes().stream()
                .map(node -> new CampaignAudit.MissingAsset(node.assetId(), node.assetType(), node.channel(),
                        node.placement()))
                .toList()));
        request("POST " + PREFIX + "/campaigns/{campaign_id}/audit", Map.of("campaign_id", PRIMING_USER), "{}");
        request("POST " + PREFIX + "/assets/{asset_id}/audit", Map.of("asset_id", PRIMING_USER),
                "{\"asset_metadata\": {\"target_channel\": \"instagram\", \"placement\": \"feed_portrait\"}}");
    }
}
