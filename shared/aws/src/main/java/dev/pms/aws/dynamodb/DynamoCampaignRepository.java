package dev.pms.aws.dynamodb;

import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignRepository;
import dev.pms.core.campaign.CampaignStatus;
import dev.pms.core.common.Page;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.VersionConflictException;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Campaigns as one item each: the whole campaign graph as a JSON document plus the attributes that
 * listings filter and order on ({@code status}, {@code lsi1sk = CAMPAIGN#<created_at>#<id>}). An active campaign also
 * carries the keys of the sparse index {@code gsi1} ({@link DynamoActiveCampaignIndex}), written and removed in the
 * same put as its status.
 */
@Singleton
public class DynamoCampaignRepository implements CampaignRepository {
    private static final String SK_PREFIX = "CAMPAIGN#";
    private static final String STATUS = "status";
    private static final Condition NEW_CAMPAIGN = Condition.of("attribute_not_exists(#pk)", Map.of("#pk", AppTable.PK));

    private final TableItems items;
    private final PageTokens pageTokens;

    public DynamoCampaignRepository(DynamoDbClient dynamo, AppTable table, PageTokens pageTokens) {
        this.items = new TableItems(dynamo, table);
        this.pageTokens = pageTokens;
    }

    @Override
    public void create(Campaign campaign) {
        if (!items.putIf(toItem(campaign), NEW_CAMPAIGN)) {
            throw new IllegalStateException("campaign id collision: " + campaign.campaignId());
        }
    }

    @Override
    public Optional<Campaign> find(String userId, String campaignId) {
        return items.get(key(userId, campaignId)).map(item -> fromItem(item, userId));
    }

    @Override
    public void update(Campaign campaign, long expectedVersion) {
        Condition storedAtExpectedVersion = new Condition("attribute_exists(#pk) AND #version = :expected",
                Map.of("#pk", AppTable.PK, "#version", AppTable.VERSION), Map.of(":expected", Attr.n(expectedVersion)));
        if (!items.putIf(toItem(campaign), storedAtExpectedVersion)) {
            Campaign current = find(campaign.userId(), campaign.campaignId())
                    .orElseThrow(() -> new NotFoundException("campaign " + campaign.campaignId() + " does not exist"));
            throw new VersionConflictException("campaign " + campaign.campaignId() + " is at version "
                    + current.version() + ", not " + expectedVersion + "; reload it and apply the change again");
        }
    }

    @Override
    public boolean delete(String userId, String campaignId) {
        if (!items.delete(key(userId, campaignId))) {
            return false;
        }
        String partition = AppTable.tenantKey(userId);
        for (String childPrefix : DynamoProposalRepository.keyPrefixesOf(campaignId)) {
            items.deleteAll(PrefixQuery.sortKey(partition, childPrefix));
        }
        items.delete(DynamoGenerationRunRepository.key(userId, campaignId));
        for (String childPrefix : CampaignOpsKeys.prefixesOf(campaignId)) {
            items.deleteAll(PrefixQuery.sortKey(partition, childPrefix));
        }
        return true;
    }

    @Override
    public Page<Campaign> list(String userId, CampaignStatus status, int limit, String nextToken) {
        String listing = "campaigns?status=" + (status == null ? "" : status.code());
        PrefixQuery query = PrefixQuery.localIndex(AppTable.tenantKey(userId), SK_PREFIX).newestFirst()
                .where(STATUS, status == null ? null : status.code());
        return items.page(query, listing, pageTokens, limit, nextToken, item -> fromItem(item, userId));
    }

    private static Map<String, AttributeValue> key(String userId, String campaignId) {
        return TableItems.key(AppTable.tenantKey(userId), SK_PREFIX + campaignId);
    }

    private Map<String, AttributeValue> toItem(Campaign campaign) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(AppTable.PK, Attr.s(AppTable.tenantKey(campaign.userId())));
        item.put(AppTable.SK, Attr.s(SK_PREFIX + campaign.campaignId()));
        item.put(AppTable.LSI1_SK, Attr.s(SK_PREFIX + campaign.createdAt() + "#" + campaign.campaignId()));
        item.put(AppTable.TYPE, Attr.s("campaign"));
        item.put(STATUS, Attr.s(campaign.status().code()));
        item.put(AppTable.VERSION, Attr.n(campaign.version()));
        item.put(AppTable.DOCUMENT, Documents.of(CampaignDocument.of(campaign)));
        if (campaign.status() == CampaignStatus.ACTIVE) {
            item.put(AppTable.GSI1_PK, Attr.s(DynamoActiveCampaignIndex.partitionOf(campaign.campaignId())));
            item.put(AppTable.GSI1_SK, Attr.s(campaign.userId() + "#" + campaign.campaignId()));
        }
        return item;
    }

    private static Campaign fromItem(Map<String, AttributeValue> item, String userId) {
        return Documents.read(item, CampaignDocument.class).toCampaign(userId);
    }
}
