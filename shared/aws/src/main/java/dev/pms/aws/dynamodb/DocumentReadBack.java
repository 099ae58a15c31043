package dev.pms.aws.dynamodb;

import dev.pms.core.campaign.Campaign;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * Domain objects written as the stored document their repository keeps and read back, in memory: the mapping a read
 * of the table goes through, for SnapStart priming (whose caller has no data to read).
 */
public final class DocumentReadBack {
    private DocumentReadBack() {
    }

    /** {@code campaign} as its repository stores and reads it. */
    public static Campaign campaign(Campaign campaign) {
        return Documents.read(item(Documents.of(CampaignDocument.of(campaign))), CampaignDocument.class)
                .toCampaign(campaign.userId());
    }

    private static Map<String, AttributeValue> item(AttributeValue document) {
        return Map.of(AppTable.SK, Attr.s("priming"), AppTable.DOCUMENT, document);
    }
}
