package dev.pms.aws.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pms.core.json.Json;
import dev.pms.core.media.UploadRecord;
import dev.pms.core.media.UploadRepository;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Upload records ({@code sk = UPLOAD#<asset id>}); those made for a campaign node are also ordered
 * under the campaign on the local index ({@code lsi1sk = CAMPUPLOAD#<campaign>#<created_at>#<asset id>}).
 */
@Singleton
public class DynamoUploadRepository implements UploadRepository {
    private static final String SK_PREFIX = "UPLOAD#";
    private static final String CAMPAIGN_PREFIX = "CAMPUPLOAD#";

    private final DynamoDbClient dynamo;
    private final AppTable table;

    public DynamoUploadRepository(DynamoDbClient dynamo, AppTable table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void save(String userId, UploadRecord upload) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(AppTable.PK, Attr.s(AppTable.tenantKey(userId)));
        item.put(AppTable.SK, Attr.s(SK_PREFIX + upload.assetId()));
        item.put(AppTable.TYPE, Attr.s("upload"));
        if (upload.campaignId() != null) {
            item.put(AppTable.LSI1_SK, Attr.s(campaignPrefix(upload.campaignId()) + upload.createdAt() + "#" + upload.assetId()));
        }
        try {
            item.put(AppTable.DOCUMENT, Attr.s(Json.mapper().writeValueAsString(upload)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("upload record cannot be serialised", e);
        }
        dynamo.putItem(put -> put.tableName(table.name()).item(item)
                .conditionExpression("attribute_not_exists(#sk)")
                .expressionAttributeNames(Map.of("#sk", AppTable.SK)));
    }

    @Override
    public List<UploadRecord> forCampaign(String userId, String campaignId) {
        List<UploadRecord> records = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table.name()).indexName(AppTable.LSI1)
                    .keyConditionExpression("#pk = :pk AND begins_with(#lsk, :prefix)")
                    .expressionAttributeNames(Map.of("#pk", AppTable.PK, "#lsk", AppTable.LSI1_SK))
                    .expressionAttributeValues(Map.of(":pk", Attr.s(AppTable.tenantKey(userId)),
                            ":prefix", Attr.s(campaignPrefix(campaignId))));
            if (startKey != null) {
                query.exclusiveStartKey(startKey);
            }
            QueryResponse page = dynamo.query(query.build());
            for (Map<String, AttributeValue> item : page.items()) {
                try {
                    records.add(Json.mapper().readValue(item.get(AppTable.DOCUMENT).s(), UploadRecord.class));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("stored upload " + item.get(AppTable.SK).s() + " is unreadable", e);
                }
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return records;
    }

    private static String campaignPrefix(String campaignId) {
        return CAMPAIGN_PREFIX + campaignId + "#";
    }
}
