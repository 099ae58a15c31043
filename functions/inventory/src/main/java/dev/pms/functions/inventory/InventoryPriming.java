package dev.pms.functions.inventory;

import dev.pms.aws.http.ApiPrefixes;
import dev.pms.aws.http.ApiPriming;
import dev.pms.aws.http.CampaignReadsPriming;
import dev.pms.aws.http.PrimingResource;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Map;

/** SnapStart priming of the inventory routes: a stored campaign read, then a campaign's inventory and suggestions. */
@Singleton
@Requires(property = PrimingResource.INITIALIZATION_TYPE, value = PrimingResource.SNAPSHOT_INITIALIZATION)
public class InventoryPriming extends ApiPriming {
    private static final String CAMPAIGN = ApiPrefixes.PRODUCT_MARKETING + "/campaigns/{campaign_id}";

    private final CampaignReadsPriming campaignReads;

    public InventoryPriming(CampaignReadsPriming campaignReads) {
        super("inventory");
        this.campaignReads = campaignReads;
    }

    @Override
    protected void prime() {
        campaignReads.prime();
        get("GET " + CAMPAIGN + "/inventory", Map.of("campaign_id", PRIMING_USER));
        get("GET " + CAMPAIGN + "/suggestions", Map.of("campaign_id", PRIMING_USER));
    }
}
