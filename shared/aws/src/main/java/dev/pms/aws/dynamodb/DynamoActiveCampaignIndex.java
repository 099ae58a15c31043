package dev.pms.aws.dynamodb;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.pms.core.common.Page;
import dev.pms.core.error.ValidationException;
import dev.pms.core.json.Json;
import dev.pms.core.optimization.ActiveCampaignIndex;
import dev.pms.core.optimization.CampaignRef;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Active campaigns of every tenant through the sparse, keys-only global index {@code gsi1}: an active campaign item
 * carries {@code gsi1pk = ACTIVE#<shard>} ({@value #SHARDS} shards by a hash of the campaign id, so no single index
 * partition takes every write) and {@code gsi1sk = <user>#<campaign>}. Pages walk the shards in order; the token
 * holds the shard and the index's last evaluated key.
 */
@Singleton
public class DynamoActiveCampaignIndex implements ActiveCampaignIndex {
    static final int SHARDS = 8;
    static final String PARTITION_PREFIX = "ACTIVE#";
    private static final int MAX_LIMIT = 1_000;

    private final DynamoDbClient dynamo;
    private final AppTable table;

    public DynamoActiveCampaignIndex(DynamoDbClient dynamo, AppTable table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static String partitionOf(String campaignId) {
        return PARTITION_PREFIX + Math.floorMod(campaignId.hashCode(), SHARDS);
    }

    @Override
    public Page<CampaignRef> page(int limit, String nextToken) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
        Cursor cursor = nextToken == null ? new Cursor(0, null) : Cursor.decode(nextToken);
        List<CampaignRef> refs = new ArrayList<>(limit);
        int shard = cursor.shard();
        Map<String, AttributeValue> startKey = cursor.startKey();
        while (shard < SHARDS && refs.size() < limit) {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table.name()).indexName(AppTable.GSI1)
                    .keyConditionExpression("#gpk = :gpk")
                    .expressionAttributeNames(Map.of("#gpk", AppTable.GSI1_PK))
                    .expressionAttributeValues(Map.of(":gpk", Attr.s(PARTITION_PREFIX + shard)))
                    .limit(limit - refs.size());
            if (startKey != null) {
                query.exclusiveStartKey(startKey);
            }
            QueryResponse response = dynamo.query(query.build());
            for (Map<String, AttributeValue> item : response.items()) {
                String pk = item.get(AppTable.PK).s();
                String sk = item.get(AppTable.SK).s();
                refs.add(new CampaignRef(pk.substring(AppTable.tenantKey("").length()), sk.substring("CAMPAIGN#".length())));
            }
            if (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()) {
                startKey = response.lastEvaluatedKey();
            } else {
                shard++;
                startKey = null;
            }
        }
        String token = shard >= SHARDS ? null : new Cursor(shard, startKey).encode();
        return new Page<>(refs, token);
    }

    /** Where the next page starts: a shard, and the index key after which to continue in it (null: its start). */
    record Cursor(int shard, Map<String, AttributeValue> startKey) {
        String encode() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("shard", shard);
            if (startKey != null) {
                Map<String, String> key = new LinkedHashMap<>();
                startKey.forEach((name, value) -> key.put(name, value.s()));
                json.put("key", key);
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(json).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String token) {
            try {
                Map<String, Object> json = Json.mapper().readValue(
                        new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8), new TypeReference<>() {
                        });
                int shard = ((Number) json.get("shard")).intValue();
                if (shard < 0 || shard >= SHARDS) {
                    throw new IllegalArgumentException("shard out of range");
                }
                Map<String, AttributeValue> key = null;
                if (json.get("key") instanceof Map<?, ?> raw) {
                    key = new HashMap<>();
                    for (Map.Entry<?, ?> entry : raw.entrySet()) {
                        key.put(String.valueOf(entry.getKey()), Attr.s(String.valueOf(entry.getValue())));
                    }
                }
                return new Cursor(shard, key);
            } catch (Exception e) {
                throw ValidationException.of("next_token", "is not a token this index issued");
            }
        }
    }
}
