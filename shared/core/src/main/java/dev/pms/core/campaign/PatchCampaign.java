package dev.pms.core.campaign;

import dev.pms.core.channel.Channel;

import java.time.LocalDate;
import java.util.List;

/**
 * A change of a stored campaign at {@code version}; a null field was not sent, except {@code kpi}, which
 * {@code kpiSent} tells apart from a clear.
 */
public record PatchCampaign(String campaignName, boolean kpiSent, String kpi, LocalDate startDate,
                            LocalDate launchDate, List<Channel> channels, long version) {

    public PatchCampaign {
        if (version < 1) {
            throw new IllegalArgumentException("a campaign version is at least 1");
        }
        if (campaignName != null && campaignName.isBlank()) {
            throw new IllegalArgumentException("a new campaign name is not blank");
        }
        if (channels != null && channels.isEmpty()) {
            throw new IllegalArgumentException("a campaign keeps at least one channel");
        }
        channels = channels == null ? null : List.copyOf(channels);
    }
}
