package dev.pms.functions.blueprint;

import dev.pms.aws.http.ApiPriming;
import dev.pms.aws.http.ApiPrefixes;
import dev.pms.aws.http.PrimingResource;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Map;

/** SnapStart priming of the campaigns function: its list, a campaign read, the brand profile and Brand DNA. */
@Singleton
@Requires(property = PrimingResource.INITIALIZATION_TYPE, value = PrimingResource.SNAPSHOT_INITIALIZATION)
public class CampaignsPriming extends ApiPriming {
    private static final String PREFIX = ApiPrefixes.PRODUCT_MARKETING;

    public CampaignsPriming() {
        super("campaigns");
    }

    @Override
    protected void prime() {
        get("GET " + PREFIX + "/campaigns", Map.of());
        get("GET " + PREFIX + "/campaigns/{campaign_id}", Map.of("campaign_id", PRIMING_USER));
        get("GET " + PREFIX + "/brand-profile", Map.of());
        get("GET " + PREFIX + "/brand-dna", Map.of());
    }
}
