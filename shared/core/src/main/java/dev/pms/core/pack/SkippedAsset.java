package dev.pms.core.pack;

import dev.pms.core.channel.Channel;

/** A node of a chosen channel that the pack does not contain, and why. */
public record SkippedAsset(String assetId, Channel channel, String placement, String reason) {
}
