package dev.pms.core.proposal;

import java.util.List;

/** Body of {@code GET /campaigns/{id}/proposals/{asset_id}/versions}: every version, oldest first. */
public record ProposalHistory(List<Proposal> versions) {
    public ProposalHistory {
        versions = List.copyOf(versions);
    }
}
