package dev.pms.functions.generation;

import dev.pms.aws.http.ApiPriming;
import dev.pms.aws.http.ApiPrefixes;
import dev.pms.aws.http.PrimingResource;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Map;

/** SnapStart priming of the generation routes: the asset library, an asset and a campaign's generation status. */
@Singleton
@Requires(property = PrimingResource.INITIALIZATION_TYPE, value = PrimingResource.SNAPSHOT_INITIALIZATION)
public class GenerationPriming extends ApiPriming {
    private static final String PREFIX = ApiPrefixes.PRODUCT_MARKETING;

    public GenerationPriming() {
        super("generation");
    }

    @Override
    protected void prime() {
        get("GET " + PREFIX + "/assets", Map.of());
        get("GET " + PREFIX + "/assets/{asset_id}", Map.of("asset_id", PRIMING_USER));
        get("GET " + PREFIX + "/campaigns/{campaign_id}/generation", Map.of("campaign_id", PRIMING_USER));
    }
}
