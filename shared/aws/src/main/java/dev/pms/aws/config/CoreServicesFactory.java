package dev.pms.aws.config;

import dev.pms.core.asset.AssetRepository;
import dev.pms.core.asset.PublishedAssets;
import dev.pms.core.audit.ImageAuditService;
import dev.pms.core.generation.JobQueue;
import dev.pms.core.inventory.BoardPublishedAssets;
import dev.pms.core.inventory.InventoryJobs;
import dev.pms.core.inventory.InventoryRepository;
import dev.pms.core.brand.BrandProfileRepository;
import dev.pms.core.brand.BrandService;
import dev.pms.core.campaign.CampaignRepository;
import dev.pms.core.campaign.CampaignService;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.media.MediaStore;
import dev.pms.core.media.UploadRepository;
import dev.pms.core.media.UploadService;
import dev.pms.core.pack.ChannelPackService;
import dev.pms.core.pricing.CostEstimator;
import dev.pms.core.pricing.PlanCatalog;
import dev.pms.core.pricing.PreflightService;
import dev.pms.core.pricing.PriceTable;
import dev.pms.core.proposal.ProposalRepository;
import dev.pms.core.proposal.ProposalService;
import dev.pms.core.usage.PlanRepository;
import dev.pms.core.usage.UsageLedger;
import dev.pms.core.usage.UsageService;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.UUID;

/**
 * Wires the core application services to the AWS adapters. Beans are created on first use, so each
 * function's context builds only the services its controller needs.
 */
@Factory
public class CoreServicesFactory {

    @Singleton
    ChannelCatalog channelCatalog() {
        return ChannelCatalog.load();
    }

    @Singleton
    ImageAuditService imageAuditService(ChannelCatalog catalog) {
        return new ImageAuditService(catalog, PriceTable.load());
    }

    @Singleton
    UploadService uploadService(MediaStore media, UploadRepository uploads, CampaignRepository campaigns,
                                ImageAuditService audits, Clock clock) {
        return new UploadService(media, uploads, campaigns, audits, clock, () -> UUID.randomUUID().toString());
    }

    @Singleton
    ChannelPackService channelPackService(ChannelCatalog catalog) {
        return new ChannelPackService(catalog);
    }

    @Singleton
    CostEstimator costEstimator(ChannelCatalog catalog) {
        return new CostEstimator(PriceTable.load(), catalog);
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

    @Singleton
    PreflightService preflightService(CampaignService campaigns, CostEstimator estimator, PlanRepository plans,
                                      UsageLedger ledger, Clock clock) {
        return new PreflightService(campaigns, estimator, PlanCatalog.load(), plans, ledger, clock);
    }

    @Singleton
    ProposalService proposalService(ProposalRepository proposals, CampaignRepository campaigns,
                                    BrandProfileRepository profiles, ChannelCatalog catalog, CostEstimator estimator,
                                    PreflightService preflight, Clock clock) {
        return new ProposalService(proposals, campaigns, profiles, catalog, estimator, preflight, clock);
    }

    /** Inventory fixes and channel variants as provider jobs (the provider worker runs them; the inventory queues them). */
    @Singleton
    InventoryJobs inventoryJobs(InventoryRepository inventory, AssetRepository assets, MediaStore media,
                                JobQueue queue, ChannelCatalog catalog, Clock clock) {
        return new InventoryJobs(inventory, assets, media, queue, catalog, clock);
    }

    /** The assets campaign nodes adopted when Journey B variants were published, for packs and schedules. */
    @Singleton
    PublishedAssets publishedAssets(InventoryRepository inventory) {
        return new BoardPublishedAssets(inventory);
    }

    @Singleton
    UsageService usageService(PlanRepository plans, UsageLedger ledger, Clock clock) {
        return new UsageService(PlanCatalog.load(), plans, ledger, clock);
    }
}
