package dev.pms.core.campaign;

import dev.pms.core.common.PageSizes;

/**
 * One page of the caller's campaigns, newest first.
 *
 * @param status    only campaigns in this status; null for all
 * @param limit     1..{@value PageSizes#MAX}
 * @param nextToken where the previous page ended; null for the first page
 */
public record ListCampaigns(CampaignStatus status, int limit, String nextToken) {

    public ListCampaigns {
        if (limit < 1 || limit > PageSizes.MAX) {
            throw new IllegalArgumentException("a page holds 1.." + PageSizes.MAX + " campaigns, not " + limit);
        }
        if (nextToken != null && nextToken.isBlank()) {
            nextToken = null;
        }
    }
}
