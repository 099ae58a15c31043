package dev.pms.core.asset;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;

/** Filters of {@code GET /assets}; a null member matches everything. */
public record AssetFilter(String campaignId, AssetType assetType, Channel channel, AssetStatus status) {

    public static AssetFilter all() {
        return new AssetFilter(null, null, null, null);
    }

    public boolean matches(AssetRecord asset) {
        return (campaignId == null || campaignId.equals(asset.campaignId()))
                && (assetType == null || assetType == asset.assetType())
                && (channel == null || channel == asset.channel())
                && (status == null || status == asset.status());
    }
}
