package dev.pms.functions.optimization;

import dev.pms.aws.http.ApiPriming;
import dev.pms.aws.http.ApiPrefixes;
import dev.pms.aws.http.PrimingResource;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Map;

/** SnapStart priming of campaign operations: the approval board and performance of a campaign the caller lacks. */
@Singleton
@Requires(property = PrimingResource.INITIALIZATION_TYPE, value = PrimingResource.SNAPSHOT_INITIALIZATION)
public class CampaignOpsPriming extends ApiPriming {
    private static final String CAMPAIGN = ApiPrefixes.PRODUCT_MARKETING + "/campaigns/{campaign_id}";

    public CampaignOpsPriming() {
        super("campaign operations");
    }

    @Override
    protected void prime() {
        get("GET " + CAMPAIGN + "/board", Map.of("campaign_id", PRIMING_USER));
        get("GET " + CAMPAIGN + "/performance", Map.of("campaign_id", PRIMING_USER));
    }
}
