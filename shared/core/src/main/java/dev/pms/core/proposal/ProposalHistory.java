package dev.pms.core.proposal;

import java.util.List;

/**
 * Body of {@code GET /campaigns/{id}/proposals/{asset_id}/versions}: one page of the kept versions, oldest first, and
 * the token of the next page (absent on the last).
 */
public record ProposalHistory(List<Proposal> versions, String nextToken) {
    public ProposalHistory {
        versions = List.copyOf(versions);
    }
}
