package dev.pms.aws.dynamodb;

import java.util.List;

/** Sort-key prefixes of the items the approval board, distribution and performance loop keep under a campaign. */
final class CampaignOpsKeys {
    static final String BOARD_MOVE = "BOARDMOVE#";
    static final String SCHEDULE_VERSION = "SCHEDULE#";
    static final String SCHEDULE_LATEST = "SCHEDLATEST#";
    static final String METRICS = "METRICS#";
    static final String OPTIMIZATION_RUN = "OPTRUN#";

    private CampaignOpsKeys() {
    }

    static List<String> prefixesOf(String campaignId) {
        return List.of(BOARD_MOVE + campaignId + "#", SCHEDULE_VERSION + campaignId + "#",
                SCHEDULE_LATEST + campaignId + "#", METRICS + campaignId + "#", OPTIMIZATION_RUN + campaignId + "#");
    }
}
