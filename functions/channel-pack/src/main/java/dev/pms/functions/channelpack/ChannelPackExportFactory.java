package dev.pms.functions.channelpack;

import dev.pms.core.asset.AssetRepository;
import dev.pms.core.asset.PublishedAssets;
import dev.pms.core.asset.LibraryAssets;
import dev.pms.core.brand.BrandProfileRepository;
import dev.pms.core.generation.GenerationRunRepository;
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

/** Pack exports ship the campaign's generated assets and render with the offline providers where none exists. */
@Factory
public class ChannelPackExportFactory {

    @Singleton
    ChannelPackExportService channelPackExportService(CampaignRepository campaigns, ProposalRepository proposals,
                                                      BrandProfileRepository profiles, ChannelCatalog catalog,
                                                      MediaStore media, Clock clock, GenerationRunRepository runs,
                                                      AssetRepository assets, PublishedAssets published) {
        return new ChannelPackExportService(campaigns, proposals, profiles, catalog, new OfflineProviders(), media,
                clock, () -> UUID.randomUUID().toString(), new LibraryAssets(runs, assets, media, published));
    }
}
