package dev.pms.functions.channelpack;

import dev.pms.core.brand.BrandProfileRepository;
import dev.pms.core.campaign.CampaignRepository;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.media.MediaStore;
import dev.pms.core.pack.ChannelPackExportService;
import dev.pms.core.proposal.ProposalRepository;
import dev.pms.providers.offline.OfflineProviders;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.UUID;

/** Pack exports render with the offline providers (the embedded default) where no generated asset exists. */
@Factory
public class ChannelPackExportFactory {

    @Singleton
    ChannelPackExportService channelPackExportService(CampaignRepository campaigns, ProposalRepository proposals,
                                                      BrandProfileRepository profiles, ChannelCatalog catalog,
                                                      MediaStore media, Clock clock) {
        return new ChannelPackExportService(campaigns, proposals, profiles, catalog, new OfflineProviders(), media,
                clock, () -> UUID.randomUUID().toString());
    }
}
