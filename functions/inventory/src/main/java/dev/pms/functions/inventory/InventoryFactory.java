package dev.pms.functions.inventory;

import dev.pms.core.asset.AssetRepository;
import dev.pms.core.asset.LibraryAssets;
import dev.pms.core.asset.PublishedAssets;
import dev.pms.core.distribution.DistributionService;
import dev.pms.core.generation.GenerationRunRepository;
import dev.pms.core.generation.JobQueue;
import dev.pms.core.inventory.FixPlanService;
import dev.pms.core.inventory.InventoryJobs;
import dev.pms.core.inventory.VariantService;
import dev.pms.core.pack.ChannelPackExportService;
import dev.pms.core.pricing.CostEstimator;
import dev.pms.core.pricing.PreflightService;
import dev.pms.core.proposal.ProposalRepository;
import dev.pms.providers.offline.OfflineProviders;
import dev.pms.core.audit.ImageAuditService;
import dev.pms.core.brand.BrandConsistency;
import dev.pms.core.brand.BrandConsistencyScorer;
import dev.pms.core.brand.BrandProfileRepository;
import dev.pms.core.campaign.CampaignRepository;
import dev.pms.core.channel.ChannelCatalog;
import dev.pms.core.inventory.ImportWorkflow;
import dev.pms.core.inventory.InventoryAuditor;
import dev.pms.core.inventory.InventoryImportTasks;
import dev.pms.core.inventory.InventoryRepository;
import dev.pms.core.inventory.InventoryService;
import dev.pms.core.inventory.ZipLimits;
import dev.pms.core.media.MediaStore;
import dev.pms.embeddings.MiniLmBrandConsistencyScorer;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.UUID;

/** Wires Journey B: the inventory service for the API, and the import workflow's tasks. */
@Factory
public class InventoryFactory {

    @Singleton
    InventoryService inventoryService(InventoryRepository inventory, CampaignRepository campaigns,
                                      AssetRepository assets, MediaStore media, ImportWorkflow workflow, Clock clock) {
        return new InventoryService(inventory, campaigns, assets, media, workflow, ZipLimits.DEFAULT, clock,
                () -> UUID.randomUUID().toString());
    }

    /**
     * The model loads on the first text scored, not in INIT. Where another module of the classpath already provides a
     * scorer (the devstack runs every function on one classpath), that one is used.
     */
    @Singleton
    @Requires(missingBeans = BrandConsistencyScorer.class)
    BrandConsistencyScorer brandConsistencyScorer() {
        return new MiniLmBrandConsistencyScorer();
    }

    @Singleton
    FixPlanService fixPlanService(InventoryRepository inventory, AssetRepository assets, JobQueue queue,
                                  PreflightService preflight, ChannelCatalog catalog, BrandProfileRepository profiles,
                                  Clock clock) {
        return new FixPlanService(inventory, assets, queue, preflight, catalog, profiles, clock,
                () -> UUID.randomUUID().toString());
    }

    /**
     * Variants and publishing; the pack export is made here rather than taken as a bean, since the channel-pack
     * function defines that bean for itself.
     */
    @Singleton
    VariantService variantService(InventoryRepository inventory, AssetRepository assets, CampaignRepository campaigns,
                                  ChannelCatalog catalog, BrandProfileRepository profiles, JobQueue queue,
                                  MediaStore media, InventoryJobs jobs, CostEstimator costs, PreflightService preflight,
                                  ProposalRepository proposals, GenerationRunRepository runs, PublishedAssets published,
                                  DistributionService distribution, Clock clock) {
        ChannelPackExportService packs = new ChannelPackExportService(campaigns, proposals, profiles, catalog,
                new OfflineProviders(), media, clock, () -> UUID.randomUUID().toString(),
                new LibraryAssets(runs, assets, media, published));
        return new VariantService(inventory, assets, campaigns, catalog, profiles, queue, media, jobs, costs, preflight,
                packs, distribution, clock, () -> UUID.randomUUID().toString());
    }

    @Singleton
    InventoryImportTasks inventoryImportTasks(InventoryRepository inventory, MediaStore media,
                                              CampaignRepository campaigns, ChannelCatalog catalog,
                                              BrandProfileRepository profiles, ImageAuditService audits,
                                              BrandConsistencyScorer scorer, Clock clock) {
        return new InventoryImportTasks(inventory, media, campaigns, catalog, profiles, new InventoryAuditor(audits),
                new BrandConsistency(profiles, catalog, scorer), null, null, ZipLimits.DEFAULT, clock);
    }
}
