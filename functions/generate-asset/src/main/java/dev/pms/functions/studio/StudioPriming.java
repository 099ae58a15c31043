package dev.pms.functions.studio;

import dev.pms.aws.http.ApiPriming;
import dev.pms.aws.http.ApiPrefixes;
import dev.pms.aws.http.PrimingResource;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Map;

/** SnapStart priming of the product studio: the template library and a job the caller does not have. */
@Singleton
@Requires(property = PrimingResource.INITIALIZATION_TYPE, value = PrimingResource.SNAPSHOT_INITIALIZATION)
public class StudioPriming extends ApiPriming {
    private static final String PREFIX = ApiPrefixes.PRODUCT_MARKETING;

    public StudioPriming() {
        super("product studio");
    }

    @Override
    protected void prime() {
        get("GET " + PREFIX + "/templates", Map.of());
        get("GET " + PREFIX + "/products/jobs/{job_id}", Map.of("job_id", PRIMING_USER));
    }
}
