package dev.pms.core.board;

import dev.pms.core.campaign.NodeStatus;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One asset node on the board. {@code version} is the node's current proposal version (0 before it has one): a move
 * names it, so a reviewer never acts on a card that changed since it was shown. {@code publishAt} is the slot of the
 * latest distribution schedule, else the recommended one. {@code brandConsistency} (0..1) is how close a generated
 * text asset's copy is to the Brand DNA; null for other assets and before there is one.
 */
public record BoardCard(String assetId, AssetType assetType, Channel channel, String placement, String title,
                        NodeStatus status, String previewUrl, BigDecimal cost, LocalDate dueDate,
                        OffsetDateTime publishAt, boolean publishAtScheduled, long version,
                        Double brandConsistency) {
}
