package dev.pms.aws.dynamodb;

import dev.pms.core.campaign.Campaign;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Domain objects written as the stored document their repository keeps and read back, in memory: the mapping a read
 * of the table goes through, for SnapStart priming (whose caller has no data to read).
 */
public final class DocumentReadBack {
    private DocumentReadBack() {
    }

    /** {@code campaign} as its repository stores and reads it: a header item and its node items. */
    public static Campaign campaign(Campaign campaign) {
        List<Map<String, AttributeValue>> nodes = new ArrayList<>();
        CampaignItems.nodes(campaign).forEach((assetId, node) -> nodes.add(CampaignItems.node(campaign, assetId, node)));
        return new CampaignItems.Read(CampaignItems.header(campaign), nodes).campaign(campaign.userId());
    }
}
