package dev.pms.core.campaign;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.pms.core.channel.Channel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A campaign and its graph. {@code userId} is the owner's token subject and never leaves the server
 * in responses; {@code version} is the optimistic-locking counter, starting at 1.
 */
public record Campaign(
        String campaignId,
        @JsonIgnore String userId,
        String campaignName,
        Goal goal,
        String kpi,
        List<Channel> channels,
        List<Phase> phases,
        List<AssetNode> assetNodes,
        Map<String, Object> productContext,
        CampaignStatus status,
        LocalDate startDate,
        LocalDate launchDate,
        Instant createdAt,
        Instant updatedAt,
        long version,
        List<CampaignChange> changes) {

    public Campaign {
        channels = List.copyOf(channels);
        phases = List.copyOf(phases);
        assetNodes = List.copyOf(assetNodes);
        productContext = productContext == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(productContext));
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    public Campaign withOwner(String owner) {
        return new Campaign(campaignId, owner, campaignName, goal, kpi, channels, phases, assetNodes, productContext,
                status, startDate, launchDate, createdAt, updatedAt, version, changes);
    }

    /** The same campaign with other nodes (same version and status: derive and store through {@link NodeLifecycle}). */
    public Campaign withNodes(List<AssetNode> newNodes) {
        return new Campaign(campaignId, userId, campaignName, goal, kpi, channels, phases, newNodes, productContext,
                status, startDate, launchDate, createdAt, updatedAt, version, changes);
    }

    /** The same campaign with another status (same version: store it with {@link CampaignRepository#update}). */
    public Campaign withStatus(CampaignStatus newStatus) {
        return new Campaign(campaignId, userId, campaignName, goal, kpi, channels, phases, assetNodes, productContext,
                newStatus, startDate, launchDate, createdAt, updatedAt, version, changes);
    }
}
