package dev.pms.aws.dynamodb;

import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignNodes;
import dev.pms.core.campaign.CampaignStatus;
import dev.pms.core.campaign.NodeStatus;
import dev.pms.core.common.EnumCodes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a campaign is laid out in the table: a header item {@code CAMPAIGN#<id>} (everything but the asset nodes, plus
 * the node count, the version that locks the whole campaign, and the listing and active-index keys) and one item per
 * asset node, {@code CAMPAIGN#<id>#NODE#<asset_id>}, with its position in the plan and the campaign version it was
 * last written at. A node move rewrites its own item and the small header, whatever the campaign's size.
 * Campaigns stored before this layout are one item whose document holds the nodes; they read as they are and take
 * the new layout at their next write.
 */
final class CampaignItems {
    static final String SK_PREFIX = "CAMPAIGN#";
    static final String NODE_INFIX = "#NODE#";
    static final String STATUS = "status";
    static final String NODE_COUNT = "node_count";
    static final String NODE_STATUSES = "node_statuses";
    static final String POSITION = "pos";
    static final String WRITTEN_AT = "written_at";
    static final String LEASE = "lease";
    static final String LEASE_UNTIL = "lease_until";
    private static final String CAMPAIGN_TYPE = "campaign";
    private static final String NODE_TYPE = "campaign_node";

    private CampaignItems() {
    }

    static String headerSortKey(String campaignId) {
        return SK_PREFIX + campaignId;
    }

    static String nodePrefix(String campaignId) {
        return headerSortKey(campaignId) + NODE_INFIX;
    }

    static Map<String, AttributeValue> headerKey(String userId, String campaignId) {
        return TableItems.key(AppTable.tenantKey(userId), headerSortKey(campaignId));
    }

    static Map<String, AttributeValue> nodeKey(String userId, String campaignId, String assetId) {
        return TableItems.key(AppTable.tenantKey(userId), nodePrefix(campaignId) + assetId);
    }

    static Map<String, AttributeValue> header(Campaign campaign) {
        return header(campaign, CampaignNodes.countByStatus(campaign.assetNodes()));
    }

    /** The header of {@code campaign}, whose nodes, whatever it holds of them, are counted by status in {@code counts}. */
    static Map<String, AttributeValue> header(Campaign campaign, Map<NodeStatus, Integer> counts) {
        Map<String, AttributeValue> item = TableItems.newItem(headerKey(campaign.userId(), campaign.campaignId()),
                CAMPAIGN_TYPE);
        item.put(AppTable.LSI1_SK, Attr.s(SK_PREFIX + campaign.createdAt() + "#" + campaign.campaignId()));
        item.put(STATUS, Attr.s(campaign.status().code()));
        item.put(AppTable.VERSION, Attr.n(campaign.version()));
        item.put(NODE_COUNT, Attr.n(counts.values().stream().mapToInt(Integer::intValue).sum()));
        Map<String, AttributeValue> statuses = new HashMap<>();
        counts.forEach((status, count) -> statuses.put(status.code(), Attr.n(count)));
        item.put(NODE_STATUSES, AttributeValue.fromM(statuses));
        item.put(AppTable.DOCUMENT, Documents.of(CampaignDocument.of(campaign.withNodes(List.of()))));
        if (campaign.status() == CampaignStatus.ACTIVE) {
            item.put(AppTable.GSI1_PK, Attr.s(DynamoActiveCampaignIndex.partitionOf(campaign.campaignId())));
            item.put(AppTable.GSI1_SK, Attr.s(campaign.userId() + "#" + campaign.campaignId()));
        }
        return item;
    }

    /** The header's count of nodes by status; empty when the header predates it. */
    static Optional<Map<NodeStatus, Integer>> statusCounts(Map<String, AttributeValue> header) {
        AttributeValue statuses = header.get(NODE_STATUSES);
        if (statuses == null || !statuses.hasM()) {
            return Optional.empty();
        }
        Map<NodeStatus, Integer> counts = new EnumMap<>(NodeStatus.class);
        statuses.m().forEach((code, count) -> counts.put(EnumCodes.parse(NodeStatus.class, code).orElseThrow(
                () -> new IllegalStateException("stored node status " + code + " is unknown")), Integer.parseInt(count.n())));
        return Optional.of(counts);
    }

    /**
     * What each node item of the campaign holds, by asset id, in plan order: its document and position (the campaign
     * version it is written at is added by {@link #node}).
     */
    static Map<String, StoredNode> nodes(Campaign campaign) {
        Map<String, StoredNode> nodes = new LinkedHashMap<>();
        List<AssetNode> assetNodes = campaign.assetNodes();
        for (int position = 0; position < assetNodes.size(); position++) {
            AssetNode node = assetNodes.get(position);
            nodes.put(node.assetId(), new StoredNode(position, Documents.of(node).s()));
        }
        return nodes;
    }

    static Map<String, AttributeValue> node(Campaign campaign, String assetId, StoredNode stored) {
        Map<String, AttributeValue> item = TableItems.newItem(nodeKey(campaign.userId(), campaign.campaignId(), assetId),
                NODE_TYPE);
        item.put(POSITION, Attr.n(stored.position()));
        item.put(WRITTEN_AT, Attr.n(campaign.version()));
        item.put(AppTable.DOCUMENT, Attr.s(stored.document()));
        return item;
    }

    /** A campaign read back: its header and node items as one query found them. */
    record Read(Map<String, AttributeValue> header, List<Map<String, AttributeValue>> nodeItems) {

        long version() {
            return Long.parseLong(header.get(AppTable.VERSION).n());
        }

        boolean isSingleItem() {
            return !header.containsKey(NODE_COUNT);
        }

        /**
         * Whether the read may have crossed a write: a node written at a later version than the header read, a node
         * count other than the header's, or a bulk write still holding the campaign.
         */
        boolean mayBeTorn(Instant now) {
            if (isSingleItem()) {
                return false;
            }
            long version = version();
            return nodeItems.size() != Long.parseLong(header.get(NODE_COUNT).n())
                    || nodeItems.stream().anyMatch(item -> Long.parseLong(item.get(WRITTEN_AT).n()) > version)
                    || leaseHeldAt(header, now);
        }

        Map<String, StoredNode> storedNodes() {
            Map<String, StoredNode> stored = new HashMap<>();
            for (Map<String, AttributeValue> item : nodeItems) {
                String sortKey = item.get(AppTable.SK).s();
                stored.put(sortKey.substring(sortKey.indexOf(NODE_INFIX) + NODE_INFIX.length()),
                        new StoredNode(Integer.parseInt(item.get(POSITION).n()), item.get(AppTable.DOCUMENT).s()));
            }
            return stored;
        }

        Campaign campaign(String userId) {
            Campaign withoutNodes = Documents.read(header, CampaignDocument.class).toCampaign(userId);
            if (isSingleItem()) {
                return withoutNodes;
            }
            List<Map<String, AttributeValue>> ordered = new ArrayList<>(nodeItems);
            ordered.sort(Comparator.comparingInt(item -> Integer.parseInt(item.get(POSITION).n())));
            List<AssetNode> nodes = new ArrayList<>(ordered.size());
            for (Map<String, AttributeValue> item : ordered) {
                nodes.add(Documents.read(item, AssetNode.class));
            }
            return withoutNodes.withNodes(nodes);
        }
    }

    static boolean leaseHeldAt(Map<String, AttributeValue> header, Instant now) {
        AttributeValue until = header.get(LEASE_UNTIL);
        return header.containsKey(LEASE) && until != null && Long.parseLong(until.n()) > now.toEpochMilli();
    }

    /** A node item's content: where the node stands in the plan and its JSON document. */
    record StoredNode(int position, String document) {
    }
}
