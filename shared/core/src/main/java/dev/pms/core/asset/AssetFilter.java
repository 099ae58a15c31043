package dev.pms.core.asset;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;

/** Filters of {@code GET /assets}; a null member matches everything. */
public record AssetFilter(String campaignId, AssetType assetType, Channel channel, AssetStatus status) {
}
