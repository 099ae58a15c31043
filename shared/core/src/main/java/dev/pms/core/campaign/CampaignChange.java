package dev.pms.core.campaign;

import java.time.Instant;
import java.util.List;

/** An entry of a campaign's change log: who changed which fields when, and what the re-plan did. */
public record CampaignChange(Instant at, String by, List<String> fields, String summary) {
    public CampaignChange {
        fields = List.copyOf(fields);
    }
}
