package dev.pms.functions.audit;

import dev.pms.aws.http.ApiPriming;
import dev.pms.aws.http.ApiPrefixes;
import dev.pms.aws.http.PrimingResource;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Map;

/** SnapStart priming of the audit function: audits of a campaign and of an upload the caller does not have. */
@Singleton
@Requires(property = PrimingResource.INITIALIZATION_TYPE, value = PrimingResource.SNAPSHOT_INITIALIZATION)
public class AuditPriming extends ApiPriming {
    private static final String PREFIX = ApiPrefixes.PRODUCT_MARKETING;

    public AuditPriming() {
        super("audits");
    }

    @Override
    protected void prime() {
        request("POST " + PREFIX + "/campaigns/{campaign_id}/audit", Map.of("campaign_id", PRIMING_USER), "{}");
        request("POST " + PREFIX + "/assets/{asset_id}/audit", Map.of("asset_id", PRIMING_USER),
                "{\"asset_metadata\": {\"target_channel\": \"instagram\", \"placement\": \"feed_portrait\"}}");
    }
}
