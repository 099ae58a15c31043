package dev.pms.aws.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pms.core.campaign.Campaign;
import dev.pms.core.campaign.CampaignRepository;
import dev.pms.core.campaign.CampaignStatus;
import dev.pms.core.common.Page;
import dev.pms.core.error.NotFoundException;
import dev.pms.core.error.VersionConflictException;
import dev.pms.core.json.Json;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

    private final DynamoDbClient dynamo;
    private final AppTable table;
    private final PageTokens pageTokens;

    public DynamoCampaignRepository(DynamoDbClient dynamo, AppTable table, PageTokens pageTokens) {
        this.dynamo = dynamo;
        this.table = table;
        this.pageTokens = pageTokens;
    }

    @Override
    public void create(Campaign campaign) {
        try {
            dynamo.putItem(put -> put.tableName(table.name())
                    .item(toItem(campaign))
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", AppTable.PK)));
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException("campaign id collision: " + campaign.campaignId(), e);
        }
    }

    @Override
    public Optional<Campaign> find(String userId, String campaignId) {
        Map<String, AttributeValue> item = dynamo.getItem(get -> get.tableName(table.name())
                .key(key(userId, campaignId))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(fromItem(item, userId));
    }

    @Override
    public void update(Campaign campaign, long expectedVersion) {
        try {
            dynamo.putItem(put -> put.tableName(table.name())
                    .item(toItem(campaign))
                    .conditionExpression("attribute_exists(#pk) AND #version = :expected")
                    .expressionAttributeNames(Map.of("#pk", AppTable.PK, "#version", AppTable.VERSION))
                    .expressionAttributeValues(Map.of(":expected", Attr.n(expectedVersion))));
        } catch (ConditionalCheckFailedException e) {
            Campaign current = find(campaign.userId(), campaign.campaignId())
                    .orElseThrow(() -> new NotFoundException("campaign " + campaign.campaignId() + " does not exist"));
            throw new VersionConflictException("campaign " + campaign.campaignId() + " is at version "
                    + current.version() + ", not " + expectedVersion + "; reload it and apply the change again");
        }
    }

    @Override
    public boolean delete(String userId, String campaignId) {
        Map<String, AttributeValue> old = dynamo.deleteItem(delete -> delete.tableName(table.name())
                .key(key(userId, campaignId))
                .returnValues("ALL_OLD")).attributes();
        if (old == null || old.isEmpty()) {
            return false;
        }
        for (String childPrefix : DynamoProposalRepository.keyPrefixesOf(campaignId)) {
            table.deleteAllWithPrefix(dynamo, AppTable.tenantKey(userId), childPrefix);
        }
        dynamo.deleteItem(delete -> delete.tableName(table.name())
                .key(DynamoGenerationRunRepository.key(userId, campaignId)));
        for (String childPrefix : CampaignOpsKeys.prefixesOf(campaignId)) {
            table.deleteAllWithPrefix(dynamo, AppTable.tenantKey(userId), childPrefix);
        }
        return true;
    }

    @Override
    public Page<Campaign> list(String userId, CampaignStatus status, int limit, String nextToken) {
        String partition = AppTable.tenantKey(userId);
        String query = "campaigns?status=" + (status == null ? "" : status.code());
        Map<String, AttributeValue> startKey = nextToken == null
                ? null : pageTokens.decode(nextToken, partition, query, SK_PREFIX);
        List<Campaign> page = new ArrayList<>(limit);
        Map<String, AttributeValue> lastReturnedKey = null;
        boolean more = true;
        while (page.size() < limit && more) {
            QueryResponse response = dynamo.query(query(partition, status, limit - page.size(), startKey));
            for (Map<String, AttributeValue> item : response.items()) {
                page.add(fromItem(item, userId));
                lastReturnedKey = indexKey(item);
            }
            startKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
            more = startKey != null;
        }
        String token = more && lastReturnedKey != null ? pageTokens.encode(lastReturnedKey, partition, query) : null;
        return new Page<>(page, token);
    }

    private QueryRequest query(String partition, CampaignStatus status, int limit, Map<String, AttributeValue> startKey) {
        Map<String, String> names = new HashMap<>(Map.of("#pk", AppTable.PK, "#lsk", AppTable.LSI1_SK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", Attr.s(partition), ":prefix", Attr.s(SK_PREFIX)));
        QueryRequest.Builder builder = QueryRequest.builder()
                .tableName(table.name())
                .indexName(AppTable.LSI1)
                .keyConditionExpression("#pk = :pk AND begins_with(#lsk, :prefix)")
                .scanIndexForward(false)
                .limit(limit);
        if (status != null) {
            names.put("#status", STATUS);
            values.put(":status", Attr.s(status.code()));
            builder.filterExpression("#status = :status");
        }
        if (startKey != null) {
            builder.exclusiveStartKey(startKey);
        }
        return builder.expressionAttributeNames(names).expressionAttributeValues(values).build();
    }

    private Map<String, AttributeValue> key(String userId, String campaignId) {
        return Map.of(AppTable.PK, Attr.s(AppTable.tenantKey(userId)), AppTable.SK, Attr.s(SK_PREFIX + campaignId));
    }

    private static Map<String, AttributeValue> indexKey(Map<String, AttributeValue> item) {
        return Map.of(AppTable.PK, item.get(AppTable.PK), AppTable.SK, item.get(AppTable.SK),
                AppTable.LSI1_SK, item.get(AppTable.LSI1_SK));
    }

    private Map<String, AttributeValue> toItem(Campaign campaign) {
        String document;
        try {
            document = Json.mapper().writeValueAsString(CampaignDocument.of(campaign));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("campaign cannot be serialised", e);
        }
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(AppTable.PK, Attr.s(AppTable.tenantKey(campaign.userId())));
        item.put(AppTable.SK, Attr.s(SK_PREFIX + campaign.campaignId()));
        item.put(AppTable.LSI1_SK, Attr.s(SK_PREFIX + campaign.createdAt() + "#" + campaign.campaignId()));
        item.put(AppTable.TYPE, Attr.s("campaign"));
        item.put(STATUS, Attr.s(campaign.status().code()));
        item.put(AppTable.VERSION, Attr.n(campaign.version()));
        item.put(AppTable.DOCUMENT, Attr.s(document));
        if (campaign.status() == CampaignStatus.ACTIVE) {
            item.put(AppTable.GSI1_PK, Attr.s(DynamoActiveCampaignIndex.partitionOf(campaign.campaignId())));
            item.put(AppTable.GSI1_SK, Attr.s(campaign.userId() + "#" + campaign.campaignId()));
        }
        return item;
    }

    private static Campaign fromItem(Map<String, AttributeValue> item, String userId) {
        try {
            return Json.mapper().readValue(item.get(AppTable.DOCUMENT).s(), CampaignDocument.class).toCampaign(userId);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored campaign " + item.get(AppTable.SK).s() + " is unreadable", e);
        }
    }
}
