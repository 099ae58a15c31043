package dev.pms.aws.dynamodb;

import dev.pms.aws.dynamodb.CampaignItems.StoredNode;
import dev.pms.core.campaign.AssetNode;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignNodes;
import dev.pms.core.campaign.CampaignRepository;
import dev.pms.core.campaign.CampaignStatus;
import dev.pms.core.campaign.NodeStatus;
import dev.pms.core.common.ConcurrentCalls;
import dev.pms.core.common.Page;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.VersionConflictException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * Campaigns as a header item and one item per asset node ({@link CampaignItems}), read together by one query of the
 * campaign's key range. A write sends the header (whose {@code version} is the optimistic lock of the whole campaign)
 * and only the node items that changed, all in one transaction. A write of more nodes than a transaction takes first
 * leases the header, writes the nodes in transactions that each check the lease, and then writes the header, which
 * ends the lease; readers that meet a lease wait for it to end.
 */
@Singleton
public class DynamoCampaignRepository implements CampaignRepository {
    /** DynamoDB's limit of items per transaction. */
    static final int TRANSACTION_ITEMS = 100;
    /** A listing page stops before it would return more asset nodes than this (a Lambda answer is at most 6 MB). */
    static final int LISTING_NODE_BUDGET = 5_000;
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration TORN_READ_PATIENCE = Duration.ofSeconds(5);
    private static final Duration TORN_READ_PAUSE = Duration.ofMillis(25);
    private static final Condition NEW_CAMPAIGN = Condition.of("attribute_not_exists(#pk)", Map.of("#pk", AppTable.PK));

    private final TableItems items;
    private final PageTokens pageTokens;
    private final Clock clock;
    private final int listingNodeBudget;
    private final StoredNodesCache seen = new StoredNodesCache(64);

    @Inject
    public DynamoCampaignRepository(DynamoDbClient dynamo, AppTable table, PageTokens pageTokens) {
        this(dynamo, table, pageTokens, Clock.systemUTC(), LISTING_NODE_BUDGET);
    }

    DynamoCampaignRepository(DynamoDbClient dynamo, AppTable table, PageTokens pageTokens, Clock clock) {
        this(dynamo, table, pageTokens, clock, LISTING_NODE_BUDGET);
    }

    DynamoCampaignRepository(DynamoDbClient dynamo, AppTable table, PageTokens pageTokens, Clock clock,
                             int listingNodeBudget) {
        this.items = new TableItems(dynamo, table);
        this.pageTokens = pageTokens;
        this.clock = clock;
        this.listingNodeBudget = listingNodeBudget;
    }

    @Override
    public void create(Campaign campaign) {
        Map<String, StoredNode> nodes = CampaignItems.nodes(campaign);
        List<Map<String, AttributeValue>> nodeItems = new ArrayList<>(nodes.size());
        nodes.forEach((assetId, node) -> nodeItems.add(CampaignItems.node(campaign, assetId, node)));
        if (nodeItems.size() < TRANSACTION_ITEMS) {
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(TransactWriteItem.builder().put(items.put(CampaignItems.header(campaign), NEW_CAMPAIGN)).build());
            nodeItems.forEach(item -> writes.add(TransactWriteItem.builder().put(items.put(item)).build()));
            items.transact(writes, e -> TableItems.conditionFailedAt(e, 0), () -> collision(campaign));
        } else {
            // The nodes are unreachable until the header exists, so they may go first, outside a transaction.
            items.batchWrite(nodeItems.stream()
                    .map(item -> WriteRequest.builder().putRequest(put -> put.item(item)).build()).toList(),
                    "the nodes of campaign " + campaign.campaignId());
            if (!items.putIf(CampaignItems.header(campaign), NEW_CAMPAIGN)) {
                throw collision(campaign);
            }
        }
        seen.remember(campaign, nodes);
    }

    @Override
    public Optional<Campaign> find(String userId, String campaignId) {
        return read(userId, campaignId).map(read -> {
            Campaign campaign = read.campaign(userId);
            seen.remember(campaign, read.isSingleItem() ? Map.of() : read.storedNodes());
            return campaign;
        });
    }

    @Override
    public void update(Campaign campaign, long expectedVersion) {
        Map<String, StoredNode> before = seen.nodesAt(campaign.userId(), campaign.campaignId(), expectedVersion)
                .orElseGet(() -> storedNodesAt(campaign, expectedVersion));
        Map<String, StoredNode> after = CampaignItems.nodes(campaign);
        List<TransactWriteItem> nodeWrites = new ArrayList<>();
        after.forEach((assetId, node) -> {
            if (!node.equals(before.get(assetId))) {
                nodeWrites.add(TransactWriteItem.builder().put(items.put(CampaignItems.node(campaign, assetId, node))).build());
            }
        });
        before.keySet().stream().filter(assetId -> !after.containsKey(assetId)).forEach(assetId -> nodeWrites.add(
                TransactWriteItem.builder().delete(items.deletion(
                        CampaignItems.nodeKey(campaign.userId(), campaign.campaignId(), assetId))).build()));
        Map<String, AttributeValue> header = CampaignItems.header(campaign);
        try {
            if (nodeWrites.size() < TRANSACTION_ITEMS) {
                List<TransactWriteItem> writes = new ArrayList<>();
                writes.add(TransactWriteItem.builder().put(items.put(header, unleasedAt(expectedVersion))).build());
                writes.addAll(nodeWrites);
                items.transact(writes, e -> TableItems.conditionFailedAt(e, 0) || TableItems.collided(e),
                        () -> conflict(campaign, expectedVersion));
            } else {
                writeUnderLease(campaign, expectedVersion, header, nodeWrites);
            }
        } catch (RuntimeException e) {
            seen.forget(campaign.userId(), campaign.campaignId());
            throw e;
        }
        seen.remember(campaign, after);
    }

    /**
     * One BatchGetItem of the header and the named node items. A campaign stored as one item, or one a bulk write holds,
     * or a read that crossed a write, is read whole instead.
     */
    @Override
    public Optional<CampaignNodes> findNodes(String userId, String campaignId, Set<String> assetIds) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        keys.add(CampaignItems.headerKey(userId, campaignId));
        assetIds.forEach(assetId -> keys.add(CampaignItems.nodeKey(userId, campaignId, assetId)));
        Map<String, AttributeValue> header = null;
        List<Map<String, AttributeValue>> nodes = new ArrayList<>();
        String headerSortKey = CampaignItems.headerSortKey(campaignId);
        for (Map<String, AttributeValue> item : items.batchGet(keys, "the nodes of campaign " + campaignId)) {
            if (item.get(AppTable.SK).s().equals(headerSortKey)) {
                header = item;
            } else {
                nodes.add(item);
            }
        }
        if (header == null) {
            return Optional.empty();
        }
        Optional<Map<NodeStatus, Integer>> counts = CampaignItems.statusCounts(header);
        long version = Long.parseLong(header.get(AppTable.VERSION).n());
        boolean current = counts.isPresent() && !CampaignItems.leaseHeldAt(header, clock.instant())
                && nodes.stream().allMatch(node -> Long.parseLong(node.get(CampaignItems.WRITTEN_AT).n()) <= version);
        if (!current) {
            return find(userId, campaignId).map(campaign -> CampaignNodes.of(campaign, assetIds));
        }
        Campaign part = new CampaignItems.Read(header, nodes).campaign(userId);
        return Optional.of(new CampaignNodes(part, counts.get()));
    }

    /** One transaction: the header at the next version and an update of each moved node's document. */
    @Override
    public void updateNodes(CampaignNodes part, List<AssetNode> moved, CampaignStatus status, Instant now) {
        Campaign before = part.campaign();
        long expectedVersion = before.version();
        Campaign after = before.withStatus(status).revised(now);
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(items.put(CampaignItems.header(after, part.countsAfter(moved)),
                unleasedAt(expectedVersion))).build());
        for (AssetNode node : moved) {
            writes.add(TransactWriteItem.builder().update(update -> update.tableName(items.tableName())
                    .key(CampaignItems.nodeKey(before.userId(), before.campaignId(), node.assetId()))
                    .updateExpression("SET #doc = :doc, #written = :version")
                    .conditionExpression("attribute_exists(#doc)")
                    .expressionAttributeNames(Map.of("#doc", AppTable.DOCUMENT, "#written", CampaignItems.WRITTEN_AT))
                    .expressionAttributeValues(Map.of(":doc", Documents.of(node), ":version", Attr.n(after.version()))))
                    .build());
        }
        try {
            items.transact(writes, e -> TableItems.conditionFailed(e) || TableItems.collided(e),
                    () -> conflict(before, expectedVersion));
        } catch (RuntimeException e) {
            seen.forget(before.userId(), before.campaignId());
            throw e;
        }
        seen.advance(before.userId(), before.campaignId(), expectedVersion, after.version(), moved);
    }

    @Override
    public boolean delete(String userId, String campaignId) {
        if (!items.delete(CampaignItems.headerKey(userId, campaignId))) {
            return false;
        }
        String partition = AppTable.tenantKey(userId);
        items.deleteAll(PrefixQuery.sortKey(partition, CampaignItems.nodePrefix(campaignId)));
        for (String childPrefix : DynamoProposalRepository.keyPrefixesOf(campaignId)) {
            items.deleteAll(PrefixQuery.sortKey(partition, childPrefix));
        }
        items.delete(DynamoGenerationRunRepository.key(userId, campaignId));
        for (String childPrefix : CampaignOpsKeys.prefixesOf(campaignId)) {
            items.deleteAll(PrefixQuery.sortKey(partition, childPrefix));
        }
        seen.forget(userId, campaignId);
        return true;
    }

    /**
     * One query of the headers, then each listed campaign's nodes, read side by side. A page ends early rather than
     * carry more than {@value #LISTING_NODE_BUDGET} nodes; its token continues after the last campaign returned.
     */
    @Override
    public Page<Campaign> list(String userId, CampaignStatus status, int limit, String nextToken) {
        String listing = "campaigns?status=" + (status == null ? "" : status.code());
        PrefixQuery query = PrefixQuery.localIndex(AppTable.tenantKey(userId), CampaignItems.SK_PREFIX).newestFirst()
                .where(CampaignItems.STATUS, status == null ? null : status.code());
        Page<Map<String, AttributeValue>> headers = items.page(query, listing, pageTokens, limit, nextToken,
                header -> header, DynamoCampaignRepository::nodeCount, listingNodeBudget);
        List<CompletableFuture<Campaign>> campaigns = new ArrayList<>();
        for (Map<String, AttributeValue> header : headers.items()) {
            CampaignItems.Read headerOnly = new CampaignItems.Read(header, List.of());
            if (headerOnly.isSingleItem() || nodeCount(header) == 0) {
                campaigns.add(CompletableFuture.completedFuture(headerOnly.campaign(userId)));
            } else {
                String campaignId = Documents.read(header, CampaignDocument.class).campaignId();
                campaigns.add(ConcurrentCalls.start(() -> read(userId, campaignId)
                        .map(read -> read.campaign(userId)).orElse(null)));
            }
        }
        List<Campaign> listed = campaigns.stream().map(ConcurrentCalls::await).filter(Objects::nonNull).toList();
        return new Page<>(listed, headers.nextToken());
    }

    private Optional<CampaignItems.Read> read(String userId, String campaignId) {
        return read(userId, campaignId, TORN_READ_PATIENCE);
    }

    /** The campaign's items, read again while they may be torn by a write in flight, for at most {@code patience}. */
    private Optional<CampaignItems.Read> read(String userId, String campaignId, Duration patience) {
        PrefixQuery query = PrefixQuery.sortKey(AppTable.tenantKey(userId), CampaignItems.headerSortKey(campaignId))
                .consistent();
        String headerSortKey = CampaignItems.headerSortKey(campaignId);
        String nodePrefix = CampaignItems.nodePrefix(campaignId);
        Instant deadline = clock.instant().plus(patience);
        while (true) {
            Map<String, AttributeValue> header = null;
            List<Map<String, AttributeValue>> nodes = new ArrayList<>();
            for (Map<String, AttributeValue> item : items.all(query)) {
                String sortKey = item.get(AppTable.SK).s();
                if (sortKey.equals(headerSortKey)) {
                    header = item;
                } else if (sortKey.startsWith(nodePrefix)) {
                    nodes.add(item);
                }
            }
            if (header == null) {
                return Optional.empty();
            }
            CampaignItems.Read read = new CampaignItems.Read(header, nodes);
            Instant now = clock.instant();
            if (!read.mayBeTorn(now) || !now.isBefore(deadline)) {
                return Optional.of(read);
            }
            LockSupport.parkNanos(TORN_READ_PAUSE.toNanos());
        }
    }

    private Map<String, StoredNode> storedNodesAt(Campaign campaign, long expectedVersion) {
        CampaignItems.Read read = read(campaign.userId(), campaign.campaignId())
                .orElseThrow(() -> new NotFoundException("campaign " + campaign.campaignId() + " does not exist"));
        if (read.version() != expectedVersion) {
            throw conflict(campaign, expectedVersion);
        }
        return read.isSingleItem() ? Map.of() : read.storedNodes();
    }

    /**
     * Writes more node items than one transaction takes: the header is leased (at the expected version), the nodes go
     * in transactions that each check the lease, and the header's new version ends the lease.
     */
    private void writeUnderLease(Campaign campaign, long expectedVersion, Map<String, AttributeValue> header,
                                 List<TransactWriteItem> nodeWrites) {
        String lease = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Map<String, AttributeValue> key = CampaignItems.headerKey(campaign.userId(), campaign.campaignId());
        Condition free = unleasedAt(expectedVersion);
        UpdateItemRequest take = UpdateItemRequest.builder().tableName(items.tableName()).key(key)
                .updateExpression("SET #lease = :lease, #until = :until")
                .conditionExpression(free.expression())
                .expressionAttributeNames(Map.of("#pk", AppTable.PK, "#version", AppTable.VERSION,
                        "#lease", CampaignItems.LEASE, "#until", CampaignItems.LEASE_UNTIL))
                .expressionAttributeValues(Map.of(":expected", Attr.n(expectedVersion), ":now", Attr.n(now.toEpochMilli()),
                        ":lease", Attr.s(lease), ":until", Attr.n(now.plus(LEASE).toEpochMilli())))
                .build();
        if (items.updateIf(take).isEmpty()) {
            throw conflict(campaign, expectedVersion);
        }
        Condition held = new Condition("#lease = :lease", Map.of("#lease", CampaignItems.LEASE),
                Map.of(":lease", Attr.s(lease)));
        for (int from = 0; from < nodeWrites.size(); from += TRANSACTION_ITEMS - 1) {
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(TransactWriteItem.builder().conditionCheck(items.conditionCheck(key, held)).build());
            writes.addAll(nodeWrites.subList(from, Math.min(nodeWrites.size(), from + TRANSACTION_ITEMS - 1)));
            items.transact(writes, e -> TableItems.conditionFailedAt(e, 0), () -> leaseLost(campaign));
        }
        if (!items.putIf(header, held)) {
            throw leaseLost(campaign);
        }
    }

    /** At the expected version, and not held by another writer's unexpired lease. */
    private Condition unleasedAt(long expectedVersion) {
        return new Condition("attribute_exists(#pk) AND #version = :expected"
                + " AND (attribute_not_exists(#lease) OR #until < :now)",
                Map.of("#pk", AppTable.PK, "#version", AppTable.VERSION,
                        "#lease", CampaignItems.LEASE, "#until", CampaignItems.LEASE_UNTIL),
                Map.of(":expected", Attr.n(expectedVersion), ":now", Attr.n(clock.instant().toEpochMilli())));
    }

    private RuntimeException conflict(Campaign campaign, long expectedVersion) {
        seen.forget(campaign.userId(), campaign.campaignId());
        Optional<CampaignItems.Read> current = read(campaign.userId(), campaign.campaignId(), Duration.ZERO);
        if (current.isEmpty()) {
            return new NotFoundException("campaign " + campaign.campaignId() + " does not exist");
        }
        long stored = current.get().version();
        String reason = stored == expectedVersion ? "is being changed by another request"
                : "is at version " + stored + ", not " + expectedVersion;
        return new VersionConflictException("campaign " + campaign.campaignId() + " " + reason
                + "; reload it and apply the change again");
    }

    private RuntimeException leaseLost(Campaign campaign) {
        seen.forget(campaign.userId(), campaign.campaignId());
        return new VersionConflictException("campaign " + campaign.campaignId()
                + " was changed by another request while this change was written; reload it and apply the change again");
    }

    private static IllegalStateException collision(Campaign campaign) {
        return new IllegalStateException("campaign id collision: " + campaign.campaignId());
    }

    private static int nodeCount(Map<String, AttributeValue> header) {
        AttributeValue count = header.get(CampaignItems.NODE_COUNT);
        return count == null ? 0 : Integer.parseInt(count.n());
    }
}
