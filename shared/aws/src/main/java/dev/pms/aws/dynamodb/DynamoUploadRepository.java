package dev.pms.aws.dynamodb;

import dev.pms.core.media.UploadRecord;
import dev.pms.core.media.UploadRepository;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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

    private final TableItems items;

    public DynamoUploadRepository(DynamoDbClient dynamo, AppTable table) {
        this.items = new TableItems(dynamo, table);
    }

    @Override
    public void save(String userId, UploadRecord upload) {
        Map<String, AttributeValue> item = TableItems.newItem(AppTable.tenantKey(userId), SK_PREFIX + upload.assetId(),
                "upload");
        if (upload.campaignId() != null) {
            item.put(AppTable.LSI1_SK, Attr.s(campaignPrefix(upload.campaignId()) + upload.createdAt() + "#" + upload.assetId()));
        }
        item.put(AppTable.DOCUMENT, Documents.of(upload));
        items.write(items.put(item, Condition.ABSENT));
    }

    @Override
    public List<UploadRecord> forCampaign(String userId, String campaignId) {
        return items.all(PrefixQuery.localIndex(AppTable.tenantKey(userId), campaignPrefix(campaignId))).stream()
                .map(item -> Documents.read(item, UploadRecord.class)).toList();
    }

    private static String campaignPrefix(String campaignId) {
        return CAMPAIGN_PREFIX + campaignId + "#";
    }
}
