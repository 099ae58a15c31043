package dev.pms.core.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pms.core.brand.BrandProfileRepository;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.common.Page;

import java.time.Clock;
import java.util.function.Supplier;

/** Application service behind the campaign routes; request bodies arrive as parsed JSON trees. */
public final class CampaignService {
    public CampaignService(CampaignRepository campaigns, BrandProfileRepository profiles, ChannelCatalog catalog,
                           Clock clock, Supplier<String> idGenerator) {
    }

    public Campaign createBlueprint(String userId, JsonNode request) {
        throw new UnsupportedOperationException("being written on the core branch");
    }

    public Campaign get(String userId, String campaignId) {
        throw new UnsupportedOperationException("being written on the core branch");
    }

    public Page<Campaign> list(String userId, String status, String limit, String nextToken) {
        throw new UnsupportedOperationException("being written on the core branch");
    }

    public Campaign update(String userId, String campaignId, JsonNode patch) {
        throw new UnsupportedOperationException("being written on the core branch");
    }

    public void delete(String userId, String campaignId) {
        throw new UnsupportedOperationException("being written on the core branch");
    }
}
