package dev.pms.core.campaign;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;

import java.time.LocalDate;
import java.util.List;

/**
 * One deliverable of the campaign graph. {@code placement} is a channel catalogue key such as
 * {@code instagram/feed_portrait}; {@code dependsOn} names other nodes of the same campaign.
 */
public record AssetNode(
        String assetId,
        AssetType assetType,
        Channel channel,
        String phase,
        String placement,
        String title,
        NodeStatus status,
        LocalDate dueDate,
        List<String> dependsOn) {

    public AssetNode {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    public AssetNode withStatus(NodeStatus newStatus) {
        return new AssetNode(assetId, assetType, channel, phase, placement, title, newStatus, dueDate, dependsOn);
    }
}
