package dev.pms.core.pricing;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;

import java.math.BigDecimal;
import java.util.List;

/** What one asset node will cost: the model it runs on and each priced component. */
public record CostLine(
        String assetId,
        AssetType assetType,
        Channel channel,
        String placement,
        UsageKind usageKind,
        QualityTier tier,
        String provider,
        String model,
        List<CostComponent> components,
        BigDecimal costUsd) {

    public CostLine {
        components = List.copyOf(components);
    }
}
