package dev.pms.functions.proposals;

import dev.pms.aws.http.ApiPrefixes;
import dev.pms.aws.http.ApiPriming;
import dev.pms.aws.http.CampaignReadsPriming;
import dev.pms.aws.http.PrimingResource;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * SnapStart priming of the proposals function: a stored campaign read, then a campaign's proposals and the caller's
 * usage.
 */
@Singleton
@Requires(property = PrimingResource.INITIALIZATION_TYPE, value = PrimingResource.SNAPSHOT_INITIALIZATION)
public class ProposalsPriming extends ApiPriming {
    private static final String PREFIX = ApiPrefixes.PRODUCT_MARKETING;

    private final CampaignReadsPriming campaignReads;

    public ProposalsPriming(CampaignReadsPriming campaignReads) {
        super("proposals");
        this.campaignReads = campaignReads;
    }

    @Override
    protected void prime() {
        campaignReads.prime();
        get("GET " + PREFIX + "/campaigns/{campaign_id}/proposals", Map.of("campaign_id", PRIMING_USER));
        get("GET " + PREFIX + "/usage", Map.of());
    }
}
