package dev.pms.providers.offline;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.channel.Placement;
import dev.pms.core.generation.GenerationRequest;
import dev.pms.core.pricing.QualityTier;

import java.util.List;
import java.util.Map;

/** Generation requests for the offline provider tests. */
final class Requests {
    static final Map<String, Object> PRODUCT = Map.of(
            "product_name", "Acme Notes",
            "product_description", "Notes that write themselves. Capture every meeting and get a summary in seconds.",
            "features", List.of("automatic summaries", "offline sync", "shared notebooks"));
    static final List<String> PALETTE = List.of("#1F6FEB", "#0D1117", "#F78166");
    static final String HOOK = "Write less, remember more";
    static final String CONCEPT = "Acme Notes turns every meeting into clear next steps. It listens so you can think.";

    private Requests() {
    }

    static Placement placement(String key) {
        return ChannelCatalog.load().requirePlacement(key);
    }

    static GenerationRequest request(AssetType type, Placement placement) {
        return request(type, placement, HOOK);
    }

    static GenerationRequest request(AssetType type, Placement placement, String hook) {
        return new GenerationRequest("job-1", "asset-1", type, placement, "A launch visual for Acme Notes", hook, CONCEPT,
                PRODUCT, PALETTE, List.of(), "offline", null, QualityTier.STANDARD, null, null);
    }
}
