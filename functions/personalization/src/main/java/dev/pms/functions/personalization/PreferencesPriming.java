package dev.pms.functions.personalization;

import dev.pms.aws.http.ApiPriming;
import dev.pms.aws.http.ApiPrefixes;
import dev.pms.aws.http.PrimingResource;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Map;

/** SnapStart priming of personalization: the caller's learned preferences and recommendations. */
@Singleton
@Requires(property = PrimingResource.INITIALIZATION_TYPE, value = PrimingResource.SNAPSHOT_INITIALIZATION)
public class PreferencesPriming extends ApiPriming {
    private static final String PREFIX = ApiPrefixes.PRODUCT_MARKETING;

    public PreferencesPriming() {
        super("personalization");
    }

    @Override
    protected void prime() {
        get("GET " + PREFIX + "/personalization/preferences", Map.of());
        get("GET " + PREFIX + "/personalization/recommendations", Map.of());
    }
}
