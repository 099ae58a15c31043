package dev.pms.core.proposal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Body of contract #3 and #11: the current proposal of each asset node by asset id (in graph order) and the number of
 * asset nodes of the campaign.
 */
public record ProposalSet(Map<String, Proposal> proposals, int totalAssets) {
    public ProposalSet {
        proposals = Collections.unmodifiableMap(new LinkedHashMap<>(proposals));
    }
}
