package dev.pms.functions.optimization;

import dev.pms.aws.http.PrimingResource;
import dev.pms.aws.http.RuntimeSerializationPriming;
import dev.pms.core.common.Page;
import dev.pms.core.optimization.CampaignRef;
import dev.pms.core.json.Json;
import dev.pms.core.optimization.ActiveCampaignIndex;
import dev.pms.core.optimization.OptimizationService;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * SnapStart priming of the scheduled performance loop: the first page of the active-campaign index the loop walks (a
 * read of the table's global index); optimising a campaign writes, so priming stops there.
 */
@Singleton
@Requires(property = PrimingResource.INITIALIZATION_TYPE, value = PrimingResource.SNAPSHOT_INITIALIZATION)
public class OptimizationPriming extends PrimingResource {
    private final ActiveCampaignIndex index;

    public OptimizationPriming(ActiveCampaignIndex index) {
        super("optimization loop");
        this.index = index;
    }

    @Override
    protected void prime() {
        Page<CampaignRef> page = index.page(OptimizationService.PAGE_SIZE, null);
        RuntimeSerializationPriming.prime(Map.class, Map.of("detail-type", "Scheduled Event", "source", "aws.events",
                "time", "2026-01-01T00:00:00Z", "detail", Map.of()), Map.class, Json.mapper().convertValue(page, Map.class));
    }
}
