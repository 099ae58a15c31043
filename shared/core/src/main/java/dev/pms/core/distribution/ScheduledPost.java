package dev.pms.core.distribution;

import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;

import java.time.OffsetDateTime;

/** One asset's slot in a distribution schedule. */
public record ScheduledPost(String assetId, Channel channel, AssetType assetType, String placement, String title,
                            String phase, OffsetDateTime publishAt) {
}
