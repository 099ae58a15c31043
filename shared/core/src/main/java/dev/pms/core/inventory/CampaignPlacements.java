package dev.pms.core.inventory;

import dev.pms.core.campaign.Campaign;
import dev.pms.core.channel.AssetType;
import dev.pms.core.channel.Channel;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.channel.Placement;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The catalogue placements a campaign's channels offer, by kind. */
final class CampaignPlacements {
    private CampaignPlacements() {
    }

    /** Every image placement (with a canvas) of the channels, in catalogue order. */
    static List<Placement> images(ChannelCatalog catalog, Collection<Channel> channels) {
        List<Placement> images = new ArrayList<>();
        for (Channel channel : channels) {
            for (Placement placement : catalog.placements(channel)) {
                if (placement.assetType() == AssetType.IMAGE && placement.canvas() != null) {
                    images.add(placement);
                }
            }
        }
        return images;
    }

    static List<Placement> images(ChannelCatalog catalog, Campaign campaign) {
        return images(catalog, campaign.channels());
    }

    /** Every copy placement of the campaign's channels. */
    static List<Placement> copy(ChannelCatalog catalog, Campaign campaign) {
        List<Placement> copy = new ArrayList<>();
        for (Channel channel : campaign.channels()) {
            for (Placement placement : catalog.placements(channel)) {
                if (placement.assetType() == AssetType.TEXT) {
                    copy.add(placement);
                }
            }
        }
        return copy;
    }
}
