package dev.pms.core.optimization;

import dev.pms.core.common.Page;

/**
 * Port: every active campaign of every tenant, a page at a time (an index, never a table scan). The write side is the
 * campaign's own status: a campaign is listed while it is {@code active}.
 */
public interface ActiveCampaignIndex {

    /** @param nextToken null for the first page; {@code limit} is 1..1000 */
    Page<CampaignRef> page(int limit, String nextToken);
}
