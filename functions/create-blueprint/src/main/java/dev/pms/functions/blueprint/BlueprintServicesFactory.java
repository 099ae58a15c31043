package dev.pms.functions.blueprint;

import dev.pms.core.brand.BrandProfileRepository;
import dev.pms.core.brand.BrandService;
import dev.pms.core.campaign.CampaignRepository;
import dev.pms.core.campaign.CampaignService;
import dev.pms.core.channel.ChannelCatalog;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.UUID;

/** Wires the core application services to the AWS adapters for this function. */
@Factory
public class BlueprintServicesFactory {

    @Singleton
    ChannelCatalog channelCatalog() {
        return ChannelCatalog.load();
    }

    @Singleton
    CampaignService campaignService(CampaignRepository campaigns, BrandProfileRepository profiles,
                                    ChannelCatalog catalog, Clock clock) {
        return new CampaignService(campaigns, profiles, catalog, clock, () -> UUID.randomUUID().toString());
    }

    @Singleton
    BrandService brandService(BrandProfileRepository profiles, ChannelCatalog catalog, Clock clock) {
        return new BrandService(profiles, catalog, clock);
    }
}
