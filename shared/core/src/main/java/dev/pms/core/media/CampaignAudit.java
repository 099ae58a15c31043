package dev.pms.core.media;

import dev.pms.core.audit.AuditReport;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;

import java.util.List;

/** The body of {@code POST /campaigns/{id}/audit}: each node's latest upload audited, and the nodes still missing one. */
public record CampaignAudit(String campaignId, List<AssetAudit> assets, List<MissingAsset> missing) {

    public record AssetAudit(String assetId, String nodeId, Channel channel, String placement, AuditReport audit) {
    }

    public record MissingAsset(String assetId, AssetType assetType, Channel channel, String placement) {
    }
}
